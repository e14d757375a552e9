"""Demo activity for Appreciate: months of notes both ways, gestures (some noticed, some not,
and differently for each of them), how much each kind of appreciation means to each, their
favourites, a gratitude journal, and the gesture ideas Hearth suggested before.

The past is written straight into the tables (the services only write "now"), keeping what
the services keep: the couple on every row; a note goes to the author's partner, says what
they did and how it felt or why it mattered, and only its recipient reacts to it or keeps
it; only the partner notices a gesture, after it was logged; a gesture done from a
suggestion is that idea, on that day, by the one it was suggested to; an idea does not come
back to the same person within NO_REPEAT, at most SUGGESTIONS_PER_DAY a day; ratings are 1–7.
Today's note from Sam goes through the service, so Alex finds it waiting.
"""

import random
import re
import tomllib
import zoneinfo
from datetime import date, datetime, timedelta
from pathlib import Path

from django.utils import timezone

from hearth.appreciate.models import (
    Favourite,
    Gesture,
    GestureIdea,
    JournalEntry,
    Note,
    Style,
    StyleRatings,
    Suggestion,
)
from hearth.appreciate.services import (
    FAVOURITE_MAX,
    GESTURE_MAX,
    JOURNAL_MAX,
    NO_REPEAT,
    NOTE_PART_MAX,
    RATING_RANGE,
    SUGGESTIONS_PER_DAY,
    choose_ideas,
    note_send,
    style_weights,
)
from hearth.core.demo_helpers import Deck, insert_rows, moment, other_person, past_days, seats_of
from hearth.couples.models import Couple
from hearth.talk.models import REACTIONS

DEMO_TEXT = tomllib.loads((Path(__file__).parent / "demo_text.toml").read_text())
VOICES = ("alex", "sam")  # the demo couple's first and second, in demo_text.toml
STYLES: list[str] = list(Style.values)
# How people react to a note (a laugh only where the note is funny).
REACTION_WEIGHTS = {"heart": 6, "moved": 4, "hug": 3, "spark": 2}
FUNNY_REACTION_WEIGHTS = {"laugh": 6, "heart": 3, "spark": 1}
REACTED = 0.75  # the share of notes the recipient reacts to
SHARED = 0.25  # the share of journal entries shared with the partner
FROM_IDEA = 0.35  # the share of gestures done from a suggested idea
# How often a partner says "I noticed": for the kinds they tend to notice, and the others.
NOTICED = {True: (True,) * 6 + (False,), False: (True, False, False)}
NAMED = re.compile(r"\b(?:Alex|Sam)\b")


def _check_text() -> None:
    """The demo text keeps the services' rules; better to fail here than write bad rows."""
    for voice in VOICES:
        person = DEMO_TEXT[voice]
        ratings = person["ratings"]
        assert set(ratings) == set(STYLES), f"{voice}: rate each of {STYLES}"
        assert all(value in RATING_RANGE for value in ratings.values()), f"{voice}: ratings 1–7"
        assert set(person["notices"]) <= set(STYLES), f"{voice}: notices"
        for favourite in person["favourites"]:
            assert favourite["style"] in STYLES and len(favourite["text"]) <= FAVOURITE_MAX
        assert all(0 < len(line) <= JOURNAL_MAX for line in person["journal"])
        for note in person["note"]:
            assert note.get("kind", Note.Kind.THANKS) in Note.Kind.values, note
            assert note["did"] and (note.get("felt") or note.get("mattered")), note
            parts = (note["did"], note.get("felt", ""), note.get("mattered", ""))
            assert all(len(part) <= NOTE_PART_MAX for part in parts), note
    for gesture in DEMO_TEXT["gesture"]:
        assert gesture["style"] in STYLES and 0 < len(gesture["text"]) <= GESTURE_MAX, gesture


_check_text()
# For benchmark couples, whose names are not Alex and Sam.
BULK_NOTES = [
    note
    for voice in VOICES
    for note in DEMO_TEXT[voice]["note"]
    if not any(NAMED.search(note.get(part, "")) for part in ("did", "felt", "mattered"))
]
BULK_JOURNAL = [
    line for voice in VOICES for line in DEMO_TEXT[voice]["journal"] if not NAMED.search(line)
]
BULK_GESTURES = [(gesture["style"], gesture["text"]) for gesture in DEMO_TEXT["gesture"]]


def seed_demo_couple(*, couple: Couple, first, second, weeks: int, rng: random.Random) -> None:
    people = (first, second)
    # Ratings and favourites first: the suggestions drawn in the past were drawn from them.
    _seed_styles(couple, people)
    if not Note.objects.filter(couple=couple).exists():
        _seed_notes(couple, people, weeks, rng)
    if not (
        Gesture.objects.filter(couple=couple).exists()
        or Suggestion.objects.filter(couple=couple).exists()
    ):
        _seed_gestures(couple, people, weeks, rng)
    if not JournalEntry.objects.filter(couple=couple).exists():
        _seed_journal(couple, people, weeks, rng)


def seed_bulk(*, couples, weeks: int, rng: random.Random) -> None:
    """Benchmark volumes: for each couple style ratings for both and, over the weeks, two
    notes, three gestures (some from ideas, some noticed) and two journal entries."""
    if not couples:
        return
    members = seats_of(couples)
    ideas = list(GestureIdea.objects.filter(active=True).values_list("id", "style", "text"))
    now = timezone.now()
    zones: dict[str, zoneinfo.ZoneInfo] = {}
    reactions = list(REACTIONS)
    ratings: list[tuple] = []
    notes: list[tuple] = []
    gestures: list[tuple] = []
    entries: list[tuple] = []
    for couple in couples:
        pair = members.get(couple.pk, [])
        if len(pair) != 2:
            continue
        for user_id in pair:
            ratings.append((user_id, couple.created_at, *(rng.randint(1, 7) for _ in STYLES)))
        if weeks < 1:
            continue
        if couple.time_zone not in zones:
            zones[couple.time_zone] = zoneinfo.ZoneInfo(couple.time_zone)
        zone = zones[couple.time_zone]
        for _ in range(2):
            author = rng.randrange(2)
            note = rng.choice(BULK_NOTES)
            at, _day = _bulk_when(now, weeks, zone, rng)
            reacted = rng.random() < REACTED
            notes.append(
                (
                    couple.pk,
                    pair[author],
                    pair[1 - author],
                    note.get("kind", Note.Kind.THANKS),
                    note["did"],
                    note.get("felt", ""),
                    note.get("mattered", ""),
                    at,
                    rng.choice(reactions) if reacted else "",
                    reacted and rng.random() < 0.2,
                )
            )
        for _ in range(3):
            at, day = _bulk_when(now, weeks, zone, rng)
            idea_id = None
            if ideas and rng.random() < FROM_IDEA:
                idea_id, style, text = rng.choice(ideas)
            else:
                style, text = rng.choice(BULK_GESTURES)
            noticed = at + timedelta(hours=rng.randint(1, 30))
            gestures.append(
                (
                    couple.pk,
                    pair[rng.randrange(2)],
                    style,
                    text,
                    idea_id,
                    day,
                    at,
                    noticed if noticed < now and rng.random() < 0.6 else None,
                )
            )
        for _ in range(2):
            at, day = _bulk_when(now, weeks, zone, rng)
            entries.append(
                (
                    couple.pk,
                    pair[rng.randrange(2)],
                    rng.choice(BULK_JOURNAL),
                    day,
                    rng.random() < SHARED,
                    at,
                )
            )
    # Ratings are the person's own across couples: keep any they already have.
    insert_rows(StyleRatings, ["user_id", "updated_at", *STYLES], ratings, keep_existing=True)
    insert_rows(
        Note,
        [
            "couple_id",
            "author_id",
            "recipient_id",
            "kind",
            "did",
            "felt",
            "mattered",
            "created_at",
            "reaction",
            "kept",
        ],
        notes,
    )
    insert_rows(
        Gesture,
        [
            "couple_id",
            "author_id",
            "style",
            "text",
            "idea_id",
            "happened_on",
            "created_at",
            "noticed_at",
        ],
        gestures,
    )
    insert_rows(
        JournalEntry, ["couple_id", "author_id", "text", "day", "shared", "created_at"], entries
    )


def _bulk_when(
    now: datetime, weeks: int, zone: zoneinfo.ZoneInfo, rng: random.Random
) -> tuple[datetime, date]:
    """A time within the weeks (so after the couple began) and before today, and its day."""
    at = now - timedelta(days=rng.randint(1, weeks * 7 - 1), hours=rng.randint(0, 12))
    return at, timezone.localdate(at, zone)


# The demo couple ------------------------------------------------------------------------


def _seed_styles(couple: Couple, people) -> None:
    """Their ratings, a few days in, and the favourites they wrote then (if not set yet)."""
    at = min(timezone.now(), couple.created_at + timedelta(days=2))
    rated = set(StyleRatings.objects.filter(user__in=people).values_list("user_id", flat=True))
    with_favourites = set(
        Favourite.objects.filter(user__in=people).values_list("user_id", flat=True)
    )
    StyleRatings.objects.bulk_create(
        StyleRatings(user=person, updated_at=at, **DEMO_TEXT[voice]["ratings"])
        for person, voice in zip(people, VOICES, strict=True)
        if person.pk not in rated
    )
    Favourite.objects.bulk_create(
        Favourite(user=person, style=favourite["style"], text=favourite["text"], created_at=at)
        for person, voice in zip(people, VOICES, strict=True)
        if person.pk not in with_favourites
        for favourite in DEMO_TEXT[voice]["favourites"]
    )


def _reaction(note: dict, rng: random.Random) -> str:
    weights = FUNNY_REACTION_WEIGHTS if note.get("funny") else REACTION_WEIGHTS
    keys = [key for key in weights if key in REACTIONS]
    return rng.choices(keys, weights=[weights[key] for key in keys])[0] if keys else ""


def _seed_notes(couple: Couple, people, weeks: int, rng: random.Random) -> None:
    """Two to four notes a week between them, most reacted to, a handful kept; and one from
    Sam this morning that Alex has not seen yet."""
    # Per author and kind (admiration or thanks); about one in six an admiration.
    decks = {
        (person.pk, admire): Deck(
            [note for note in DEMO_TEXT[voice]["note"] if (note.get("kind") == "admire") == admire],
            rng,
        )
        for person, voice in zip(people, VOICES, strict=True)
        for admire in (True, False)
    }
    kinds = {person.pk: Deck([True] + [False] * 5, rng) for person in people}
    reacting = Deck([True] * 3 + [False], rng)  # three in four
    authors = Deck(people, rng)  # about as many each way
    notes: list[Note] = []
    for day in past_days(couple, weeks, (2, 2, 3, 3, 4), rng):
        at = moment(couple, day, (7, 22), rng)
        if at is None:
            continue
        author = authors.deal()
        note = decks[author.pk, kinds[author.pk].deal()].deal()
        reacted = reacting.deal()
        notes.append(
            Note(
                couple=couple,
                author=author,
                recipient=other_person(people, author),
                kind=note.get("kind", Note.Kind.THANKS),
                did=note["did"],
                felt=note.get("felt", ""),
                mattered=note.get("mattered", ""),
                created_at=at,
                reaction=_reaction(note, rng) if reacted else "",
            )
        )
    # A handful on each wall, most of them ones they reacted to.
    for person in people:
        received = [note for note in notes if note.recipient == person]
        liked = [note for note in received if note.reaction]
        count = min(len(received), max(2, len(received) // 6))
        pool = liked if len(liked) >= count else received
        for note in rng.sample(pool, count):
            note.kept = True
    Note.objects.bulk_create(notes)
    second = people[1]
    note = decks[second.pk, False].deal()
    note_send(
        user=second,
        couple=couple,
        did=note["did"],
        felt=note.get("felt", ""),
        mattered=note.get("mattered", ""),
        kind=note.get("kind", Note.Kind.THANKS),
    )


def _seed_gestures(couple: Couple, people, weeks: int, rng: random.Random) -> None:
    """Three to six gestures a week between them: some their own idea, some from the ideas
    Hearth suggested that day (the others set aside), and a few days when none of the
    suggestions was for them. Each partner notices some kinds far more than the others."""
    voice_of = {person.pk: voice for person, voice in zip(people, VOICES, strict=True)}
    ideas = list(GestureIdea.objects.filter(active=True).order_by("key"))
    # What Hearth suggests to someone follows their partner's ratings and favourites.
    favourite_styles: dict[int, list[str]] = {person.pk: [] for person in people}
    for user_id, style in Favourite.objects.filter(user__in=people).values_list("user_id", "style"):
        favourite_styles[user_id].append(style)
    rated = {row.user_id: row.as_dict() for row in StyleRatings.objects.filter(user__in=people)}
    weights = {
        person.pk: style_weights(
            rated.get(other_person(people, person).pk),
            favourite_styles[other_person(people, person).pk],
        )
        for person in people
    }
    own = {
        style: Deck([g["text"] for g in DEMO_TEXT["gesture"] if g["style"] == style], rng)
        for style in STYLES
    }
    # Their own gestures come in every style, more often in the ones the partner rates high.
    own_styles = {}
    for person in people:
        partner = other_person(people, person)
        ratings = rated.get(partner.pk) or DEMO_TEXT[voice_of[partner.pk]]["ratings"]
        own_styles[person.pk] = Deck(
            [style for style in STYLES for _ in range(1 + ratings[style] // 3)], rng
        )
    # (day, author, whether a gesture came of it), oldest first for the no-repeat history.
    authors = Deck(people, rng)
    plan = [(day, authors.deal(), True) for day in past_days(couple, weeks, (3, 4, 5, 6), rng)]
    plan += [
        (day, person, False)
        for person in people
        for day in past_days(couple, weeks, (0, 1), rng)
        if rng.random() < 0.5
    ]
    plan.sort(key=lambda item: (item[0], item[2]))
    noticing = {
        (person.pk, often): Deck(NOTICED[often], rng) for person in people for often in NOTICED
    }
    # What was suggested to them before, in this couple or an earlier one (as the service
    # sees it): no idea again within NO_REPEAT, and one day's draw a day.
    suggested: dict[int, list[tuple[date, int]]] = {person.pk: [] for person in people}
    drawn_on: set[tuple[int, date]] = set()
    if plan:
        for user_id, day, idea_id in Suggestion.objects.filter(
            user__in=people, day__gt=plan[0][0] - NO_REPEAT
        ).values_list("user_id", "day", "idea_id"):
            suggested[user_id].append((day, idea_id))
            drawn_on.add((user_id, day))
    suggestions: list[Suggestion] = []
    gestures: list[Gesture] = []
    now = timezone.now()
    for day, author, did_one in plan:
        partner = other_person(people, author)
        at = moment(couple, day, (18, 22), rng)
        if at is None:
            continue
        idea = None
        if ideas and (author.pk, day) not in drawn_on and (not did_one or rng.random() < FROM_IDEA):
            recent = {
                idea_id for when, idea_id in suggested[author.pk] if abs(day - when) < NO_REPEAT
            }
            pool = [idea for idea in ideas if idea.pk not in recent]
            drawn = choose_ideas(pool, weights[author.pk], SUGGESTIONS_PER_DAY, rng)
            drawn_on.add((author.pk, day))
            idea = rng.choice(drawn) if did_one and drawn else None
            for each in drawn:
                suggested[author.pk].append((day, each.pk))
                suggestions.append(
                    Suggestion(
                        couple=couple,
                        user=author,
                        idea=each,
                        day=day,
                        status=Suggestion.Status.DONE
                        if each == idea
                        else Suggestion.Status.SKIPPED,
                    )
                )
        if not did_one:
            continue
        if idea is not None:
            style, text = idea.style, idea.text
        else:
            style = own_styles[author.pk].deal()
            text = own[style].deal()
        often = style in DEMO_TEXT[voice_of[partner.pk]]["notices"]
        noticed = at + timedelta(hours=rng.randint(1, 30), minutes=rng.randint(0, 59))
        seen = noticing[partner.pk, often].deal() and noticed < now
        gestures.append(
            Gesture(
                couple=couple,
                author=author,
                style=style,
                text=text,
                idea=idea,
                happened_on=day,
                created_at=at,
                noticed_at=noticed if seen else None,
            )
        )
    Suggestion.objects.bulk_create(suggestions)
    Gesture.objects.bulk_create(gestures)


def _seed_journal(couple: Couple, people, weeks: int, rng: random.Random) -> None:
    """One or two entries a week each, in the evening; about one in four shared."""
    entries: list[JournalEntry] = []
    for person, voice in zip(people, VOICES, strict=True):
        deck = Deck(DEMO_TEXT[voice]["journal"], rng)
        sharing = Deck([True] + [False] * 3, rng)  # about one in four
        mine: list[JournalEntry] = []
        for day in past_days(couple, weeks, (1, 2), rng):
            at = moment(couple, day, (20, 23), rng)
            if at is None:
                continue
            mine.append(
                JournalEntry(
                    couple=couple,
                    author=person,
                    text=deck.deal(),
                    day=day,
                    shared=sharing.deal(),
                    created_at=at,
                )
            )
        if mine and not any(entry.shared for entry in mine):
            rng.choice(mine).shared = True
        entries += mine
    JournalEntry.objects.bulk_create(entries)
