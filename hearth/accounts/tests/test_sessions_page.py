"""D4: my own web sessions and API tokens, each with a way to end it."""

from datetime import UTC, datetime, timedelta

import pytest
from allauth.usersessions.models import UserSession
from django.test import Client
from django.utils import timezone

from hearth.accounts.sessions import ACTIVITY_PRECISION, SEEN_KEY
from hearth.accounts.tests.helpers import (
    CHROME_ON_ANDROID,
    FIREFOX_ON_WINDOWS,
    SAFARI_ON_IPHONE,
    is_signed_in,
    signed_in,
)
from hearth.api.models import ApiToken

pytestmark = pytest.mark.django_db


def session_of(client) -> UserSession:
    return UserSession.objects.get(session_key=client.session.session_key)


def test_it_lists_my_devices_in_plain_words(owner):
    laptop = signed_in(owner, FIREFOX_ON_WINDOWS)
    signed_in(owner, SAFARI_ON_IPHONE)
    page = laptop.get("/settings/sessions/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "Firefox on Windows</strong> · this device" in body
    assert "Safari on iPhone" in body
    assert "Sign out everywhere else" in body
    # The raw header and the address say more than a person needs, and roughly where they are.
    assert "Gecko" not in body
    assert "127.0.0.1" not in body


def test_it_shows_when_each_device_signed_in_and_was_last_active(owner):
    laptop = signed_in(owner, FIREFOX_ON_WINDOWS)
    phone = signed_in(owner, SAFARI_ON_IPHONE)
    UserSession.objects.filter(pk=session_of(phone).pk).update(
        created_at=datetime(2025, 3, 4, 9, 0, tzinfo=UTC),
        last_seen_at=timezone.now() - timedelta(hours=3),
    )
    body = laptop.get("/settings/sessions/").content.decode()
    assert "Signed in 4 Mar 2025 · last active 3\xa0hours ago" in body
    assert "active now" in body  # this laptop


def test_it_never_lists_the_partners_sessions(owner, partner):
    laptop = signed_in(owner, FIREFOX_ON_WINDOWS)
    partners_phone = signed_in(partner, CHROME_ON_ANDROID)
    assert "Android" not in laptop.get("/settings/sessions/").content.decode()
    mine = partners_phone.get("/settings/sessions/").content.decode()
    assert "Chrome on Android" in mine
    assert "Windows" not in mine


def test_it_signs_out_one_other_device(owner):
    laptop = signed_in(owner, FIREFOX_ON_WINDOWS)
    phone = signed_in(owner, SAFARI_ON_IPHONE)
    response = laptop.post(f"/settings/sessions/{session_of(phone).pk}/sign-out/", follow=True)
    assert "Signed out: Safari on iPhone." in response.content.decode()
    assert not is_signed_in(phone)
    assert is_signed_in(laptop)
    assert "iPhone" not in laptop.get("/settings/sessions/").content.decode()


def test_it_leaves_this_device_to_the_log_out_button(owner):
    laptop = signed_in(owner, FIREFOX_ON_WINDOWS)
    response = laptop.post(f"/settings/sessions/{session_of(laptop).pk}/sign-out/")
    assert response.status_code == 400
    assert "use “Log out”" in response.content.decode()
    assert is_signed_in(laptop)


def test_it_cannot_sign_out_someone_elses_session(owner, partner):
    laptop = signed_in(owner, FIREFOX_ON_WINDOWS)
    partners_phone = signed_in(partner, CHROME_ON_ANDROID)
    response = laptop.post(f"/settings/sessions/{session_of(partners_phone).pk}/sign-out/")
    assert response.status_code == 404
    assert is_signed_in(partners_phone)


def test_it_signs_out_everywhere_else_even_sessions_no_list_knows(owner, partner):
    laptop = signed_in(owner, FIREFOX_ON_WINDOWS)
    phone = signed_in(owner, SAFARI_ON_IPHONE)
    # A session that has made no request since it began, so it has no row in the list.
    unlisted = Client()
    unlisted.force_login(owner)
    assert not UserSession.objects.filter(session_key=unlisted.session.session_key).exists()
    partners_phone = signed_in(partner, CHROME_ON_ANDROID)

    response = laptop.post("/settings/sessions/sign-out-everywhere-else/", follow=True)
    assert "Signed out everywhere else" in response.content.decode()
    assert is_signed_in(laptop)
    assert not is_signed_in(phone)
    assert not is_signed_in(unlisted)
    assert is_signed_in(partners_phone)
    assert list(UserSession.objects.filter(user=owner)) == [session_of(laptop)]


def test_it_lists_my_api_tokens_with_revoke(owner, partner):
    token, _ = ApiToken.issue(user=owner, name="Kitchen tablet")
    ApiToken.issue(user=partner, name="Partner's script")
    laptop = signed_in(owner, FIREFOX_ON_WINDOWS)
    body = laptop.get("/settings/sessions/").content.decode()
    assert "Kitchen tablet" in body
    assert "Partner&#x27;s script" not in body and "Partner's script" not in body
    response = laptop.post(f"/settings/tokens/{token.pk}/revoke/", {"back": "sessions"})
    assert response.headers["Location"] == "/settings/sessions/"
    assert not ApiToken.objects.filter(pk=token.pk).exists()


def test_it_keeps_last_active_to_within_a_few_minutes(owner):
    laptop = signed_in(owner, FIREFOX_ON_WINDOWS)
    recent = timezone.now() - timedelta(minutes=1)
    UserSession.objects.filter(pk=session_of(laptop).pk).update(last_seen_at=recent)
    laptop.get("/settings/")
    assert session_of(laptop).last_seen_at == recent  # no write for every request
    # Some minutes later, as the session itself remembers it:
    session = laptop.session
    session[SEEN_KEY][0] -= ACTIVITY_PRECISION.total_seconds()
    session.save()
    laptop.get("/settings/")
    assert session_of(laptop).last_seen_at > recent


def test_allauths_own_sessions_page_leads_here(owner):
    laptop = signed_in(owner, FIREFOX_ON_WINDOWS)
    assert laptop.get("/accounts/sessions/").headers["Location"] == "/settings/sessions/"


def test_the_settings_page_links_here(owner):
    body = signed_in(owner, FIREFOX_ON_WINDOWS).get("/settings/").content.decode()
    assert 'href="/settings/sessions/"' in body


def test_the_operators_admin_shows_nobodys_sessions():
    # An operator may be someone's partner: when and where a person signs in is theirs alone.
    from django.contrib import admin

    assert not admin.site.is_registered(UserSession)


def test_sessions_from_before_any_sign_out_everywhere_keep_working(owner):
    # Until someone first signs out everywhere else, a session is signed as Django signs it,
    # so nobody is signed out when Hearth is upgraded.
    from django.contrib.auth.base_user import AbstractBaseUser

    djangos = AbstractBaseUser._get_session_auth_hash  # type: ignore[attr-defined]
    assert owner.get_session_auth_hash() == djangos(owner)
    owner.session_generation = 1
    assert owner.get_session_auth_hash() != djangos(owner)
