"""D2 (SAFETY.md rule 3): nothing tells my partner when or whether I last used Hearth, read
something, or where I am — not a page, not the API, not an e-mail, not an export.

Sam's every page and API answer is taken before and after Alex signs in (from a distinctive
address and browser), opens pages, reads notes and notifications, and uses the API; once
CSRF tokens, CSP nonces and the export's own timestamp are set aside, they are identical.
"""

import re
from datetime import UTC, datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from hearth.accounts.models import User
from hearth.conftest_helpers import login_client
from hearth.core.models import Event
from hearth.nudges.models import Notification
from hearth.privacy.exporting import export_build, export_json
from hearth.privacy.tests.helpers import everything_for, seed_demo_couple

pytestmark = pytest.mark.django_db

ALEX_ADDRESS = "203.0.113.77"
ALEX_BROWSER = "CuriousBrowser/9.87 (Alex's phone)"
ALEX_LAST_LOGIN = datetime(2001, 2, 3, 4, 5, 6, tzinfo=UTC)
# What would give Alex's last visit away, however it were written.
ALEX_TRACES = (ALEX_ADDRESS, "CuriousBrowser", "2001-02-03", "3 Feb 2001", "February 3")
# Answers that change by themselves: logging out ends Sam's session; "surprise us" draws
# a different idea each time; setting up a second factor shows a fresh secret or challenge
# on every visit; the API docs page embeds its own CSRF token.
SKIP = {
    "accounts/logout/",
    "api/v1/together/ideas/surprise",
    "accounts/2fa/totp/activate/",
    "accounts/2fa/webauthn/add/",
    "api/v1/docs",
}


def parameterless_routes(patterns=None, prefix: str = "") -> list[str]:
    found = []
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            found += parameterless_routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and "<" not in route and "(?P" not in route:
            found.append(route.replace("^", "").replace("$", ""))
    return [
        route
        for route in found
        if not route.startswith("admin/") and route not in SKIP and "\\" not in route
    ]


def normalised(body: str) -> str:
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "csrf", body)
    body = re.sub(r'"(csrf[_-]?token|X-CSRFToken)"\s*[:=]\s*"[^"]+"', "csrf", body, flags=re.I)
    body = re.sub(r'content="[A-Za-z0-9]{32,}"', "csrf", body)
    body = re.sub(r'nonce="[^"]+"', "nonce", body)
    body = re.sub(r'"exported_at": "[^"]+"', "exported", body)
    return re.sub(r"Downloaded [^.]+\.", "Downloaded.", body)


def everything_sam_sees(sam_client: Client, sam_api) -> dict[str, str]:
    seen = {}
    for route in parameterless_routes():
        path = "/" + route
        if path.startswith("/api/v1/"):
            response = sam_api.get(path.removeprefix("/api/v1"))
        else:
            response = sam_client.get(path)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        seen[path] = f"{response.status_code}\n{normalised(content.decode(errors='replace'))}"
    return seen


def alex_uses_hearth(alex: User, made: dict) -> None:
    """Signs in through the real form, from a distinctive address and browser, and reads."""
    browser = Client(REMOTE_ADDR=ALEX_ADDRESS, HTTP_USER_AGENT=ALEX_BROWSER)
    signed_in = browser.post(
        "/accounts/login/", {"login": alex.email, "password": "hearth-demo"}, follow=True
    )
    assert signed_in.status_code == 200
    assert "_auth_user_id" in browser.session
    for path in (
        "/",
        "/talk/",
        "/talk/archive/",
        "/appreciate/",
        "/appreciate/wall/",
        "/support/",
        "/support/check-ins/",
        "/trust/",
        "/together/memories/",
        f"/together/photos/{made['sam_photo'].pk}/",
        "/nudges/",
        "/insights/",
        "/insights/week/",
        "/settings/data/export/download/",
    ):
        assert browser.get(path).status_code < 400, path
    browser.post("/nudges/seen/")
    User.objects.filter(pk=alex.pk).update(last_login=ALEX_LAST_LOGIN)


@pytest.fixture
def demo(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    alex, sam = seed_demo_couple(weeks=2)
    made = everything_for(alex, sam)
    return alex, sam, made


def test_my_partner_sees_the_same_before_and_after_i_use_hearth(demo, api_for):
    alex, sam, made = demo
    sam_client, sam_api = login_client(sam), api_for(sam)
    before = everything_sam_sees(sam_client, sam_api)
    assert sum(body.startswith("200") for body in before.values()) > 40
    events, notifications = Event.objects.count(), Notification.objects.count()

    alex_uses_hearth(alex, made)
    api_for(alex).get("/nudges/notifications")

    after = everything_sam_sees(sam_client, sam_api)
    changed = [path for path in before if before[path] != after[path]]
    assert not changed, f"Alex's use of Hearth shows on Sam's {changed}"
    # Reading makes nothing for Sam to be told about, now or later.
    assert (Event.objects.count(), Notification.objects.count()) == (events, notifications)


def test_nothing_names_when_or_where_my_partner_signed_in(demo, api_for):
    alex, sam, made = demo
    alex_uses_hearth(alex, made)
    seen = everything_sam_sees(login_client(sam), api_for(sam))
    for path, body in seen.items():
        for trace in ALEX_TRACES:
            assert trace not in body, f"{path} shows {trace}"


def test_no_export_holds_a_sign_in_time_or_address_of_anyone(demo):
    alex, sam, made = demo
    alex_uses_hearth(alex, made)
    login_client(sam).get("/")
    for person in (alex, sam):
        person.refresh_from_db()
        text = export_json(export_build(user=person))
        assert "last_login" not in text and "ip" not in export_build(user=person)
        for trace in ALEX_TRACES:
            assert trace not in text
        assert '"ip' not in text and "user_agent" not in text


def test_no_email_to_my_partner_says_i_was_here(demo, smtp_server, api_for):
    alex, sam, made = demo
    mail.outbox = []
    before = len([m for m in smtp_server.messages if sam.email in m["To"]])
    alex_uses_hearth(alex, made)
    to_sam = [m for m in smtp_server.messages if sam.email in m["To"]]
    assert len(to_sam) == before
    for message in smtp_server.messages:
        text = message.as_string()
        if sam.email in message["To"]:
            for trace in ALEX_TRACES:
                assert trace not in text
