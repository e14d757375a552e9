"""Two-factor secrets encrypted at rest (the TOTP key and the recovery-code seed).

allauth stores them through `MFAAdapter.encrypt`/`decrypt`. Hearth seals them with
Fernet (AES-128-CBC with HMAC-SHA256, from `cryptography`) under a key derived from
SECRET_KEY with HKDF, so a copy of the database alone does not let anyone make codes.

Key rotation: a new SECRET_KEY cannot open secrets sealed under the old one. Put the old
key in SECRET_KEY_FALLBACKS: Hearth still opens them, and `manage.py reseal_two_factor`
seals them again under the new key; only then may the old key be dropped. Dropping it
earlier leaves everyone with two-factor unable to sign in with their app or recovery
codes (passkeys still work) until an operator removes their authenticators.
"""

import base64
import logging
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

logger = logging.getLogger(__name__)

# Marks a sealed value, so that a secret stored in the clear before Hearth sealed them
# is recognised (and sealed by migration 0003 or on `reseal_two_factor`).
PREFIX = "fernet:"


@cache
def _fernet_for(secret_key: str) -> Fernet:
    key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"hearth.accounts.two-factor"
    ).derive(secret_key.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def _fernet() -> MultiFernet:
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return MultiFernet([_fernet_for(key) for key in keys])


def is_sealed(value: str) -> bool:
    return value.startswith(PREFIX)


def seal(text: str) -> str:
    """Encrypt under the current SECRET_KEY."""
    return PREFIX + _fernet().encrypt(text.encode()).decode("ascii")


def unseal(value: str) -> str:
    """Decrypt with SECRET_KEY or any of SECRET_KEY_FALLBACKS; clear text passes through."""
    if not is_sealed(value):
        return value
    try:
        return _fernet().decrypt(value.removeprefix(PREFIX).encode("ascii")).decode()
    except InvalidToken:
        logger.error(
            "A two-factor secret cannot be decrypted: SECRET_KEY changed without the old key "
            "in SECRET_KEY_FALLBACKS (docs/sessions-and-security.md)."
        )
        raise


def reseal(value: str) -> str:
    """The same secret sealed under the current key (for key rotation)."""
    return seal(unseal(value))


def reseal_authenticator_data(kind: str, data: dict) -> dict:
    """An authenticator's `data` with its secrets sealed under the current key.

    `kind` is allauth's Authenticator.Type value; passkeys hold only public keys.
    """
    data = dict(data)
    if kind == "totp" and "secret" in data:
        data["secret"] = reseal(data["secret"])
    elif kind == "recovery_codes":
        if "seed" in data:
            data["seed"] = reseal(data["seed"])
        if "migrated_codes" in data:
            data["migrated_codes"] = [reseal(code) for code in data["migrated_codes"]]
    return data
