"""D4: a new password keeps this device and ends every other one, and every API token.
Recovery is by the person's own e-mail only: never through the partner, no security questions."""

import re

import pytest
from allauth.usersessions.models import UserSession
from django.test import Client

from hearth.accounts.tests.helpers import (
    CHROME_ON_ANDROID,
    FIREFOX_ON_WINDOWS,
    SAFARI_ON_IPHONE,
    is_signed_in,
    signed_in,
)
from hearth.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-brand-new-Passphrase-77"


def change_password(client: Client):
    return client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )


def test_it_ends_every_other_session_and_keeps_this_one(owner, partner):
    laptop = signed_in(owner, FIREFOX_ON_WINDOWS)
    phone = signed_in(owner, SAFARI_ON_IPHONE)
    partners_phone = signed_in(partner, CHROME_ON_ANDROID)
    assert change_password(laptop).status_code == 302
    assert is_signed_in(laptop)
    assert not is_signed_in(phone)
    assert is_signed_in(partners_phone)
    assert [s.session_key for s in UserSession.objects.filter(user=owner)] == [
        laptop.session.session_key
    ]
    # The old password no longer opens the door, the new one does.
    assert (
        Client().post("/accounts/login/", {"login": owner.email, "password": PASSWORD}).status_code
        == 400
    )
    response = phone.post("/accounts/login/", {"login": owner.email, "password": NEW_PASSWORD})
    assert response.status_code == 302


def test_it_ends_my_api_tokens_but_not_my_partners(owner, partner, api_for):
    mine, theirs = api_for(owner), api_for(partner)
    assert mine.get("/me").status_code == 200
    change_password(signed_in(owner, FIREFOX_ON_WINDOWS))
    assert mine.get("/me").status_code == 401
    assert theirs.get("/me").status_code == 200


def test_it_tells_me_by_e_mail_without_saying_where_i_am(owner, partner, smtp_server, settings):
    settings.SITE_URL = "https://hearth.example"
    laptop = signed_in(owner, FIREFOX_ON_WINDOWS)
    smtp_server.messages.clear()
    change_password(laptop)
    assert [message["To"] for message in smtp_server.messages] == [owner.email]
    body = smtp_server.messages[0].get_payload(decode=True).decode()
    assert "Your password was changed. Every other device was signed out" in body
    assert "Made on Firefox on Windows" in body
    assert "127.0.0.1" not in body
    assert partner.display_name not in body and partner.email not in body


def test_a_password_reset_ends_every_session_and_token(owner, api_for, smtp_server):
    phone = signed_in(owner, SAFARI_ON_IPHONE)
    script = api_for(owner)
    stranger = Client()
    stranger.post("/accounts/password/reset/", {"email": owner.email})
    body = smtp_server.messages[-1].get_payload(decode=True).decode()
    path = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", body).group(1)
    form = stranger.get(path, follow=True)
    action = form.redirect_chain[-1][0] if form.redirect_chain else path
    stranger.post(action, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    owner.refresh_from_db()
    assert owner.check_password(NEW_PASSWORD)
    assert not is_signed_in(phone)
    assert script.get("/me").status_code == 401
    assert not UserSession.objects.filter(user=owner).exists()


def test_the_reset_mail_goes_only_to_my_own_address(owner, partner, smtp_server):
    Client().post("/accounts/password/reset/", {"email": owner.email})
    assert [message["To"] for message in smtp_server.messages] == [owner.email]
    for message in smtp_server.messages:
        text = message.as_string()
        assert partner.email not in text and partner.display_name not in text
    # Asking with the partner's name, or anything but my address, reaches nobody.
    smtp_server.messages.clear()
    for what in (partner.display_name, owner.display_name, "olive"):
        Client().post("/accounts/password/reset/", {"email": what})
    assert smtp_server.messages == []


def test_recovery_asks_for_an_e_mail_address_and_nothing_else(db):
    page = Client().get("/accounts/password/reset/").content.decode()
    fields = set(re.findall(r'<(?:input|select|textarea)[^>]*name="([^"]+)"', page))
    assert fields == {"csrfmiddlewaretoken", "email"}
    assert "question" not in page.lower()
