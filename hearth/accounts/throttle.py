"""Failed-login throttling that a stranger cannot use to lock the owner out.

Three counters, each over a fixed window (OWASP "device cookies"):

- per client IP, for every account: stops one machine guessing widely;
- per account *and* source: the source is the device cookie that a browser
  receives after a successful login to that account, or else the client IP.
  A stranger's failures from elsewhere never count against the owner's device;
- per account from unknown devices only: slows a guesser spread over many IPs,
  while the owner's known device still gets in.

The client IP is REMOTE_ADDR unless TRUSTED_PROXY_COUNT says which
X-Forwarded-For entry a trusted proxy wrote, so a forged header changes nothing.
"""

import hashlib
import secrets
from dataclasses import dataclass

from allauth.core.internal.httpkit import get_client_ip
from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from hearth.core import ratelimit

DEVICE_COOKIE = "hearth_device"
DEVICE_COOKIE_AGE = 60 * 60 * 24 * 365
DEVICE_SALT = "hearth.accounts.device"


@dataclass(frozen=True)
class Limit:
    name: str
    attempts: int
    window_seconds: int


PER_IP = Limit("ip", 40, 15 * 60)
PER_ACCOUNT_AND_SOURCE = Limit("account-source", 6, 15 * 60)
PER_ACCOUNT_UNKNOWN_DEVICES = Limit("account-unknown", 60, 60 * 60)

TOO_MANY_MESSAGE = _(
    "Too many sign-in attempts. Please wait 15 minutes and try again, "
    "or reset your password if you have forgotten it."
)


def client_ip(request: HttpRequest) -> str:
    return get_client_ip(request) or "unknown"


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:32]


def _known_device(request: HttpRequest, email: str) -> str | None:
    """The device id when this browser has signed in to this account before."""
    try:
        value = signing.loads(
            request.COOKIES.get(DEVICE_COOKIE, ""), salt=DEVICE_SALT, max_age=DEVICE_COOKIE_AGE
        )
    except signing.BadSignature:
        return None
    if isinstance(value, dict) and value.get("email") == email:
        return str(value.get("device"))
    return None


def is_known_device(request: HttpRequest, email: str) -> bool:
    """Whether this browser has signed in to this account before (it holds the cookie)."""
    return _known_device(request, email.strip().lower()) is not None


def _buckets(request: HttpRequest, email: str) -> list[tuple[Limit, str]]:
    email = email.strip().lower()
    device = _known_device(request, email)
    source = f"device:{device}" if device else f"ip:{client_ip(request)}"
    buckets = [(PER_ACCOUNT_AND_SOURCE, _digest(email, source))]
    if device is None:
        buckets.append((PER_IP, _digest(client_ip(request))))
        buckets.append((PER_ACCOUNT_UNKNOWN_DEVICES, _digest(email)))
    return buckets


def is_blocked(request: HttpRequest, email: str) -> bool:
    """True when this attempt must be refused before the password is checked."""
    return any(
        ratelimit.count(f"login-failures:{limit.name}", key, window_seconds=limit.window_seconds)
        >= limit.attempts
        for limit, key in _buckets(request, email)
    )


def record_failure(request: HttpRequest, email: str) -> None:
    for limit, key in _buckets(request, email):
        ratelimit.hit(f"login-failures:{limit.name}", key, window_seconds=limit.window_seconds)


def remember_device(request: HttpRequest, response: HttpResponse, email: str) -> None:
    """Give this browser a device cookie for the account it just signed in to."""
    device = _known_device(request, email) or secrets.token_hex(8)
    response.set_cookie(
        DEVICE_COOKIE,
        signing.dumps({"email": email, "device": device}, salt=DEVICE_SALT),
        max_age=DEVICE_COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
