"""The Connection Index's promises, checked on thousands of random couples (hypothesis):
bounded, rising with every good thing either partner does, the same whichever partner is
which, and calm for a couple with nothing yet. No database."""

from dataclasses import fields, replace
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from hearth.insights.index import (
    WINDOW_DAYS,
    Signals,
    connection_index,
    saturate,
    shared_effort,
)

count = st.integers(min_value=0, max_value=60)


@st.composite
def pairs_within(draw, top: int = 60):
    """(done, of) per partner with done <= of."""
    of = (draw(st.integers(0, top)), draw(st.integers(0, top)))
    done = (draw(st.integers(0, of[0])), draw(st.integers(0, of[1])))
    return done, of


@st.composite
def signals(draw) -> Signals:
    answered = (draw(st.integers(0, WINDOW_DAYS)), draw(st.integers(0, WINDOW_DAYS)))
    kept, due = draw(pairs_within())
    toward, bids = draw(pairs_within())
    answered_check_ins, check_ins = draw(pairs_within())
    return Signals(
        answered=answered,
        both_answered=draw(st.integers(0, min(answered))),
        replies=(draw(count), draw(count)),
        present_minutes=draw(st.integers(0, 5000)),
        dates_kept=draw(st.integers(0, 12)),
        notes_sent=(draw(count), draw(count)),
        gestures_noticed=(draw(count), draw(count)),
        positive_moments=draw(st.integers(0, 500)),
        harsh_moments=draw(st.integers(0, 100)),
        promises_kept=kept,
        promises_due=due,
        rounds_completed=draw(st.integers(0, 10)),
        bids_received=bids,
        bids_turned_toward=toward,
        check_ins_received=check_ins,
        check_ins_answered=answered_check_ins,
    )


def all_figures(s: Signals) -> dict[str, int]:
    index = connection_index(s)
    return {"overall": index.overall} | {name: p.score for name, p in index.pillars.items()}


# Each good thing, done once more by the first partner, keeping the counts consistent
# (a promise kept is also a promise due; a reveal is an answer by both).
def more(s: Signals, name: str) -> Signals:
    first = lambda pair: (pair[0] + 1, pair[1])  # noqa: E731
    if name == "both_answered":
        answered = (
            max(s.answered[0], s.both_answered + 1),
            max(s.answered[1], s.both_answered + 1),
        )
        return replace(s, both_answered=s.both_answered + 1, answered=answered)
    if name == "promises_kept":
        due = s.promises_due if s.promises_kept[0] < s.promises_due[0] else first(s.promises_due)
        return replace(s, promises_kept=first(s.promises_kept), promises_due=due)
    if name == "bids_turned_toward":
        received = (
            s.bids_received
            if s.bids_turned_toward[0] < s.bids_received[0]
            else first(s.bids_received)
        )
        return replace(s, bids_turned_toward=first(s.bids_turned_toward), bids_received=received)
    if name == "check_ins_answered":
        received = (
            s.check_ins_received
            if s.check_ins_answered[0] < s.check_ins_received[0]
            else first(s.check_ins_received)
        )
        return replace(
            s, check_ins_answered=first(s.check_ins_answered), check_ins_received=received
        )
    value = getattr(s, name)
    changes: dict[str, Any] = {name: first(value) if isinstance(value, tuple) else value + 1}
    return replace(s, **changes)


GOOD_THINGS = [
    "both_answered",
    "replies",
    "present_minutes",
    "dates_kept",
    "notes_sent",
    "gestures_noticed",
    "positive_moments",
    "promises_kept",
    "rounds_completed",
    "bids_turned_toward",
    "check_ins_answered",
]


@given(signals())
def test_every_figure_is_between_0_and_100(s):
    assert all(0 <= figure <= 100 for figure in all_figures(s).values())


@given(signals(), st.sampled_from(GOOD_THINGS))
def test_doing_more_of_a_good_thing_never_lowers_a_figure(s, good_thing):
    before, after = all_figures(s), all_figures(more(s, good_thing))
    assert all(after[name] >= before[name] for name in before), (good_thing, before, after)


@given(signals())
def test_it_does_not_matter_which_partner_is_which(s):
    assert all_figures(s) == all_figures(s.swapped())


def test_a_couple_with_nothing_yet_gets_zeros_and_a_first_step():
    empty = Signals()
    assert empty.is_empty()
    index = connection_index(empty)
    assert index.overall == 0
    assert all(p.score == 0 and p.raise_it for p in index.pillars.values())
    assert connection_index(Signals()) == index  # the same every time


@given(signals())
def test_a_harsh_moment_never_raises_a_figure(s):
    harsher = replace(s, harsh_moments=s.harsh_moments + 1)
    assert all_figures(harsher)["appreciate"] <= all_figures(s)["appreciate"]


def test_the_quieter_partner_joining_in_counts_for_more():
    # Ten notes from one partner, or five from each: the balanced couple scores higher.
    assert shared_effort((5, 5), 4) > shared_effort((10, 0), 4)
    alone = connection_index(Signals(notes_sent=(10, 0))).pillars["appreciate"].score
    together = connection_index(Signals(notes_sent=(5, 5))).pillars["appreciate"].score
    assert together > alone


def test_the_figures_read_as_the_documentation_says():
    # Half a day of reveals over 28 days (14 days both answered) is full marks for reveals.
    talk = connection_index(Signals(answered=(14, 14), both_answered=14)).pillars["talk"]
    assert talk.components["reveals"] == 1.0 and talk.score == 60
    assert talk.raise_it.startswith("Reply to each other")
    # 240 distraction-free minutes and 2 dates are each half of their share.
    together = connection_index(Signals(present_minutes=240, dates_kept=2)).pillars["together"]
    assert together.score == 50
    assert saturate(4, 4) == 0.5


def test_every_signal_is_documented():
    from pathlib import Path

    doc = (Path(__file__).parents[3] / "docs" / "connection-index.md").read_text()
    for item in fields(Signals):
        assert f"`{item.name}`" in doc, item.name
