"""Appreciate's pages as the two partners use them."""

from collections import Counter
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.appreciate.models import (
    Favourite,
    Gesture,
    GestureIdea,
    JournalEntry,
    Note,
    StyleRatings,
    Suggestion,
)
from hearth.appreciate.services import _draw, journal_write, note_send, style_ratings_save
from hearth.conftest_helpers import login_client
from hearth.core.registry import content_libraries
from hearth.tests.factories import couple_of

pytestmark = pytest.mark.django_db

PRIVATE = "Private gratitude: the quiet of the early train"
SHARED = "Shared gratitude: your laugh at breakfast"


@pytest.fixture
def library():
    content_libraries()["appreciation_prompts"].load()
    content_libraries()["gesture_ideas"].load()


def send(owner, **parts):
    return note_send(user=owner, couple=couple_of(owner), **parts)


def test_a_specific_note_reaches_the_partner_who_reacts_and_keeps_it(owner, partner, library):
    me, them = login_client(owner), login_client(partner)
    page = me.get("/appreciate/")
    assert 'class="coach-feedback"' in page.content.decode()  # the coach is in the box
    response = me.post(
        "/appreciate/",
        {
            "kind": "thanks",
            "did": "You fixed the squeaky door before my parents came 🚪",
            "felt": "I felt looked after, like you had my back.",
        },
    )
    assert response.status_code == 302
    note = Note.objects.get()
    assert (note.author, note.recipient) == (owner, partner)
    wall = them.get("/appreciate/wall/").content.decode()
    assert "squeaky door" in wall and "Keep it for hard days" in wall
    them.post(f"/appreciate/notes/{note.pk}/react/", {"reaction": "moved"})
    them.post(f"/appreciate/notes/{note.pk}/keep/", {"kept": "1"})
    note.refresh_from_db()
    assert (note.reaction, note.kept) == ("moved", True)
    assert "reacted 🥹" in me.get("/appreciate/sent/").content.decode()


def test_thanks_without_what_it_meant_is_sent_back_to_finish(owner, partner):
    response = login_client(owner).post("/appreciate/", {"kind": "thanks", "did": "Dishes."})
    assert response.status_code == 400
    assert "how it made you feel or why it mattered" in response.content.decode()
    assert not Note.objects.exists()


@pytest.mark.parametrize(
    ("did", "message"),
    [("", "This field is required"), ("Bad\x1bescape", "control character"), ("x" * 1001, "")],
)
def test_bad_notes_are_refused_with_a_message(owner, partner, did, message):
    response = login_client(owner).post(
        "/appreciate/", {"kind": "thanks", "did": did, "felt": "Warm."}
    )
    assert response.status_code == 400 and message in response.content.decode()
    assert not Note.objects.exists()


def test_only_the_recipient_reacts_and_the_wall_keeps_kept_notes_first(owner, partner):
    first = send(owner, did="You walked the dog in the rain.", felt="Grateful.")
    second = send(owner, did="You called my sister.", mattered="She needed it.")
    login_client(owner).post(f"/appreciate/notes/{first.pk}/react/", {"reaction": "heart"})
    first.refresh_from_db()
    assert first.reaction == ""
    login_client(partner).post(f"/appreciate/notes/{first.pk}/keep/", {"kept": "1"})
    wall = login_client(partner).get("/appreciate/wall/")
    assert [note.pk for note in wall.context["page"]] == [first.pk, second.pk]


def test_gestures_are_noticed_by_the_partner_and_show_what_lands(owner, partner):
    me, them = login_client(owner), login_client(partner)
    me.post(
        "/appreciate/gestures/",
        {"style": "service", "text": "Packed your lunch", "happened_on": timezone.localdate()},
    )
    me.post(
        "/appreciate/gestures/",
        {"style": "gifts", "text": "A postcard", "happened_on": timezone.localdate()},
    )
    lunch = Gesture.objects.get(text="Packed your lunch")
    me.post(f"/appreciate/gestures/{lunch.pk}/noticed/")  # not mine to notice
    assert Gesture.objects.get(pk=lunch.pk).noticed_at is None
    them.post(f"/appreciate/gestures/{lunch.pk}/noticed/")
    assert Gesture.objects.get(pk=lunch.pk).noticed_at is not None
    rows = me.get("/appreciate/gestures/").context["mine_landing"]
    assert rows[0] == {"label": "Help and acts of service", "logged": 1, "noticed": 1}
    assert rows[1]["noticed"] == 0


def test_a_gesture_in_the_future_is_refused(owner, partner):
    response = login_client(owner).post(
        "/appreciate/gestures/",
        {"style": "time", "text": "Later", "happened_on": timezone.localdate() + timedelta(2)},
    )
    assert response.status_code == 400 and not Gesture.objects.exists()


def test_styles_are_separate_scales_and_the_partner_reads_them_as_a_guide(owner, partner):
    me = login_client(owner)
    every_seven = {style: 7 for style in ("touch", "service", "gifts", "time", "words")}
    assert me.post("/appreciate/styles/", every_seven).status_code == 302
    assert StyleRatings.objects.get(user=owner).as_dict() == every_seven
    assert me.post("/appreciate/styles/", {**every_seven, "gifts": 9}).status_code == 400
    me.post("/appreciate/styles/favourites/", {"style": "time", "text": "Sunday crosswords"})
    guide = login_client(partner).get("/appreciate/styles/").content.decode()
    assert "A guide to Olive" in guide and "Sunday crosswords" in guide
    assert "Means the world (7 of 7)" in guide
    # Never a comparison between the two of them.
    assert "match" not in guide.lower()


def test_favourites_are_removed_only_by_their_owner(owner, partner):
    login_client(owner).post("/appreciate/styles/favourites/", {"style": "words", "text": "Notes"})
    favourite = Favourite.objects.get()
    assert (
        login_client(partner).post(f"/appreciate/styles/favourites/{favourite.pk}/remove/")
    ).status_code == 404
    login_client(owner).post(f"/appreciate/styles/favourites/{favourite.pk}/remove/")
    assert not Favourite.objects.exists()


def test_suggestions_follow_the_partners_ratings_and_do_not_repeat(owner, partner, library):
    style_ratings_save(
        user=partner, ratings={"touch": 1, "service": 1, "gifts": 1, "time": 7, "words": 1}
    )
    client = login_client(owner)
    styles: Counter = Counter()
    seen: list[int] = []
    couple = couple_of(owner)
    for days_ago in range(20, -1, -1):
        day = timezone.localdate() - timedelta(days=days_ago)
        for suggestion in _draw(user=owner, couple=couple, day=day, count=3):
            styles[suggestion.idea.style] += 1
            seen.append(suggestion.idea_id)
    assert len(seen) == len(set(seen))  # nothing came back within the 60 days
    assert styles["time"] > sum(styles.values()) / 3
    today = client.get("/appreciate/").context["suggestions"]
    assert today == client.get("/appreciate/").context["suggestions"]  # stable for the day
    done = today[0]
    client.post(f"/appreciate/suggestions/{done.pk}/done/")
    assert Gesture.objects.get(idea=done.idea).author == owner
    skipped = today[1]
    client.post(f"/appreciate/suggestions/{skipped.pk}/skip/")
    after = client.get("/appreciate/").context["suggestions"]
    assert skipped not in after and done not in after and len(after) == 2
    assert Suggestion.objects.filter(user=owner, day=timezone.localdate()).count() == 4


def test_a_private_journal_entry_never_reaches_the_partner(owner, partner, library):
    couple = couple_of(owner)
    private = journal_write(user=owner, couple=couple, text=PRIVATE)
    journal_write(user=owner, couple=couple, text=SHARED, shared=True)
    them = login_client(partner)
    for page in (
        "/",
        "/appreciate/",
        "/appreciate/journal/",
        "/appreciate/wall/",
        "/appreciate/gestures/",
        "/appreciate/styles/",
        "/appreciate/sent/",
    ):
        body = them.get(page).content.decode()
        assert PRIVATE not in body, page
    assert SHARED in them.get("/appreciate/journal/").content.decode()
    assert them.post(f"/appreciate/journal/{private.pk}/share/", {"shared": "1"}).status_code == 404
    assert them.post(f"/appreciate/journal/{private.pk}/delete/").status_code == 404
    assert JournalEntry.objects.get(pk=private.pk).shared is False
    mine = login_client(owner).get("/appreciate/journal/").content.decode()
    assert PRIVATE in mine and "You · private" in mine


def test_appreciate_pages_do_not_grow_with_history(owner, partner, library):
    couple = couple_of(owner)

    def add(count):
        for n in range(count):
            note = send(owner, did=f"Thing {n}", felt="Warm")
            send(partner, did=f"Back {n}", mattered="Because")
            Note.objects.filter(pk=note.pk).update(kept=n % 2 == 0, reaction="heart")
            Gesture.objects.create(
                couple=couple,
                author=owner,
                style="time",
                text=f"Walk {n}",
                happened_on=timezone.localdate(),
            )
            journal_write(user=owner, couple=couple, text=f"Line {n}", shared=n % 3 == 0)

    def counts(client):
        found = {}
        for page in (
            "/appreciate/",
            "/appreciate/wall/",
            "/appreciate/sent/",
            "/appreciate/gestures/",
            "/appreciate/styles/",
            "/appreciate/journal/",
        ):
            with CaptureQueriesContext(connection) as captured:
                assert client.get(page).status_code == 200
            found[page] = len(captured)
        return found

    client = login_client(owner)
    add(3)
    client.get("/appreciate/")  # today's suggestions are drawn on the first visit
    small = counts(client)
    add(40)
    assert counts(client) == small
    assert GestureIdea.objects.exists()
