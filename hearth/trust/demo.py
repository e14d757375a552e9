"""Demo activity for Trust: months of small promises both ways (most kept, some changed
before their day, a few missed), sharing rounds that go deeper as they go, and apologies.

The past is written straight into the tables (the services only write "now"), keeping what
the services keep: the couple on every row; a promise is due on or after the day it was
made, kept on or after that day, confirmed (by the partner) only once kept, and changed
only by its author before its day passed, into a new promise that replaces it; a round is
on a prompt no other round of theirs had, with at most one share each, each response by the
other one, in the order of the five steps, complete only when both shares have their
response; a set opens only after ROUNDS_TO_UNLOCK completed rounds of the one before; a
withdrawn share keeps no words and no response, and closes its round; one round is open at
a time; an apology is answered by the partner, and one made into a promise has that promise,
by its author, in the words of "what I'll do differently".
What is waiting now goes through the services: the open promises, and the round Alex
started last night and shared in, which Sam is to respond to (so Sam is told, as she would be).
"""

import random
import re
import tomllib
import zoneinfo
from collections import Counter
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta
from operator import attrgetter
from pathlib import Path
from typing import Any

from django.utils import timezone

from hearth.core.demo_helpers import Deck, insert_rows, local_instant, other_person, seats_of
from hearth.core.text import clean_text
from hearth.couples.models import Couple
from hearth.trust.models import (
    Apology,
    Promise,
    Round,
    Share,
    ShareResponse,
    ValidatingResponse,
    VulnerabilityPrompt,
)
from hearth.trust.promises import PROMISE_MAX, promise_make, reliability_of
from hearth.trust.repair import ANSWER_NOTE_MAX, APOLOGY_PART_MAX
from hearth.trust.sharing import (
    RESPONSE_MAX,
    ROUNDS_TO_UNLOCK,
    SET_ORDER,
    SHARE_MAX,
    round_start,
    share_add,
)

DEMO_TEXT = tomllib.loads((Path(__file__).parent / "demo_text.toml").read_text())
VOICES = ("alex", "sam")  # the demo couple's first and second, in demo_text.toml
WEEKDAYS = {
    name: number for number, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
}
NAMED = re.compile(r"\b(?:Alex|Sam)\b")
# How often each of them lets a promise slip: missed (its day passed, still open) and kept
# late, as shares of their promises, and at least how many of each once there are a few.
# Sam is the steadier of the two.
SLIPS = {"alex": (0.1, 0.08, (1, 1)), "sam": (0.05, 0.04, (1, 0))}
RENEGOTIATED = 0.15
NO_DAY = 0.12
# Only promises made this long ago can have slipped or changed (their days have passed).
SETTLED = timedelta(days=16)


def _check_text() -> None:
    """The demo text keeps the services' rules; better to fail here than write bad rows."""

    def clean(text: str, max_length: int, what: object) -> None:
        assert clean_text(text, max_length=max_length, multiline=True) == text, what
        assert text, what

    for voice in VOICES:
        person = DEMO_TEXT[voice]
        for promise in person["promise"]:
            clean(promise["text"], PROMISE_MAX, promise)
            assert not ("by" in promise and "days" in promise), promise
            assert promise.get("by", "mon") in WEEKDAYS, promise
            assert 0 <= promise.get("days", 0) <= 14, promise
            if "then" in promise:
                assert "by" in promise and promise["then_by"] in WEEKDAYS, promise
                clean(promise["then"], PROMISE_MAX, promise)
        for apology in person["apology"]:
            for part in ("what_happened", "effect", "do_differently"):
                clean(apology[part], APOLOGY_PART_MAX, apology)
            if apology.get("as_promise"):
                clean(apology["do_differently"], PROMISE_MAX, apology)
            assert apology["answer"] in Apology.Answer.values, apology
            assert apology.get("first_answer", Apology.Answer.NEED_TIME) == "need_time", apology
            clean(apology["answer_note"], ANSWER_NOTE_MAX, apology)
    for entry in DEMO_TEXT["share"]:
        for voice in VOICES:
            clean(entry[voice], SHARE_MAX, entry["prompt"])
            clean(entry[f"to_{voice}"], RESPONSE_MAX, entry["prompt"])
    keys = [entry["prompt"] for entry in DEMO_TEXT["share"]]
    assert len(keys) == len(set(keys)), "one [[share]] per prompt"
    rounds = DEMO_TEXT["rounds"]
    assert rounds["open"] in keys and rounds["passed"] not in keys
    assert rounds["withdrawn"] not in keys


_check_text()
SHARES = {entry["prompt"]: entry for entry in DEMO_TEXT["share"]}
# For benchmark couples, whose names are not Alex and Sam.
BULK_PROMISES = [
    promise
    for voice in VOICES
    for promise in DEMO_TEXT[voice]["promise"]
    if not NAMED.search(promise["text"] + promise.get("then", ""))
]
BULK_RENEGOTIATED = [promise for promise in BULK_PROMISES if "then" in promise]
BULK_PROMISES = [promise for promise in BULK_PROMISES if "then" not in promise]
BULK_SHARES = [
    entry
    for entry in DEMO_TEXT["share"]
    if entry["prompt"] != DEMO_TEXT["rounds"]["open"]
    and not any(NAMED.search(entry[field]) for field in ("alex", "sam", "to_alex", "to_sam"))
]
BULK_APOLOGIES = [
    apology
    for voice in VOICES
    for apology in DEMO_TEXT[voice]["apology"]
    if apology["answer"] == Apology.Answer.ACCEPT
    and not any(
        NAMED.search(apology[part]) for part in ("what_happened", "effect", "do_differently")
    )
]


def seed_demo_couple(*, couple: Couple, first, second, weeks: int, rng: random.Random) -> None:
    people = (first, second)
    promised = Promise.objects.filter(couple=couple).exists()
    if not promised:
        _seed_promises(couple, people, weeks, rng)
    if not Round.objects.filter(couple=couple).exists():
        _seed_rounds(couple, people, weeks, rng)
    if not Apology.objects.filter(couple=couple).exists():
        _seed_apologies(couple, people, weeks, rng)
    if not promised:
        _keep_them_apart(couple, people, rng)


# Both ---------------------------------------------------------------------------------


def _due(promise: dict, made: date) -> date | None:
    """The day a promise made on `made` is due, as its words say."""
    if "by" in promise:
        return _next_weekday(made, promise["by"])
    if "days" in promise:
        return made + timedelta(days=promise["days"])
    return None


def _due_within(promise: dict, made: date, first: date | None, before: date) -> bool:
    """Is it due, if made on that day, from `first` (if given) up to `before`?"""
    due = _due(promise, made)
    return due is not None and (first is None or first <= due) and due < before


def _next_weekday(after: date, name: str) -> date:
    """The first such day after `after` (a week on, if it is that day)."""
    return after + timedelta(days=(WEEKDAYS[name] - after.weekday() - 1) % 7 + 1)


def _confirm(
    promise: "Promise | _Draft", now: datetime, zone: zoneinfo.ZoneInfo, rng: random.Random
) -> None:
    """Kept: sometimes the partner said so (which confirms it), sometimes the author did and
    the partner confirmed later, and sometimes it is still to be confirmed."""
    how = rng.choices(("partner", "later", "not yet"), weights=(3, 4, 2))[0]
    assert promise.ended_at is not None
    if how == "partner":
        promise.confirmed_at = promise.ended_at
    elif how == "later":
        wait = timedelta(hours=rng.randint(1, 30), minutes=rng.randint(0, 59))
        later = _awake(promise.ended_at + wait, zone, rng)
        promise.confirmed_at = later if later < now else None


def _awake(at: datetime, zone: zoneinfo.ZoneInfo, rng: random.Random) -> datetime:
    """Not in the small hours: something done between midnight and seven waits for the day."""
    local = at.astimezone(zone)
    if local.hour < 7:
        return max(
            at, local_instant(local.date(), time(rng.randint(7, 21), rng.randint(0, 59)), zone)
        )
    return at


# Benchmark couples ----------------------------------------------------------------------


def seed_bulk(*, couples, weeks: int, rng: random.Random) -> None:
    """Benchmark volumes: for each couple three promises (one kept, one missed, kept late or
    still open, one changed before its day into a new one), a completed sharing round on a
    gentle prompt, and an accepted apology. The same few queries for any number of couples."""
    if not couples or weeks < 1:
        return
    members = seats_of(couples)
    gentle = dict(
        VulnerabilityPrompt.objects.filter(
            active=True, set=SET_ORDER[0], key__in=[entry["prompt"] for entry in BULK_SHARES]
        ).values_list("key", "id")
    )
    shares_text = [entry for entry in BULK_SHARES if entry["prompt"] in gentle]
    starters = dict(ValidatingResponse.objects.filter(active=True).values_list("key", "id"))
    now = timezone.now()
    zones: dict[str, tuple[zoneinfo.ZoneInfo, date]] = {}
    promises: list[_Draft] = []
    renewed: dict[int, _Draft] = {}  # by couple: what its changed promise became
    rounds: dict[int, tuple] = {}  # by couple: its one round
    shares: dict[int, list[tuple]] = {}  # by couple: the round's two shares
    responses: dict[tuple[int, int], tuple] = {}  # by couple and sharer: the response
    apologies: list[tuple] = []
    for couple in couples:
        pair = members.get(couple.pk, [])
        if len(pair) != 2:
            continue
        if couple.time_zone not in zones:
            zone = zoneinfo.ZoneInfo(couple.time_zone)
            zones[couple.time_zone] = (zone, timezone.localdate(now, zone))
        zone, today = zones[couple.time_zone]
        bench = _Bench(couple.pk, pair, zone, today, weeks, now, rng)
        # Kept: on or before its day (early, if its day is still to come).
        row = bench.promise(rng.choice(BULK_PROMISES), bench.made())
        bench.keep(row, bench.day(row.created_at), min(row.due_on or today, bench.yesterday))
        promises.append(row)
        # Missed, kept late, or still open.
        row = bench.promise(rng.choice(BULK_PROMISES), bench.made())
        if row.due_on is not None and row.due_on < bench.yesterday and rng.random() < 0.5:
            bench.keep(row, row.due_on + timedelta(days=1), bench.yesterday)
        promises.append(row)
        # Changed before its day; the new terms kept, or still to come.
        text = rng.choice(BULK_RENEGOTIATED)
        row = bench.promise(text, bench.made(2))
        assert row.due_on is not None
        made_on = bench.day(row.created_at)
        changed_on = made_on + timedelta(
            days=rng.randint(0, (min(row.due_on, today) - made_on).days)
        )
        row.status = Promise.Status.RENEGOTIATED
        row.ended_at = bench.evening(changed_on, row.created_at)
        promises.append(row)
        new = _Draft(
            couple_id=couple.pk,
            author_id=row.author_id,
            text=text["then"],
            due_on=_next_weekday(row.due_on, text["then_by"]),
            created_at=row.ended_at,
        )
        changed_on = bench.day(row.ended_at)
        if changed_on < today and rng.random() < 0.8:
            bench.keep(
                new, changed_on, min(_next_weekday(row.due_on, text["then_by"]), bench.yesterday)
            )
        renewed[couple.pk] = new
        # A completed round on a gentle prompt: one shares, the other responds, then swap.
        if shares_text:
            entry = rng.choice(shares_text)
            starter = rng.randrange(2)
            at = bench.made(3)
            started = at
            shares[couple.pk] = []
            for sharer in (starter, 1 - starter):
                at += timedelta(minutes=rng.randint(5, 600))
                shares[couple.pk].append((pair[sharer], entry[VOICES[sharer]], at))
                at += timedelta(minutes=rng.randint(30, 1200))
                heard = f"to_{VOICES[sharer]}"
                responses[couple.pk, pair[sharer]] = (
                    pair[1 - sharer],
                    entry[heard],
                    starters.get(entry.get(f"{heard}_starter", "")),
                    at,
                )
            rounds[couple.pk] = (gentle[entry["prompt"]], pair[starter], started, at)
        # An apology, accepted.
        if BULK_APOLOGIES:
            text = rng.choice(BULK_APOLOGIES)
            at = bench.made()
            apologies.append(
                (
                    couple.pk,
                    pair[rng.randrange(2)],
                    text["what_happened"],
                    text["effect"],
                    text["do_differently"],
                    at,
                    text["answer_note"] if rng.random() < 0.5 else "",
                    min(now, at + timedelta(hours=rng.randint(1, 20))),
                )
            )
    made = insert_rows(
        Promise,
        PROMISE_COLUMNS,
        map(_draft_values, promises),
        returning=["couple_id", "status", "id"],
    )
    insert_rows(
        Promise,
        [*PROMISE_COLUMNS, "replaces_id"],
        (
            (*_draft_values(renewed[couple_id]), replaces_id)
            for couple_id, status, replaces_id in made
            if status == Promise.Status.RENEGOTIATED  # one a couple
        ),
    )
    made = insert_rows(
        Round,
        ["couple_id", "prompt_id", "started_by_id", "created_at", "completed_at"],
        ((couple_id, *round_) for couple_id, round_ in rounds.items()),
        also={"version": 4},
        returning=["couple_id", "id"],
    )
    made = insert_rows(
        Share,
        ["couple_id", "round_id", "author_id", "text", "created_at"],
        (
            (couple_id, round_id, *share)
            for couple_id, round_id in made
            for share in shares[couple_id]
        ),
        returning=["couple_id", "author_id", "id"],
    )
    insert_rows(
        ShareResponse,
        ["couple_id", "share_id", "author_id", "text", "starter_id", "created_at"],
        (
            (couple_id, share_id, *responses[couple_id, sharer])
            for couple_id, sharer, share_id in made
        ),
    )
    insert_rows(
        Apology,
        [
            "couple_id",
            "author_id",
            "what_happened",
            "effect",
            "do_differently",
            "created_at",
            "answer_note",
            "answered_at",
        ],
        apologies,
        also={"answer": Apology.Answer.ACCEPT},
    )


@dataclass(slots=True)
class _Draft:
    """A benchmark couple's promise before it is written (a model instance each would cost
    more than writing it)."""

    couple_id: int
    author_id: int
    text: str
    due_on: date | None
    created_at: datetime
    status: str = Promise.Status.OPEN
    kept_on: date | None = None
    ended_at: datetime | None = None
    confirmed_at: datetime | None = None


PROMISE_COLUMNS = [field.name for field in fields(_Draft)]
_draft_values = attrgetter(*PROMISE_COLUMNS)


class _Bench:
    """Times and promises for one benchmark couple."""

    def __init__(self, couple_id: int, pair: list[int], zone, today: date, weeks: int, now, rng):
        self.couple_id, self.pair, self.zone, self.today = couple_id, pair, zone, today
        self.yesterday = today - timedelta(days=1)
        self.span, self.now, self.rng = weeks * 7, now, rng

    def made(self, days_ago: int = 1) -> datetime:
        """A daytime moment on a day within the weeks, at least `days_ago` days ago."""
        days_ago = self.rng.randint(min(days_ago, self.span - 1), self.span - 1)
        day = self.today - timedelta(days=days_ago)
        return local_instant(day, time(self.rng.randint(7, 19), self.rng.randint(0, 59)), self.zone)

    def day(self, at: datetime) -> date:
        return timezone.localdate(at, self.zone)

    def evening(self, day: date, after: datetime) -> datetime:
        """That evening, after `after` (and not after now)."""
        at = local_instant(day, time(self.rng.randint(17, 20), self.rng.randint(0, 59)), self.zone)
        return min(max(at, after + timedelta(minutes=self.rng.randint(20, 90))), self.now)

    def promise(self, text: dict, at: datetime) -> _Draft:
        return _Draft(
            couple_id=self.couple_id,
            author_id=self.pair[self.rng.randrange(2)],
            text=text["text"],
            due_on=_due(text, self.day(at)),
            created_at=at,
        )

    def keep(self, row: _Draft, first: date, last: date) -> None:
        row.status = Promise.Status.KEPT
        row.kept_on = first + timedelta(days=self.rng.randint(0, max((last - first).days, 0)))
        row.ended_at = self.evening(row.kept_on, row.created_at)
        _confirm(row, self.now, self.zone, self.rng)


# The demo couple: promises ----------------------------------------------------------------


def _seed_promises(couple: Couple, people, weeks: int, rng: random.Random) -> None:
    """One or two promises a week between them over the weeks, and two or three made in
    the last day or two, due in the coming days."""
    zone = zoneinfo.ZoneInfo(couple.time_zone)
    now = timezone.now()
    today = couple.local_today()
    began = timezone.localdate(couple.created_at, zone)
    decks = {
        (person.pk, kind): Deck(
            [promise for promise in DEMO_TEXT[voice]["promise"] if _kind(promise) == kind], rng
        )
        for person, voice in zip(people, VOICES, strict=True)
        for kind in ("dated", "changed", "no day")
    }
    # The days a promise was made; not the last few (those are the open ones, below).
    days = sorted(
        today - timedelta(days=3 + week * 7 + offset)
        for week in range(weeks)
        for offset in rng.sample(range(7), rng.choice((1, 2, 2)))
    )
    authors = Deck(people, rng)
    made: dict[int, list[date]] = {person.pk: [] for person in people}
    for day in days:
        if day > began:
            made[authors.deal().pk].append(day)
    rows: list[Promise] = []
    renewed: list[Promise] = []
    for person, voice in zip(people, VOICES, strict=True):
        for day, outcome in zip(
            made[person.pk], _outcomes(made[person.pk], voice, today, rng), strict=True
        ):
            kind = {"changed": "changed", "no day": "no day", "open": "no day"}.get(
                outcome, "dated"
            )
            # One for a stretch of days ("every night this week") is over by now.
            text = decks[person.pk, kind].deal(
                lambda text, day=day: text.get("days", 0) < 5 or _due_within(text, day, None, today)
            )
            at = max(
                local_instant(day, time(rng.randint(7, 19), rng.randint(0, 59)), zone),
                couple.created_at + timedelta(minutes=5),
            )
            row = Promise(
                couple=couple,
                author=person,
                text=text["text"],
                due_on=_due(text, day),
                created_at=at,
            )
            rows.append(row)
            if outcome in ("missed", "open"):
                continue
            if outcome == "changed":  # before its day: the new terms replace it
                assert row.due_on is not None
                day += timedelta(days=rng.randint(0, (row.due_on - day).days))
                row.status = Promise.Status.RENEGOTIATED
                row.ended_at = _after(day, row.created_at, zone, rng)
                row = Promise(
                    couple=couple,
                    author=person,
                    text=text["then"],
                    due_on=_next_weekday(row.due_on, text["then_by"]),
                    created_at=row.ended_at,
                    replaces=row,
                )
                renewed.append(row)
            _keep(row, day, late=outcome == "late", today=today, zone=zone, rng=rng)
    # Some confirmed by the partner and, the latest at least, some not yet.
    kept = sorted(
        (row for row in rows + renewed if row.status == Promise.Status.KEPT),
        key=lambda row: row.ended_at or now,
    )
    if kept and all(row.confirmed_at is not None for row in kept):
        kept[-1].confirmed_at = None
    if len(kept) > 1 and all(row.confirmed_at is None for row in kept):
        kept[0].confirmed_at = kept[0].ended_at
    Promise.objects.bulk_create(rows)
    Promise.objects.bulk_create(renewed)
    # Still to come: two or three, made in the last day or two.
    soon = (today + timedelta(days=1), today + timedelta(days=6))
    used = {row.text for row in rows}
    for person in (*people, rng.choice(people))[: rng.choice((2, 3))]:
        text = decks[person.pk, "dated"].deal(
            lambda text: text["text"] not in used and _due_within(text, today, *soon)
        )
        due = _due(text, today)
        if due is None or not soon[0] <= due < soon[1]:
            due = today + timedelta(days=rng.randint(1, 4))
        promise = promise_make(user=person, couple=couple, text=text["text"], due_on=due)
        at = _awake(now - timedelta(hours=rng.randint(2, 40)), zone, rng)
        Promise.objects.filter(pk=promise.pk).update(
            created_at=max(couple.created_at, min(at, now))
        )


def _kind(promise: dict) -> str:
    if "then" in promise:
        return "changed"
    return "dated" if "by" in promise or "days" in promise else "no day"


def _outcomes(days: list[date], voice: str, today: date, rng: random.Random) -> list[str]:
    """What became of the promises made on these days: most kept on time; some changed
    before their day; a few without a day (the latest still to do); a few missed or kept
    late, a little more often for one of them than the other."""
    count = len(days)
    outcomes = ["kept"] * count
    # Only promises made a while ago can have slipped or changed (their days have passed).
    settled = [index for index, day in enumerate(days) if day <= today - SETTLED]
    rng.shuffle(settled)
    missed, late, at_least = SLIPS[voice]
    wanted = (
        ("missed", max(at_least[0], round(count * missed))),
        ("late", max(at_least[1], round(count * late))),
        ("changed", max(1, round(count * RENEGOTIATED))),
    )
    for outcome, number in wanted:
        for _ in range(number if count >= 3 else 0):
            if settled:
                outcomes[settled.pop()] = outcome
    free = [index for index, outcome in enumerate(outcomes) if outcome == "kept"]
    rng.shuffle(free)
    without = sorted(free[: max(1, round(count * NO_DAY))] if count >= 2 else [])
    for index in without:
        outcomes[index] = "no day"
    if without:
        outcomes[without[-1]] = "open"  # the latest one without a day is still to do
    return outcomes


def _after(day: date, after: datetime, zone: zoneinfo.ZoneInfo, rng: random.Random) -> datetime:
    """A waking time on that day, later than `after` (the same evening, if need be)."""
    at = local_instant(day, time(rng.randint(8, 20), rng.randint(0, 59)), zone)
    return max(at, after + timedelta(minutes=rng.randint(15, 90)))


def _keep(
    row: Promise,
    made: date,
    *,
    late: bool,
    today: date,
    zone: zoneinfo.ZoneInfo,
    rng: random.Random,
) -> None:
    """Kept on a day from when it was made to its day (or, late, a day to three after it),
    or none before today, then it is still open."""
    yesterday = today - timedelta(days=1)
    if late and row.due_on is not None:
        first, last = row.due_on + timedelta(days=1), min(row.due_on + timedelta(days=3), yesterday)
    elif row.due_on is None:
        first, last = made + timedelta(days=1), min(made + timedelta(days=21), yesterday)
    else:
        # Mostly near its day, as things are.
        last = min(row.due_on, yesterday)
        first = max(made, last - timedelta(days=rng.choice((0, 1, 2, 2, 4))))
    if last < first:
        return
    row.status = Promise.Status.KEPT
    row.kept_on = first + timedelta(days=rng.randint(0, (last - first).days))
    row.ended_at = _after(row.kept_on, row.created_at, zone, rng)
    _confirm(row, timezone.now(), zone, rng)


def _keep_them_apart(couple: Couple, people, rng: random.Random) -> None:
    """If, by chance, both kept their word exactly as often, one of the first one's promises
    was kept a day late after all: they are two people, with two records."""
    zone = zoneinfo.ZoneInfo(couple.time_zone)
    today = couple.local_today()

    def share(person) -> float | None:
        rows = Promise.objects.filter(couple=couple, author=person)
        return reliability_of(list(rows.values_list("status", "due_on", "kept_on")), today).share

    if share(people[0]) != share(people[1]):
        return
    late = (
        Promise.objects.filter(
            couple=couple,
            author=people[0],
            status=Promise.Status.KEPT,
            due_on__lt=today - timedelta(days=2),
        )
        .order_by("due_on")
        .first()
    )
    if late is None or late.due_on is None or late.ended_at is None:
        return
    late.kept_on = late.due_on + timedelta(days=1)
    late.ended_at = _after(late.kept_on, late.created_at, zone, rng)
    if late.confirmed_at is not None:
        late.confirmed_at = max(late.confirmed_at, late.ended_at)
    late.save(update_fields=["kept_on", "ended_at", "confirmed_at"])


# The demo couple: sharing rounds ----------------------------------------------------------


def _round_plan(weeks: int) -> list[str]:
    """Which rounds, oldest first: the gentle set, then deeper, then deepest as each opens,
    the open pool now and then, one round passed and one share taken back."""
    if weeks >= 20:
        extra, deepest, pool = 1, 3, 3
    elif weeks >= 12:
        extra, deepest, pool = 0, 2, 2
    elif weeks >= 8:
        extra, deepest, pool = 0, 2, 1
    else:
        extra, deepest, pool = 0, 1, 1
    first = ["first"] * (ROUNDS_TO_UNLOCK + extra)
    if pool >= 3:
        first.insert(2, "pool")
    deeper = ["deeper"] * (ROUNDS_TO_UNLOCK + extra)
    deeper.insert(1, "withdrawn")
    if pool >= 2:
        deeper.insert(len(deeper) - 1, "pool")
    last = ["passed", *["deepest"] * deepest]
    last.insert(len(last) - 1, "pool")
    return first + deeper + last


def _unlocked(prompt_set: str, done: Counter) -> bool:
    if prompt_set not in SET_ORDER:
        return True  # the open pool
    earlier = SET_ORDER[: SET_ORDER.index(prompt_set)]
    return all(done[each] >= ROUNDS_TO_UNLOCK for each in earlier)


class _Clock:
    """The moments of one round's steps, in order, each a share of its time after the last
    (none in the small hours); every step bumps the round's version, as the services do."""

    def __init__(self, round_: Round, budget: timedelta, zone, rng: random.Random):
        self.round, self.at, self.budget, self.zone, self.rng = (
            round_,
            round_.created_at,
            budget,
            zone,
            rng,
        )

    def step(self, low: float, high: float) -> datetime:
        wait = max(self.budget * self.rng.uniform(low, high), timedelta(minutes=3))
        self.at = _awake(self.at + wait, self.zone, self.rng)
        self.round.version += 1
        return self.at


def _seed_rounds(couple: Couple, people, weeks: int, rng: random.Random) -> None:
    """A completed round every week or two, through the sets in order; one passed; one whose
    first share was taken back; and one open now, with Sam to respond."""
    zone = zoneinfo.ZoneInfo(couple.time_zone)
    now = timezone.now()
    special = DEMO_TEXT["rounds"]
    prompts = {
        prompt.key: prompt
        for prompt in VulnerabilityPrompt.objects.filter(
            active=True, key__in=[*SHARES, special["passed"], special["withdrawn"]]
        )
    }
    starters = {starter.key: starter for starter in ValidatingResponse.objects.filter(active=True)}
    by_set: dict[str, list[VulnerabilityPrompt]] = {}
    for key in SHARES:
        if key in prompts and key != special["open"]:
            by_set.setdefault(prompts[key].set, []).append(prompts[key])
    for deck in by_set.values():
        rng.shuffle(deck)
    start = couple.created_at + timedelta(days=1)
    end = now - timedelta(days=2)
    plan = _round_plan(weeks)[: max(0, (end - start).days // 2)]
    starting = Deck(people, rng)
    done: Counter[str] = Counter()
    rounds: list[Round] = []
    shares: list[Share] = []
    responses: list[ShareResponse] = []
    slot = (end - start) / max(len(plan), 1)
    cursor = start
    for number, kind in enumerate(plan):
        if kind in ("passed", "withdrawn"):
            prompt = prompts.get(special[kind])
        else:
            prompt = by_set[kind].pop() if by_set.get(kind) else None
        if prompt is None or not _unlocked(prompt.set, done):
            continue
        starter = starting.deal()
        listener = other_person(people, starter)
        at = _awake(max(cursor, start + slot * (number + rng.uniform(0, 0.3))), zone, rng)
        round_ = Round(couple=couple, prompt=prompt, started_by=starter, created_at=at)
        rounds.append(round_)
        clock = _Clock(round_, slot, zone, rng)
        if kind == "passed":  # not this one, not now
            round_.closed_at = clock.step(0.01, 0.1)
        elif kind == "withdrawn":  # by the morning the words felt too raw
            share = Share(couple=couple, round=round_, author=starter, text="")
            share.created_at = clock.step(0.001, 0.003)
            clock.step(0.02, 0.1)  # the response, gone with the share
            share.withdrawn_at = round_.closed_at = clock.step(0.03, 0.1)
            shares.append(share)
        else:
            entry = SHARES[prompt.key]
            for sharer, hearer in ((starter, listener), (listener, starter)):
                voice = VOICES[people.index(sharer)]
                share = Share(couple=couple, round=round_, author=sharer, text=entry[voice])
                share.created_at = clock.step(
                    *((0.001, 0.003) if sharer == starter else (0.02, 0.12))
                )
                shares.append(share)
                responses.append(
                    ShareResponse(
                        couple=couple,
                        share=share,
                        author=hearer,
                        text=entry[f"to_{voice}"],
                        starter=starters.get(entry.get(f"to_{voice}_starter", "")),
                        created_at=clock.step(0.02, 0.12),
                    )
                )
            round_.completed_at = clock.at
            done[prompt.set] += 1
        cursor = clock.at + timedelta(hours=rng.randint(6, 30))
    Round.objects.bulk_create(rounds)
    Share.objects.bulk_create(shares)
    ShareResponse.objects.bulk_create(responses)
    # Open now: Alex started a round last night and shared; Sam is to respond (and is told).
    prompt = VulnerabilityPrompt.objects.filter(key=special["open"], active=True).first()
    if prompt is not None:
        first = people[0]
        round_ = round_start(user=first, couple=couple, prompt=prompt)
        share = share_add(user=first, round_=round_, text=SHARES[prompt.key][VOICES[0]])
        evening = local_instant(
            couple.local_today() - timedelta(days=1), time(20, rng.randint(0, 40)), zone
        )
        started = min(max(couple.created_at, evening), now)
        Round.objects.filter(pk=round_.pk).update(created_at=started)
        shared = min(started + timedelta(minutes=rng.randint(5, 25)), now)
        Share.objects.filter(pk=share.pk).update(created_at=shared)


# The demo couple: apologies ---------------------------------------------------------------


def _seed_apologies(couple: Couple, people, weeks: int, rng: random.Random) -> None:
    """Three to five over the weeks, both ways: most accepted within the day, one answered
    "I need time" and then, a day or two later, "let's talk", and one whose "what I'll do
    differently" became a promise (kept since)."""
    if weeks < 1:
        return
    zone = zoneinfo.ZoneInfo(couple.time_zone)
    now = timezone.now()
    today = couple.local_today()
    count = 3 if weeks < 12 else 4 if weeks < 20 else 5
    needed: list[tuple[Any, dict]] = []
    others: list[tuple[Any, dict]] = []
    for person, voice in zip(people, VOICES, strict=True):
        for text in DEMO_TEXT[voice]["apology"]:
            special = text.get("as_promise") or text.get("first_answer")
            (needed if special else others).append((person, text))
    rng.shuffle(others)
    # Then taking turns, so that it goes both ways.
    mine, theirs = [[item for item in others if item[0] == person] for person in people]
    taking_turns = [item for pair in zip(mine, theirs, strict=False) for item in pair]
    chosen = (needed + taking_turns)[:count]
    rng.shuffle(chosen)
    start = couple.created_at + timedelta(days=1)
    gap = (now - timedelta(days=4) - start) / max(len(chosen), 1)
    apologies: list[Apology] = []
    promises: list[Promise] = []
    for number, (author, text) in enumerate(chosen):
        at = _awake(start + gap * (number + rng.uniform(0.1, 0.8)), zone, rng)
        if text.get("first_answer"):  # "I need time", then the answer a day or two later
            answered = at + timedelta(days=rng.randint(1, 2), hours=rng.randint(0, 8))
        else:
            answered = at + timedelta(hours=rng.randint(1, 20), minutes=rng.randint(0, 59))
        promise = None
        if text.get("as_promise"):
            promise = Promise(
                couple=couple, author=author, text=text["do_differently"], created_at=at
            )
            made = timezone.localdate(at, zone) + timedelta(days=6)  # kept a week or more on
            _keep(promise, made, late=False, today=today, zone=zone, rng=rng)
            promises.append(promise)
        apologies.append(
            Apology(
                couple=couple,
                author=author,
                what_happened=text["what_happened"],
                effect=text["effect"],
                do_differently=text["do_differently"],
                promise=promise,
                created_at=at,
                answer=text["answer"],
                answer_note=text["answer_note"],
                answered_at=min(_awake(answered, zone, rng), now - timedelta(hours=1)),
            )
        )
    Promise.objects.bulk_create(promises)
    Apology.objects.bulk_create(apologies)
