"""Two-factor secrets are encrypted at rest with a key derived from SECRET_KEY; codes still work."""

import re
from io import StringIO

import pytest
from allauth.mfa.models import Authenticator
from cryptography.fernet import InvalidToken
from django.core.management import call_command
from django.db import connection
from django.test import Client

from hearth.accounts import encryption
from hearth.accounts.tests.test_email_and_two_factor import totp_code
from hearth.conftest_helpers import login_client
from hearth.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

OLD_KEY = "an-old-key-" + "o" * 50
NEW_KEY = "a-new-key-" + "n" * 50


def raw_data(authenticator_id: int) -> str:
    """The row as the database holds it, read without Django's field conversion."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM mfa_authenticator WHERE id = %s", [authenticator_id])
        return str(cursor.fetchone()[0])


def turn_on_totp(user) -> str:
    client = login_client(user)
    page = client.get("/accounts/2fa/totp/activate/").content.decode()
    secret = re.search(r'value="([A-Z2-7]{16,})"', page).group(1)
    assert client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)}).status_code
    return secret


def test_the_database_never_holds_the_totp_secret_or_the_recovery_seed(owner):
    secret = turn_on_totp(owner)
    totp = Authenticator.objects.get(user=owner, type="totp")
    row = raw_data(totp.pk)
    assert secret not in row
    assert encryption.PREFIX in row
    recovery = Authenticator.objects.get(user=owner, type="recovery_codes")
    seed = encryption.unseal(recovery.data["seed"])
    row = raw_data(recovery.pk)
    assert seed not in row
    assert not any(code in row for code in recovery.wrap().get_unused_codes())


def test_the_authenticator_app_still_signs_me_in(owner):
    secret = turn_on_totp(owner)
    fresh = Client()
    step = fresh.post("/accounts/login/", {"login": owner.email, "password": PASSWORD})
    assert step.headers["Location"] == "/accounts/2fa/authenticate/"
    done = fresh.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert done.status_code == 302
    assert fresh.get("/settings/").status_code == 200


def test_each_secret_is_sealed_differently():
    assert encryption.seal("JBSWY3DPEHPK3PXP") != encryption.seal("JBSWY3DPEHPK3PXP")


def test_a_new_secret_key_needs_the_old_one_as_a_fallback_until_resealed(owner, settings):
    settings.SECRET_KEY = OLD_KEY
    secret = turn_on_totp(owner)
    totp = Authenticator.objects.get(user=owner, type="totp")

    settings.SECRET_KEY = NEW_KEY
    with pytest.raises(InvalidToken):
        encryption.unseal(totp.data["secret"])
    settings.SECRET_KEY_FALLBACKS = [OLD_KEY]
    assert encryption.unseal(totp.data["secret"]) == secret

    out = StringIO()
    call_command("reseal_two_factor", stdout=out)
    assert "Sealed 2 two-factor secret(s)" in out.getvalue()
    settings.SECRET_KEY_FALLBACKS = []
    totp.refresh_from_db()
    assert encryption.unseal(totp.data["secret"]) == secret
    assert totp.wrap().validate_code(totp_code(secret))


def test_a_secret_stored_before_encryption_still_works_and_is_then_sealed(owner):
    clear = "JBSWY3DPEHPK3PXP"
    totp = Authenticator.objects.create(user=owner, type="totp", data={"secret": clear})
    assert totp.wrap().validate_code(totp_code(clear))
    call_command("reseal_two_factor", stdout=StringIO())
    assert clear not in raw_data(totp.pk)
    totp.refresh_from_db()
    assert encryption.unseal(totp.data["secret"]) == clear
