"""seed_demo's Appreciate activity: what Alex and Sam find when they look around, and rows
that keep the same rules as the ones the services write."""

import random
import tomllib
from collections import Counter
from datetime import date, timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import escape

from hearth.accounts.models import User
from hearth.appreciate import demo, services
from hearth.appreciate.models import (
    Favourite,
    Gesture,
    JournalEntry,
    Note,
    Style,
    StyleRatings,
    Suggestion,
)
from hearth.conftest_helpers import login_client
from hearth.core.models import Event
from hearth.couples.models import Couple, Membership
from hearth.talk.models import REACTIONS
from hearth.tests.factories import bulk_couples, couple_of

pytestmark = pytest.mark.django_db

WEEKS = 8
COUPLE_MODELS = (Note, Gesture, Suggestion, JournalEntry)
TEXT = tomllib.loads((Path(demo.__file__).parent / "demo_text.toml").read_text())


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


def test_the_demo_text_is_plenty_varied_and_specific():
    for voice in ("alex", "sam"):
        notes = TEXT[voice]["note"]
        assert len(notes) >= 20
        assert len({note["did"] for note in notes}) == len(notes)
        assert all(note.get("felt") or note.get("mattered") for note in notes)
        assert sum(note.get("kind") == "admire" for note in notes) >= 4
        journal = TEXT[voice]["journal"]
        assert len(journal) >= 20 and len(set(journal)) == len(journal)
        assert 3 <= len(TEXT[voice]["favourites"]) <= 5
    assert sum(len(TEXT[voice]["note"]) for voice in ("alex", "sam")) >= 40
    assert sum(len(TEXT[voice]["journal"]) for voice in ("alex", "sam")) >= 40
    gestures = TEXT["gesture"]
    assert len(gestures) >= 30 and len({g["text"] for g in gestures}) == len(gestures)
    assert Counter(g["style"] for g in gestures).keys() == set(Style.values)
    # Benchmark couples are not called Alex and Sam.
    assert demo.BULK_NOTES and demo.BULK_JOURNAL
    for line in demo.BULK_JOURNAL:
        assert "Alex" not in line and "Sam" not in line


def test_specific_notes_both_ways_mostly_reacted_to(demo_couple):
    alex, sam, couple = demo_couple
    notes = Note.objects.filter(couple=couple)
    assert 2 * WEEKS <= notes.count() <= 4 * WEEKS + 1
    for author, recipient in ((alex, sam), (sam, alex)):
        sent = notes.filter(author=author)
        assert sent.count() >= WEEKS // 2
        assert set(sent.values_list("recipient", flat=True)) == {recipient.pk}
        # Different notes, not the same line again and again.
        dids = list(sent.values_list("did", flat=True))
        assert len(set(dids)) == len(dids)
    for note in notes:
        assert note.author_id != note.recipient_id
        assert note.did and (note.felt or note.mattered)
        assert note.reaction in ("", *REACTIONS)
        assert note.created_at >= couple.created_at
    assert notes.filter(kind=Note.Kind.ADMIRE).exists()
    reacted = notes.exclude(reaction="").count()
    assert reacted >= notes.count() // 2
    assert len(set(notes.exclude(reaction="").values_list("reaction", flat=True))) >= 3
    # This morning's note from Sam: Alex has been told, and has not reacted yet.
    latest = services.notes_received(alex, couple).order_by("-created_at").first()
    assert latest.author == sam and latest.reaction == "" and not latest.kept
    assert Event.objects.filter(
        kind=Event.Kind.NOTE_RECEIVED, recipient=alex, subject=f"appreciate.note:{latest.pk}"
    ).exists()


def test_a_handful_of_notes_are_kept_on_each_wall(demo_couple):
    alex, sam, couple = demo_couple
    for person in (sam, alex):
        received = services.notes_received(person, couple)
        kept = received.filter(kept=True)
        assert 2 <= kept.count() <= max(2, received.count() // 3)
        assert all(note.recipient_id == person.pk for note in kept)
    assert services.notes_received(sam, couple).filter(kept=True).exclude(reaction="").exists()


def test_gestures_land_differently_for_each(demo_couple):
    alex, sam, couple = demo_couple
    gestures = Gesture.objects.filter(couple=couple)
    assert 3 * WEEKS - 3 <= gestures.count() <= 6 * WEEKS
    landing = services.landing(couple, days=WEEKS * 7 + 1)

    def share(person, styles) -> float:
        counts = [landing[person.pk].get(style, (0, 0)) for style in styles]
        logged = sum(count for count, _ in counts)
        return sum(noticed for _, noticed in counts) / logged if logged else 0

    # Sam notices Alex's help and time; Alex notices Sam's words and touch.
    assert share(alex, ("service", "time")) > share(alex, ("words", "touch", "gifts")) + 0.2
    assert share(sam, ("words", "touch")) > share(sam, ("service", "time", "gifts")) + 0.2
    for person in (alex, sam):
        styles = {style for style, (logged, _) in landing[person.pk].items() if logged}
        assert len(styles) >= 4, (person, landing[person.pk])
    today = couple.local_today()
    for gesture in gestures:
        assert gesture.author_id in (alex.pk, sam.pk)
        assert couple.created_at.date() - timedelta(days=1) <= gesture.happened_on < today
        assert gesture.created_at >= couple.created_at
        if gesture.noticed_at is not None:
            assert gesture.created_at < gesture.noticed_at <= timezone.now()
        if gesture.idea is not None:
            assert (gesture.style, gesture.text) == (gesture.idea.style, gesture.idea.text)
    # Some from the ideas Hearth suggested, some their own.
    assert gestures.filter(idea__isnull=False).exists()
    assert gestures.filter(idea__isnull=True).exists()


def test_past_suggestions_were_done_or_set_aside_and_do_not_repeat(demo_couple):
    alex, sam, couple = demo_couple
    suggestions = Suggestion.objects.filter(couple=couple).select_related("idea")
    assert set(suggestions.values_list("status", flat=True)) == {"done", "skipped"}
    assert set(suggestions.values_list("user", flat=True)) == {alex.pk, sam.pk}
    for suggestion in suggestions.filter(status=Suggestion.Status.DONE):
        # Done: the idea went into the log, by the one it was suggested to, that day.
        assert Gesture.objects.filter(
            couple=couple,
            author=suggestion.user,
            idea=suggestion.idea,
            happened_on=suggestion.day,
        ).exists()
    per_day = Counter(suggestions.values_list("user", "day"))
    assert max(per_day.values()) <= services.SUGGESTIONS_PER_DAY
    for person in (alex, sam):
        seen: dict[int, date] = {}
        for idea_id, day in (
            suggestions.filter(user=person).order_by("day").values_list("idea_id", "day")
        ):
            assert idea_id not in seen or day - seen[idea_id] >= services.NO_REPEAT
            seen[idea_id] = day
    assert Gesture.objects.filter(couple=couple, idea__isnull=False).count() == (
        suggestions.filter(status=Suggestion.Status.DONE).count()
    )
    # Today's draw still works and brings nothing suggested lately.
    recent = set(
        suggestions.filter(
            user=alex, day__gt=couple.local_today() - services.NO_REPEAT
        ).values_list("idea_id", flat=True)
    )
    assert recent
    today = services.suggestions_today(user=alex, couple=couple)
    assert today and not {suggestion.idea_id for suggestion in today} & recent


def test_both_rated_the_styles_and_wrote_favourites(demo_couple):
    alex, sam, _ = demo_couple
    assert services.style_ratings_of(alex).as_dict() == {
        "time": 7,
        "words": 6,
        "touch": 5,
        "service": 4,
        "gifts": 2,
    }
    assert services.style_ratings_of(sam).as_dict() == {
        "service": 7,
        "touch": 6,
        "time": 5,
        "words": 4,
        "gifts": 3,
    }
    for person in (alex, sam):
        favourites = Favourite.objects.filter(user=person)
        assert 3 <= favourites.count() <= 5
        assert set(favourites.values_list("style", flat=True)) <= set(Style.values)
        assert all(10 < len(favourite.text) <= 200 for favourite in favourites)


def test_journals_are_mostly_private_and_sam_never_sees_alexs_private_entries(demo_couple):
    alex, sam, couple = demo_couple
    entries = JournalEntry.objects.filter(couple=couple)
    for person in (alex, sam):
        mine = entries.filter(author=person)
        assert WEEKS <= mine.count() <= 2 * WEEKS
        shared = mine.filter(shared=True).count()
        assert 1 <= shared < mine.count() / 2
        assert all(entry.day < couple.local_today() for entry in mine)
    visible = services.journal_visible_to(sam, couple)
    assert not visible.filter(author=alex, shared=False).exists()
    assert set(visible.filter(author=alex)) == set(entries.filter(author=alex, shared=True))
    assert visible.filter(author=sam, shared=False).exists()


def test_every_row_is_the_couples_own(demo_couple):
    alex, sam, couple = demo_couple
    seed("--couples", "30", "--weeks", "2")
    members: dict[int, set[int]] = {}
    for couple_id, user_id in Membership.objects.values_list("couple_id", "user_id"):
        members.setdefault(couple_id, set()).add(user_id)
    assert members[couple.pk] == {alex.pk, sam.pk}
    for model in COUPLE_MODELS:
        assert model.objects.filter(couple=couple).exists(), model.__name__
    # Everything Alex or Sam wrote, sent or was suggested is the demo couple's.
    ours = {alex.pk, sam.pk}
    assert set(Note.objects.filter(author__in=ours).values_list("couple", flat=True)) == {couple.pk}
    assert set(Note.objects.filter(recipient__in=ours).values_list("couple", flat=True)) == {
        couple.pk
    }
    for model, field in ((Gesture, "author"), (JournalEntry, "author"), (Suggestion, "user")):
        couples = model.objects.filter(**{f"{field}__in": ours}).values_list("couple", flat=True)
        assert set(couples) == {couple.pk}, model.__name__
    for note in Note.objects.all():
        assert {note.author_id, note.recipient_id} == members[note.couple_id]
        assert note.reaction in ("", *REACTIONS)
    for gesture in Gesture.objects.all():
        assert gesture.author_id in members[gesture.couple_id]
    for entry in JournalEntry.objects.all():
        assert entry.author_id in members[entry.couple_id]
    for suggestion in Suggestion.objects.all():
        assert suggestion.user_id in members[suggestion.couple_id]
    for ratings in StyleRatings.objects.all():
        assert all(value in services.RATING_RANGE for value in ratings.as_dict().values())


def test_benchmark_couples_each_have_appreciate_rows():
    seed("--couples", "30", "--weeks", "2")
    bench = Couple.objects.filter(memberships__user__email__endswith="@bench.hearth").distinct()
    assert bench.count() == 30
    now = timezone.now()
    for couple in bench:
        people = set(couple.memberships.values_list("user_id", flat=True))
        assert StyleRatings.objects.filter(user__in=people).count() == 2
        notes = Note.objects.filter(couple=couple)
        assert notes.count() == 2
        for note in notes:
            assert {note.author_id, note.recipient_id} == people
            assert note.did and (note.felt or note.mattered)
        gestures = Gesture.objects.filter(couple=couple)
        assert gestures.count() == 3
        for gesture in gestures:
            assert couple.created_at <= gesture.created_at < now
            assert gesture.noticed_at is None or gesture.created_at < gesture.noticed_at < now
        assert JournalEntry.objects.filter(couple=couple).count() == 2
    # A dashboard for one of them works.
    someone = User.objects.filter(email__endswith="@bench.hearth").earliest("pk")
    assert services.landing(couple_of(someone))


def test_bulk_seeding_takes_the_same_few_queries_for_any_number_of_couples(
    django_assert_max_num_queries,
):
    seed("--weeks", "0")  # the content libraries
    since = timezone.now() - timedelta(weeks=4)
    for size in (10, 400):
        couples = bulk_couples(size, since=since, prefix="q")
        with django_assert_max_num_queries(6):
            demo.seed_bulk(couples=couples, weeks=4, rng=random.Random(size))
        assert Note.objects.filter(couple__in=couples).count() == 2 * size
        assert (
            StyleRatings.objects.filter(user__memberships__couple__in=couples).count() == 2 * size
        )


def test_seeding_the_demo_couple_again_changes_nothing(demo_couple):
    alex, sam, couple = demo_couple
    models = (*COUPLE_MODELS, StyleRatings, Favourite, Event)
    counts = {model.__name__: model.objects.count() for model in models}
    demo.seed_demo_couple(couple=couple, first=alex, second=sam, weeks=WEEKS, rng=random.Random(1))
    assert {model.__name__: model.objects.count() for model in models} == counts


def test_a_demo_couple_paired_afresh_gets_new_rows_and_no_repeated_suggestions(demo_couple):
    alex, sam, old = demo_couple
    from hearth.couples.services import couple_unlink

    couple_unlink(user=alex)
    seed("--weeks", str(WEEKS))
    couple = couple_of(alex)
    assert couple.pk != old.pk and couple_of(sam) == couple
    for model in COUPLE_MODELS:
        assert model.objects.filter(couple=couple).exists(), model.__name__
    # Ratings and favourites are the person's own: kept, not doubled.
    assert StyleRatings.objects.filter(user__in=(alex, sam)).count() == 2
    assert Favourite.objects.filter(user=alex).count() == len(TEXT["alex"]["favourites"])
    # Across both couples, an idea still waits NO_REPEAT before it comes back to someone.
    for person in (alex, sam):
        days = Counter(Suggestion.objects.filter(user=person).values_list("day", flat=True))
        assert max(days.values()) <= services.SUGGESTIONS_PER_DAY
        seen: dict[int, date] = {}
        for idea_id, day in (
            Suggestion.objects.filter(user=person).order_by("day").values_list("idea_id", "day")
        ):
            assert idea_id not in seen or day - seen[idea_id] >= services.NO_REPEAT
            seen[idea_id] = day


def test_alex_sees_it_on_the_appreciate_page_and_sam_her_wall(demo_couple):
    alex, sam, couple = demo_couple
    try:
        home, wall = reverse("appreciate:home"), reverse("appreciate:wall")
    except NoReverseMatch:
        pytest.skip("The Appreciate pages are not there yet.")
    response = login_client(alex).get(home)
    assert response.status_code == 200
    latest = services.notes_received(alex, couple).order_by("-created_at").first()
    assert escape(latest.did) in response.content.decode()
    response = login_client(sam).get(wall)
    assert response.status_code == 200
    kept = services.notes_received(sam, couple).filter(kept=True).first()
    assert escape(kept.did) in response.content.decode()
