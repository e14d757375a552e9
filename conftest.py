"""Fixtures shared by every test: people, couples, API clients, a real SMTP server, Chromium."""

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client

from hearth.tests.factories import UserFactory, make_couple

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls in the
# same test are still synchronous, so allow them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _fresh_cache(db) -> Iterator[None]:
    # Throttling counters live in the cache; each test starts with none.
    cache.clear()
    yield


@pytest.fixture
def owner(db):
    return UserFactory.create(display_name="Olive", email="olive@example.com")


@pytest.fixture
def partner(db, owner):
    partner = UserFactory.create(display_name="Parker", email="parker@example.com")
    make_couple(owner, partner)
    return partner


@pytest.fixture
def outsider(db):
    """Someone in another couple, with their own data, asking for ours."""
    outsider = UserFactory.create(display_name="Oscar", email="oscar@example.com")
    make_couple(outsider, UserFactory.create(display_name="Opal", email="opal@example.com"))
    return outsider


@pytest.fixture
def loner(db):
    return UserFactory.create(display_name="Lee", email="lee@example.com")


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def owner_client(owner, partner) -> Client:
    return client_for(owner)


class ApiClient:
    """Calls /api/v1 with a personal access token, as a script would."""

    def __init__(self, user=None):
        from hearth.api.models import ApiToken

        self.client = Client()
        self.headers = {}
        if user is not None:
            _, secret = ApiToken.issue(user=user, name="tests")
            self.headers["Authorization"] = f"Bearer {secret}"

    def request(self, method: str, path: str, json=None, **extra):
        kwargs = {"headers": {**self.headers, **extra.pop("headers", {})}, **extra}
        if json is not None:
            kwargs["data"] = json
            kwargs["content_type"] = "application/json"
        return getattr(self.client, method.lower())(f"/api/v1{path}", **kwargs)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, json=None, **kw):
        return self.request("POST", path, json=json if json is not None else {}, **kw)

    def put(self, path, json=None, **kw):
        return self.request("PUT", path, json=json if json is not None else {}, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)


@pytest.fixture
def api_for(db):
    return ApiClient


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback (aiosmtpd); Django sends to it over the wire."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    class Inbox(Message):
        def __init__(self):
            super().__init__()
            self.messages = []

        def handle_message(self, message):
            self.messages.append(message)

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": controller.port, "timeout": 10},
        }
    }
    try:
        yield inbox
    finally:
        controller.stop()


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
ARTIFACTS = Path(__file__).parent / "var" / "test-artifacts"


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_phone(browser, live_server):
    """Opens a phone-sized browser context: one per partner, each with its own cookies."""
    contexts = []

    def open_phone():
        context = browser.new_context(base_url=live_server.url, **PHONE)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_phone
    for context in contexts:
        context.close()


@pytest.fixture
def screenshot(request):
    """Saves a screenshot under var/test-artifacts/ for people to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = ARTIFACTS / f"{request.node.name}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
