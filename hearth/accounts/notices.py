"""E-mails that tell a person about their own account: a new sign-in, a security change.

They go to the person's own address only; they never mention a partner (PRODUCT D4). They
are written in the person's language, whoever's browser (or script) caused them.
"""

import logging
import smtplib

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from hearth.accounts import throttle
from hearth.accounts.devices import describe_user_agent
from hearth.accounts.models import User

logger = logging.getLogger(__name__)


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def when_for(user: User) -> str:
    """Now, as the person reads a clock: "Tuesday 4 March 2025, 21:07 (Europe London)"."""
    now = timezone.localtime(timezone.now(), user.zone)
    return f"{date_format(now, _('l j F Y, H:i'))} ({user.time_zone.replace('_', ' ')})"


def notice_context(request: HttpRequest | None, user: User) -> dict[str, str]:
    """What every notice says: on which device, when, and where to act."""
    user_agent = request.META.get("HTTP_USER_AGENT", "") if request is not None else ""
    return {
        "device": describe_user_agent(user_agent),
        "when": when_for(user),
        "sessions_link": _absolute(reverse("accounts:sessions")),
        "password_link": _absolute(reverse("account_change_password")),
        "reset_link": _absolute(reverse("account_reset_password")),
    }


def sign_in_notice_send(*, request: HttpRequest, user: User, via: str = "") -> bool:
    """Tell the person about a sign-in from a browser that has not signed in to them before.

    `via` names a sign-in without a browser (an API token). Returns whether a notice went
    out. A mail server that is down never stops the sign-in.
    """
    if not via and throttle.is_known_device(request, user.email):
        return False
    try:
        with translation.override(user.language):
            context = {**notice_context(request, user), "via": via}
            get_adapter(request).send_mail("accounts/email/new_sign_in", user.email, context)
    except (smtplib.SMTPException, OSError):
        logger.warning("The new sign-in notice could not be sent.")
        return False
    return True
