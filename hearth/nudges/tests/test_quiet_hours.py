"""N1: quiet hours, in each person's own time zone. In Hearth a nudge shows at once; its
e-mail waits for the morning."""

import zoneinfo
from datetime import datetime, time, timedelta

from django.utils import timezone

from hearth.conftest_helpers import login_client
from hearth.core.models import Event
from hearth.nudges.delivery import emails_queue_due, notification_email_send
from hearth.nudges.models import Notification, NudgePreferences
from hearth.nudges.services import preferences_save
from hearth.nudges.tests.helpers import daytime, deliver, notification_for, send_note, subject

AUCKLAND = zoneinfo.ZoneInfo("Pacific/Auckland")


def next_local(zone: zoneinfo.ZoneInfo, at: time) -> datetime:
    """The next moment it is `at` in `zone`, from now (always within a day)."""
    local = timezone.now().astimezone(zone)
    moment = local.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
    return moment if moment > local else moment + timedelta(days=1)


def test_it_waits_for_the_end_of_quiet_hours_in_the_persons_time_zone(owner, partner, smtp_server):
    partner.time_zone = "Pacific/Auckland"
    partner.save(update_fields=["time_zone"])
    send_note(owner)  # for Parker, in Auckland
    send_note(partner)  # for Olive, in UTC
    late_evening = next_local(AUCKLAND, time(23, 30))
    deliver(late_evening)

    # In Hearth, at once, for both.
    page = login_client(partner).get("/nudges/").content.decode()
    assert "Olive sent you some appreciation" in page
    for_parker = notification_for(partner, Event.Kind.NOTE_RECEIVED)
    morning = datetime.combine(late_evening.date() + timedelta(days=1), time(8), tzinfo=AUCKLAND)
    assert for_parker.email == Notification.Email.WAITING
    assert for_parker.email_not_before == morning
    # Olive's day in UTC is not quiet: hers was handed over at once; Parker's waits.
    for_olive = notification_for(owner, Event.Kind.NOTE_RECEIVED)
    assert for_olive.email_queued_at is not None and for_parker.email_queued_at is None
    assert notification_email_send(notification_id=for_parker.pk, now=late_evening) == "taken"
    emails_queue_due(now=morning - timedelta(minutes=1))
    for_parker.refresh_from_db()
    assert for_parker.email_queued_at is None
    emails_queue_due(now=morning)
    for_parker.refresh_from_db()
    assert for_parker.email_queued_at == morning
    assert notification_email_send(notification_id=for_parker.pk, now=morning) == "sent"
    assert [subject(m) for m in smtp_server.messages] == [
        "Hearth · Olive sent you some appreciation"
    ]


def test_an_email_waiting_when_quiet_hours_begin_waits_for_them_to_end(owner, partner):
    now = daytime()
    send_note(owner)
    deliver(now)
    notification = notification_for(partner, Event.Kind.NOTE_RECEIVED)
    assert notification.email == Notification.Email.WAITING
    # Parker makes the next hours quiet before the worker gets to it.
    local = now.astimezone(zoneinfo.ZoneInfo("UTC"))
    preferences_save(
        user=partner,
        quiet_start=(local - timedelta(minutes=5)).time(),
        quiet_end=(local + timedelta(hours=2)).time(),
    )
    assert notification_email_send(notification_id=notification.pk, now=now) == "quiet"
    notification.refresh_from_db()
    assert notification.email == Notification.Email.WAITING
    assert notification.email_attempts == 0  # waiting is not a failed try
    assert notification.email_not_before == (local + timedelta(hours=2)).replace(
        second=0, microsecond=0
    )


def test_quiet_hours_can_cross_midnight_sit_within_a_day_or_be_off():
    overnight = NudgePreferences(quiet_start=time(22), quiet_end=time(8))
    assert overnight.is_quiet(time(23, 59)) and overnight.is_quiet(time(0, 0))
    assert overnight.is_quiet(time(7, 59)) and not overnight.is_quiet(time(8, 0))
    assert not overnight.is_quiet(time(21, 59)) and overnight.is_quiet(time(22, 0))
    afternoon = NudgePreferences(quiet_start=time(13), quiet_end=time(15))
    assert afternoon.is_quiet(time(14)) and not afternoon.is_quiet(time(16))
    off = NudgePreferences(quiet_start=time(9), quiet_end=time(9))
    assert not off.has_quiet_hours and not any(off.is_quiet(time(h)) for h in range(24))


def test_the_end_of_quiet_hours_is_found_across_a_daylight_saving_change():
    # Europe/Berlin moves its clocks forward at 02:00 on 29 March 2026.
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    preferences = NudgePreferences(quiet_start=time(22), quiet_end=time(8))
    night = datetime(2026, 3, 28, 23, 30, tzinfo=berlin)
    allowed = preferences.email_allowed_from(night, berlin)
    assert allowed.astimezone(berlin) == datetime(2026, 3, 29, 8, 0, tzinfo=berlin)
    assert allowed - night == timedelta(hours=7, minutes=30)  # one hour fewer that night
