"""N2 and SAFETY rule 3: no streaks, nothing about what someone did not do, a daily cap on
e-mail caused by the partner, and no read receipts: whether I looked is mine alone."""

import html
import re
from datetime import timedelta

import pytest
from django.db.models import F
from django.template.loader import render_to_string

from hearth.conftest_helpers import login_client
from hearth.core.models import Event, event_emit
from hearth.nudges.delivery import PARTNER_EMAILS_PER_DAY
from hearth.nudges.kinds import kinds
from hearth.nudges.models import Notification
from hearth.nudges.services import thinking_of_you_send
from hearth.nudges.tests.helpers import daytime, deliver, send_note
from hearth.tests.factories import couple_of
from hearth.trust.promises import promise_make

pytestmark = pytest.mark.django_db

GUILT = re.compile(
    r"streak|in a row|missed|you haven.t|you didn.t|don.t forget|forgot|falling behind|"
    r"overdue|last seen|last active|has read|have read|read your|hurry|before it.s too late",
    re.IGNORECASE,
)


def test_it_caps_emails_caused_by_the_partner_each_day(owner, partner):
    now = daytime()
    for n in range(PARTNER_EMAILS_PER_DAY + 2):
        send_note(owner, did=f"Carried the shopping, time {n}")
    promise_make(user=partner, couple=couple_of(owner), text="Fix the lamp", due_on=now.date())
    deliver(now)
    notes = Notification.objects.filter(recipient=partner, kind=Event.Kind.NOTE_RECEIVED)
    assert notes.count() == PARTNER_EMAILS_PER_DAY + 2  # every one is there in Hearth
    assert notes.filter(email=Notification.Email.WAITING).count() == PARTNER_EMAILS_PER_DAY
    assert notes.filter(email=Notification.Email.NONE).count() == 2
    # Hearth's own reminders are not the partner's doing: not capped.
    promise = Notification.objects.get(recipient=partner, kind=Event.Kind.PROMISE_DUE)
    assert promise.email == Notification.Email.WAITING
    # A day later, the partner's notes reach the inbox again.
    notes.update(created_at=F("created_at") - timedelta(days=1))
    send_note(owner, did="Made soup when I was ill")
    deliver(now)
    assert notes.filter(email=Notification.Email.WAITING).count() == PARTNER_EMAILS_PER_DAY + 1


def test_no_nudge_speaks_of_streaks_or_what_someone_did_not_do(owner, partner):
    couple = couple_of(owner)
    for info in kinds().values():
        assert not GUILT.search(info.title + " " + info.line + " " + info.label), info.key
        event_emit(couple=couple, kind=info.key, recipient=partner, subject=owner)
    deliver(daytime())
    client = login_client(partner)
    for path in ("/nudges/", "/nudges/settings/", "/"):
        page = html.unescape(client.get(path).content.decode())
        assert not GUILT.search(page), (path, GUILT.search(page))
    assert client.get("/nudges/").content.decode().count('class="nudge') >= len(kinds()) - 1
    for info in kinds().values():
        context = {"name": "Parker", "title": info.title_for("Olive"), "line": info.line}
        for template in ("nudges/email/nudge.txt", "nudges/email/nudge.html"):
            assert not GUILT.search(render_to_string(template, context)), info.key


def test_whether_i_looked_is_mine_alone(owner, partner, api_for):
    thinking_of_you_send(user=owner, couple=couple_of(owner))
    send_note(partner)
    deliver(daytime())
    mine, theirs = api_for(owner), api_for(partner)
    before = (mine.get("/nudges/notifications").json(), login_client(owner).get("/nudges/"))
    assert [n["kind"] for n in theirs.get("/nudges/notifications").json()] == ["thinking_of_you"]
    assert theirs.post("/nudges/notifications/seen").json() == {"seen": 1}
    assert theirs.get("/nudges/notifications").json()[0]["seen"] is True
    after = (mine.get("/nudges/notifications").json(), login_client(owner).get("/nudges/"))
    # Olive's view of everything is the same whether Parker looked or not.
    assert before[0] == after[0] and [n["kind"] for n in after[0]] == ["note_received"]
    strip = re.compile(
        r'name="csrfmiddlewaretoken" value="[^"]+"|"X-CSRFToken": "[^"]+"|nonce="[^"]+"'
    )
    assert strip.sub("", before[1].content.decode()) == strip.sub("", after[1].content.decode())
    assert not re.search(r"seen by|saw it|has seen|read by|opened", after[1].content.decode(), re.I)


def test_looking_at_the_list_changes_nothing_only_a_tap_marks_it_seen(owner, partner):
    send_note(owner)
    deliver(daytime())
    client = login_client(partner)
    assert "New: </span>Olive sent you some appreciation" in client.get("/nudges/").content.decode()
    assert "New for you" in client.get("/").content.decode()
    assert Notification.objects.get().seen_at is None
    assert client.get("/nudges/seen/").status_code == 405
    assert client.post("/nudges/seen/").status_code == 302
    assert Notification.objects.get().seen_at is not None
    assert "New: " not in client.get("/nudges/").content.decode()
    assert "New for you" not in client.get("/").content.decode()
