"""Hearth installs on a phone's home screen: a manifest with icons, a service worker that
shows an offline page instead of the browser's error, and never keeps a page with words."""

import json
import re

import pytest
from django.contrib.staticfiles import finders
from PIL import Image
from playwright.sync_api import expect

from hearth.conftest_helpers import browser_log_in, login_client
from hearth.tests.factories import PASSWORD, UserFactory, make_couple

pytestmark = pytest.mark.django_db


def test_the_manifest_opens_to_today_with_icons_that_exist(client):
    response = client.get("/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["start_url"] == "/" and manifest["display"] == "standalone"
    assert manifest["name"] == "Hearth"
    sizes = set()
    for icon in manifest["icons"]:
        path = finders.find(icon["src"].removeprefix("/static/"))
        assert path, icon["src"]
        if icon["type"] == "image/png":
            width, height = Image.open(path).size
            assert icon["sizes"] == f"{width}x{height}"
            sizes.add((width, icon.get("purpose", "any")))
    # What Android asks for: 192 and 512, and a maskable one for its round launchers.
    assert {(192, "any"), (512, "any"), (512, "maskable")} <= sizes


def test_every_page_links_the_manifest_and_a_home_screen_icon(client, owner, partner):
    for page in (client.get("/accounts/login/"), login_client(owner).get("/")):
        body = page.content.decode()
        assert '<link rel="manifest" href="/manifest.webmanifest">' in body
        assert "icons/apple-touch-icon.png" in body


def test_the_service_worker_is_served_from_the_root_and_keeps_no_pages(client):
    response = client.get("/sw.js")
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    script = response.content.decode()
    assert 'const OFFLINE_URL = "/offline/";' in script
    shell_line = next(line for line in script.splitlines() if line.startswith("const SHELL"))
    kept = re.findall(r'"([^"]+)"', shell_line)
    assert kept and all(url.startswith("/static/") for url in kept), kept


def test_the_offline_page_is_the_same_for_everyone_and_holds_nothing_personal(
    client, owner, partner
):
    anonymous = client.get("/offline/")
    signed_in = login_client(owner).get("/offline/")
    assert anonymous.status_code == signed_in.status_code == 200
    assert anonymous.content == signed_in.content
    body = anonymous.content.decode()
    assert "csrf" not in body.lower() and owner.display_name not in body
    assert "Nothing you wrote is lost." in body


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_offline_a_phone_shows_the_offline_page_and_keeps_no_words(new_phone):
    ana = UserFactory.create(email="ana@example.com", display_name="Ana")
    make_couple(ana, UserFactory.create(display_name="Ben"))
    phone = new_phone()
    browser_log_in(phone, ana.email, PASSWORD)
    phone.goto("/")
    assert phone.evaluate("navigator.serviceWorker.ready.then(() => true)")
    phone.reload()  # now controlled by the worker
    phone.goto("/support/")
    phone.context.set_offline(True)
    phone.goto("/talk/")
    expect(phone.get_by_role("heading", name="Hearth can't reach home just now")).to_be_visible()
    phone.context.set_offline(False)
    kept = phone.evaluate(
        """async () => {
            const urls = [];
            for (const name of await caches.keys()) {
                const cache = await caches.open(name);
                for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
            }
            return urls;
        }"""
    )
    assert "/offline/" in kept
    assert all(url == "/offline/" or url.startswith("/static/") for url in kept), kept
