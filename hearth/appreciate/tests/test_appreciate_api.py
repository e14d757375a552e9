"""Appreciate through /api/v1/appreciate, as a script (or a phone app) would use it."""

from collections import Counter
from datetime import timedelta

import pytest

from hearth.appreciate.models import (
    Effort,
    Favourite,
    Gesture,
    GestureIdea,
    JournalEntry,
    Note,
    Prompt,
    StyleRatings,
    Suggestion,
)
from hearth.appreciate.models import Style as StyleChoice
from hearth.appreciate.services import _draw
from hearth.core.choices import Cost
from hearth.tests.factories import UserFactory, couple_of, make_couple

pytestmark = pytest.mark.django_db

STYLES = list(StyleChoice.values)
IDEAS_PER_STYLE = 9
EMOJI_AND_RIGHT_TO_LEFT = [
    "You made pancakes 🥞 and hummed 🎶 all morning",
    "شكراً لأنك أعددت القهوة هذا الصباح",
    "תודה שהכנת לי קפה בבוקר ☕",
    "Merci pour la tarte aux pommes 🍎, mon cœur",
]


@pytest.fixture
def ideas(db) -> list[GestureIdea]:
    """Our own small library, 9 ideas for each of the five styles, whatever the TOML holds."""
    GestureIdea.objects.all().delete()
    costs, efforts = list(Cost.values), list(Effort.values)
    return GestureIdea.objects.bulk_create(
        GestureIdea(
            key=f"test-{style}-{n}",
            style=style,
            cost=costs[n % len(costs)],
            effort=efforts[n % len(efforts)],
            text=f"A {style} gesture, number {n}",
        )
        for style in STYLES
        for n in range(IDEAS_PER_STYLE)
    )


def put(client, path, json):
    return client.request("PUT", path, json=json)


def patch(client, path, json):
    return client.request("PATCH", path, json=json)


def send_note(client, **fields):
    payload = {
        "did": "You fixed the bike before my early ride",
        "felt": "I felt looked after",
        **fields,
    }
    return client.post("/appreciate/notes", payload)


def log_gesture(client, **fields):
    response = client.post(
        "/appreciate/gestures", {"style": "service", "text": "Ironed your shirt", **fields}
    )
    assert response.status_code == 201, response.json()
    return response.json()


def rate(client, **ratings):
    response = put(client, "/appreciate/styles/me", {**dict.fromkeys(STYLES, 4), **ratings})
    assert response.status_code == 200, response.json()
    return response.json()


def write_entry(client, text="Grateful for the long walk by the lake", **fields):
    response = client.post("/appreciate/journal", {"text": text, **fields})
    assert response.status_code == 201, response.json()
    return response.json()


# Prompts --------------------------------------------------------------------------------


def test_it_lists_the_active_prompts_step_by_step(api_for, owner, partner):
    Prompt.objects.all().delete()
    Prompt.objects.create(key="t-why", step="mattered", text="Why did it matter to you?")
    Prompt.objects.create(key="t-what", step="did", text="What exactly did they do?")
    Prompt.objects.create(key="t-feel", step="felt", text="How did it make you feel?")
    Prompt.objects.create(key="t-old", step="did", text="Retired prompt", active=False)

    response = api_for(owner).get("/appreciate/prompts")

    assert response.status_code == 200
    prompts = response.json()
    assert [prompt["key"] for prompt in prompts] == ["t-what", "t-feel", "t-why"]
    assert prompts[0]["step"] == "did"
    assert prompts[0]["step_label"] == "What they did"
    assert prompts[0]["text"] == "What exactly did they do?"


# Notes ----------------------------------------------------------------------------------


def test_it_sends_a_specific_note_that_the_partner_receives(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)

    response = send_note(me, mattered="It means you notice my mornings", kind="thanks")

    assert response.status_code == 201
    note = response.json()
    assert note["author_id"] == owner.pk
    assert note["recipient_id"] == partner.pk
    assert note["did"] == "You fixed the bike before my early ride"
    assert note["felt"] == "I felt looked after"
    assert note["mattered"] == "It means you notice my mornings"
    # Whether the recipient keeps it is theirs alone: its author sees null (no read receipts).
    assert note["reaction"] == "" and note["kept"] is None

    received = them.get("/appreciate/notes").json()
    assert [item["id"] for item in received] == [note["id"]]
    assert them.get("/appreciate/notes", data={"box": "sent"}).json() == []
    assert [item["id"] for item in me.get("/appreciate/notes?box=sent").json()] == [note["id"]]
    assert me.get("/appreciate/notes").json() == []


def test_it_lists_notes_newest_first(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)
    first = send_note(me, did="Made soup").json()
    second = send_note(me, did="Walked the dog in the rain").json()
    admiration = send_note(me, kind="admire", did="Spoke up at the meeting").json()

    received = them.get("/appreciate/notes").json()

    assert [note["id"] for note in received] == [admiration["id"], second["id"], first["id"]]
    assert received[0]["kind"] == "admire"


def test_the_partner_reacts_to_a_note_and_keeps_it(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)
    note = send_note(me).json()

    reacted = put(them, f"/appreciate/notes/{note['id']}/reaction", {"reaction": "heart"})
    assert reacted.status_code == 200
    assert reacted.json()["reaction"] == "heart"

    kept = put(them, f"/appreciate/notes/{note['id']}/kept", {"kept": True})
    assert kept.status_code == 200
    assert kept.json()["kept"] is True

    stored = Note.objects.get(pk=note["id"])
    assert (stored.reaction, stored.kept) == ("heart", True)
    # The author sees how it landed, but not that it was kept (that is the recipient's).
    sent = me.get("/appreciate/notes?box=sent").json()[0]
    assert sent["reaction"] == "heart" and sent["kept"] is None
    assert them.get("/appreciate/notes").json()[0]["kept"] is True

    taken_back = put(them, f"/appreciate/notes/{note['id']}/reaction", {"reaction": ""})
    assert taken_back.json()["reaction"] == ""
    taken_down = put(them, f"/appreciate/notes/{note['id']}/kept", {"kept": False})
    assert taken_down.json()["kept"] is False


def test_it_refuses_a_reaction_it_does_not_know(api_for, owner, partner):
    note = send_note(api_for(owner)).json()
    response = put(
        api_for(partner), f"/appreciate/notes/{note['id']}/reaction", {"reaction": "thumbs"}
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_reaction"
    assert Note.objects.get().reaction == ""


def test_only_the_recipient_reacts_to_or_keeps_a_note(api_for, owner, partner):
    me = api_for(owner)
    note = send_note(me).json()

    reaction = put(me, f"/appreciate/notes/{note['id']}/reaction", {"reaction": "heart"})
    kept = put(me, f"/appreciate/notes/{note['id']}/kept", {"kept": True})

    for response in (reaction, kept):
        assert response.status_code == 403
        assert response.json()["code"] == "not_yours"
    stored = Note.objects.get()
    assert (stored.reaction, stored.kept) == ("", False)


@pytest.mark.parametrize("felt", ["", "   \n  "])
def test_it_refuses_a_note_that_only_says_what_they_did(api_for, owner, partner, felt):
    response = api_for(owner).post("/appreciate/notes", {"did": "Thanks for dinner", "felt": felt})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "not_specific"
    assert "feel" in body["detail"]
    assert not Note.objects.exists()


def test_it_refuses_a_note_without_what_they_did(api_for, owner, partner):
    response = send_note(api_for(owner), did="  ")
    assert response.status_code == 400
    assert response.json()["code"] == "empty"
    assert not Note.objects.exists()


def test_it_refuses_a_kind_of_note_it_does_not_know(api_for, owner, partner):
    response = send_note(api_for(owner), kind="complaint")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_kind"
    assert not Note.objects.exists()


# Gestures -------------------------------------------------------------------------------


def test_it_logs_a_gesture_and_the_partner_says_they_noticed(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)
    gesture = log_gesture(me, style="service", text="Took the bins out before you woke")
    assert gesture["author_id"] == owner.pk
    assert gesture["happened_on"] == str(couple_of(owner).local_today())
    assert gesture["noticed"] is False and gesture["noticed_at"] is None

    assert [item["id"] for item in them.get("/appreciate/gestures").json()] == [gesture["id"]]

    noticed = them.post(f"/appreciate/gestures/{gesture['id']}/noticed")
    assert noticed.status_code == 200
    assert noticed.json()["noticed"] is True
    noticed_at = noticed.json()["noticed_at"]
    assert noticed_at

    again = them.post(f"/appreciate/gestures/{gesture['id']}/noticed")
    assert again.status_code == 200
    assert again.json()["noticed_at"] == noticed_at
    assert me.get("/appreciate/gestures").json()[0]["noticed"] is True


def test_the_author_cannot_notice_their_own_gesture(api_for, owner, partner):
    me = api_for(owner)
    gesture = log_gesture(me)
    response = me.post(f"/appreciate/gestures/{gesture['id']}/noticed")
    assert response.status_code == 409
    assert response.json()["code"] == "your_own"
    assert Gesture.objects.get().noticed_at is None


def test_it_lists_gestures_newest_first(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)
    today = couple_of(owner).local_today()
    older = log_gesture(me, happened_on=str(today - timedelta(days=3)))
    newest = log_gesture(them, style="touch", text="A long hug at the door")
    middle = log_gesture(me, style="gifts", text="Your favourite pear", happened_on=str(today))

    listed = me.get("/appreciate/gestures").json()

    assert [gesture["id"] for gesture in listed] == [middle["id"], newest["id"], older["id"]]


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"style": "chores"}, "invalid_style"),
        ({"happened_on": "2999-01-01"}, "invalid_day"),
        ({"text": "   "}, "empty"),
    ],
)
def test_it_refuses_a_gesture_it_cannot_log(api_for, owner, partner, fields, code):
    payload = {"style": "service", "text": "Ironed your shirt", **fields}
    response = api_for(owner).post("/appreciate/gestures", payload)
    assert response.status_code == 400
    assert response.json()["code"] == code
    assert not Gesture.objects.exists()


def test_it_shows_what_landed_for_each_of_us(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)
    first = log_gesture(me, style="service")
    log_gesture(me, style="service", text="Sorted the post")
    log_gesture(me, style="words", text="Left a note on the mirror")
    theirs = log_gesture(them, style="touch", text="Held your hand on the bus")
    them.post(f"/appreciate/gestures/{first['id']}/noticed")
    me.post(f"/appreciate/gestures/{theirs['id']}/noticed")
    # Long ago: outside the 90 days the summary looks at.
    Gesture.objects.create(
        couple=couple_of(owner),
        author=owner,
        style="service",
        text="Painted the hall",
        happened_on=couple_of(owner).local_today() - timedelta(days=120),
    )

    mine = me.get("/appreciate/gestures/landing")

    assert mine.status_code == 200
    body = mine.json()
    assert body["days"] == 90
    assert body["me"]["service"] == {"logged": 2, "noticed": 1}
    assert body["me"]["words"] == {"logged": 1, "noticed": 0}
    assert body["me"]["touch"] == {"logged": 0, "noticed": 0}
    assert body["partner"]["touch"] == {"logged": 1, "noticed": 1}
    assert set(body["me"]) == set(body["partner"]) == set(STYLES)

    from_their_side = them.get("/appreciate/gestures/landing").json()
    assert from_their_side["me"] == body["partner"]
    assert from_their_side["partner"] == body["me"]


# Appreciation styles and favourites -----------------------------------------------------


def test_it_saves_my_style_ratings_each_on_its_own_scale(api_for, owner, partner):
    me = api_for(owner)
    before = me.get("/appreciate/styles/me").json()
    assert before["ratings"] is None
    assert before["updated_at"] is None
    assert before["favourites"] == []

    # Never a forced choice: everything can mean a great deal.
    everything = rate(me, **dict.fromkeys(STYLES, 7))
    assert everything["ratings"] == dict.fromkeys(STYLES, 7)
    assert everything["updated_at"]

    changed = rate(me, touch=1, service=2, gifts=3, time=7, words=5)
    assert changed["ratings"] == {"touch": 1, "service": 2, "gifts": 3, "time": 7, "words": 5}
    assert me.get("/appreciate/styles/me").json()["ratings"] == changed["ratings"]
    assert StyleRatings.objects.get(user=owner).as_dict() == changed["ratings"]


@pytest.mark.parametrize("value", [0, 8, -3, 100])
def test_it_refuses_a_rating_outside_one_to_seven(api_for, owner, partner, value):
    me = api_for(owner)
    rate(me, time=6)
    response = put(me, "/appreciate/styles/me", {**dict.fromkeys(STYLES, 4), "gifts": value})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_rating"
    assert "1" in body["detail"] and "7" in body["detail"]
    assert StyleRatings.objects.get(user=owner).gifts == 4
    assert StyleRatings.objects.get(user=owner).time == 6


def test_it_asks_for_all_five_ratings(api_for, owner, partner):
    ratings = dict.fromkeys(STYLES, 5)
    del ratings["words"]
    response = put(api_for(owner), "/appreciate/styles/me", ratings)
    assert response.status_code == 422
    assert "words" in response.json()["detail"]
    assert not StyleRatings.objects.exists()


def test_the_partner_reads_my_styles_as_a_guide(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)
    rate(me, time=7, gifts=2)
    me.post("/appreciate/favourites", {"style": "time", "text": "A slow Sunday breakfast"})

    guide = them.get("/appreciate/styles/partner")

    assert guide.status_code == 200
    body = guide.json()
    assert body["user_id"] == owner.pk
    assert body["ratings"]["time"] == 7 and body["ratings"]["gifts"] == 2
    assert [fav["text"] for fav in body["favourites"]] == ["A slow Sunday breakfast"]
    # Read-only: nobody rates for their partner.
    assert put(them, "/appreciate/styles/partner", dict.fromkeys(STYLES, 1)).status_code == 405
    assert StyleRatings.objects.get(user=owner).time == 7
    assert them.get("/appreciate/styles/me").json()["ratings"] is None


def test_it_adds_and_removes_my_favourites(api_for, owner, partner):
    me = api_for(owner)
    added = me.post("/appreciate/favourites", {"style": "service", "text": "Coffee in bed"})
    assert added.status_code == 201
    favourite = added.json()
    assert (favourite["style"], favourite["text"]) == ("service", "Coffee in bed")
    assert me.get("/appreciate/styles/me").json()["favourites"] == [favourite]

    removed = me.delete(f"/appreciate/favourites/{favourite['id']}")
    assert removed.status_code == 204
    assert me.get("/appreciate/styles/me").json()["favourites"] == []
    assert not Favourite.objects.exists()


def test_the_partner_cannot_delete_my_favourite(api_for, owner, partner):
    favourite = (
        api_for(owner)
        .post("/appreciate/favourites", {"style": "words", "text": "Being told I did well"})
        .json()
    )
    response = api_for(partner).delete(f"/appreciate/favourites/{favourite['id']}")
    assert response.status_code == 404
    assert Favourite.objects.filter(pk=favourite["id"]).exists()


def test_it_refuses_a_favourite_of_a_kind_it_does_not_know(api_for, owner, partner):
    response = api_for(owner).post("/appreciate/favourites", {"style": "money", "text": "Cash"})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_style"
    assert not Favourite.objects.exists()


# Suggestions ----------------------------------------------------------------------------


def test_suggestions_follow_what_the_partner_rated_highly(api_for, owner, partner, ideas):
    """With the partner rating "time" 7 and the rest 1, most suggestions are for time."""
    pairs = [(owner, partner)]
    for n in range(3):
        giver = UserFactory.create(display_name=f"Giver {n}")
        receiver = UserFactory.create(display_name=f"Receiver {n}")
        make_couple(giver, receiver)
        pairs.append((giver, receiver))

    styles: Counter = Counter()
    for giver, receiver in pairs:
        rate(api_for(receiver), touch=1, service=1, gifts=1, time=7, words=1)
        today = api_for(giver).get("/appreciate/suggestions")
        assert today.status_code == 200
        styles.update(suggestion["idea"]["style"] for suggestion in today.json())
        couple = couple_of(giver)
        for days_ago in (1, 2):
            day = couple.local_today() - timedelta(days=days_ago)
            drawn = _draw(user=giver, couple=couple, day=day, count=3)
            styles.update(suggestion.idea.style for suggestion in drawn)

    assert sum(styles.values()) == len(pairs) * 3 * 3
    assert styles["time"] > sum(styles.values()) / 2, styles
    assert styles["time"] == styles.most_common(1)[0][1]


def test_todays_suggestions_stay_the_same_all_day(api_for, owner, partner, ideas):
    me = api_for(owner)
    first = me.get("/appreciate/suggestions").json()
    second = me.get("/appreciate/suggestions").json()

    assert len(first) == 3
    assert first == second
    assert Suggestion.objects.filter(user=owner).count() == 3
    assert {item["day"] for item in first} == {str(couple_of(owner).local_today())}
    idea = first[0]["idea"]
    assert set(idea) == {"id", "style", "cost", "effort", "text"}
    assert GestureIdea.objects.get(pk=idea["id"]).text == idea["text"]


def test_skipping_a_suggestion_draws_another(api_for, owner, partner, ideas):
    me = api_for(owner)
    today = me.get("/appreciate/suggestions").json()
    skipped = today[0]

    response = me.post(f"/appreciate/suggestions/{skipped['id']}/skip")

    assert response.status_code == 200
    remaining = response.json()
    ids = [item["id"] for item in remaining]
    assert len(remaining) == 3
    assert skipped["id"] not in ids
    assert {item["id"] for item in today[1:]} < set(ids)
    assert skipped["idea"]["id"] not in {item["idea"]["id"] for item in remaining}
    assert Suggestion.objects.get(pk=skipped["id"]).status == "skipped"
    assert me.get("/appreciate/suggestions").json() == remaining


def test_skipping_draws_only_a_few_more_a_day(api_for, owner, partner, ideas):
    me = api_for(owner)
    remaining = me.get("/appreciate/suggestions").json()
    for _ in range(3):
        remaining = me.post(f"/appreciate/suggestions/{remaining[0]['id']}/skip").json()
        assert len(remaining) == 3

    remaining = me.post(f"/appreciate/suggestions/{remaining[0]['id']}/skip").json()

    assert len(remaining) == 2
    assert Suggestion.objects.filter(user=owner).count() == 6


def test_doing_a_suggestion_logs_a_gesture(api_for, owner, partner, ideas):
    me, them = api_for(owner), api_for(partner)
    suggestion = me.get("/appreciate/suggestions").json()[0]

    response = me.post(f"/appreciate/suggestions/{suggestion['id']}/done")

    assert response.status_code == 201
    gesture = response.json()
    assert gesture["author_id"] == owner.pk
    assert gesture["idea_id"] == suggestion["idea"]["id"]
    assert gesture["style"] == suggestion["idea"]["style"]
    assert gesture["text"] == suggestion["idea"]["text"]
    assert Suggestion.objects.get(pk=suggestion["id"]).status == "done"
    open_now = me.get("/appreciate/suggestions").json()
    assert suggestion["id"] not in {item["id"] for item in open_now}
    assert len(open_now) == 2

    assert [item["id"] for item in them.get("/appreciate/gestures").json()] == [gesture["id"]]
    assert them.post(f"/appreciate/gestures/{gesture['id']}/noticed").status_code == 200


def test_the_partner_cannot_act_on_my_suggestions(api_for, owner, partner, ideas):
    suggestion = api_for(owner).get("/appreciate/suggestions").json()[0]
    them = api_for(partner)
    assert them.post(f"/appreciate/suggestions/{suggestion['id']}/done").status_code == 404
    assert them.post(f"/appreciate/suggestions/{suggestion['id']}/skip").status_code == 404
    assert Suggestion.objects.get(pk=suggestion["id"]).status == "open"
    assert not Gesture.objects.exists()


def test_no_idea_comes_back_to_the_same_person_within_sixty_days(api_for, owner, partner, ideas):
    couple = couple_of(owner)
    today = couple.local_today()
    by_key = {idea.key: idea for idea in ideas}
    never = [by_key["test-time-0"], by_key["test-words-0"]]
    sixty_days_ago = by_key["test-gifts-0"]
    for n, idea in enumerate(idea for idea in ideas if idea not in [*never, sixty_days_ago]):
        Suggestion.objects.create(
            couple=couple, user=owner, idea=idea, day=today - timedelta(days=1 + n % 59)
        )
    Suggestion.objects.create(
        couple=couple, user=owner, idea=sixty_days_ago, day=today - timedelta(days=60)
    )

    suggested = api_for(owner).get("/appreciate/suggestions").json()

    assert {item["idea"]["id"] for item in suggested} == {
        never[0].pk,
        never[1].pk,
        sixty_days_ago.pk,
    }
    # My partner has their own history: for them, every idea is still fresh.
    assert len(api_for(partner).get("/appreciate/suggestions").json()) == 3


def test_day_after_day_no_idea_is_suggested_twice(owner, partner, ideas):
    couple = couple_of(owner)
    first_day = couple.local_today() - timedelta(days=30)
    seen: list[int] = []
    for offset in range(12):
        drawn = _draw(user=owner, couple=couple, day=first_day + timedelta(days=offset), count=3)
        assert drawn
        seen.extend(suggestion.idea_id for suggestion in drawn)

    assert len(seen) == len(set(seen)), Counter(seen).most_common(3)


def test_with_no_ideas_there_are_no_suggestions(api_for, owner, partner):
    GestureIdea.objects.all().delete()
    response = api_for(owner).get("/appreciate/suggestions")
    assert response.status_code == 200
    assert response.json() == []


# Gratitude journal ----------------------------------------------------------------------


def test_it_keeps_my_journal_private_unless_i_share(api_for, owner, partner, ideas):
    me, them = api_for(owner), api_for(partner)
    secret = "PRIVATE-grateful-for-quiet-4f7a"
    private = write_entry(me, text=secret)
    shared = write_entry(me, text="Grateful you drove me to the station", shared=True)
    assert private["shared"] is False and private["mine"] is True

    mine = me.get("/appreciate/journal").json()
    assert {entry["id"] for entry in mine} == {private["id"], shared["id"]}
    assert all(entry["mine"] for entry in mine)

    theirs = them.get("/appreciate/journal").json()
    assert [entry["id"] for entry in theirs] == [shared["id"]]
    assert theirs[0]["mine"] is False
    assert theirs[0]["author_id"] == owner.pk

    # Nothing my partner can ask for carries my private entry.
    send_note(me)
    log_gesture(me)
    rate(me, time=7)
    for path in [
        "/appreciate/journal",
        "/appreciate/notes",
        "/appreciate/notes?box=sent",
        "/appreciate/gestures",
        "/appreciate/gestures/landing",
        "/appreciate/styles/me",
        "/appreciate/styles/partner",
        "/appreciate/suggestions",
        "/appreciate/prompts",
        "/me",
        "/couple",
    ]:
        response = them.get(path)
        assert response.status_code == 200, path
        assert secret not in response.content.decode(), path


def test_sharing_an_entry_later_shows_it_to_my_partner(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)
    entry = write_entry(me)

    shared = patch(me, f"/appreciate/journal/{entry['id']}", {"shared": True})
    assert shared.status_code == 200
    assert shared.json()["shared"] is True
    assert [item["id"] for item in them.get("/appreciate/journal").json()] == [entry["id"]]

    private_again = patch(me, f"/appreciate/journal/{entry['id']}", {"shared": False})
    assert private_again.json()["shared"] is False
    assert them.get("/appreciate/journal").json() == []


def test_the_partner_cannot_change_or_delete_my_entries(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)
    private = write_entry(me, text="Only mine")
    shared = write_entry(me, text="For both of us", shared=True)

    for entry in (private, shared):
        path = f"/appreciate/journal/{entry['id']}"
        assert patch(them, path, {"shared": not entry["shared"]}).status_code == 404
        assert them.delete(path).status_code == 404

    assert JournalEntry.objects.get(pk=private["id"]).shared is False
    assert JournalEntry.objects.get(pk=shared["id"]).shared is True


def test_i_delete_my_entry(api_for, owner, partner):
    me = api_for(owner)
    entry = write_entry(me, shared=True)
    assert me.delete(f"/appreciate/journal/{entry['id']}").status_code == 204
    assert me.get("/appreciate/journal").json() == []
    assert not JournalEntry.objects.exists()


def test_it_lists_the_journal_newest_first(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)
    today = couple_of(owner).local_today()
    last_week = write_entry(me, text="Last week", day=str(today - timedelta(days=7)))
    theirs = write_entry(them, text="Their shared one", shared=True)
    yesterday = write_entry(me, text="Yesterday", day=str(today - timedelta(days=1)))

    listed = me.get("/appreciate/journal").json()

    assert [entry["id"] for entry in listed] == [theirs["id"], yesterday["id"], last_week["id"]]
    assert [entry["mine"] for entry in listed] == [False, True, True]


@pytest.mark.parametrize(
    ("fields", "code"),
    [({"day": "2999-12-31"}, "invalid_day"), ({"text": " \n "}, "empty")],
)
def test_it_refuses_an_entry_it_cannot_keep(api_for, owner, partner, fields, code):
    response = api_for(owner).post("/appreciate/journal", {"text": "Grateful", **fields})
    assert response.status_code == 400
    assert response.json()["code"] == code
    assert not JournalEntry.objects.exists()


# Text people type -----------------------------------------------------------------------


@pytest.mark.parametrize("text", EMOJI_AND_RIGHT_TO_LEFT)
def test_it_keeps_emoji_and_right_to_left_text_exactly(api_for, owner, partner, text):
    me, them = api_for(owner), api_for(partner)

    note = send_note(me, did=text, felt=text, mattered=text)
    assert note.status_code == 201
    received = them.get("/appreciate/notes").json()[0]
    assert received["did"] == received["felt"] == received["mattered"] == text
    assert Note.objects.get().did == text

    assert log_gesture(me, text=text)["text"] == text
    assert them.get("/appreciate/gestures").json()[0]["text"] == text

    favourite = me.post("/appreciate/favourites", {"style": "gifts", "text": text})
    assert favourite.json()["text"] == text
    assert them.get("/appreciate/styles/partner").json()["favourites"][0]["text"] == text

    write_entry(me, text=text, shared=True)
    assert them.get("/appreciate/journal").json()[0]["text"] == text
    assert JournalEntry.objects.get().text == text


@pytest.mark.parametrize(
    ("path", "payload"),
    [
        ("/appreciate/notes", {"did": "Made tea\x00", "felt": "Warm"}),
        ("/appreciate/notes", {"did": "Made tea", "felt": "Warm\x07"}),
        ("/appreciate/notes", {"did": "Made tea", "mattered": "It \u202emattered"}),
        ("/appreciate/gestures", {"style": "service", "text": "Ironed\x1b shirts"}),
        ("/appreciate/gestures", {"style": "service", "text": "Two\nlines"}),
        ("/appreciate/favourites", {"style": "words", "text": "Praise\u202e"}),
        ("/appreciate/journal", {"text": "Grateful\x00"}),
        ("/appreciate/journal", {"text": "Grateful \u2066for\u2069 you"}),
    ],
)
def test_it_refuses_control_characters(api_for, owner, partner, path, payload):
    response = api_for(owner).post(path, payload)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_text"
    assert "control character" in response.json()["detail"]
    assert not Note.objects.exists()
    assert not Gesture.objects.exists()
    assert not Favourite.objects.exists()
    assert not JournalEntry.objects.exists()


@pytest.mark.parametrize(
    ("path", "field", "limit", "others"),
    [
        ("/appreciate/notes", "did", 1000, {"felt": "Glad"}),
        ("/appreciate/notes", "felt", 1000, {"did": "Cooked"}),
        ("/appreciate/notes", "mattered", 1000, {"did": "Cooked"}),
        ("/appreciate/gestures", "text", 300, {"style": "time"}),
        ("/appreciate/favourites", "text", 200, {"style": "time"}),
        ("/appreciate/journal", "text", 2000, {}),
    ],
)
def test_it_refuses_overlong_text(api_for, owner, partner, path, field, limit, others):
    me = api_for(owner)

    a_little_too_long = me.post(path, {**others, field: "a" * (limit + 1)})
    assert a_little_too_long.status_code == 400
    assert a_little_too_long.json()["code"] == "invalid_text"
    assert str(limit) in a_little_too_long.json()["detail"]

    far_too_long = me.post(path, {**others, field: "a" * (limit * 2 + 1)})
    assert far_too_long.status_code == 422
    assert field in far_too_long.json()["detail"]

    just_right = me.post(path, {**others, field: "a" * limit})
    assert just_right.status_code == 201


@pytest.mark.parametrize(
    ("method", "path", "payload", "field"),
    [
        ("POST", "/appreciate/notes", {"did": 42, "felt": "Glad"}, "did"),
        ("POST", "/appreciate/notes", {"did": "Cooked", "felt": ["Glad"]}, "felt"),
        ("POST", "/appreciate/gestures", {"style": "time", "text": None}, "text"),
        (
            "POST",
            "/appreciate/gestures",
            {"style": "time", "text": "Walk", "happened_on": "soon"},
            "happened_on",
        ),
        ("PUT", "/appreciate/styles/me", {**dict.fromkeys(STYLES, 4), "time": "7"}, "time"),
        ("PUT", "/appreciate/styles/me", {**dict.fromkeys(STYLES, 4), "touch": 5.5}, "touch"),
        ("PUT", "/appreciate/styles/me", {**dict.fromkeys(STYLES, 4), "words": True}, "words"),
        ("POST", "/appreciate/favourites", {"style": 3, "text": "Tea"}, "style"),
        ("POST", "/appreciate/journal", {"text": "Grateful", "shared": "maybe"}, "shared"),
        ("POST", "/appreciate/journal", {"text": "Grateful", "day": "someday"}, "day"),
    ],
)
def test_it_answers_wrong_types_with_a_clear_422(
    api_for, owner, partner, method, path, payload, field
):
    response = api_for(owner).request(method, path, json=payload)
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid"
    assert field in body["detail"]
    assert not StyleRatings.objects.exists()
    assert not JournalEntry.objects.exists()


def test_it_answers_wrong_types_for_reactions_and_keeping_with_422(api_for, owner, partner):
    note = send_note(api_for(owner)).json()
    them = api_for(partner)
    assert put(them, f"/appreciate/notes/{note['id']}/kept", {"kept": "yes"}).status_code == 422
    assert put(them, f"/appreciate/notes/{note['id']}/reaction", {"reaction": 1}).status_code == 422
    assert patch(them, "/appreciate/journal/1", {"shared": "please"}).status_code == 422
    assert them.get("/appreciate/notes", data={"box": "archive"}).status_code == 422
    stored = Note.objects.get()
    assert (stored.reaction, stored.kept) == ("", False)


# Who may see what -----------------------------------------------------------------------


def test_someone_from_another_couple_gets_404_for_our_things(
    api_for, owner, partner, outsider, ideas
):
    me, them, stranger = api_for(owner), api_for(partner), api_for(outsider)
    note = send_note(me).json()
    gesture = log_gesture(me)
    suggestion = me.get("/appreciate/suggestions").json()[0]
    entry = write_entry(me, shared=True)
    favourite = me.post("/appreciate/favourites", {"style": "time", "text": "Long walks"}).json()
    their_gesture = log_gesture(them, style="touch", text="A back rub")

    for method, path, payload in [
        ("PUT", f"/appreciate/notes/{note['id']}/reaction", {"reaction": "heart"}),
        ("PUT", f"/appreciate/notes/{note['id']}/kept", {"kept": True}),
        ("POST", f"/appreciate/gestures/{gesture['id']}/noticed", {}),
        ("POST", f"/appreciate/gestures/{their_gesture['id']}/noticed", {}),
        ("POST", f"/appreciate/suggestions/{suggestion['id']}/done", {}),
        ("POST", f"/appreciate/suggestions/{suggestion['id']}/skip", {}),
        ("PATCH", f"/appreciate/journal/{entry['id']}", {"shared": False}),
        ("DELETE", f"/appreciate/journal/{entry['id']}", None),
        ("DELETE", f"/appreciate/favourites/{favourite['id']}", None),
    ]:
        response = stranger.request(method, path, json=payload)
        assert response.status_code == 404, (method, path)

    assert stranger.get("/appreciate/notes").json() == []
    assert stranger.get("/appreciate/notes?box=sent").json() == []
    assert stranger.get("/appreciate/gestures").json() == []
    assert stranger.get("/appreciate/journal").json() == []
    stranger_ideas = {item["id"] for item in stranger.get("/appreciate/suggestions").json()}
    assert suggestion["id"] not in stranger_ideas
    assert stranger.get("/appreciate/styles/partner").json()["user_id"] != owner.pk

    stored = Note.objects.get(pk=note["id"])
    assert (stored.reaction, stored.kept) == ("", False)
    assert Gesture.objects.filter(noticed_at__isnull=False).count() == 0
    assert Suggestion.objects.get(pk=suggestion["id"]).status == "open"
    assert JournalEntry.objects.get(pk=entry["id"]).shared is True
    assert Favourite.objects.filter(pk=favourite["id"]).exists()


@pytest.mark.parametrize(
    ("method", "path", "payload"),
    [
        ("GET", "/appreciate/notes", None),
        ("POST", "/appreciate/notes", {"did": "Cooked", "felt": "Glad"}),
        ("GET", "/appreciate/gestures", None),
        ("POST", "/appreciate/gestures", {"style": "time", "text": "A walk"}),
        ("GET", "/appreciate/gestures/landing", None),
        ("GET", "/appreciate/styles/partner", None),
        ("GET", "/appreciate/suggestions", None),
        ("GET", "/appreciate/journal", None),
        ("POST", "/appreciate/journal", {"text": "Grateful"}),
    ],
)
def test_someone_without_a_partner_is_asked_to_pair_first(
    api_for, loner, ideas, method, path, payload
):
    response = api_for(loner).request(method, path, json=payload)
    assert response.status_code == 409
    assert response.json()["code"] == "not_paired"
    assert not Note.objects.exists()
    assert not Gesture.objects.exists()
    assert not Suggestion.objects.exists()
    assert not JournalEntry.objects.exists()


def test_someone_without_a_partner_can_still_say_what_they_like(api_for, loner):
    me = api_for(loner)
    assert rate(me, words=7)["ratings"]["words"] == 7
    added = me.post("/appreciate/favourites", {"style": "words", "text": "A kind text"})
    assert added.status_code == 201
    assert me.get("/appreciate/styles/me").json()["favourites"][0]["text"] == "A kind text"


def test_it_asks_for_a_token(api_for):
    response = api_for(None).get("/appreciate/notes")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"
