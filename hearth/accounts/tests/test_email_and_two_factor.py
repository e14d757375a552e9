"""E-mail goes through a real SMTP server on loopback; two-factor uses real codes."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client

from hearth.conftest_helpers import login_client
from hearth.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_forgotten_password_is_reset_by_e_mail(owner, smtp_server):
    client = Client()
    response = client.post("/accounts/password/reset/", {"email": owner.email})
    assert response.status_code == 302
    assert len(smtp_server.messages) == 1
    message = smtp_server.messages[0]
    assert message["To"] == owner.email
    body = message.get_payload(decode=True).decode()
    assert body.startswith("Hello from Hearth")
    path = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", body).group(1)
    form_page = client.get(path, follow=True)
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else path
    new_password = "a-brand-new-Passphrase-77"
    done = client.post(action, {"password1": new_password, "password2": new_password})
    assert done.status_code == 302
    owner.refresh_from_db()
    assert owner.check_password(new_password)
    # The link works once.
    assert "invalid" in client.get(path, follow=True).content.decode().lower()


def test_sign_up_sends_a_verification_e_mail(smtp_server):
    Client().post(
        "/accounts/signup/",
        {"email": "wren@example.com", "password1": "a-long-Password-42", "display_name": "Wren"},
    )
    assert [m["To"] for m in smtp_server.messages] == ["wren@example.com"]
    assert "confirm" in smtp_server.messages[0]["Subject"].lower()


def totp_code(secret: str) -> str:
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    return format_hotp_value(hotp_value(secret, next(iter(yield_hotp_counters_from_time()))))


def test_two_factor_with_an_authenticator_app(owner):
    client = login_client(owner)
    page = client.get("/accounts/2fa/totp/activate/").content.decode()
    secret = re.search(r'value="([A-Z2-7]{16,})"', page).group(1)
    response = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=owner, type="totp").exists()
    # Recovery codes exist, and are not stored as plain text in the row.
    recovery = Authenticator.objects.get(user=owner, type="recovery_codes")
    codes = recovery.wrap().get_unused_codes()
    assert len(codes) == 10
    assert not any(code in str(recovery.data) for code in codes)

    # Signing in now asks for the code after the password.
    fresh = Client()
    step = fresh.post("/accounts/login/", {"login": owner.email, "password": PASSWORD})
    assert step.headers["Location"] == "/accounts/2fa/authenticate/"
    assert "site-nav" not in fresh.get("/").content.decode()  # not signed in yet
    wrong = fresh.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code in (200, 400)
    done = fresh.post("/accounts/2fa/authenticate/", {"code": codes[0]})
    assert done.status_code == 302
    assert "site-nav" in fresh.get("/").content.decode()
