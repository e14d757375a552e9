"""N1 at scale: finding and enqueueing due nudges is a fixed handful of set-based queries,
the same for 3 couples as for 30 (and so, in chunks, for 100,000), never a query per couple."""

import zoneinfo
from datetime import datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from hearth.core.models import Event
from hearth.couples.models import Membership
from hearth.nudges.delivery import nudges_enqueue_due
from hearth.nudges.models import Notification
from hearth.tests.factories import bulk_couples
from hearth.together.models import DatePlan
from hearth.trust.models import Promise

pytestmark = pytest.mark.django_db

UTC = zoneinfo.ZoneInfo("UTC")


def a_sunday_evening() -> datetime:
    """A coming Sunday at 19:00 UTC: the weekly report is due for everyone in UTC."""
    today = timezone.now().date()
    sunday = today + timedelta(days=7 - today.isoweekday() or 7)
    return datetime.combine(sunday, time(19), tzinfo=UTC)


def couples_with_something_due(size: int, *, now: datetime, prefix: str) -> None:
    """`size` couples, each with a note and a bid waiting, a date tomorrow morning, a promise
    due today, and a week that is over: every kind of occasion the sender looks for."""
    couples = bulk_couples(size, since=now - timedelta(days=30), prefix=prefix)
    seats = {
        (seat.couple_id, seat.seat): seat.user_id
        for seat in Membership.objects.filter(couple__in=couples)
    }
    events, plans, promises = [], [], []
    for couple in couples:
        first, second = seats[(couple.pk, 1)], seats[(couple.pk, 2)]
        for kind, recipient in (
            (Event.Kind.NOTE_RECEIVED, second),
            (Event.Kind.BID_RECEIVED, first),
        ):
            events.append(
                Event(
                    couple=couple,
                    kind=kind,
                    recipient_id=recipient,
                    subject="appreciate.note:1",
                    due_at=now - timedelta(minutes=3),
                )
            )
        plans.append(
            DatePlan(
                couple=couple,
                title="A walk",
                proposed_by_id=first,
                asked_by_id=first,
                starts_at=now + timedelta(hours=14),
                time_zone="UTC",
                status=DatePlan.Status.SCHEDULED,
            )
        )
        promises.append(Promise(couple=couple, author_id=second, text="Soup", due_on=now.date()))
    Event.objects.bulk_create(events)
    DatePlan.objects.bulk_create(plans)
    Promise.objects.bulk_create(promises)


def queries_to_send(now: datetime) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        made = nudges_enqueue_due(now=now)
    return len(captured), made


def test_finding_and_enqueueing_due_nudges_takes_the_same_queries_for_3_or_30_couples():
    now = a_sunday_evening()
    couples_with_something_due(3, now=now, prefix="three")
    few, made_for_few = queries_to_send(now)
    # Per couple: a note, a bid, a date for both, a promise, a weekly report for both.
    assert made_for_few == 3 * 7
    couples_with_something_due(30, now=now, prefix="thirty")
    many, made_for_many = queries_to_send(now)
    assert made_for_many == 30 * 7
    assert many == few, f"{few} queries for 3 couples, {many} for 30"
    assert few <= 30  # savepoints and, on PostgreSQL, the run-in-turn locks included
    assert Notification.objects.count() == 33 * 7
    # The e-mails wanted by default (note, bid, date, promise, weekly) went to the worker.
    assert Notification.objects.exclude(email_queued_at=None).count() == 33 * 7
    assert DBTaskResult.objects.count() == 2
