"""Demo activity for Support: months of check-ins (Alex most days, Sam around her shifts,
about half shared and most of those answered), bids both ways (most turned toward at once,
some later, a few missed, and the ones sent while the other had asked for space kept quiet),
both needs maps, good news met well (once or twice flatly, then better), and love-map
guesses on past daily questions, most of them marked.

The past is written straight into the tables (the services only write "now"), keeping what
the services keep: the couple on every row; a check-in's reply is its author's partner's and
only to a shared one; a bid is answered by the other one, later only at a time after the
answer; a bid is quiet exactly when the other one's latest shared check-in of the last
SPACE_LASTS asked for space; a cheer is the partner's; a guess is about the partner, on a
question of the couple both answered, revealed GUESS_AFTER or more before it, one per person
per question, and only the one it is about marks it.
What is waiting now goes through the services: Sam's check-in this morning, asking for
comfort, and her "hard day" bid after it, so Alex is told and finds both on Today.
"""

import random
import re
import tomllib
import zoneinfo
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.utils import timezone

from hearth.core.demo_helpers import (
    Deck,
    insert_rows,
    local_instant,
    moment,
    other_person,
    past_days,
    seats_of,
)
from hearth.core.text import clean_text
from hearth.couples.models import Couple
from hearth.support.models import Bid, CheckIn, Cheer, Feeling, GoodNews, Guess, Need, NeedsMap
from hearth.support.services import (
    BID_KINDS,
    BID_MAX,
    CHEER_MAX,
    GUESS_AFTER,
    GUESS_MAX,
    NEEDS_MAP_MAX,
    NEEDS_SECTIONS,
    NEWS_MAX,
    NOTE_MAX,
    REPLY_MAX,
    SPACE_LASTS,
    bid_send,
    check_in_make,
    looks_passive,
)
from hearth.talk.models import Answer, DailyQuestion

DEMO_TEXT = tomllib.loads((Path(__file__).parent / "demo_text.toml").read_text())
VOICES = ("alex", "sam")  # the demo couple's first and second, in demo_text.toml
NAMED = re.compile(r"\b(?:Alex|Sam)\b")
QUESTION_CATEGORIES = ("dreams", "family", "feelings", "fun", "future", "memories", "us", "values")
# Days a week each checks in: Alex most days, Sam fewer, around her shifts.
CHECK_IN_DAYS = {"alex": (5, 6, 6, 7), "sam": (2, 3, 3, 4)}
# When: Alex first thing or in the evening; Sam before an early, after a night, or late.
CHECK_IN_HOURS = {"alex": ((7, 8), (18, 22), (19, 23)), "sam": ((6, 7), (8, 10), (20, 23))}
REPLIED = (True,) * 4 + (False,)  # of shared check-ins, the share the partner answers
BIDS_A_WEEK = (3, 4, 5, 6)
ANSWERS = ("now",) * 7 + ("later",) * 2 + ("",)  # most at once, some later, a few never
NEWS_A_WEEK = (0, 1, 1, 1, 2)
# Of past questions both answered, the share each of them guesses at.
GUESSED = (True,) * 3 + (False,) * 7
MARKED = (True,) * 6 + (False,)
# How close each one's guesses come, as the other marks them.
CLOSENESS = {
    "alex": {"spot_on": 1, "close": 2, "not_quite": 1},
    "sam": {"spot_on": 2, "close": 1, "not_quite": 1},
}
REPLY_KEYS = frozenset({*Need.values, "glad"})


def _check_text() -> None:
    """The demo text keeps the services' rules; better to fail here than write bad rows."""

    def clean(text: str, max_length: int, what: object) -> None:
        assert text, what
        assert clean_text(text, max_length=max_length, multiline=True) == text, what

    def bid(entry: dict, what: object) -> None:
        assert entry["kind"] in BID_KINDS, what
        if entry["kind"] == "custom" or entry.get("text"):
            clean(entry["text"], BID_MAX, what)

    for voice in VOICES:
        person = DEMO_TEXT[voice]
        for entry in person["check_in"]:
            assert entry["need"] in Need.values and entry["intensity"] in range(1, 6), entry
            # Asking for space keeps the other one's bids quiet: those are in [[x.space]].
            assert entry["need"] != Need.SPACE or entry.get("private"), entry
            if "note" in entry:
                clean(entry["note"], NOTE_MAX, entry)
        for entry in person["space"]:
            assert entry["intensity"] in range(1, 6), entry
            clean(entry["note"], NOTE_MAX, entry)
            bid(entry["quiet_bid"], entry)
            clean(entry["back"], REPLY_MAX, entry)
        assert set(person["reply"]) == REPLY_KEYS, voice
        for lines in person["reply"].values():
            for line in lines:
                clean(line, REPLY_MAX, voice)
        for entry in person["bid"]:
            bid(entry, entry)
        for when in ("now", "later"):
            for line in person["answer"][when]:
                clean(line, REPLY_MAX, when)
        assert set(person["needs_map"]) == set(NEEDS_SECTIONS), voice
        for text in person["needs_map"].values():
            clean(text, NEEDS_MAP_MAX, voice)
        for entry in person["news"]:
            clean(entry["text"], NEWS_MAX, entry)
            clean(entry["cheer"], CHEER_MAX, entry)
            assert entry["way"] in Cheer.Way.values and not looks_passive(entry["cheer"]), entry
        passive = person["passive"]
        assert looks_passive(passive["cheer"]) and not looks_passive(passive["then"]), voice
        clean(passive["then"], CHEER_MAX, voice)
        assert set(person["guess"]) == set(QUESTION_CATEGORIES), voice
        for lines in person["guess"].values():
            for line in lines:
                clean(line, GUESS_MAX, voice)
    today = DEMO_TEXT["sam"]["today"]
    clean(today["note"], NOTE_MAX, today)
    clean(today["bid_text"], BID_MAX, today)
    assert today["intensity"] in range(1, 6), today


_check_text()


def _unnamed(entry: dict) -> bool:
    return not any(isinstance(value, str) and NAMED.search(value) for value in entry.values())


# For benchmark couples, whose names are not Alex and Sam.
BULK_CHECK_INS = [
    entry for voice in VOICES for entry in DEMO_TEXT[voice]["check_in"] if _unnamed(entry)
]
BULK_FEELINGS = sorted({entry["feeling"] for entry in BULK_CHECK_INS})
BULK_REPLIES = {
    key: [
        line
        for voice in VOICES
        for line in DEMO_TEXT[voice]["reply"][key]
        if not NAMED.search(line)
    ]
    for key in REPLY_KEYS
}
BULK_BIDS = [entry for voice in VOICES for entry in DEMO_TEXT[voice]["bid"] if _unnamed(entry)]
BULK_ANSWERS = [
    line for voice in VOICES for line in DEMO_TEXT[voice]["answer"]["now"] if not NAMED.search(line)
]
BULK_NEWS = [entry for voice in VOICES for entry in DEMO_TEXT[voice]["news"] if _unnamed(entry)]
BULK_NEEDS_MAPS = [
    DEMO_TEXT[voice]["needs_map"] for voice in VOICES if _unnamed(DEMO_TEXT[voice]["needs_map"])
]


def seed_demo_couple(*, couple: Couple, first, second, weeks: int, rng: random.Random) -> None:
    people = (first, second)
    if not CheckIn.objects.filter(couple=couple).exists():
        _seed_check_ins(couple, people, weeks, rng)
    if not Bid.objects.filter(couple=couple).exists():
        _seed_bids(couple, people, weeks, rng)
    _seed_needs_maps(couple, people, rng)
    if not GoodNews.objects.filter(couple=couple).exists():
        _seed_good_news(couple, people, weeks, rng)
    if not Guess.objects.filter(couple=couple).exists():
        _seed_guesses(couple, people, rng)


# Benchmark couples ----------------------------------------------------------------------


def seed_bulk(*, couples, weeks: int, rng: random.Random) -> None:
    """Benchmark volumes: for each couple three check-ins (one shared and answered), two bids
    answered at once, a piece of good news with a cheer, and needs maps for about half of
    the people. The same few queries for any number of couples."""
    if not couples:
        return
    members = seats_of(couples)
    feelings = dict(
        Feeling.objects.filter(active=True, key__in=BULK_FEELINGS).values_list("key", "id")
    )
    entries = [entry for entry in BULK_CHECK_INS if entry["feeling"] in feelings]
    shareable = [entry for entry in entries if not entry.get("private")]
    now = timezone.now()
    zones: dict[str, zoneinfo.ZoneInfo] = {}
    check_ins: list[tuple] = []
    bids: list[tuple] = []
    news: list[tuple] = []
    cheers: dict[int, tuple] = {}  # by couple: its one piece of news has one cheer
    maps: list[tuple] = []
    for couple in couples:
        pair = members.get(couple.pk, [])
        if len(pair) != 2:
            continue
        for user_id in pair:
            if BULK_NEEDS_MAPS and rng.random() < 0.5:
                sections = rng.choice(BULK_NEEDS_MAPS)
                maps.append(
                    (user_id, couple.created_at, *(sections[key] for key in NEEDS_SECTIONS))
                )
        if weeks < 1:
            continue
        if couple.time_zone not in zones:
            zones[couple.time_zone] = zoneinfo.ZoneInfo(couple.time_zone)
        zone = zones[couple.time_zone]
        if shareable:
            for index in range(3):
                author = rng.randrange(2)
                entry = rng.choice(shareable if index == 0 else entries)
                at = _bulk_when(now, weeks, zone, rng)
                shared = index == 0
                check_ins.append(
                    (
                        couple.pk,
                        pair[author],
                        feelings[entry["feeling"]],
                        entry["intensity"],
                        entry["need"],
                        entry.get("note", ""),
                        shared,
                        at,
                        rng.choice(BULK_REPLIES[entry["need"]]) if shared else "",
                        at + timedelta(minutes=rng.randint(3, 120)) if shared else None,
                    )
                )
        for _ in range(2):
            entry = rng.choice(BULK_BIDS)
            at = _bulk_when(now, weeks, zone, rng)
            bids.append(
                (
                    couple.pk,
                    pair[rng.randrange(2)],
                    entry["kind"],
                    entry.get("text", ""),
                    at,
                    rng.choice(BULK_ANSWERS),
                    at + timedelta(minutes=rng.randint(1, 20)),
                )
            )
        if BULK_NEWS:
            entry = rng.choice(BULK_NEWS)
            author = rng.randrange(2)
            at = _bulk_when(now, weeks, zone, rng)
            news.append((couple.pk, pair[author], entry["text"], at))
            cheers[couple.pk] = (
                pair[1 - author],
                entry["way"],
                entry["cheer"],
                at + timedelta(minutes=rng.randint(5, 240)),
            )
    # The needs map is the person's own across couples: keep any they already have.
    insert_rows(NeedsMap, ["user_id", "updated_at", *NEEDS_SECTIONS], maps, keep_existing=True)
    insert_rows(
        CheckIn,
        [
            "couple_id",
            "author_id",
            "feeling_id",
            "intensity",
            "need",
            "note",
            "shared",
            "created_at",
            "reply",
            "replied_at",
        ],
        check_ins,
    )
    insert_rows(
        Bid,
        ["couple_id", "author_id", "kind", "text", "created_at", "reply", "answered_at"],
        bids,
        also={"answer": Bid.Answer.NOW},
    )
    made = insert_rows(
        GoodNews,
        ["couple_id", "author_id", "text", "created_at"],
        news,
        returning=["couple_id", "id"],
    )
    insert_rows(
        Cheer,
        ["couple_id", "news_id", "author_id", "way", "text", "created_at"],
        ((couple_id, news_id, *cheers[couple_id]) for couple_id, news_id in made),
    )


def _bulk_when(now: datetime, weeks: int, zone: zoneinfo.ZoneInfo, rng: random.Random) -> datetime:
    """A waking moment on a day within the weeks (so after the couple began), before today."""
    day = timezone.localdate(now, zone) - timedelta(days=rng.randint(1, weeks * 7 - 1))
    return local_instant(day, time(rng.randint(8, 21), rng.randint(0, 59)), zone)


# Both -------------------------------------------------------------------------------------


def _voice(people, person) -> str:
    return VOICES[0] if person == people[0] else VOICES[1]


def _awake(at: datetime, zone: zoneinfo.ZoneInfo, rng: random.Random) -> datetime:
    """Not in the small hours: something done between midnight and seven waits for the day."""
    local = at.astimezone(zone)
    if local.hour < 7:
        return max(
            at, local_instant(local.date(), time(rng.randint(7, 9), rng.randint(0, 59)), zone)
        )
    return at


# Check-ins --------------------------------------------------------------------------------


def _seed_check_ins(couple: Couple, people, weeks: int, rng: random.Random) -> None:
    """Alex most days, Sam two to four days a week; about half shared, most of those
    answered by the other; one or two shared to ask for space; and Sam's this morning."""
    zone = zoneinfo.ZoneInfo(couple.time_zone)
    now = timezone.now()
    feelings = {feeling.key: feeling for feeling in Feeling.objects.filter(active=True)}
    rows: list[CheckIn] = []
    for person, voice in zip(people, VOICES, strict=True):
        entries = [e for e in DEMO_TEXT[voice]["check_in"] if e["feeling"] in feelings]
        if not entries:
            continue
        deck = Deck(entries, rng)
        sharing = Deck((True, False), rng)
        for day in past_days(couple, weeks, CHECK_IN_DAYS[voice], rng):
            at = moment(couple, day, rng.choice(CHECK_IN_HOURS[voice]), rng)
            if at is None:
                continue
            entry = deck.deal()
            rows.append(
                CheckIn(
                    couple=couple,
                    author=person,
                    feeling=feelings[entry["feeling"]],
                    intensity=entry["intensity"],
                    need=entry["need"],
                    note=entry.get("note", ""),
                    shared=not entry.get("private") and sharing.deal(),
                    created_at=at,
                )
            )
    _ask_for_space(couple, people, rows, feelings, weeks, rng)
    # Most shared ones answered by the other, within minutes or a few hours.
    replying = Deck(REPLIED, rng)
    replies = {
        (voice, key): Deck(DEMO_TEXT[voice]["reply"][key], rng)
        for voice in VOICES
        for key in REPLY_KEYS
    }
    for row in rows:
        if not row.shared:
            continue
        asked_space = row.need == Need.SPACE
        if not replying.deal() and not asked_space:
            continue
        voice = _voice(people, other_person(people, row.author))
        key = "glad" if row.feeling.tone == "pleasant" and not asked_space else row.need
        at = _awake(row.created_at + timedelta(minutes=rng.randint(3, 150)), zone, rng)
        if at < now:
            row.reply, row.replied_at = replies[voice, key].deal(), at
    CheckIn.objects.bulk_create(rows)
    _check_in_this_morning(couple, people, feelings, rng)


def _ask_for_space(couple: Couple, people, rows: list[CheckIn], feelings, weeks, rng) -> None:
    """Once each (Sam first, if the weeks are few), some days ago, the day's check-in was
    shared early in the evening to ask for space: the other one's bid that evening waited
    quietly."""
    latest = timezone.now() - timedelta(days=3)
    taken: set[date] = set()
    zone = zoneinfo.ZoneInfo(couple.time_zone)
    for person in (people[1], people[0])[: min(weeks, 2)]:
        voice = _voice(people, person)
        spaces = [e for e in DEMO_TEXT[voice]["space"] if e["feeling"] in feelings]
        mine = [
            row
            for row in rows
            if row.author == person
            and couple.created_at + timedelta(days=1) <= row.created_at <= latest
            and timezone.localdate(row.created_at, zone) not in taken
        ]
        if not spaces or not mine:
            continue
        row, entry = rng.choice(mine), rng.choice(spaces)
        # That day's check-in, early in the evening after a hard day.
        day = timezone.localdate(row.created_at, zone)
        row.created_at = local_instant(day, time(rng.randint(17, 19), rng.randint(0, 59)), zone)
        row.feeling = feelings[entry["feeling"]]
        row.intensity, row.need, row.note = entry["intensity"], Need.SPACE, entry["note"]
        row.shared = True
        taken.add(timezone.localdate(row.created_at, zone))


def _this_morning(couple: Couple, rng: random.Random) -> datetime:
    """Sam home from a night shift, just before eight (or a little while ago, if it is
    earlier than that now)."""
    zone = zoneinfo.ZoneInfo(couple.time_zone)
    now = timezone.now()
    today = couple.local_today()
    at = local_instant(today, time(7, rng.randint(35, 55)), zone)
    if at > now - timedelta(minutes=30):
        at = max(
            local_instant(today, time(0, 0), zone), now - timedelta(minutes=rng.randint(20, 40))
        )
    return min(max(at, couple.created_at), now)


def _check_in_this_morning(couple: Couple, people, feelings, rng: random.Random) -> None:
    """Sam's check-in this morning, shared and asking for comfort: Alex is told."""
    entry = DEMO_TEXT[VOICES[1]]["today"]
    feeling = feelings.get(entry["feeling"])
    if feeling is None:
        return
    check_in = check_in_make(
        user=people[1],
        couple=couple,
        feeling=feeling,
        need=Need.COMFORT,
        intensity=entry["intensity"],
        note=entry["note"],
        shared=True,
    )
    CheckIn.objects.filter(pk=check_in.pk).update(created_at=_this_morning(couple, rng))


# Bids -------------------------------------------------------------------------------------


class _Space:
    """When each of them asked for space, as the services see it: their latest shared
    check-in of the last SPACE_LASTS asked for it."""

    def __init__(self, couple: Couple):
        self.shared: dict[int, list[tuple[datetime, str]]] = {}
        for author_id, at, need in (
            CheckIn.objects.filter(couple=couple, shared=True)
            .order_by("created_at")
            .values_list("author_id", "created_at", "need")
        ):
            self.shared.setdefault(author_id, []).append((at, need))

    def wanted(self, user_id: int, at: datetime) -> bool:
        latest = [
            need for when, need in self.shared.get(user_id, []) if at - SPACE_LASTS <= when <= at
        ]
        return bool(latest) and latest[-1] == Need.SPACE


def _seed_bids(couple: Couple, people, weeks: int, rng: random.Random) -> None:
    """Three to six bids a week, both ways: most answered now within minutes, some later
    (at a time a few hours on), a few never; the ones sent while the other had asked for
    space went quietly and were answered when they came back. And Sam's this morning."""
    zone = zoneinfo.ZoneInfo(couple.time_zone)
    now = timezone.now()
    space = _Space(couple)
    decks = {voice: Deck(DEMO_TEXT[voice]["bid"], rng) for voice in VOICES}
    answers = {
        (voice, when): Deck(DEMO_TEXT[voice]["answer"][when], rng)
        for voice in VOICES
        for when in ("now", "later")
    }
    authors = Deck(people, rng)
    answering = Deck(ANSWERS, rng)
    rows: list[Bid] = []
    for day in past_days(couple, weeks, BIDS_A_WEEK, rng):
        at = moment(couple, day, (8, 22), rng)
        if at is None:
            continue
        author = authors.deal()
        partner = other_person(people, author)
        if space.wanted(partner.pk, at):
            continue  # only the bids below reach for someone who asked for space
        entry = decks[_voice(people, author)].deal()
        bid = Bid(
            couple=couple,
            author=author,
            kind=entry["kind"],
            text=entry.get("text", ""),
            created_at=at,
        )
        answer = answering.deal()
        if answer == Bid.Answer.NOW:
            answered = at + timedelta(minutes=rng.choice((1, 2, 2, 3, 4, 5, 7, 10, 15, 25, 40)))
        else:
            answered = at + timedelta(minutes=rng.randint(2, 30))
        if answer and answered < now:
            bid.answer, bid.answered_at = answer, answered
            bid.reply = answers[_voice(people, partner), answer].deal()
            if answer == Bid.Answer.LATER:
                # A time a few hours on, on the quarter hour.
                later = answered + timedelta(hours=rng.randint(2, 4), minutes=15)
                bid.later_at = later.replace(
                    minute=later.minute // 15 * 15, second=0, microsecond=0
                )
        rows.append(bid)
    # While one of them had asked for space: the other's bid, answered on coming back.
    spaces = {entry["note"]: entry for voice in VOICES for entry in DEMO_TEXT[voice]["space"]}
    for check_in in CheckIn.objects.filter(couple=couple, shared=True, need=Need.SPACE):
        entry = spaces.get(check_in.note)
        at = check_in.created_at + timedelta(minutes=rng.randint(30, 120))
        if entry is None or at >= now:
            continue
        sender = other_person(people, next(p for p in people if p.pk == check_in.author_id))
        bid = Bid(
            couple=couple,
            author=sender,
            kind=entry["quiet_bid"]["kind"],
            text=entry["quiet_bid"]["text"],
            created_at=at,
        )
        back = _awake(
            at + timedelta(hours=rng.randint(1, 3), minutes=rng.randint(0, 59)), zone, rng
        )
        if back < now:
            bid.answer, bid.reply, bid.answered_at = Bid.Answer.NOW, entry["back"], back
        rows.append(bid)
    for bid in rows:
        bid.quiet = space.wanted(other_person(people, bid.author).pk, bid.created_at)
    Bid.objects.bulk_create(rows)
    _bid_this_morning(couple, people, rng)


def _bid_this_morning(couple: Couple, people, rng: random.Random) -> None:
    """Sam's "hard day" bid, a few minutes after her check-in this morning: unanswered."""
    sam = people[1]
    entry = DEMO_TEXT[VOICES[1]]["today"]
    bid = bid_send(user=sam, couple=couple, kind="hard_day", text=entry["bid_text"])
    now = timezone.now()
    midnight = local_instant(couple.local_today(), time(0, 0), zoneinfo.ZoneInfo(couple.time_zone))
    checked_in = (
        CheckIn.objects.filter(couple=couple, author=sam, created_at__gte=midnight)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    start = checked_in if checked_in is not None else _this_morning(couple, rng)
    at = min(start + timedelta(minutes=rng.randint(6, 15)), now)
    Bid.objects.filter(pk=bid.pk).update(created_at=at)


# Needs maps -------------------------------------------------------------------------------


def _seed_needs_maps(couple: Couple, people, rng: random.Random) -> None:
    """Both filled in a few days in (unless they have one already: it is their own)."""
    have = set(NeedsMap.objects.filter(user__in=people).values_list("user_id", flat=True))
    now = timezone.now()
    NeedsMap.objects.bulk_create(
        NeedsMap(
            user=person,
            updated_at=min(
                now, couple.created_at + timedelta(days=rng.randint(2, 6), hours=rng.randint(0, 12))
            ),
            **DEMO_TEXT[voice]["needs_map"],
        )
        for person, voice in zip(people, VOICES, strict=True)
        if person.pk not in have
    )


# Good news --------------------------------------------------------------------------------


def _seed_good_news(couple: Couple, people, weeks: int, rng: random.Random) -> None:
    """About a piece a week, both ways, each met by the other: asked about, celebrated or
    relived; once or twice with a flat "nice" first, and a better answer soon after."""
    zone = zoneinfo.ZoneInfo(couple.time_zone)
    now = timezone.now()
    decks = {voice: Deck(DEMO_TEXT[voice]["news"], rng) for voice in VOICES}
    # Answered by asking about it, celebrating it and reliving it, taking turns.
    ways = Deck(Cheer.Way.values, rng)
    authors = Deck(people, rng)
    plan = [
        (at, authors.deal())
        for day in past_days(couple, weeks, NEWS_A_WEEK, rng)
        if (at := moment(couple, day, (9, 21), rng)) is not None
    ]
    # The flat answers: one, or two in a longer stretch (one each way), never the latest.
    passive: set[int] = set()
    for person in (people[1], people[0])[: 1 if weeks < 12 else 2]:
        theirs = [index for index, (_, author) in enumerate(plan[:-1]) if author != person]
        if theirs:
            passive.add(rng.choice(theirs))
    news: list[GoodNews] = []
    cheers: list[Cheer] = []
    for index, (at, author) in enumerate(plan):
        voice = _voice(people, author)
        way = None if index in passive else ways.deal()
        entry = decks[voice].deal(lambda entry, way=way: way is None or entry["way"] == way)
        partner = other_person(people, author)
        item = GoodNews(couple=couple, author=author, text=entry["text"], created_at=at)
        news.append(item)
        cheered = _awake(at + timedelta(minutes=rng.randint(4, 180)), zone, rng)
        if cheered >= now:
            continue
        if index in passive:
            flat = DEMO_TEXT[_voice(people, partner)]["passive"]
            cheers.append(
                Cheer(
                    couple=couple,
                    news=item,
                    author=partner,
                    way=Cheer.Way.CELEBRATE,
                    text=flat["cheer"],
                    created_at=cheered,
                )
            )
            cheered += timedelta(minutes=rng.randint(20, 90))
            if cheered >= now:
                continue
            way, text = Cheer.Way.ASK, flat["then"]
        else:
            way, text = entry["way"], entry["cheer"]
        cheers.append(
            Cheer(couple=couple, news=item, author=partner, way=way, text=text, created_at=cheered)
        )
    GoodNews.objects.bulk_create(news)
    Cheer.objects.bulk_create(cheers)


# Love map ---------------------------------------------------------------------------------


def _seed_guesses(couple: Couple, people, rng: random.Random) -> None:
    """Guesses both ways at the other's answers to past daily questions (revealed at least
    GUESS_AFTER before), most marked by the one they are about."""
    zone = zoneinfo.ZoneInfo(couple.time_zone)
    now = timezone.now()
    questions = list(
        DailyQuestion.objects.filter(
            couple=couple, revealed_at__isnull=False, revealed_at__lte=now - GUESS_AFTER
        )
        .select_related("question")
        .order_by("day")
    )
    answered = set(
        Answer.objects.filter(daily_question__in=questions).values_list(
            "daily_question_id", "author_id"
        )
    )
    guessed = set(
        Guess.objects.filter(daily_question__in=questions).values_list(
            "daily_question_id", "author_id"
        )
    )
    decks = {
        (voice, category): Deck(lines, rng)
        for voice in VOICES
        for category, lines in DEMO_TEXT[voice]["guess"].items()
    }
    guessing = {voice: Deck(GUESSED, rng) for voice in VOICES}
    marking = {voice: Deck(MARKED, rng) for voice in VOICES}
    closeness = {
        voice: Deck([way for way, times in CLOSENESS[voice].items() for _ in range(times)], rng)
        for voice in VOICES
    }
    rows: list[Guess] = []
    for daily_question in questions:
        assert daily_question.revealed_at is not None
        category = daily_question.question.category
        for person, voice in zip(people, VOICES, strict=True):
            partner = other_person(people, person)
            if (
                (daily_question.pk, partner.pk) not in answered
                or (daily_question.pk, person.pk) in guessed
                or (voice, category) not in decks
                or not guessing[voice].deal()
            ):
                continue
            # Within a week of when it could first be guessed at (and not in the night).
            earliest = daily_question.revealed_at + GUESS_AFTER
            at = _awake(earliest + min(timedelta(days=7), now - earliest) * rng.random(), zone, rng)
            if at >= now:
                continue
            guess = Guess(
                couple=couple,
                daily_question=daily_question,
                author=person,
                about=partner,
                text=decks[voice, category].deal(),
                created_at=at,
            )
            marked = _awake(at + timedelta(minutes=rng.randint(10, 8 * 60)), zone, rng)
            if marked < now and marking[voice].deal():
                guess.closeness, guess.marked_at = closeness[voice].deal(), marked
            rows.append(guess)
    Guess.objects.bulk_create(rows)
