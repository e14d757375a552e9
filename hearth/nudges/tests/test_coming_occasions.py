"""N1: what comes round on its own (a date in the next day, a promise due today, the weekly
report on the person's Sunday evening) arrives once, in each person's own time zone; and
whoever leaves the couple hears nothing more about it."""

import io
import zoneinfo
from datetime import datetime, time, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from hearth.conftest_helpers import login_client
from hearth.core.models import Event
from hearth.couples.services import couple_unlink
from hearth.nudges.delivery import notification_email_send
from hearth.nudges.models import Notification
from hearth.nudges.services import notifications_for
from hearth.nudges.tests.helpers import (
    awake,
    daytime,
    deliver,
    notification_for,
    send_note,
    subject,
    texts,
)
from hearth.tests.factories import couple_of
from hearth.together.services import date_accept, date_cancel, date_propose, date_suggest_time
from hearth.trust.promises import promise_keep, promise_make

pytestmark = pytest.mark.django_db

DATE_TITLE = "Private words: dinner by the river, the corner table"


def coming_up(**filters):
    return Notification.objects.filter(kind=Event.Kind.DATE_SOON, **filters)


def scheduled(owner, partner, starts_at):
    plan = date_propose(
        user=owner, couple=couple_of(owner), starts_at=starts_at, time_zone="UTC", title=DATE_TITLE
    )
    return date_accept(user=partner, plan=plan)


def in_hours(hours: float) -> datetime:
    return (timezone.now() + timedelta(hours=hours)).replace(second=0, microsecond=0)


def test_it_tells_both_partners_once_that_a_date_is_coming_up(owner, partner):
    starts = in_hours(30)
    plan = scheduled(owner, partner, starts)
    deliver(timezone.now())
    assert not coming_up().exists()  # more than a day away
    # The together app's reminder (due a day before) and the daily look-ahead agree.
    for moment in (starts - timedelta(hours=23), starts - timedelta(hours=20), starts):
        deliver(moment)
    assert sorted(coming_up().values_list("recipient_id", flat=True)) == [owner.pk, partner.pk]
    page = login_client(partner).get("/nudges/").content.decode()
    assert "Your date is coming up" in page and f'href="/together/dates/{plan.pk}/"' in page
    assert DATE_TITLE not in page


def test_a_moved_date_comes_up_again_and_a_cancelled_one_does_not(owner, partner):
    plan = scheduled(owner, partner, in_hours(10))
    deliver(timezone.now())
    assert coming_up().count() == 2
    later = in_hours(72)
    date_suggest_time(user=owner, plan=plan, starts_at=later, time_zone="UTC")
    date_accept(user=partner, plan=plan)
    deliver(later - timedelta(hours=20))
    assert coming_up(recipient=partner).count() == 2
    other = scheduled(owner, partner, in_hours(50))
    date_cancel(user=partner, plan=other)
    for moment in (other.starts_at - timedelta(hours=23), other.starts_at - timedelta(hours=1)):
        deliver(moment)
    assert not coming_up(subject=f"together.dateplan:{other.pk}").exists()


def test_it_reminds_of_a_promise_on_its_day_in_the_persons_time_zone(owner, partner):
    owner.time_zone = "America/Los_Angeles"
    owner.save(update_fields=["time_zone"])
    couple = couple_of(owner)
    day = couple.local_today() + timedelta(days=2)
    promise = promise_make(user=owner, couple=couple, text="Private words: the gate", due_on=day)
    kept = promise_make(user=owner, couple=couple, text="Call the plumber", due_on=day)
    promise_keep(user=owner, promise=kept)
    deliver(datetime.combine(day, time(3), tzinfo=zoneinfo.ZoneInfo("UTC")))
    assert not Notification.objects.filter(kind=Event.Kind.PROMISE_DUE).exists()  # LA: eve
    for hour in (17, 20):
        deliver(datetime.combine(day, time(hour), tzinfo=zoneinfo.ZoneInfo("UTC")))
    reminder = Notification.objects.get(kind=Event.Kind.PROMISE_DUE)
    assert reminder.recipient == owner  # a reminder for the one who promised, never a nudge
    assert reminder.occasion == f"promise:{promise.pk}:{day:%Y-%m-%d}"
    page = login_client(owner).get("/nudges/").content.decode()
    assert "Today is the day for something you promised" in page
    assert f'href="/trust/promises/{promise.pk}/"' in page and "the gate" not in page


def next_sunday(zone: zoneinfo.ZoneInfo, at: time) -> datetime:
    today = timezone.now().astimezone(zone).date()
    sunday = today + timedelta(days=7 - today.isoweekday() or 7)
    return datetime.combine(sunday, at, tzinfo=zone)


def test_the_weekly_report_arrives_on_each_persons_sunday_evening(owner, partner, smtp_server):
    owner.time_zone, partner.time_zone = "Europe/Berlin", "America/New_York"
    owner.save(update_fields=["time_zone"])
    partner.save(update_fields=["time_zone"])
    berlin_evening = next_sunday(zoneinfo.ZoneInfo("Europe/Berlin"), time(18, 30))
    deliver(berlin_evening - timedelta(hours=1))
    assert not Notification.objects.filter(kind=Event.Kind.WEEKLY_REPORT).exists()
    deliver(berlin_evening)
    weekly = notification_for(owner, Event.Kind.WEEKLY_REPORT)
    year, week, _ = berlin_evening.isocalendar()
    assert weekly.occasion == f"weekly:{year}-W{week:02d}"
    assert not Notification.objects.filter(recipient=partner).exists()  # 12:30 in New York
    new_york_evening = next_sunday(zoneinfo.ZoneInfo("America/New_York"), time(18, 30))
    for moment in (new_york_evening, new_york_evening + timedelta(hours=2)):
        deliver(moment)
    assert Notification.objects.filter(kind=Event.Kind.WEEKLY_REPORT).count() == 2
    page = login_client(owner).get("/nudges/").content.decode()
    assert "Your week together is ready" in page and 'href="/insights/week/"' in page
    # Its e-mail is the insights app's weekly "State of us".
    assert notification_email_send(notification_id=weekly.pk, now=berlin_evening) == "sent"
    [message] = smtp_server.messages
    assert message["To"] == owner.email and "State of us" in subject(message)
    assert texts(message)[0] and texts(message)[1]


def test_someone_who_left_the_couple_hears_nothing_more(owner, partner, smtp_server):
    now = daytime()
    send_note(owner)
    deliver(now)
    waiting = notification_for(partner, Event.Kind.NOTE_RECEIVED)
    send_note(owner)
    couple_unlink(user=partner)
    assert deliver(now) == 0
    assert not Event.objects.filter(delivered_at__isnull=True).exists()
    assert notification_email_send(notification_id=waiting.pk, now=now) == "left"
    assert smtp_server.messages == []
    assert login_client(partner).get("/nudges/").status_code == 302  # pair first
    assert not notifications_for(partner).exists()


def test_the_send_due_nudges_command_is_safe_to_run_again(owner, partner):
    awake(partner)
    send_note(owner)
    out = io.StringIO()
    call_command("send_due_nudges", stdout=out)
    assert out.getvalue() == "1 notification made, 1 e-mail handed to the worker.\n"
    out = io.StringIO()
    call_command("send_due_nudges", stdout=out)
    assert out.getvalue() == "0 notifications made, 0 e-mails handed to the worker.\n"
    assert Notification.objects.count() == 1
