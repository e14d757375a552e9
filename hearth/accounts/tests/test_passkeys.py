"""Passkeys: register one, then sign in with it alone. A software authenticator signs for real."""

import json

import pytest
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.models import Authenticator
from django.test import Client

from hearth.conftest_helpers import login_client
from hearth.tests.passkeys import SoftPasskey, challenge_from

pytestmark = pytest.mark.django_db


def register(client: Client, passkey: SoftPasskey) -> None:
    page = client.get("/accounts/2fa/webauthn/add/")
    challenge = challenge_from(page.context["js_data"]["creation_options"])
    response = client.post(
        "/accounts/2fa/webauthn/add/",
        {
            "name": "My phone",
            "passwordless": "on",
            "credential": json.dumps(passkey.registration_response(challenge)),
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]


def test_a_person_signs_in_with_a_passkey(owner):
    passkey = SoftPasskey()
    register(login_client(owner), passkey)
    assert Authenticator.objects.filter(user=owner, type="webauthn").count() == 1

    phone = Client()
    options = phone.get("/accounts/2fa/webauthn/login/", headers={"Accept": "application/json"})
    challenge = challenge_from(options.json()["request_options"])
    assertion = passkey.authentication_response(
        challenge, user_handle=user_pk_to_url_str(owner).encode()
    )
    response = phone.post("/accounts/2fa/webauthn/login/", {"credential": json.dumps(assertion)})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert "site-nav" in phone.get("/").content.decode()


def test_a_passkey_of_someone_else_does_not_open_the_account(owner, loner):
    register(login_client(owner), SoftPasskey())
    impostor = SoftPasskey()  # a key nobody registered, claiming to be the owner
    phone = Client()
    options = phone.get("/accounts/2fa/webauthn/login/", headers={"Accept": "application/json"})
    assertion = impostor.authentication_response(
        challenge_from(options.json()["request_options"]),
        user_handle=user_pk_to_url_str(owner).encode(),
    )
    phone.post("/accounts/2fa/webauthn/login/", {"credential": json.dumps(assertion)})
    assert "site-nav" not in phone.get("/").content.decode()
