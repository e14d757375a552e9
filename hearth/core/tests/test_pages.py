import re

import pytest
from django.test import Client

from hearth.conftest_helpers import login_client

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/accounts/login/",
    "/accounts/signup/",
    "/settings/",
    "/settings/tokens/",
    "/couple/join/",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_quick_exit(owner, partner, path):
    page = login_client(owner).get(path, follow=True).content.decode()
    assert re.search(r'<a class="quick-exit" href="https://[^"]+"[^>]*data-quick-exit', page)


def test_quick_exit_also_answers_shift_three_times():
    script = Client().get("/static/hearth.js").getvalue().decode()
    assert '"Shift"' in script and "location.replace" in script


@pytest.mark.parametrize("path", ["/", "/settings/", "/settings/tokens/"])
def test_pages_of_a_signed_in_person_are_never_cached(owner, partner, path):
    response = login_client(owner).get(path)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_every_page_sends_a_strict_content_security_policy(owner, partner):
    response = login_client(owner).get("/")
    policy = response["Content-Security-Policy"]
    for directive in ("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"):
        assert directive in policy
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    # htmx is loaded with the nonce; no script runs without one.
    assert f'nonce="{nonce}"' in response.content.decode()
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_the_page_is_labelled_for_screen_readers(owner, partner):
    page = login_client(owner).get("/settings/").content.decode()
    assert '<main id="main"' in page and '<nav class="site-nav" aria-label="Main">' in page
    for field_id in re.findall(r'<(?:input|select|textarea)[^>]* id="([^"]+)"', page):
        assert f'for="{field_id}"' in page, f"{field_id} has no label"


def test_navigation_marks_the_current_page(owner, partner):
    page = login_client(owner).get("/settings/").content.decode()
    assert '<a href="/settings/" aria-current="page">Settings</a>' in page
    assert '<a href="/">Today</a>' in page


def test_navigation_follows_the_page_and_each_persons_language(owner, partner):
    # The navigation and Today's list of pillars are rendered once per process for each
    # language and page (hearth.core.fragments): one person's must never show another's.
    owner.language = "es"
    owner.save(update_fields=["language"])
    spanish, english = login_client(owner), login_client(partner)
    assert '<a href="/" aria-current="page">Hoy</a>' in spanish.get("/").content.decode()
    today = english.get("/").content.decode()
    assert '<a href="/" aria-current="page">Today</a>' in today
    assert '<a href="/settings/">Settings</a>' in today and "Hoy" not in today
    settings_page = spanish.get("/settings/").content.decode()
    assert '<a href="/settings/" aria-current="page">Ajustes</a>' in settings_page
    assert '<a href="/">Hoy</a>' in settings_page
    assert "<strong>Hablar</strong>" in spanish.get("/").content.decode()
    assert "<strong>Talk</strong>" in english.get("/").content.decode()


def test_a_stranger_is_welcomed_with_sign_up_and_log_in(db):
    page = Client().get("/").content.decode()
    assert "/accounts/signup/" in page and "/accounts/login/" in page
    assert "site-nav" not in page


def test_today_names_the_partner(owner, partner):
    page = login_client(owner).get("/").content.decode()
    assert f"You &amp; {partner.display_name}" in page


def test_healthz_answers_when_the_database_does(db):
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_the_api_docs_load_without_any_outside_server(db):
    page = Client().get("/api/v1/docs").content.decode()
    assert "cdn." not in page and "https://" not in page.split("<body")[0]
    assert "/static/ninja/swagger-ui-bundle.js" in page
