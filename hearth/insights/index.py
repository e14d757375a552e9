"""The Connection Index (PRODUCT I1): pure functions of what a couple did in 28 days.

Plain Python, no Django, so every figure can be checked by hand. docs/connection-index.md
gives each formula and the reasons for it. Three rules shape all of them:

* Every figure is 0–100 and only ever rises when either partner does more of a good thing
  (monotonic): a dip can only come from less activity or from a harsh moment.
* The two partners are interchangeable (symmetric): nothing depends on who is "first".
* Balance is rewarded by adding credit for the *smaller* of the two partners' shares, never
  by a penalty: when one partner does more, the figure still goes up, and it goes up more
  when the quieter one joins in.

Most components use `saturate(x, half)`: 0 at 0, ½ at `half`, approaching 1 — so the first
few moments count the most and no one is pushed to do ever more.
"""

from dataclasses import dataclass, field, fields
from typing import Any

from django.utils.translation import gettext_noop

WINDOW_DAYS = 28
# Gottman's observation that stable couples have about five positive moments to each
# negative one during conflict (the "5:1 ratio").
POSITIVE_RATIO_TARGET = 5
# Couples still together six years on had turned toward about 86% of each other's bids.
TURN_TOWARD_TARGET = 0.86

Pair = tuple[int, int]  # one count per partner


def saturate(x: float, half: float) -> float:
    """0 at 0, 0.5 at `half`, rising towards 1: diminishing returns."""
    return x / (x + half) if x > 0 else 0.0


def shared_effort(pair: Pair, half: float) -> float:
    """Credit for both partners' activity: 60% for the total, 40% for the smaller share.
    Symmetric and rising in each partner's count."""
    return 0.6 * saturate(pair[0] + pair[1], 2 * half) + 0.4 * saturate(min(pair), half)


def rate(done: int, of: int) -> float:
    return done / of if of > 0 else 0.0


@dataclass(frozen=True)
class Signals:
    """What a couple did in the window. Pairs hold one count per partner."""

    # Talk: days each answered the daily question; days both did (a reveal); replies and
    # reactions each gave to the other's answers.
    answered: Pair = (0, 0)
    both_answered: int = 0
    replies: Pair = (0, 0)
    # Together: distraction-free minutes together; dates that happened; dates each proposed.
    present_minutes: int = 0
    dates_kept: int = 0
    # Appreciate: notes each sent; each one's gestures the other noticed; positive moments
    # (notes, reactions, gestures noticed, cheers) and harsh ones (the coach's marks).
    notes_sent: Pair = (0, 0)
    gestures_noticed: Pair = (0, 0)
    positive_moments: int = 0
    harsh_moments: int = 0
    # Trust: each one's promises kept on time or renegotiated, and each one's promises due;
    # sharing rounds completed.
    promises_kept: Pair = (0, 0)
    promises_due: Pair = (0, 0)
    rounds_completed: int = 0
    # Support: bids each partner received and turned toward; shared check-ins each received
    # and answered.
    bids_received: Pair = (0, 0)
    bids_turned_toward: Pair = (0, 0)
    check_ins_received: Pair = (0, 0)
    check_ins_answered: Pair = (0, 0)

    def swapped(self) -> "Signals":
        """The same couple with the partners' places exchanged."""
        values: dict[str, Any] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            values[item.name] = (value[1], value[0]) if isinstance(value, tuple) else value
        return Signals(**values)

    def is_empty(self) -> bool:
        return all(
            (value == (0, 0) if isinstance(value, tuple) else value == 0)
            for value in (getattr(self, item.name) for item in fields(self))
        )


@dataclass(frozen=True)
class PillarScore:
    pillar: str
    score: int
    # Each component's share of full marks (0–1), by name, for the explanation.
    components: dict[str, float] = field(default_factory=dict)
    # The component with the most room to grow, and a plain suggestion for it.
    raise_it: str = ""


# Marked for translation only: the page translates them (this module stays plain data).
SUGGESTIONS = {
    "reveals": gettext_noop("Answer the daily question on the same days: the reveal is the point."),
    "replies": gettext_noop("Reply to each other's answers, even with a word or a reaction."),
    "presence": gettext_noop("Put the phones away together for an evening this week."),
    "dates": gettext_noop("Plan a date, even a small one at home."),
    "notes": gettext_noop("Thank each other for something specific."),
    "noticed": gettext_noop('Say "I noticed" when your partner does something kind.'),
    "ratio": gettext_noop("More small kindnesses, and a break when talk turns harsh."),
    "reliability": gettext_noop("Make one small promise and keep it, or change it in good time."),
    "rounds": gettext_noop("Share something in turn: one tender question, both of you."),
    "turn_toward": gettext_noop("When your partner reaches for you, turn toward it, now or later."),
    "check_ins": gettext_noop("Answer each other's shared check-ins, even with one tap."),
}


def _score(pillar: str, weighted: dict[str, tuple[float, float]]) -> PillarScore:
    """weighted: {component: (weight, value 0–1)}; weights sum to 1."""
    total = sum(weight * value for weight, value in weighted.values())
    room = {name: weight * (1 - value) for name, (weight, value) in weighted.items()}
    weakest = max(room, key=lambda name: (room[name], name))
    return PillarScore(
        pillar=pillar,
        score=round(100 * total),
        components={name: value for name, (_, value) in weighted.items()},
        raise_it=SUGGESTIONS[weakest] if room[weakest] > 0.01 else "",
    )


def talk(s: Signals, days: int = WINDOW_DAYS) -> PillarScore:
    return _score(
        "talk",
        {
            "reveals": (0.6, min(1.0, rate(s.both_answered, days) * 2)),
            "replies": (0.4, shared_effort(s.replies, 4)),
        },
    )


def together(s: Signals) -> PillarScore:
    return _score(
        "together",
        {
            "presence": (0.5, saturate(s.present_minutes, 240)),
            "dates": (0.5, saturate(s.dates_kept, 2)),
        },
    )


def appreciate(s: Signals) -> PillarScore:
    positive_share = min(
        1.0, s.positive_moments / (POSITIVE_RATIO_TARGET * s.harsh_moments + POSITIVE_RATIO_TARGET)
    )
    return _score(
        "appreciate",
        {
            "notes": (0.35, shared_effort(s.notes_sent, 4)),
            "noticed": (0.25, shared_effort(s.gestures_noticed, 4)),
            "ratio": (0.4, positive_share),
        },
    )


def _kept_share(kept: Pair, due: Pair) -> float:
    """Promises kept (or renegotiated) over those due, for both and for each: the lower
    partner's rate counts for half, so both keeping their word matters."""
    each = [
        rate(k, d) if d > 0 else (1.0 if k > 0 else 0.0) for k, d in zip(kept, due, strict=True)
    ]
    overall = rate(sum(kept), max(sum(due), sum(kept)))
    return 0.5 * overall + 0.5 * min(each) if sum(kept) else 0.0


def trust(s: Signals) -> PillarScore:
    return _score(
        "trust",
        {
            "reliability": (
                0.6,
                saturate(sum(s.promises_kept), 4) * _kept_share(s.promises_kept, s.promises_due),
            ),
            "rounds": (0.4, saturate(s.rounds_completed, 1)),
        },
    )


def _toward_share(toward: Pair, received: Pair) -> float:
    """Bids turned toward, against the 86% target; as with promises, the lower partner's
    rate counts for half."""
    if not sum(toward):
        return 0.0
    each = [rate(t, r) if r > 0 else 1.0 for t, r in zip(toward, received, strict=True)]
    overall = rate(sum(toward), max(sum(received), sum(toward)))
    return min(1.0, (0.5 * overall + 0.5 * min(each)) / TURN_TOWARD_TARGET)


def support(s: Signals) -> PillarScore:
    answered = sum(s.check_ins_answered)
    received = max(sum(s.check_ins_received), answered)
    return _score(
        "support",
        {
            "turn_toward": (
                0.6,
                saturate(sum(s.bids_turned_toward), 4)
                * _toward_share(s.bids_turned_toward, s.bids_received),
            ),
            "check_ins": (0.4, saturate(answered, 4) * rate(answered, received)),
        },
    )


PILLARS = (talk, together, appreciate, trust, support)


@dataclass(frozen=True)
class ConnectionIndex:
    overall: int
    pillars: dict[str, PillarScore]


def connection_index(signals: Signals) -> ConnectionIndex:
    """Every pillar's figure and the overall one: the plain mean of the five."""
    scores = {score.pillar: score for score in (pillar(signals) for pillar in PILLARS)}
    overall = round(sum(score.score for score in scores.values()) / len(scores))
    return ConnectionIndex(overall=overall, pillars=scores)
