"""seed_demo's Together activity: what Alex and Sam find when they look around, and rows
that keep the same rules as the ones the services write."""

import random
import zoneinfo
from datetime import time, timedelta
from io import StringIO
from itertools import pairwise

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.html import escape

from hearth.accounts.models import User
from hearth.conftest_helpers import login_client
from hearth.core.models import Event
from hearth.couples.models import Couple, Membership
from hearth.tests.factories import bulk_couples, couple_of
from hearth.together import demo
from hearth.together.feed import feed_calendar
from hearth.together.models import (
    BucketItem,
    DatePlan,
    Memory,
    PresentSession,
    Reflection,
    Ritual,
    RitualSkip,
)
from hearth.together.services import ritual_rule, ritual_upcoming

pytestmark = pytest.mark.django_db

WEEKS = 8
TOGETHER_MODELS = (DatePlan, Memory, Reflection, Ritual, RitualSkip, PresentSession, BucketItem)


def seed(*args) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo_couple():
    seed("--weeks", str(WEEKS))
    alex = User.objects.get(email="alex@demo.hearth")
    sam = User.objects.get(email="sam@demo.hearth")
    return alex, sam, couple_of(alex)


def test_past_dates_became_memories_with_what_each_loved(demo_couple):
    alex, sam, couple = demo_couple
    now = timezone.now()
    had = [
        plan
        for plan in DatePlan.objects.filter(couple=couple, status=DatePlan.Status.SCHEDULED)
        if plan.ends_at <= now
    ]
    # A date every one to three weeks.
    assert WEEKS // 3 <= len(had) <= WEEKS
    remembered = Memory.objects.filter(couple=couple, kind=Memory.Kind.DATE)
    assert remembered.count() >= len(had) - 2
    zone = zoneinfo.ZoneInfo(couple.time_zone)
    for memory in remembered.select_related("plan"):
        plan = memory.plan
        assert plan is not None and plan.is_over and plan.couple_id == couple.pk
        assert memory.title == plan.title
        assert memory.happened_on == timezone.localdate(plan.starts_at, zone)
        reflections = list(memory.reflections.all())
        assert 1 <= len(reflections) <= 2
        assert len({reflection.author_id for reflection in reflections}) == len(reflections)
        for reflection in reflections:
            assert reflection.author_id in (alex.pk, sam.pk)
            assert reflection.rating in (1, 2, 3, 4, 5)
            assert 10 < len(reflection.text) < 200
    texts = list(
        Reflection.objects.filter(couple=couple, memory__kind=Memory.Kind.DATE).values_list(
            "text", flat=True
        )
    )
    assert len(set(texts)) == len(texts), "the same line twice reads like a bot"
    assert any(memory.reflections.count() == 2 for memory in remembered)
    # The latest date: Sam has looked back on it, Alex still can.
    latest = max(had, key=lambda plan: plan.starts_at)
    assert [r.author for r in latest.memory.reflections.all()] == [sam]
    # Mostly from the library, with their own plans among them.
    assert any(plan.idea_id is None for plan in had) or len(had) < 4
    assert any(plan.idea_id is not None for plan in had)


def test_a_few_dates_were_declined_called_off_or_moved(demo_couple):
    _, _, couple = demo_couple
    plans = DatePlan.objects.filter(couple=couple, starts_at__lt=timezone.now())
    statuses = set(plans.values_list("status", flat=True))
    assert {DatePlan.Status.DECLINED, DatePlan.Status.CANCELLED} <= statuses
    assert DatePlan.Status.PROPOSED not in statuses  # nothing in the past still waits
    for plan in plans:
        assert plan.created_at <= plan.updated_at <= plan.starts_at
        assert plan.created_at >= couple.created_at
        assert not Memory.objects.filter(plan=plan).exists() or plan.is_over
    # Someone answered "yes, but another time": the other one then said yes to it.
    assert any(plan.asked_by_id != plan.proposed_by_id for plan in plans)


def test_coming_up_one_date_is_on_and_one_waits_for_sam(demo_couple):
    alex, sam, couple = demo_couple
    coming = DatePlan.objects.filter(couple=couple, starts_at__gt=timezone.now())
    scheduled = coming.filter(status=DatePlan.Status.SCHEDULED)
    assert scheduled.count() == 1
    waiting_for_sam = coming.filter(status=DatePlan.Status.PROPOSED, asked_by=alex)
    assert waiting_for_sam.count() == 1
    # Sam moved one to another time; it waits for Alex now.
    moved = coming.get(status=DatePlan.Status.PROPOSED, asked_by=sam)
    assert moved.proposed_by == alex
    assert Event.objects.filter(
        kind=Event.Kind.DATE_PROPOSED,
        recipient=sam,
        subject=f"together.dateplan:{waiting_for_sam.get().pk}",
    ).exists()
    # Both get a reminder before the one that is on.
    assert (
        Event.objects.filter(
            kind=Event.Kind.DATE_SOON, subject=f"together.dateplan:{scheduled.get().pk}"
        ).count()
        == 2
    )


def test_two_rituals_with_their_next_evenings_and_a_few_skipped(demo_couple):
    _, _, couple = demo_couple
    rituals = {ritual.kind: ritual for ritual in Ritual.objects.filter(couple=couple)}
    assert set(rituals) == {"date_night", "check_in"}
    zone = zoneinfo.ZoneInfo(couple.time_zone)
    since = couple.local_today() - timedelta(weeks=WEEKS)
    for ritual, weekday, at in (
        (rituals["date_night"], 4, time(19)),
        (rituals["check_in"], 6, time(18, 30)),
    ):
        assert ritual.time_zone == couple.time_zone
        assert since <= ritual.starts_on < since + timedelta(days=7)
        assert ritual_rule(ritual).first_day() == ritual.starts_on
        upcoming = ritual_upcoming(ritual)
        assert upcoming
        for instant, day, _ in upcoming:
            local = instant.astimezone(zone)
            assert (local.weekday(), local.time(), local.date()) == (weekday, at, day)
    # Every other Friday, every Sunday; the check-in after next is already skipped.
    fridays = [day for _, day, _ in ritual_upcoming(rituals["date_night"])]
    sundays = ritual_upcoming(rituals["check_in"])
    assert {later - earlier for earlier, later in pairwise(fridays)} == {timedelta(14)}
    assert [skipped for _, _, skipped in sundays[:3]] == [False, True, False]
    assert ritual_rule(rituals["date_night"]).describe() == "Every other week on Friday at 19:00"
    skips = RitualSkip.objects.filter(couple=couple)
    assert 2 <= skips.count() <= 4
    for skip in skips:
        assert skip.ritual.couple_id == couple.pk
        assert ritual_rule(skip.ritual).happens_on(skip.day)


def test_phones_away_about_twice_a_week(demo_couple):
    _, _, couple = demo_couple
    sessions = PresentSession.objects.filter(couple=couple)
    assert WEEKS <= sessions.count() <= 3 * WEEKS
    for session in sessions:
        assert session.ended_at is not None and session.joined_at is not None
        assert session.started_at <= session.joined_at < session.ended_at <= timezone.now()
        assert 20 <= session.minutes <= 120
        assert session.minutes == (session.ended_at - session.joined_at).total_seconds() // 60
    assert sum(session.minutes for session in sessions) > 0


def test_a_bucket_list_partly_done_and_moments_kept(demo_couple):
    _, _, couple = demo_couple
    items = BucketItem.objects.filter(couple=couple)
    assert 8 <= items.count() <= 12
    done = items.filter(done_on__isnull=False)
    assert 2 <= done.count() < items.count()
    for item in done:
        memory = Memory.objects.get(bucket_item=item)
        assert (memory.kind, memory.title, memory.happened_on) == (
            "bucket",
            item.title,
            item.done_on,
        )
        assert memory.reflections.exists()
        assert all(reflection.rating is None for reflection in memory.reflections.all())
    assert not Memory.objects.filter(bucket_item__in=items.filter(done_on__isnull=True)).exists()
    moments = Memory.objects.filter(couple=couple, kind=Memory.Kind.MOMENT)
    assert moments.count() >= 2
    for moment in moments:
        assert moment.plan_id is None and moment.bucket_item_id is None
        assert moment.happened_on < couple.local_today()
        reflections = list(moment.reflections.all())
        assert reflections and reflections[0].author == moment.created_by
        assert all(reflection.rating is None for reflection in reflections)


def test_every_row_is_the_couples_own(demo_couple):
    alex, sam, couple = demo_couple
    seed("--couples", "30", "--weeks", "2")
    people = {alex.pk, sam.pk}
    for model in TOGETHER_MODELS:
        mine = model.objects.filter(couple=couple)
        assert mine.exists(), model.__name__
    members: dict[int, set[int]] = {}
    for couple_id, user_id in Membership.objects.values_list("couple_id", "user_id"):
        members.setdefault(couple_id, set()).add(user_id)
    for plan in DatePlan.objects.all():
        assert {plan.proposed_by_id, plan.asked_by_id} <= members[plan.couple_id]
        assert plan.time_zone == Couple.objects.get(pk=plan.couple_id).time_zone
    for memory in Memory.objects.select_related("plan", "bucket_item"):
        assert memory.created_by_id in members[memory.couple_id]
        for source in (memory.plan, memory.bucket_item):
            assert source is None or source.couple_id == memory.couple_id
    for reflection in Reflection.objects.select_related("memory"):
        assert reflection.couple_id == reflection.memory.couple_id
        assert reflection.author_id in members[reflection.couple_id]
        assert reflection.rating is None or reflection.memory.kind == Memory.Kind.DATE
    for skip in RitualSkip.objects.select_related("ritual"):
        assert skip.couple_id == skip.ritual.couple_id
    for ritual in Ritual.objects.all():
        assert ritual.created_by_id in members[ritual.couple_id]
    for session in PresentSession.objects.all():
        assert session.started_by_id in members[session.couple_id]
        assert session.ended_at is not None
    for item in BucketItem.objects.all():
        assert item.added_by_id in members[item.couple_id]
    assert members[couple.pk] == people


def test_benchmark_couples_each_have_together_rows():
    seed("--couples", "30", "--weeks", "2")
    bench = Couple.objects.filter(memberships__user__email__endswith="@bench.hearth").distinct()
    assert bench.count() == 30
    for couple in bench:
        plans = DatePlan.objects.filter(couple=couple)
        assert 1 <= plans.count() <= 3
        assert all(plan.is_over for plan in plans)
        memory = Memory.objects.get(couple=couple)
        assert memory.plan == max(plans, key=lambda plan: plan.starts_at)
        assert Reflection.objects.get(couple=couple).rating in (3, 4, 5)
        ritual = Ritual.objects.get(couple=couple)
        assert ritual_upcoming(ritual)[0][0] > timezone.now()
        assert ritual_rule(ritual).first_day() == ritual.starts_on
        assert 1 <= PresentSession.objects.filter(couple=couple, minutes__gt=0).count() <= 2
        assert BucketItem.objects.filter(couple=couple, done_on__isnull=True).count() == 1


def test_bulk_seeding_takes_the_same_few_queries_for_any_number_of_couples(
    django_assert_max_num_queries,
):
    seed("--weeks", "0")  # the content libraries
    since = timezone.now() - timedelta(weeks=4)
    for size in (10, 400):
        couples = bulk_couples(size, since=since, prefix="q")
        with django_assert_max_num_queries(10):
            demo.seed_bulk(couples=couples, weeks=4, rng=random.Random(size))
        assert Ritual.objects.filter(couple__in=couples).count() == size


def test_seeding_the_demo_couple_again_changes_nothing(demo_couple):
    alex, sam, couple = demo_couple
    counts = {model.__name__: model.objects.count() for model in TOGETHER_MODELS}
    demo.seed_demo_couple(couple=couple, first=alex, second=sam, weeks=WEEKS, rng=random.Random(1))
    assert {model.__name__: model.objects.count() for model in TOGETHER_MODELS} == counts


def test_alex_sees_it_all_on_the_pages_and_in_the_calendar(demo_couple):
    alex, _, couple = demo_couple
    client = login_client(alex)
    coming = DatePlan.objects.filter(couple=couple, starts_at__gt=timezone.now())
    # The newest date: the first page of the timeline shows it.
    memory = (
        Memory.objects.filter(couple=couple, kind=Memory.Kind.DATE)
        .order_by("-happened_on", "-pk")
        .first()
    )
    item = BucketItem.objects.filter(couple=couple, done_on__isnull=True).first()
    assert memory is not None and item is not None
    expected = {
        "/together/dates/": [plan.title for plan in coming],
        "/together/memories/": [memory.title],
        f"/together/memories/{memory.pk}/": [memory.reflections.first().text],
        "/together/rituals/": ["Friday date night", "Sunday check-in"],
        "/together/bucket/": [item.title],
        "/together/present/": [],
        "/together/": [],
    }
    for path, texts in expected.items():
        response = client.get(path)
        assert response.status_code == 200, path
        page = response.content.decode()
        for text in texts:
            assert escape(text) in page, (path, text)
    calendar = feed_calendar(alex).decode()
    assert "Friday date night" in calendar and "Sunday check-in" in calendar
    assert "EXDATE" in calendar
