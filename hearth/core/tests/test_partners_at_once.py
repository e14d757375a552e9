"""Two partners (or one on two devices) acting on the same thing at the same moment: no
update is lost and nobody sees "database is locked" (SAFETY.md, "Data durability").

Each action runs in its own thread with its own database connection; a barrier releases
them together. Answering the same daily question, opening today's question, racing for an
invite, renegotiating a promise as it is kept, accepting a date as it is cancelled and
thanking at once are proved next to their features; these cover the rest.
"""

from datetime import time, timedelta

import pytest

from hearth.appreciate.models import Note
from hearth.appreciate.services import note_keep, note_react, note_send
from hearth.conftest_helpers import at_the_same_moment, roll_ups_match_a_recount
from hearth.core.models import Event
from hearth.support.models import Bid
from hearth.support.services import SupportError, bid_answer, bid_send
from hearth.talk.models import Answer, Reaction, Reply
from hearth.talk.services import answer_save, daily_question_for, reaction_set, reply_add
from hearth.tests.factories import couple_of, make_questions
from hearth.together.models import PresentSession, RitualSkip
from hearth.together.services import present_start, ritual_create, ritual_skip
from hearth.trust.models import Promise
from hearth.trust.promises import TrustError, promise_keep, promise_make

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_keeps_a_promise_once_when_both_say_kept_at_once(owner, partner):
    couple = couple_of(owner)
    promise = promise_make(user=owner, couple=couple, text="Fix the bike")
    outcomes = at_the_same_moment(
        lambda: promise_keep(user=owner, promise=promise),
        lambda: promise_keep(user=partner, promise=promise),
    )
    winners = [o for o in outcomes if isinstance(o, Promise)]
    refused = [o for o in outcomes if isinstance(o, TrustError)]
    assert len(winners) == 1 and [r.code for r in refused] == ["not_open"]
    promise.refresh_from_db()
    assert promise.status == Promise.Status.KEPT
    # Confirmed exactly when the partner's "kept" was the one that counted.
    assert (promise.confirmed_at is not None) == (outcomes[1] is winners[0])
    assert roll_ups_match_a_recount(couple)


def test_it_records_one_answer_when_a_bid_is_answered_twice_at_once(owner, partner):
    """The partner answers on the phone and on the laptop: one answer, one nudge."""
    couple = couple_of(owner)
    bid = bid_send(user=owner, couple=couple, kind="hard_day")
    outcomes = at_the_same_moment(
        lambda: bid_answer(user=partner, bid=bid, answer="now", reply="Coming"),
        lambda: bid_answer(user=partner, bid=bid, answer="now", reply="On my way"),
    )
    refused = [o for o in outcomes if isinstance(o, SupportError)]
    assert [r.code for r in refused] == ["answered"]
    winner = next(o for o in outcomes if isinstance(o, Bid))
    bid.refresh_from_db()
    assert (bid.answer, bid.reply) == ("now", winner.reply)
    assert Event.objects.filter(kind=Event.Kind.BID_ANSWERED).count() == 1
    assert roll_ups_match_a_recount(couple)


def test_it_keeps_a_reaction_and_a_keep_made_at_once_with_a_new_note(owner, partner):
    couple = couple_of(owner)
    note = note_send(user=owner, couple=couple, did="You walked the dog", felt="Rested")
    outcomes = at_the_same_moment(
        lambda: note_react(user=partner, note=note, reaction="heart"),
        lambda: note_keep(user=partner, note=note, kept=True),
        lambda: note_send(user=owner, couple=couple, did="You cooked", mattered="A long day"),
    )
    assert all(isinstance(outcome, Note) for outcome in outcomes)
    note.refresh_from_db()
    assert (note.reaction, note.kept) == ("heart", True)
    assert Note.objects.filter(couple=couple).count() == 2
    assert roll_ups_match_a_recount(couple)


def test_it_keeps_every_reply_and_reaction_made_at_once(owner, partner):
    make_questions(4)
    couple = couple_of(owner)
    question = daily_question_for(couple=couple)
    mine = answer_save(user=owner, daily_question=question, text="Breakfast in bed")
    theirs = answer_save(user=partner, daily_question=question, text="A long walk")
    mine = Answer.objects.get(pk=mine.pk)  # revealed now that both answered
    outcomes = at_the_same_moment(
        lambda: reply_add(user=owner, answer=mine, text="With pancakes"),
        lambda: reply_add(user=partner, answer=mine, text="Tell me more!"),
        lambda: reaction_set(user=owner, answer=theirs, kind="heart"),
        lambda: reaction_set(user=partner, answer=mine, kind="spark"),
    )
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert Reply.objects.filter(answer=mine).count() == 2
    assert set(Reaction.objects.values_list("author_id", "kind")) == {
        (owner.pk, "heart"),
        (partner.pk, "spark"),
    }
    assert roll_ups_match_a_recount(couple)


def test_it_makes_one_phones_away_session_when_both_start_at_once(owner, partner):
    couple = couple_of(owner)
    outcomes = at_the_same_moment(
        lambda: present_start(user=owner, couple=couple),
        lambda: present_start(user=partner, couple=couple),
    )
    assert all(isinstance(o, PresentSession) for o in outcomes), outcomes
    session = PresentSession.objects.get()
    assert {o.pk for o in outcomes} == {session.pk}  # type: ignore[attr-defined]
    assert session.joined_at is not None  # the second one joined the first


def test_it_skips_a_ritual_day_once_when_both_skip_it_at_once(owner, partner):
    couple = couple_of(owner)
    starts_on = couple.local_today() + timedelta(days=1)
    ritual = ritual_create(
        user=owner,
        couple=couple,
        kind="date_night",
        title="Friday date night",
        frequency="weekly",
        weekdays=[starts_on.weekday()],
        starts_on=starts_on,
        at=time(19, 0),
        time_zone="Europe/Berlin",
    )
    outcomes = at_the_same_moment(
        lambda: ritual_skip(user=owner, ritual=ritual, day=starts_on),
        lambda: ritual_skip(user=partner, ritual=ritual, day=starts_on),
    )
    assert all(isinstance(o, RitualSkip) for o in outcomes), outcomes
    assert RitualSkip.objects.get().day == starts_on
