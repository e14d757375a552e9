"""Q2 and Q5: proposing, answering and rescheduling dates; phones-away time."""

import threading
import zoneinfo
from datetime import datetime, time, timedelta

import pytest
from django.db import close_old_connections, connection
from django.utils import timezone

from hearth.core.models import Event
from hearth.tests.factories import couple_of
from hearth.together.memories import date_reflect
from hearth.together.models import DatePlan, Memory, PresentSession
from hearth.together.services import (
    PRESENT_MAX,
    TogetherError,
    date_accept,
    date_cancel,
    date_decline,
    date_propose,
    date_suggest_time,
    local_datetime,
    present_current,
    present_end,
    present_start,
)

pytestmark = pytest.mark.django_db


def soon(days=3, hour=19) -> datetime:
    return (timezone.now() + timedelta(days=days)).replace(hour=hour, minute=0, microsecond=0)


@pytest.fixture
def proposal(owner, partner):
    return date_propose(
        user=owner, couple=couple_of(owner), starts_at=soon(), time_zone="UTC", title="Picnic"
    )


def events_for(user, kind):
    return Event.objects.filter(recipient=user, kind=kind)


def test_it_tells_the_partner_a_date_was_suggested_without_the_words(owner, partner, proposal):
    event = events_for(partner, Event.Kind.DATE_PROPOSED).get()
    assert event.subject == f"together.dateplan:{proposal.pk}"
    assert not events_for(owner, Event.Kind.DATE_PROPOSED).exists()


def test_the_partner_accepts_and_both_get_a_reminder_the_day_before(owner, partner, proposal):
    date_accept(user=partner, plan=proposal)
    proposal.refresh_from_db()
    assert proposal.status == DatePlan.Status.SCHEDULED
    reminders = Event.objects.filter(kind=Event.Kind.DATE_SOON)
    assert {e.recipient_id for e in reminders} == {owner.pk, partner.pk}
    assert {e.due_at for e in reminders} == {proposal.starts_at - timedelta(hours=24)}
    assert events_for(owner, Event.Kind.DATE_ANSWERED).count() == 1


def test_whoever_suggested_last_waits_for_the_other(owner, partner, proposal):
    with pytest.raises(TogetherError, match="your partner answers"):
        date_accept(user=owner, plan=proposal)
    later = soon(days=4, hour=11)
    date_suggest_time(user=partner, plan=proposal, starts_at=later, time_zone="UTC")
    with pytest.raises(TogetherError, match="your partner answers"):
        date_accept(user=partner, plan=proposal)
    plan = date_accept(user=owner, plan=proposal)
    assert (plan.status, plan.starts_at) == (DatePlan.Status.SCHEDULED, later)


def test_a_new_time_for_a_scheduled_date_goes_back_for_an_answer_and_moves_reminders(
    owner, partner, proposal
):
    date_accept(user=partner, plan=proposal)
    later = soon(days=10)
    plan = date_suggest_time(user=owner, plan=proposal, starts_at=later, time_zone="UTC")
    assert plan.status == DatePlan.Status.PROPOSED
    assert not Event.objects.filter(kind=Event.Kind.DATE_SOON).exists()
    date_accept(user=partner, plan=plan)
    assert set(
        Event.objects.filter(kind=Event.Kind.DATE_SOON).values_list("due_at", flat=True)
    ) == {later - timedelta(hours=24)}


def test_declined_and_cancelled_dates_cannot_be_accepted(owner, partner, proposal):
    date_decline(user=partner, plan=proposal)
    with pytest.raises(TogetherError, match="no longer waiting"):
        date_accept(user=partner, plan=proposal)
    other = date_propose(
        user=partner, couple=proposal.couple, starts_at=soon(), time_zone="UTC", title="Swim"
    )
    date_cancel(user=partner, plan=other)
    with pytest.raises(TogetherError, match="cancelled"):
        date_accept(user=owner, plan=other)


@pytest.mark.parametrize(
    ("starts_at", "code"),
    [
        (lambda: timezone.now() - timedelta(minutes=1), "in_the_past"),
        (lambda: timezone.now() + timedelta(days=800), "too_far_ahead"),
    ],
)
def test_it_refuses_times_that_cannot_be_planned(owner, partner, starts_at, code):
    with pytest.raises(TogetherError) as refused:
        date_propose(
            user=owner, couple=couple_of(owner), starts_at=starts_at(), time_zone="UTC", title="X"
        )
    assert refused.value.code == code
    assert not DatePlan.objects.exists()


def test_a_time_typed_in_new_york_stays_at_that_wall_clock_time(owner, partner):
    year = timezone.now().year + 1
    starts = local_datetime(datetime(year, 7, 4, 20, 0), "America/New_York")
    plan = date_propose(
        user=owner,
        couple=couple_of(owner),
        starts_at=starts,
        time_zone="America/New_York",
        title="Fireworks",
    )
    plan.refresh_from_db()
    local = plan.starts_at.astimezone(zoneinfo.ZoneInfo("America/New_York"))
    assert (local.hour, local.minute) == (20, 0)
    assert plan.starts_at.utcoffset() == timedelta(0)  # stored in UTC


def test_it_refuses_a_time_the_clocks_skip(owner):
    year = timezone.now().year + 1
    # The last Sunday of March: 02:00 becomes 03:00 in Berlin.
    last_sunday = max(
        datetime(year, 3, day) for day in range(25, 32) if datetime(year, 3, day).weekday() == 6
    )
    with pytest.raises(TogetherError, match="clocks skip it") as refused:
        local_datetime(datetime.combine(last_sunday, time(2, 30)), "Europe/Berlin")
    assert refused.value.code == "nonexistent_time"


def test_after_the_date_both_reflect_and_it_becomes_one_memory(owner, partner, proposal):
    date_accept(user=partner, plan=proposal)
    DatePlan.objects.filter(pk=proposal.pk).update(starts_at=timezone.now() - timedelta(days=1))
    proposal.refresh_from_db()
    date_reflect(user=owner, plan=proposal, rating=5, text="The thunderstorm we ran from ⛈️")
    date_reflect(user=partner, plan=proposal, rating=4, text="Your terrible umbrella")
    memory = Memory.objects.get()
    assert (memory.kind, memory.title, memory.plan_id) == ("date", "Picnic", proposal.pk)
    assert set(memory.reflections.values_list("rating", flat=True)) == {4, 5}
    # Writing again changes my reflection rather than adding one.
    date_reflect(user=owner, plan=proposal, rating=3, text="Still the storm")
    assert memory.reflections.count() == 2


def test_a_date_still_to_come_cannot_be_rated(owner, partner, proposal):
    date_accept(user=partner, plan=proposal)
    with pytest.raises(TogetherError, match="once it has happened"):
        date_reflect(user=owner, plan=proposal, rating=5, text="Early")


@pytest.mark.django_db(transaction=True)
def test_two_partners_acting_at_once_lose_nothing(owner, partner):
    """One accepts while the other calls it off: exactly one wins, the other is told."""
    plan = date_propose(
        user=owner, couple=couple_of(owner), starts_at=soon(), time_zone="UTC", title="Race"
    )
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def act(action, user):
        close_old_connections()
        barrier.wait()
        try:
            action(user=user, plan=plan)
            outcomes.append("done")
        except TogetherError as refused:
            outcomes.append(refused.code)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=act, args=(date_accept, partner)),
        threading.Thread(target=act, args=(date_cancel, owner)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    plan.refresh_from_db()
    # Accepted then cancelled, or cancelled then refused: never accepted over a cancel.
    assert plan.status == DatePlan.Status.CANCELLED
    assert sorted(outcomes) in (["done", "done"], ["done", "not_proposed"])


def test_phones_away_counts_only_the_time_both_are_in(owner, partner):
    couple = couple_of(owner)
    session = present_start(user=owner, couple=couple)
    assert session.joined_at is None
    assert events_for(partner, Event.Kind.PRESENT_STARTED).count() == 1
    joined = present_start(user=partner, couple=couple)
    assert joined.pk == session.pk and joined.joined_at is not None
    PresentSession.objects.filter(pk=session.pk).update(
        joined_at=timezone.now() - timedelta(minutes=42, seconds=10)
    )
    ended = present_end(user=partner, session=session)
    assert ended.minutes == 42
    assert present_current(couple) is None


def test_a_forgotten_session_counts_at_most_six_hours(owner, partner):
    couple = couple_of(owner)
    session = present_start(user=owner, couple=couple)
    long_ago = timezone.now() - timedelta(hours=30)
    PresentSession.objects.filter(pk=session.pk).update(started_at=long_ago, joined_at=long_ago)
    assert present_current(couple) is None
    fresh = present_start(user=partner, couple=couple)
    assert fresh.pk != session.pk
    session.refresh_from_db()
    assert session.minutes == PRESENT_MAX.total_seconds() // 60
