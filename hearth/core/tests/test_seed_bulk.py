"""Benchmark couples (seed_demo --couples): written past the ORM for speed, so checked here
to read back as the ORM would have written them, and to have each pillar's rows."""

import random
import zoneinfo
from datetime import date, datetime, time, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from hearth.appreciate.models import StyleRatings
from hearth.core.demo_helpers import insert_rows
from hearth.couples.models import Couple, Membership
from hearth.insights import demo as insights_demo
from hearth.insights.models import COLUMNS, DayTally
from hearth.insights.tallies import tallies_rebuild
from hearth.talk.models import Answer, DailyQuestion
from hearth.tests.factories import bulk_couples, make_questions
from hearth.together.models import DatePlan, Frequency, Ritual, RitualKind

pytestmark = pytest.mark.django_db


def seed(*args) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def bench_couples():
    return Couple.objects.filter(memberships__user__email__endswith="@bench.hearth").distinct()


def test_inserted_rows_read_back_as_given_with_the_defaults_for_the_rest():
    couple = bulk_couples(1, since=timezone.now() - timedelta(weeks=2))[0]
    first, second = Membership.objects.filter(couple=couple).order_by("seat")
    tokyo = zoneinfo.ZoneInfo("Asia/Tokyo")
    starts = datetime(2026, 3, 29, 1, 30, 15, 250, tzinfo=tokyo)
    insert_rows(
        DatePlan,
        ["couple_id", "title", "proposed_by_id", "asked_by_id", "starts_at", "time_zone"],
        [(couple.pk, "Picnic", first.user_id, second.user_id, starts, "Asia/Tokyo")],
    )
    plan = DatePlan.objects.get(couple=couple)
    assert plan.starts_at == starts  # the same instant, whatever zone it was given in
    # Stored as the ORM stores it, so lookups (text comparisons, on SQLite) find it.
    assert DatePlan.objects.filter(starts_at=starts, starts_at__date=date(2026, 3, 28)).exists()
    assert (plan.status, plan.duration_minutes, plan.details) == (DatePlan.Status.PROPOSED, 120, "")
    assert timezone.now() - plan.created_at < timedelta(minutes=1)
    insert_rows(
        Ritual,
        ["couple_id", "created_by_id", "starts_on", "weekdays", "at"],
        [(couple.pk, first.user_id, date(2026, 3, 1), [5, 6], time(18, 30))],
        also={
            "kind": RitualKind.CHECK_IN,
            "title": "Weekend check-in",
            "frequency": Frequency.WEEKLY,
            "time_zone": "UTC",
        },
    )
    ritual = Ritual.objects.get(couple=couple, starts_on__lt="2026-03-02", at__gt="18:00")
    assert (ritual.starts_on, ritual.weekdays, ritual.at) == (
        date(2026, 3, 1),
        [5, 6],
        time(18, 30),
    )
    assert (ritual.kind, ritual.title, ritual.interval, ritual.until) == (
        RitualKind.CHECK_IN,
        "Weekend check-in",
        1,
        None,
    )


def test_inserting_returns_the_keys_asked_for_and_can_keep_what_is_there():
    couples = bulk_couples(2, since=timezone.now() - timedelta(weeks=1))
    people = list(
        Membership.objects.filter(couple__in=couples)
        .order_by("pk")
        .values_list("user_id", flat=True)
    )
    StyleRatings.objects.create(user_id=people[0], words=7)
    made = insert_rows(
        StyleRatings,
        ["user_id", "words"],
        [(person, 2) for person in people],
        returning=["user_id", "id"],
        keep_existing=True,
    )
    assert sorted(user_id for user_id, _ in made) == people[1:]  # the first had some already
    assert dict(StyleRatings.objects.values_list("user_id", "id")) == {
        people[0]: StyleRatings.objects.get(user_id=people[0]).pk,
        **dict(made),
    }
    assert StyleRatings.objects.get(user_id=people[0]).words == 7
    assert set(StyleRatings.objects.exclude(user_id=people[0]).values_list("words", flat=True)) == {
        2
    }
    assert insert_rows(StyleRatings, ["user_id"], [], returning=["id"]) == []


def test_each_benchmark_couple_is_two_people_numbered_alike():
    seed("--couples", "30", "--weeks", "1")
    seed("--couples", "5", "--weeks", "1")  # numbered on from the first 30
    seats = Membership.objects.filter(user__email__endswith="@bench.hearth")
    pairs: dict[int, list[str]] = {}
    for couple_id, email in seats.order_by("seat").values_list("couple_id", "user__email"):
        pairs.setdefault(couple_id, []).append(email.split("@")[0])
    assert sorted(pairs.values()) == sorted([f"a{n}", f"b{n}"] for n in range(35))


def test_benchmark_couples_answered_every_question_of_the_weeks_both_of_them():
    seed("--couples", "20", "--weeks", "2")
    assert bench_couples().count() == 20
    for couple in bench_couples():
        people = set(couple.memberships.values_list("user_id", flat=True))
        questions = DailyQuestion.objects.filter(couple=couple)
        assert questions.count() == 14
        assert len({question.day for question in questions}) == 14
        assert all(question.revealed_at is not None for question in questions)
        for question in questions:
            answers = Answer.objects.filter(daily_question=question)
            assert {answer.author_id for answer in answers} == people
            assert all(answer.couple_id == couple.pk and answer.text for answer in answers)


def test_benchmark_couples_roll_ups_are_what_a_full_recount_gives():
    seed("--couples", "20", "--weeks", "3")

    def tallies():
        rows = DayTally.objects.filter(couple__in=bench_couples())
        return sorted(rows.values_list("couple_id", "day", *COLUMNS))

    seeded = tallies()
    assert len({row[0] for row in seeded}) == 20  # every couple has some
    tallies_rebuild(bench_couples())
    assert tallies() == seeded


def test_roll_ups_of_couples_in_other_time_zones_count_their_own_days():
    couples = bulk_couples(3, since=timezone.now() - timedelta(weeks=2))
    Couple.objects.filter(pk=couples[0].pk).update(time_zone="Pacific/Auckland")
    couples = list(Couple.objects.filter(pk__in=[couple.pk for couple in couples]))
    question = DailyQuestion.objects.create(
        couple=couples[0], day=date(2026, 3, 2), question=make_questions(1)[0]
    )
    # 20:00 UTC on 1 March is already 2 March in Auckland.
    author = couples[0].memberships.get(seat=1).user_id
    Answer.objects.create(
        couple=couples[0],
        daily_question=question,
        author_id=author,
        text="Yes",
        created_at=datetime(2026, 3, 1, 20, tzinfo=zoneinfo.ZoneInfo("UTC")),
    )
    insights_demo.seed_bulk(couples=couples, weeks=2, rng=random.Random(1))
    tally = DayTally.objects.get(couple=couples[0])
    assert (tally.day, tally.answered_1) == (date(2026, 3, 2), 1)
