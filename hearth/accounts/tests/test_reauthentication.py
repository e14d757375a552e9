"""D4: the password again before changing e-mail, password or two-factor.

allauth (ACCOUNT_REAUTHENTICATION_REQUIRED) asks again when the last time the person
typed their password is more than a few minutes old; `login_client(...,
recently_authenticated=False)` is a session where it is.
"""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.test import Client

from hearth.accounts.tests.test_email_and_two_factor import totp_code
from hearth.conftest_helpers import login_client
from hearth.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

NEW_ADDRESS = "olive.new@example.com"


def asks_for_the_password(response) -> bool:
    return response.status_code == 302 and response.headers["Location"].startswith(
        ("/accounts/reauthenticate/", "/accounts/2fa/reauthenticate/")
    )


def make_stale(client: Client) -> None:
    session = client.session
    for record in session["account_authentication_methods"]:
        record["at"] -= 60 * 60
    session.save()


@pytest.fixture
def with_address(owner):
    EmailAddress.objects.create(user=owner, email=owner.email, primary=True, verified=True)
    return owner


def test_it_asks_for_the_password_before_adding_an_e_mail_address(with_address):
    client = login_client(with_address, recently_authenticated=False)
    response = client.post("/accounts/email/", {"email": NEW_ADDRESS, "action_add": ""})
    assert asks_for_the_password(response)
    assert not EmailAddress.objects.filter(email=NEW_ADDRESS).exists()

    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    client.post("/accounts/email/", {"email": NEW_ADDRESS, "action_add": ""})
    assert EmailAddress.objects.filter(user=with_address, email=NEW_ADDRESS).exists()


def test_a_wrong_password_does_not_count_as_asking_again(with_address):
    client = login_client(with_address, recently_authenticated=False)
    client.post("/accounts/reauthenticate/", {"password": "not-my-password"})
    response = client.post("/accounts/email/", {"email": NEW_ADDRESS, "action_add": ""})
    assert asks_for_the_password(response)


def test_it_asks_for_the_password_before_making_another_address_primary(with_address):
    EmailAddress.objects.create(user=with_address, email=NEW_ADDRESS, verified=True)
    client = login_client(with_address, recently_authenticated=False)
    response = client.post("/accounts/email/", {"email": NEW_ADDRESS, "action_primary": ""})
    assert asks_for_the_password(response)
    with_address.refresh_from_db()
    assert with_address.email == "olive@example.com"


def test_changing_the_password_needs_the_current_one(owner):
    client = login_client(owner)
    new = "a-brand-new-Passphrase-77"
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": "not-my-password", "password1": new, "password2": new},
    )
    assert response.status_code in (200, 400)
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)


@pytest.mark.parametrize(
    "path",
    [
        "/accounts/2fa/totp/activate/",
        "/accounts/2fa/webauthn/add/",
        "/accounts/2fa/recovery-codes/generate/",
    ],
)
def test_it_asks_for_the_password_before_adding_a_second_factor(with_address, path):
    client = login_client(with_address, recently_authenticated=False)
    assert asks_for_the_password(client.get(path))
    assert asks_for_the_password(client.post(path, {}))
    assert not Authenticator.objects.filter(user=with_address).exists()


def test_it_asks_again_before_turning_two_factor_off(with_address):
    client = login_client(with_address)
    page = client.get("/accounts/2fa/totp/activate/").content.decode()
    secret = re.search(r'value="([A-Z2-7]{16,})"', page).group(1)
    client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert Authenticator.objects.filter(user=with_address, type="totp").exists()

    make_stale(client)
    assert asks_for_the_password(client.post("/accounts/2fa/totp/deactivate/", {}))
    assert Authenticator.objects.filter(user=with_address, type="totp").exists()


def test_no_api_path_changes_e_mail_password_or_two_factor(db):
    """Should one be added, it must ask for the current password (SAFETY.md)."""
    schema = Client().get("/api/v1/openapi.json").json()
    credential_paths = [
        path
        for path in schema["paths"]
        if re.search(r"password|e-?mail|2fa|totp|mfa|two.?factor|passkey|webauthn", path)
    ]
    assert credential_paths == []
    # Only sign-up and the token exchange take an e-mail address; nothing takes a new password.
    takes_email = {
        name
        for name, component in schema["components"]["schemas"].items()
        if name.endswith("In")
        and component.get("properties", {}).get("email", {}).get("type") == "string"
    }
    assert takes_email == {"SignupIn", "TokenRequestIn"}
    for name, component in schema["components"]["schemas"].items():
        for field in component.get("properties", {}):
            assert not re.search(r"new_?password|password[12]|secret", field), (name, field)
