"""The daily roll-ups stay equal to a recount of what the couple did.

Two ways round: every service that changes something the index reads keeps the roll-ups
equal to `tallies_rebuild`; and on random histories, the signals read from roll-ups equal
signals counted directly, in Python, from the pillars' rows.
"""

import random
import zoneinfo
from collections import Counter
from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone

from hearth.appreciate.models import Gesture, Note
from hearth.appreciate.services import gesture_log, gesture_notice, note_react, note_send
from hearth.conftest_helpers import at_the_same_moment, roll_ups_match_a_recount
from hearth.couples.models import Couple
from hearth.insights.index import WINDOW_DAYS, Signals
from hearth.insights.models import COLUMNS, DayTally
from hearth.insights.signals import signals_for, weekly_signals
from hearth.insights.tallies import tallies_rebuild, tallies_refresh
from hearth.support.models import Bid, CheckIn, Feeling
from hearth.support.services import (
    bid_answer,
    bid_send,
    check_in_make,
    check_in_reply,
    cheer_add,
    good_news_share,
)
from hearth.talk.models import Answer, DailyQuestion, HarshMoment
from hearth.talk.services import answer_save, daily_question_for, reaction_set, reply_add
from hearth.tests.factories import UserFactory, couple_of, make_couple, make_questions
from hearth.together.models import DatePlan, PresentSession
from hearth.together.services import (
    date_accept,
    date_cancel,
    date_propose,
    date_suggest_time,
    present_end,
    present_start,
)
from hearth.trust.models import Promise
from hearth.trust.promises import promise_keep, promise_make, promise_renegotiate

pytestmark = pytest.mark.django_db


def feeling() -> Feeling:
    return Feeling.objects.get_or_create(
        key="calm", defaults={"word": "Calm", "level": 1, "tone": "pleasant"}
    )[0]


def snapshot(couple: Couple) -> dict[date, dict[str, int]]:
    """The couple's roll-ups, leaving out days where nothing is counted."""
    rows = DayTally.objects.filter(couple=couple).values("day", *COLUMNS)
    return {row.pop("day"): row for row in rows if any(row[column] for column in COLUMNS)}


def rebuilt(couple: Couple) -> dict[date, dict[str, int]]:
    tallies_rebuild(Couple.objects.filter(pk=couple.pk))
    return snapshot(couple)


def test_it_keeps_roll_ups_equal_to_a_recount_after_every_service(owner, partner):
    make_questions(10)
    couple = couple_of(owner)
    question = daily_question_for(couple=couple)
    mine = answer_save(user=owner, daily_question=question, text="The sea")
    theirs = answer_save(user=partner, daily_question=question, text="The hills")
    mine = Answer.objects.get(pk=mine.pk)  # now revealed
    reaction_set(user=owner, answer=theirs, kind="heart")
    reaction_set(user=partner, answer=mine, kind="heart")
    reaction_set(user=partner, answer=mine, kind="")  # taken back
    reply_add(user=owner, answer=theirs, text="You always say the hills, and you never listen.")
    note = note_send(user=owner, couple=couple, did="You fixed the tap", felt="Looked after")
    note_react(user=partner, note=note, reaction="heart")
    gesture = gesture_log(user=partner, couple=couple, style="service", text="Made tea")
    gesture_notice(user=owner, gesture=gesture)
    news = good_news_share(user=owner, couple=couple, text="I got the job!")
    cheer_add(user=partner, news=news, way="celebrate", text="I'm so proud of you, tell me all")
    bid = bid_send(user=partner, couple=couple, kind="hug")
    bid_answer(user=owner, bid=bid, answer="now", reply="Coming")
    bid_send(user=owner, couple=couple, kind="hug")  # not answered yet
    shared = check_in_make(user=owner, couple=couple, feeling=feeling(), need="listen", shared=True)
    check_in_reply(user=partner, check_in=shared, reply="I'm here")
    check_in_make(user=partner, couple=couple, feeling=feeling(), need="space")
    keep = promise_make(user=owner, couple=couple, text="Call mum", due_on=couple.local_today())
    promise_keep(user=partner, promise=keep)
    later = promise_make(
        user=partner, couple=couple, text="Fix the bike", due_on=couple.local_today()
    )
    promise_renegotiate(
        user=partner, promise=later, due_on=couple.local_today() + timedelta(days=3)
    )
    soon = timezone.now() + timedelta(days=2)
    plan = date_propose(user=owner, couple=couple, starts_at=soon, time_zone="UTC", title="Walk")
    date_accept(user=partner, plan=plan)
    date_suggest_time(user=owner, plan=plan, starts_at=soon + timedelta(days=3), time_zone="UTC")
    date_accept(user=partner, plan=plan)
    cancelled = date_propose(
        user=partner, couple=couple, starts_at=soon, time_zone="UTC", title="Cinema"
    )
    date_accept(user=owner, plan=cancelled)
    date_cancel(user=owner, plan=cancelled)
    session = present_start(user=owner, couple=couple)
    PresentSession.objects.filter(pk=session.pk).update(started_at=timezone.now())
    present_start(user=partner, couple=couple)
    present_end(user=partner, session=session)

    kept = snapshot(couple)
    assert kept == rebuilt(couple)
    today = kept[couple.local_today()]
    assert (today["answered_1"], today["answered_2"], today["both_answered"]) == (1, 1, 1)
    assert (today["replies_1"], today["replies_2"]) == (2, 0)
    assert today["harsh"] == 1  # "you always … you never" in the reply
    assert (today["bids_received_1"], today["bids_turned_1"], today["bids_received_2"]) == (
        1,
        1,
        1,
    )
    assert (today["kept_1"], today["ended_2"], today["kept_2"]) == (1, 1, 1)
    # The moved date counts on its new day only; the cancelled one not at all.
    dates = {day: values["dates_kept"] for day, values in kept.items() if values["dates_kept"]}
    assert dates == {(soon + timedelta(days=3)).date(): 1}


def test_a_harsh_moment_keeps_no_words(owner, partner):
    make_questions(4)
    couple = couple_of(owner)
    question = daily_question_for(couple=couple)
    answer_save(user=owner, daily_question=question, text="Mine")
    theirs = answer_save(user=partner, daily_question=question, text="Theirs")
    reply_add(user=owner, answer=theirs, text="Thank you, that made me smile.")
    assert not HarshMoment.objects.exists()
    reply_add(user=owner, answer=theirs, text="You never listen to me. Whatever.")
    moment = HarshMoment.objects.get()
    assert moment.author == owner
    assert {field.name for field in HarshMoment._meta.fields} == {
        "id",
        "couple",
        "author",
        "created_at",
    }
    assert signals_for(couple).harsh_moments == 1


# Random histories ------------------------------------------------------------------------


def local_instant(rng: random.Random, day: date, zone: zoneinfo.ZoneInfo) -> datetime:
    moment = datetime.combine(day, time(), tzinfo=zone) + timedelta(minutes=rng.randrange(24 * 60))
    return moment.astimezone(zoneinfo.ZoneInfo("UTC"))


def random_history(couple: Couple, people, rng: random.Random, days: int) -> None:
    """Rows written the way services write them (then `tallies_refresh`), with random
    moments spread over `days` local days, including both ends of each day."""
    zone = zoneinfo.ZoneInfo(couple.time_zone)
    today = couple.local_today()
    questions = make_questions(days)
    for back in range(days):
        day = today - timedelta(days=back)

        def at(day=day) -> datetime:
            return local_instant(rng, day, zone)

        author = rng.choice(people)
        other = people[1] if author == people[0] else people[0]
        question = DailyQuestion.objects.create(couple=couple, day=day, question=questions[back])
        for person in people:
            if rng.random() < 0.7:
                tallies_refresh(
                    couple=couple,
                    of=Answer.objects.create(
                        couple=couple,
                        daily_question=question,
                        author=person,
                        text="…",
                        created_at=at(),
                    ),
                )
        if rng.random() < 0.5:
            question.revealed_at = at()
            question.save()
            tallies_refresh(couple=couple, of=question)
        for _ in range(rng.randrange(3)):
            note = Note.objects.create(
                couple=couple,
                author=author,
                recipient=other,
                did="…",
                felt="…",
                created_at=at(),
                reaction=rng.choice(["", "heart"]),
            )
            tallies_refresh(couple=couple, of=note)
        if rng.random() < 0.4:
            gesture = Gesture.objects.create(
                couple=couple, author=author, style="service", text="…", happened_on=day
            )
            gesture.noticed_at = at()
            gesture.save()
            tallies_refresh(couple=couple, of=gesture)
        for _ in range(rng.randrange(3)):
            bid = Bid.objects.create(couple=couple, author=author, kind="hug", created_at=at())
            if rng.random() < 0.8:
                bid.answered_at = bid.created_at + timedelta(minutes=5)
                bid.answer = "now"
                bid.save()
            tallies_refresh(couple=couple, of=bid)
        if rng.random() < 0.5:
            check_in = CheckIn.objects.create(
                couple=couple,
                author=author,
                feeling=feeling(),
                need="listen",
                shared=rng.random() < 0.6,
                created_at=at(),
            )
            if check_in.shared and rng.random() < 0.7:
                check_in.replied_at = at()
                check_in.reply = "…"
                check_in.save()
            tallies_refresh(couple=couple, of=check_in)
        if rng.random() < 0.3:
            promise = Promise.objects.create(
                couple=couple, author=author, text="…", due_on=day, created_at=at()
            )
            outcome = rng.choice(["open", "kept", "late", "renegotiated"])
            if outcome != "open":
                promise.status = "renegotiated" if outcome == "renegotiated" else "kept"
                ended = day + timedelta(days=2 if outcome == "late" else 0)
                if ended > today:
                    ended = today
                promise.kept_on = ended if promise.status == "kept" else None
                promise.ended_at = local_instant(rng, ended, zone)
                promise.save()
            tallies_refresh(couple=couple, of=promise)
        if rng.random() < 0.3:
            session = PresentSession.objects.create(
                couple=couple, started_by=author, started_at=at(), minutes=rng.randrange(5, 90)
            )
            session.ended_at = session.started_at + timedelta(minutes=session.minutes)
            session.save()
            tallies_refresh(couple=couple, of=session)
        if rng.random() < 0.2:
            plan = DatePlan.objects.create(
                couple=couple,
                title="…",
                proposed_by=author,
                asked_by=author,
                starts_at=at(),
                time_zone=couple.time_zone,
                status=rng.choice(["scheduled", "cancelled"]),
            )
            tallies_refresh(couple=couple, of=plan)
        if rng.random() < 0.2:
            harsh = HarshMoment.objects.create(couple=couple, author=author, created_at=at())
            tallies_refresh(couple=couple, of=harsh)


def counted_directly(couple: Couple, people, last: date) -> Signals:
    """The definition in docs/connection-index.md, applied in Python to every row."""
    zone = zoneinfo.ZoneInfo(couple.time_zone)
    today = couple.local_today()
    first = last - timedelta(days=WINDOW_DAYS - 1)

    def inside(moment) -> bool:
        return moment is not None and first <= moment.astimezone(zone).date() <= last

    def per_person(rows, field="author_id", received=False) -> tuple[int, int]:
        counts = Counter(getattr(row, field) for row in rows)
        pair = (counts[people[0].pk], counts[people[1].pk])
        return (pair[1], pair[0]) if received else pair

    answers = [a for a in Answer.objects.filter(couple=couple) if inside(a.created_at)]
    notes = [n for n in Note.objects.filter(couple=couple) if inside(n.created_at)]
    noticed = [g for g in Gesture.objects.filter(couple=couple) if inside(g.noticed_at)]
    bids = [b for b in Bid.objects.filter(couple=couple) if inside(b.created_at)]
    check_ins = [
        c for c in CheckIn.objects.filter(couple=couple, shared=True) if inside(c.created_at)
    ]
    promises = list(Promise.objects.filter(couple=couple))
    ended = [p for p in promises if p.status != "open" and inside(p.ended_at)]
    on_time = [
        p
        for p in ended
        if not (p.status == "kept" and p.kept_on and p.due_on and p.kept_on > p.due_on)
    ]
    missed = [
        p
        for p in promises
        if p.status == "open" and p.due_on and first <= p.due_on <= last and p.due_on < today
    ]
    due = per_person(ended)
    missed_pair = per_person(missed)
    return Signals(
        answered=per_person(answers),
        both_answered=sum(
            1 for q in DailyQuestion.objects.filter(couple=couple) if inside(q.revealed_at)
        ),
        replies=(0, 0),
        present_minutes=sum(
            s.minutes for s in PresentSession.objects.filter(couple=couple) if inside(s.ended_at)
        ),
        dates_kept=sum(
            1
            for plan in DatePlan.objects.filter(couple=couple, status="scheduled")
            if inside(plan.starts_at)
        ),
        notes_sent=per_person(notes),
        gestures_noticed=per_person(noticed),
        positive_moments=len(notes) + sum(1 for n in notes if n.reaction) + len(noticed),
        harsh_moments=sum(
            1 for h in HarshMoment.objects.filter(couple=couple) if inside(h.created_at)
        ),
        promises_kept=per_person(on_time),
        promises_due=(due[0] + missed_pair[0], due[1] + missed_pair[1]),
        rounds_completed=0,
        bids_received=per_person(bids, received=True),
        bids_turned_toward=per_person([b for b in bids if b.answered_at], received=True),
        check_ins_received=per_person(check_ins, received=True),
        check_ins_answered=per_person([c for c in check_ins if c.replied_at], received=True),
    )


@pytest.mark.parametrize(
    "zone, seed", [("UTC", 1), ("Pacific/Auckland", 2), ("America/Los_Angeles", 3)]
)
def test_it_equals_a_recount_on_random_histories(zone, seed):
    rng = random.Random(seed)
    people = (UserFactory.create(), UserFactory.create())
    couple = make_couple(*people)
    Couple.objects.filter(pk=couple.pk).update(time_zone=zone)
    couple.refresh_from_db()
    random_history(couple, people, rng, days=45)

    kept_up = snapshot(couple)
    assert kept_up == rebuilt(couple), "the roll-ups kept up to date differ from a recount"
    today = couple.local_today()
    for last in (today, today - timedelta(days=5), today - timedelta(days=16)):
        assert signals_for(couple, end=last) == counted_directly(couple, people, last)
    series = weekly_signals(couple, weeks=3)
    assert [end for end, _ in series] == [today - timedelta(weeks=w) for w in (2, 1, 0)]
    for end, signals in series:
        assert signals == signals_for(couple, end=end)


def test_a_couple_with_nothing_yet_has_empty_signals(owner, partner):
    assert signals_for(couple_of(owner)) == Signals()


@pytest.mark.django_db(transaction=True)
def test_two_partners_acting_at_once_are_both_counted(owner, partner):
    couple = couple_of(owner)
    at_the_same_moment(
        *(
            lambda user=user: note_send(user=user, couple=couple, did="You were there", felt="Held")
            for user in (owner, partner)
        )
    )
    row = DayTally.objects.get(couple=couple, day=couple.local_today())
    assert (row.notes_1, row.notes_2, row.positive) == (1, 1, 2)
    assert roll_ups_match_a_recount(couple)
