"""SAFETY.md "Headers and deployment" and PRODUCT D3, over every page there is.

The walk reuses the isolation test's routes and world: every GET route, asked by the
partner (who sees the most: both people's shared words), must come back never cached, and
every HTML page with a nonce-only script policy and a quick exit.
"""

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.test import Client

from hearth.conftest_helpers import login_client
from hearth.core.middleware import CLEAR_SITE_DATA

# The isolation test's world fixture: two couples with real entries of every kind.
from hearth.tests.test_isolation import ROUTES, fill, world  # noqa: F401

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
# Any on…= attribute is an inline event handler, which the policy would (rightly) block.
INLINE_HANDLER = re.compile(r"^on[a-z]+$")
SCRIPT_TYPES = {"text/javascript", "application/javascript", "module"}
# Pages outside base.html that hold no entries: the API's Swagger docs (ninja's own page),
# and the service worker's page for when the network is gone.
WITHOUT_QUICK_EXIT = {"/api/v1/docs"}


class PageScripts(HTMLParser):
    """Every <script>, inline handler and javascript: URL in a page."""

    def __init__(self):
        super().__init__()
        self.scripts: list[dict] = []
        self.handlers: list[str] = []
        self.javascript_urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        # A data block (type="application/json") is never run, so CSP does not apply to it.
        if tag == "script" and (values.get("type") or "text/javascript") in SCRIPT_TYPES:
            self.scripts.append(values)
        for name, value in attrs:
            if INLINE_HANDLER.match(name):
                self.handlers.append(f"<{tag} {name}>")
            if value and value.strip().lower().startswith("javascript:"):
                self.javascript_urls.append(f"<{tag} {name}={value}>")


def get_routes() -> list[str]:
    return [route for route, case in ROUTES.items() if "GET" in case.methods]


def test_every_page_is_private_and_runs_only_scripts_carrying_its_nonce(world):  # noqa: F811
    client = login_client(world.partner)
    pages = 0
    for route in get_routes():
        path = fill(route, ROUTES[route].kwargs(world))
        response = client.get(path)
        where = f"{path} ({response.status_code})"
        if not response.wsgi_request.user.is_authenticated:
            # A password-reset link signs the person out first; sign in again for the rest.
            client = login_client(world.partner)
        # Never cached: not by the browser, nor by anything between.
        cache_control = response.headers.get("Cache-Control", "")
        assert "no-store" in cache_control and "private" in cache_control, where
        policy = response.headers.get("Content-Security-Policy", "")
        assert "frame-ancestors 'none'" in policy, where
        # object-src falls back to default-src (the export document has only default-src).
        assert "object-src 'none'" in policy or "default-src 'none'" in policy, where
        if not response.headers.get("Content-Type", "").startswith("text/html"):
            continue
        if response.streaming or response.status_code >= 300:
            continue
        pages += 1
        html = response.content.decode()
        script_src = re.search(r"(?:^|;)\s*script-src ([^;]*)", policy)
        assert script_src, f"{where}: no script-src in {policy}"
        assert "'unsafe-inline'" not in script_src.group(1), where
        assert "'unsafe-eval'" not in script_src.group(1), where
        found = PageScripts()
        found.feed(html)
        nonce = re.search(r"script-src [^;]*'nonce-([^']+)'", policy)
        # Hearth's pages (base.html) load htmx with the nonce; a page with no inline script
        # (the API docs, the offline page) may go without one.
        inline = [script for script in found.scripts if "src" not in script]
        if inline:
            assert nonce, f"{where}: no nonce in {policy}"
        for script in inline:
            assert nonce and script.get("nonce") == nonce.group(1), f"{where}: script {script}"
        assert not found.handlers, f"{where}: inline event handlers {found.handlers}"
        assert not found.javascript_urls, f"{where}: javascript: URLs {found.javascript_urls}"
        if "<body" in html and path not in WITHOUT_QUICK_EXIT:
            assert "data-quick-exit" in html, f"{where}: no quick exit"
    assert pages > 60  # the walk really saw the app's pages


def test_login_and_signup_pages_offer_the_quick_exit_too(db):
    for path in ("/accounts/login/", "/accounts/signup/", "/help/safety/"):
        page = Client().get(path).content.decode()
        assert re.search(r'<a class="quick-exit" href="https://[^"]+"[^>]*data-quick-exit', page)


def test_signing_out_clears_the_browsers_copy_of_hearth(owner, partner):
    client = login_client(owner)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"' == CLEAR_SITE_DATA
    assert "no-store" in response["Cache-Control"]
    # Signed out, the pages of entries are gone for this browser.
    assert client.get("/appreciate/").status_code == 302


def test_only_signing_out_clears_site_data(owner, partner):
    client = login_client(owner)
    assert "Clear-Site-Data" not in client.get("/").headers
    assert "Clear-Site-Data" not in Client().post("/accounts/logout/").headers


def test_headers_with_hsts_for_an_https_site(owner, partner, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    response = login_client(owner).get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    # Browsers ignore HSTS over plain http; Django only sends it over https.
    assert "Strict-Transport-Security" not in login_client(owner).get("/").headers


def test_production_settings_send_hsts_referrer_policy_and_frame_ancestors(tmp_path):
    """The real settings module with an https SITE_URL, in a fresh process."""
    script = (
        "from django.test import Client; "
        "plain = Client().get('/healthz', HTTP_HOST='hearth.example.com'); "
        "page = Client().get('/accounts/login/', HTTP_HOST='hearth.example.com'); "
        "print(f'plain http: healthz {plain.status_code}, login {page.status_code}'); "
        "r = Client().get('/healthz', secure=True, HTTP_HOST='hearth.example.com'); "
        "print(r.status_code); "
        "[print(f'{k}: {v}') for k, v in r.headers.items()]"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "HEARTH_VAR_DIR": str(tmp_path),
        "DEBUG": "0",
        "SECRET_KEY": "a-production-secret-key-that-is-long-enough-and-random-3f9a8c7e6d5b4a",
        "ALLOWED_HOSTS": "hearth.example.com",
        "SITE_URL": "https://hearth.example.com",
    }
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", script],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    headers = result.stdout
    # Plain http is sent to https, except the health check a local monitor may use.
    assert "plain http: healthz 200, login 301" in headers
    assert "\n200\n" in f"\n{headers}"
    assert "Strict-Transport-Security: max-age=31536000; includeSubDomains; preload" in headers
    assert "Referrer-Policy: same-origin" in headers
    assert re.search(r"Content-Security-Policy: .*frame-ancestors 'none'", headers)
    assert re.search(r"Content-Security-Policy: .*object-src 'none'", headers)
