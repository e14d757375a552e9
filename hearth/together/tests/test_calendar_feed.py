"""Q4: a secret, revocable iCalendar address per person (RFC 5545).

Parsed with the icalendar library, and imported by a real calendar client from Debian
(calcurse, installed by scripts/check-system-packages) to show that what we write is read
by software we did not write.
"""

import shutil
import subprocess
import zoneinfo
from datetime import datetime, time, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from hearth.conftest_helpers import login_client
from hearth.tests.factories import couple_of
from hearth.together.feed import feed_issue, feed_revoke
from hearth.together.services import (
    date_accept,
    date_propose,
    local_datetime,
    ritual_create,
    ritual_rule,
    ritual_skip,
)

pytestmark = pytest.mark.django_db
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def feed_path(token: str) -> str:
    return f"/together/calendar/{token}.ics"


@pytest.fixture
def planned(owner, partner):
    """A scheduled date next month and a fortnightly ritual, both in Berlin time."""
    couple = couple_of(owner)
    when = (timezone.now() + timedelta(days=30)).astimezone(BERLIN)
    plan = date_propose(
        user=owner,
        couple=couple,
        starts_at=local_datetime(datetime.combine(when.date(), time(18, 30)), "Europe/Berlin"),
        time_zone="Europe/Berlin",
        title="Lantern walk by the river 🏮",
        details="Private words about the plan",
        duration_minutes=90,
    )
    date_accept(user=partner, plan=plan)
    starts_on = couple.local_today() + timedelta(days=1)
    ritual = ritual_create(
        user=partner,
        couple=couple,
        kind="date_night",
        title="Friday date night",
        frequency="weekly",
        interval=2,
        weekdays=[4],
        starts_on=starts_on,
        at=time(19, 0),
        time_zone="Europe/Berlin",
        duration_minutes=120,
        until=starts_on + timedelta(days=120),
    )
    # The rule's first Friday: not always the first Friday after starts_on, since a
    # fortnight counts from the week it starts in (it starts on a Saturday every Friday).
    first = ritual_rule(ritual).first_day()
    assert first is not None and first.weekday() == 4
    ritual_skip(user=owner, ritual=ritual, day=first + timedelta(days=14))
    return plan, ritual, first


def test_it_serves_dates_and_rituals_as_valid_icalendar(owner, planned):
    plan, _ritual, first = planned
    response = Client().get(feed_path(feed_issue(user=owner)))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    events = {str(event["summary"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {"Lantern walk by the river 🏮", "Friday date night"}
    date_event = events["Lantern walk by the river 🏮"]
    assert date_event.decoded("dtstart") == plan.starts_at
    assert date_event.decoded("dtstart").astimezone(BERLIN).strftime("%H:%M") == "18:30"
    assert date_event.decoded("dtend") - date_event.decoded("dtstart") == timedelta(minutes=90)
    ritual_event = events["Friday date night"]
    start = ritual_event.decoded("dtstart")
    assert (start.date(), start.strftime("%H:%M")) == (first, "19:00")
    assert str(start.tzinfo) == "Europe/Berlin"
    rule: Any = ritual_event["rrule"]
    assert (rule["FREQ"], rule["INTERVAL"], rule["BYDAY"]) == (["WEEKLY"], [2], ["FR"])
    exdates = [d.dt for d in ritual_event["exdate"].dts]
    assert [d.date() for d in exdates] == [first + timedelta(days=14)]
    # A VTIMEZONE for every TZID used, as RFC 5545 requires.
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    # Only titles and times: never what the two wrote about it.
    assert b"Private words" not in response.content


def test_both_partners_have_their_own_address_with_the_same_dates(owner, partner, planned):
    mine, theirs = feed_issue(user=owner), feed_issue(user=partner)
    assert mine != theirs
    assert Client().get(feed_path(mine)).content.count(b"BEGIN:VEVENT") == 2
    assert Client().get(feed_path(theirs)).content.count(b"BEGIN:VEVENT") == 2


def test_revoking_or_renewing_makes_the_old_address_404_at_once(owner, planned):
    old = feed_issue(user=owner)
    new = feed_issue(user=owner)
    assert Client().get(feed_path(old)).status_code == 404
    assert Client().get(feed_path(new)).status_code == 200
    feed_revoke(user=owner)
    assert Client().get(feed_path(new)).status_code == 404
    assert Client().get(feed_path("not-a-token")).status_code == 404


def test_after_unlinking_the_feed_holds_nothing_of_the_couple(owner, partner, planned):
    from hearth.couples.services import couple_unlink

    token = feed_issue(user=owner)
    couple_unlink(user=partner)
    body = Client().get(feed_path(token)).content
    assert b"BEGIN:VCALENDAR" in body and b"BEGIN:VEVENT" not in body


def test_the_calendar_page_shows_the_address_once(owner, partner):
    client = login_client(owner)
    made = client.post("/together/calendar/")
    assert made.status_code == 200
    url = made.context["new_url"]
    assert "/together/calendar/" in url and url.endswith(".ics")
    assert url not in client.get("/together/calendar/").content.decode()
    client.post("/together/calendar/", {"action": "revoke"})
    assert Client().get(url.split("8000", 1)[-1]).status_code == 404


def test_a_real_calendar_client_imports_the_feed(owner, planned, tmp_path):
    """calcurse (Debian) imports the feed, skipping nothing, with the times right."""
    assert shutil.which("calcurse"), "calcurse is missing: run scripts/check-system-packages"
    plan, _ritual, first = planned
    feed = tmp_path / "hearth.ics"
    feed.write_bytes(Client().get(feed_path(feed_issue(user=owner))).content)
    data, config = tmp_path / "data", tmp_path / "config"
    data.mkdir()
    config.mkdir()

    def calcurse(*args: str) -> str:
        return subprocess.run(
            ["calcurse", "-D", str(data), "-C", str(config), *args],
            check=True,
            capture_output=True,
            text=True,
            env={"TZ": "Europe/Berlin", "HOME": str(tmp_path)},
        ).stdout

    assert "2 apps / 0 events / 0 todos / 0 skipped" in calcurse("-i", str(feed))
    start = timezone.localdate() - timedelta(days=1)
    lines = calcurse(
        "-Q",
        "--from",
        f"{start:%m/%d/%Y}",
        "--days",
        "60",
        "--format-apt",
        "%S %m\\n",
        "--format-recur-apt",
        "%S %m\\n",
    )
    assert f"18:30 {plan.title}" in lines
    ritual_days = [first + timedelta(days=14 * n) for n in range(5)]
    # The skipped Friday is missing; the others are there at 19:00 Berlin time.
    assert lines.count("19:00 Friday date night") == sum(
        1
        for day in ritual_days
        if day != first + timedelta(days=14) and day <= start + timedelta(days=59)
    )
