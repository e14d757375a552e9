"""D4: an e-mail to the person, and only them, when a new browser signs in to their Hearth."""

from email.header import decode_header, make_header

import pytest
from django.test import Client

from conftest import free_port
from hearth.accounts.tests.helpers import FIREFOX_ON_WINDOWS, SAFARI_ON_IPHONE, signed_in
from hearth.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def subject(message) -> str:
    return str(make_header(decode_header(message["Subject"])))


def bodies(inbox) -> list[str]:
    return [message.get_payload(decode=True).decode() for message in inbox.messages]


def test_it_tells_me_of_a_sign_in_on_a_new_browser(owner, partner, smtp_server, settings):
    settings.SITE_URL = "https://hearth.example"
    owner.time_zone = "Asia/Kolkata"
    owner.save()
    signed_in(owner, FIREFOX_ON_WINDOWS)
    assert [message["To"] for message in smtp_server.messages] == [owner.email]
    message = smtp_server.messages[0]
    assert subject(message) == "Hearth · New sign-in to your Hearth"
    body = bodies(smtp_server)[0]
    assert "Someone signed in to your Hearth on Firefox on Windows, " in body
    assert "(Asia/Kolkata)" in body
    assert "https://hearth.example/settings/sessions/" in body
    assert "change your password: https://hearth.example/accounts/password/change/" in body
    # About this person only: nothing of the partner, and not where anyone is.
    for word in (partner.display_name, partner.email, "partner", "127.0.0.1"):
        assert word not in body


def test_it_sends_nothing_when_the_same_browser_signs_in_again(owner, smtp_server):
    laptop = signed_in(owner, FIREFOX_ON_WINDOWS)
    assert len(smtp_server.messages) == 1
    laptop.post("/accounts/logout/")
    signed_in(owner, FIREFOX_ON_WINDOWS, client=laptop)
    assert len(smtp_server.messages) == 1


def test_it_tells_me_again_about_another_browser(owner, smtp_server):
    signed_in(owner, FIREFOX_ON_WINDOWS)
    signed_in(owner, SAFARI_ON_IPHONE)
    assert len(smtp_server.messages) == 2
    assert "on Safari on iPhone, " in bodies(smtp_server)[1]


def test_a_browser_that_knew_someone_else_is_new_to_me(owner, loner, smtp_server):
    shared_laptop = signed_in(loner, FIREFOX_ON_WINDOWS)
    shared_laptop.post("/accounts/logout/")
    signed_in(owner, FIREFOX_ON_WINDOWS, client=shared_laptop)
    assert [message["To"] for message in smtp_server.messages] == [loner.email, owner.email]


def test_signing_up_is_not_a_sign_in_to_warn_about(smtp_server):
    Client(HTTP_USER_AGENT=FIREFOX_ON_WINDOWS).post(
        "/accounts/signup/",
        {"email": "wren@example.com", "password1": "a-long-Password-42", "display_name": "Wren"},
    )
    assert "New sign-in" not in " ".join(subject(message) for message in smtp_server.messages)


def test_a_token_made_with_my_password_is_a_sign_in_i_hear_about(owner, smtp_server):
    response = Client().post(
        "/api/v1/auth/token",
        {"email": owner.email, "password": PASSWORD, "name": "Laptop script"},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert [message["To"] for message in smtp_server.messages] == [owner.email]
    assert "through a new API token, “Laptop script”, " in bodies(smtp_server)[0]


def test_a_mail_server_that_is_down_never_stops_the_sign_in(owner, settings):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": free_port(), "timeout": 5},
        }
    }
    laptop = signed_in(owner, FIREFOX_ON_WINDOWS)
    assert laptop.get("/settings/").status_code == 200
