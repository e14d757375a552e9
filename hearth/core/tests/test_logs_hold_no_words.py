"""SAFETY.md: logs never contain entry text.

Two partners write answers, notes, check-ins, apologies and more through the pages and the
API, some of it refused (too long, a control character, no CSRF token, someone else's
object, broken JSON), and Hearth tries to e-mail a nudge to a mail server that is down.
Every record any logger emits, at every level production emits, with its traceback and
extra values, is searched for the words.
"""

import logging
import socket
from collections.abc import Iterator
from datetime import time

import pytest
from django.test import Client
from django.utils import timezone

from hearth.conftest_helpers import login_client
from hearth.nudges.delivery import nudges_enqueue_due
from hearth.nudges.models import Notification
from hearth.nudges.services import preferences_save
from hearth.nudges.tasks import nudge_emails_send
from hearth.support.models import Feeling
from hearth.talk.models import Answer
from hearth.talk.services import daily_question_for
from hearth.tests.factories import couple_of, make_questions

pytestmark = pytest.mark.django_db


class Everything(logging.Handler):
    """Keeps each record as a handler in production would write it, and its extras."""

    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        extras = {k: v for k, v in record.__dict__.items() if k not in EMPTY_RECORD}
        self.lines.append(f"{self.format(record)} {extras!r}")


EMPTY_RECORD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


@pytest.fixture
def logs() -> Iterator[Everything]:
    handler = Everything()
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.DEBUG)
    # Loggers that keep their records to themselves are listened to directly.
    quiet = [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger) and not logger.propagate
    ]
    for logger in [root, *quiet]:
        logger.addHandler(handler)
    try:
        yield handler
    finally:
        for logger in [root, *quiet]:
            logger.removeHandler(handler)
        root.setLevel(level)


def words(n: int) -> str:
    """Entry text no log line could contain by chance."""
    return f"zebra-umbrella-{n} my sister's letter"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_nothing_people_write_reaches_the_logs(logs, owner, partner, outsider, api_for, settings):
    make_questions()
    couple = couple_of(owner)
    today = daily_question_for(couple=couple)
    feeling = Feeling.objects.create(key="calm", word="Calm", level=1, tone="pleasant")
    for person in (owner, partner):  # no quiet hours, so nudge e-mails are due at once
        preferences_save(user=person, quiet_start=time(0), quiet_end=time(0))
    me, them = login_client(owner), login_client(partner)
    api_me, api_them = api_for(owner), api_for(partner)
    written: list[str] = []

    def w() -> str:
        written.append(words(len(written)))
        return written[-1]

    statuses = []

    def page(client, path, data):
        statuses.append(client.post(path, data).status_code)

    def api(client, method, path, json):
        statuses.append(client.request(method, path, json=json).status_code)

    # Through the pages.
    page(me, f"/talk/questions/{today.pk}/answer/", {"text": w()})
    page(me, "/appreciate/", {"kind": "thanks", "did": w(), "felt": w()})
    page(me, "/appreciate/journal/", {"text": w()})
    page(me, "/support/", {"feeling": "calm", "need": "comfort", "note": w(), "shared": "1"})
    page(me, "/support/bids/", {"kind": "custom", "text": w()})
    page(me, "/support/good-news/", {"text": w()})
    page(me, "/support/needs-map/", {"stressed": w(), "comforts": w()})
    page(me, "/trust/repair/", {"what_happened": w(), "do_differently": w()})
    page(me, "/trust/promises/", {"text": w()})
    page(me, "/talk/debriefs/", {"felt": w()})
    page(me, "/talk/coach/", {"text": "You never listen, " + w()})
    # Through the API.
    api(api_them, "PUT", f"/talk/questions/{today.pk}/answer", {"text": w()})
    api(api_them, "POST", "/appreciate/notes", {"did": w(), "felt": w()})
    check_in = {"feeling": feeling.key, "need": "space", "note": w()}
    api(api_them, "POST", "/support/check-ins", check_in)
    api(api_them, "POST", "/trust/apologies", {"what_happened": w(), "do_differently": w()})
    api(api_them, "POST", "/appreciate/journal", {"text": w()})
    mine = Answer.objects.get(author=owner, daily_question=today)
    page(them, f"/talk/answers/{mine.pk}/reply/", {"kind": "reply", "text": w()})
    assert all(status < 400 for status in statuses), statuses

    # Refused: each must answer 4xx and log no more than that it happened.
    statuses.clear()
    page(me, "/appreciate/", {"kind": "thanks", "did": w() + " and more" * 600})
    page(me, "/support/bids/", {"kind": "custom", "text": w() + "\x00"})
    page(me, f"/talk/answers/{mine.pk}/reply/", {"kind": "reply", "text": w() + "\u202e" * 3})
    page(login_client(outsider), f"/talk/answers/{mine.pk}/reply/", {"text": w()})
    page(Client(enforce_csrf_checks=True), "/appreciate/journal/", {"text": w()})
    api(api_me, "POST", "/appreciate/notes", {"did": w(), "kind": "a-kind-that-is-not"})
    api(api_me, "POST", "/trust/apologies", {"what_happened": w() * 100, "do_differently": "x"})
    api(api_for(outsider), "POST", f"/talk/answers/{mine.pk}/replies", {"text": w()})
    api(api_for(None), "POST", "/appreciate/journal", {"text": w()})
    broken = api_me.client.post(
        "/api/v1/appreciate/journal",
        data=b'{"text": "' + w().encode() + b"\xff",
        content_type="application/json",
        headers=api_me.headers,
    )
    statuses.append(broken.status_code)
    assert all(400 <= status < 500 for status in statuses), statuses

    # A nudge e-mail to a mail server that is down is logged as not sent, without words.
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": closed_port(), "timeout": 2},
        }
    }
    nudges_enqueue_due(now=timezone.now())
    waiting = Notification.objects.filter(email=Notification.Email.WAITING)
    assert nudge_emails_send.call(list(waiting.values_list("pk", flat=True))) == 0

    output = "\n".join(logs.lines)
    assert "Bad Request:" in output and "Not Found:" in output and "Forbidden" in output
    assert "not sent" in output
    for text in written:
        assert text not in output, f"the logs hold “{text}”"
    assert "zebra-umbrella" not in output and "sister" not in output
