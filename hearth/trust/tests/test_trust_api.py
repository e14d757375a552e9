"""Trust through /api/v1/trust, as a script (or a phone app) would use it."""

import threading
from datetime import date, timedelta

import pytest
from django.db import close_old_connections, connection

from hearth.api.urls_v1 import api
from hearth.tests.factories import couple_of
from hearth.trust.guides import guide
from hearth.trust.models import (
    Apology,
    Promise,
    Round,
    Share,
    ShareResponse,
    ValidatingResponse,
    VulnerabilityPrompt,
)

pytestmark = pytest.mark.django_db

EMOJI_AND_RIGHT_TO_LEFT = [
    "I'll cook your favourite curry 🍛 on Sunday 💛",
    "سأتصل بوالدتك يوم الجمعة",
    "אני אזמין לנו שולחן לארוחת ערב 🍷",
    "Je t'emmène voir la mer 🌊, promis",
]
RELIABILITY_FIELDS = {"kept_on_time", "renegotiated", "due", "share", "words"}


@pytest.fixture
def library(db) -> dict:
    """Our own small prompts and starters, whatever the TOML files hold."""
    prompts = {
        key: VulnerabilityPrompt.objects.create(
            key=key, set=key.split("-")[0], topic=topic, text=f"Prompt {key}: what would you say?"
        )
        for key, topic in [
            ("first-1", "fears"),
            ("first-2", "hopes"),
            ("first-3", "insecurities"),
            ("first-4", "formative"),
            ("deeper-1", "fears"),
            ("deepest-1", "formative"),
            ("pool-1", "hopes"),
        ]
    }
    VulnerabilityPrompt.objects.create(
        key="first-0-retired", set="first", topic="fears", text="Retired", active=False
    )
    starters = {
        "hear": ValidatingResponse.objects.create(
            key="hear", kind="understand", text="What I'm hearing is…"
        ),
        "sense": ValidatingResponse.objects.create(
            key="sense", kind="validate", text="It makes sense that you feel…"
        ),
    }
    return {"prompts": prompts, "starters": starters}


def in_days(user, days: int) -> str:
    """A day relative to the couple's own today, as ISO text."""
    return (couple_of(user).local_today() + timedelta(days=days)).isoformat()


def make_promise(client, text="I'll book the weekend away", **fields):
    response = client.post("/trust/promises", {"text": text, **fields})
    assert response.status_code == 201, response.json()
    return response.json()


def move_due_date(promise_id: int, due_on: date) -> None:
    """Time passes: the promise's day is now `due_on` (which may be in the past)."""
    Promise.objects.filter(pk=promise_id).update(due_on=due_on)


def start_round(client, prompt: VulnerabilityPrompt):
    response = client.post("/trust/rounds", {"prompt_id": prompt.pk})
    assert response.status_code == 201, response.json()
    return response.json()


def act(client, round_id: int, what: str, **payload):
    return client.post(f"/trust/rounds/{round_id}/{what}", payload)


def complete_round(starter, listener, prompt: VulnerabilityPrompt) -> dict:
    round_ = start_round(starter, prompt)
    for client, what in [
        (starter, "shares"),
        (listener, "responses"),
        (listener, "shares"),
        (starter, "responses"),
    ]:
        response = act(client, round_["id"], what, text="Thank you for telling me.")
        assert response.status_code == 201, response.json()
    return response.json()


def answer(client, apology_id: int, reply: str, note: str = ""):
    return client.post(f"/trust/apologies/{apology_id}/answer", {"answer": reply, "note": note})


def apologise(client, **fields):
    payload = {
        "what_happened": "I was late to your concert and missed your solo.",
        "effect": "You looked for me and felt alone up there.",
        "do_differently": "Leave work early on the days that matter to you",
        **fields,
    }
    return client.post("/trust/apologies", payload)


# Promises -------------------------------------------------------------------------------


def test_it_makes_a_promise_my_partner_sees(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)

    promise = make_promise(me, due_on=in_days(owner, 5))

    assert promise["author_id"] == owner.pk
    assert promise["text"] == "I'll book the weekend away"
    assert promise["due_on"] == in_days(owner, 5)
    assert (promise["status"], promise["outcome"]) == ("open", "open")
    assert promise["kept_on"] is None and promise["confirmed"] is False
    assert promise["replaces_id"] is None and promise["replaced_by_id"] is None
    assert them.get("/trust/promises").json() == [promise]
    assert them.get(f"/trust/promises/{promise['id']}").json() == promise


def test_it_renegotiates_a_promise_before_its_due_date(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)
    old = make_promise(me, due_on=in_days(owner, 2))

    response = me.post(
        f"/trust/promises/{old['id']}/renegotiate",
        {"text": "I'll book the weekend away, for next month", "due_on": in_days(owner, 9)},
    )

    assert response.status_code == 201, response.json()
    new = response.json()
    assert new["id"] != old["id"]
    assert new["text"] == "I'll book the weekend away, for next month"
    assert new["due_on"] == in_days(owner, 9)
    assert (new["status"], new["replaces_id"]) == ("open", old["id"])
    ended = them.get(f"/trust/promises/{old['id']}").json()
    assert (ended["status"], ended["outcome"]) == ("renegotiated", "renegotiated")
    assert ended["replaced_by_id"] == new["id"]
    assert [p["id"] for p in them.get("/trust/promises").json()] == [new["id"], old["id"]]


def test_renegotiating_only_the_day_keeps_the_words(api_for, owner, partner):
    me = api_for(owner)
    old = make_promise(me, due_on=in_days(owner, 1))

    new = me.post(f"/trust/promises/{old['id']}/renegotiate", {"due_on": in_days(owner, 3)})

    assert new.status_code == 201
    assert (new.json()["text"], new.json()["due_on"]) == (old["text"], in_days(owner, 3))


def test_it_asks_for_a_change_when_renegotiating(api_for, owner, partner):
    me = api_for(owner)
    old = make_promise(me, due_on=in_days(owner, 1))

    response = me.post(f"/trust/promises/{old['id']}/renegotiate", {"text": old["text"]})

    assert response.status_code == 400
    assert response.json()["code"] == "unchanged"
    assert Promise.objects.get().status == "open"


def test_a_promise_is_kept_and_confirmed_by_my_partner(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)
    promise = make_promise(me, due_on=in_days(owner, 3))
    early = them.post(f"/trust/promises/{promise['id']}/confirm")
    assert early.status_code == 409
    assert early.json()["code"] == "not_kept"

    kept = me.post(f"/trust/promises/{promise['id']}/kept")

    assert kept.status_code == 200
    assert kept.json()["outcome"] == "kept"
    assert kept.json()["kept_on"] == in_days(owner, 0)
    assert kept.json()["confirmed"] is False
    own = me.post(f"/trust/promises/{promise['id']}/confirm")
    assert own.status_code == 409
    assert own.json()["code"] == "your_own"
    confirmed = them.post(f"/trust/promises/{promise['id']}/confirm")
    assert confirmed.status_code == 200
    assert confirmed.json()["confirmed"] is True
    assert Promise.objects.get().confirmed_at is not None


def test_when_my_partner_marks_it_kept_that_is_the_confirmation(api_for, owner, partner):
    promise = make_promise(api_for(owner))

    kept = api_for(partner).post(f"/trust/promises/{promise['id']}/kept")

    assert kept.status_code == 200
    assert (kept.json()["status"], kept.json()["confirmed"]) == ("kept", True)


def test_an_ended_promise_cannot_be_kept_or_changed_again(api_for, owner, partner):
    me = api_for(owner)
    promise = make_promise(me, due_on=in_days(owner, 2))
    me.post(f"/trust/promises/{promise['id']}/kept")

    again = me.post(f"/trust/promises/{promise['id']}/kept")
    changed = me.post(f"/trust/promises/{promise['id']}/renegotiate", {"text": "Something else"})

    for response in (again, changed):
        assert response.status_code == 409
        assert response.json()["code"] == "not_open"
    assert Promise.objects.count() == 1


def test_my_partner_cannot_renegotiate_my_promise(api_for, owner, partner):
    promise = make_promise(api_for(owner), due_on=in_days(owner, 2))

    response = api_for(partner).post(
        f"/trust/promises/{promise['id']}/renegotiate", {"due_on": in_days(owner, 30)}
    )

    assert response.status_code == 403
    assert response.json()["code"] == "not_yours"
    stored = Promise.objects.get()
    assert (stored.status, stored.due_on.isoformat()) == ("open", in_days(owner, 2))


def test_a_promise_past_its_day_is_missed_but_can_still_be_kept(api_for, owner, partner):
    me = api_for(owner)
    promise = make_promise(me, due_on=in_days(owner, 1))
    move_due_date(promise["id"], couple_of(owner).local_today() - timedelta(days=1))

    assert me.get(f"/trust/promises/{promise['id']}").json()["outcome"] == "missed"
    late = me.post(f"/trust/promises/{promise['id']}/renegotiate", {"text": "Next week then"})
    assert late.status_code == 409
    assert late.json()["code"] == "past_due"
    kept = me.post(f"/trust/promises/{promise['id']}/kept")
    assert kept.json()["outcome"] == "kept"


def test_it_lists_open_promises_soonest_first_then_ended_ones_newest_first(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)
    later = make_promise(me, text="Later", due_on=in_days(owner, 9))
    undated = make_promise(them, text="Someday")
    sooner = make_promise(me, text="Sooner", due_on=in_days(owner, 1))
    kept_first = make_promise(them, text="Kept first")
    kept_last = make_promise(me, text="Kept last")
    them.post(f"/trust/promises/{kept_first['id']}/kept")
    me.post(f"/trust/promises/{kept_last['id']}/kept")

    listed = [p["id"] for p in me.get("/trust/promises").json()]

    assert listed == [sooner["id"], later["id"], undated["id"], kept_last["id"], kept_first["id"]]


# Reliability ----------------------------------------------------------------------------


def test_it_counts_my_reliability_kept_on_time_renegotiated_and_missed(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)
    today = couple_of(owner).local_today()
    words = guide("reliability")
    assert me.get("/trust/reliability").json() == {
        "kept_on_time": 0,
        "renegotiated": 0,
        "due": 0,
        "share": None,
        "words": words["empty"],
    }
    on_time = make_promise(me, text="On time", due_on=in_days(owner, 2))
    me.post(f"/trust/promises/{on_time['id']}/kept")
    changed = make_promise(me, text="Changed", due_on=in_days(owner, 2))
    me.post(f"/trust/promises/{changed['id']}/renegotiate", {"due_on": in_days(owner, 20)})
    missed = make_promise(me, text="Missed", due_on=in_days(owner, 2))
    move_due_date(missed["id"], today - timedelta(days=3))
    late = make_promise(me, text="Kept late", due_on=in_days(owner, 2))
    move_due_date(late["id"], today - timedelta(days=2))
    them.post(f"/trust/promises/{late['id']}/kept")
    make_promise(me, text="Not due yet", due_on=in_days(owner, 4))
    partners = make_promise(them, text="Partner's, kept")
    them.post(f"/trust/promises/{partners['id']}/kept")

    mine = me.get("/trust/reliability").json()
    theirs = them.get("/trust/reliability").json()

    # Kept on time and renegotiated both keep faith; missed and kept late do not.
    assert mine == {
        "kept_on_time": 1,
        "renegotiated": 1,
        "due": 4,
        "share": 0.5,
        "words": words["words"][1],
    }
    assert theirs == {
        "kept_on_time": 1,
        "renegotiated": 0,
        "due": 1,
        "share": 1.0,
        "words": words["words"][4],
    }


def _keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in _keys(item)}
    if isinstance(value, list):
        return {key for item in value for key in _keys(item)}
    return set()


def test_no_response_ever_shows_my_partners_reliability(api_for, owner, partner, library):
    me, them = api_for(owner), api_for(partner)
    theirs = make_promise(them, text="Partner's", due_on=in_days(owner, 1))
    move_due_date(theirs["id"], couple_of(owner).local_today() - timedelta(days=5))
    mine = make_promise(me, text="Mine")
    me.post(f"/trust/promises/{mine['id']}/kept")
    apologise(me, as_promise=True)
    start_round(me, library["prompts"]["first-1"])
    round_id = Round.objects.get().pk

    # /reliability takes no one's id: asking about the partner still answers about me.
    for path in ["/trust/reliability", f"/trust/reliability?user_id={partner.pk}"]:
        assert me.get(path).json()["share"] == 1.0
        assert them.get(path).json()["share"] == 0.0
    schema = api.get_openapi_schema()
    reliability = schema["paths"]["/api/v1/trust/reliability"]["get"]
    assert not reliability.get("parameters")
    # No other answer carries reliability figures at all.
    for path in [
        "/trust/promises",
        f"/trust/promises/{mine['id']}",
        f"/trust/promises/{theirs['id']}",
        "/trust/apologies",
        "/trust/rounds",
        f"/trust/rounds/{round_id}",
        "/trust/sets",
        "/trust/prompts",
    ]:
        for client in (me, them):
            response = client.get(path)
            assert response.status_code == 200, path
            assert not _keys(response.json()) & RELIABILITY_FIELDS, path


@pytest.mark.django_db(transaction=True)
def test_two_partners_at_once_one_renegotiates_as_the_other_marks_it_kept(api_for, owner, partner):
    """Exactly one wins; the other is told it just changed, and nothing is lost."""
    me, them = api_for(owner), api_for(partner)
    promise = make_promise(me, due_on=in_days(owner, 3))
    barrier = threading.Barrier(2)
    answers: dict[str, tuple[int, dict]] = {}

    def call(name, client, path, payload):
        close_old_connections()
        barrier.wait()
        try:
            response = client.post(path, payload)
            answers[name] = (response.status_code, response.json())
        finally:
            connection.close()

    threads = [
        threading.Thread(
            target=call,
            args=(
                "renegotiate",
                me,
                f"/trust/promises/{promise['id']}/renegotiate",
                {"due_on": in_days(owner, 10)},
            ),
        ),
        threading.Thread(
            target=call, args=("kept", them, f"/trust/promises/{promise['id']}/kept", {})
        ),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    statuses = {name: status for name, (status, _) in answers.items()}
    assert statuses in ({"renegotiate": 201, "kept": 409}, {"renegotiate": 409, "kept": 200})
    loser = next(body for status, body in answers.values() if status == 409)
    assert loser["code"] == "not_open"
    old = Promise.objects.get(pk=promise["id"])
    if statuses["kept"] == 200:
        assert (old.status, old.confirmed_at is not None) == ("kept", True)
        assert Promise.objects.count() == 1
    else:
        assert old.status == "renegotiated"
        new = Promise.objects.get(replaces=old)
        assert (new.status, new.due_on.isoformat()) == ("open", in_days(owner, 10))
        assert Promise.objects.count() == 2


# Vulnerability --------------------------------------------------------------------------


def test_it_lists_the_prompts_of_a_set_and_whether_they_are_open_to_us(
    api_for, owner, partner, library
):
    me = api_for(owner)

    first = me.get("/trust/prompts", data={"set": "first"}).json()
    deeper = me.get("/trust/prompts?set=deeper").json()

    assert [p["key"] for p in first] == ["first-1", "first-2", "first-3", "first-4"]
    assert all(p["unlocked"] for p in first)
    assert (
        first[0]["topic"] == "fears" and first[0]["text"] == "Prompt first-1: what would you say?"
    )
    assert [(p["key"], p["unlocked"]) for p in deeper] == [("deeper-1", False)]
    pool = me.get("/trust/prompts?set=pool").json()
    assert [(p["key"], p["unlocked"]) for p in pool] == [("pool-1", True)]
    assert len(me.get("/trust/prompts").json()) == 7
    assert me.get("/trust/prompts?set=bottomless").status_code == 422


def test_it_lists_the_validating_starters(api_for, owner, partner, library):
    starters = api_for(owner).get("/trust/starters").json()
    assert starters == [
        {
            "id": library["starters"]["hear"].pk,
            "kind": "understand",
            "text": "What I'm hearing is…",
        },
        {
            "id": library["starters"]["sense"].pk,
            "kind": "validate",
            "text": "It makes sense that you feel…",
        },
    ]


def test_a_full_reciprocal_round_takes_turns(api_for, owner, partner, library):
    me, them = api_for(owner), api_for(partner)
    starter = library["starters"]["sense"]

    started = start_round(me, library["prompts"]["first-1"])
    round_id = started["id"]
    assert started["prompt"] == {
        "id": library["prompts"]["first-1"].pk,
        "set": "first",
        "topic": "fears",
        "text": "Prompt first-1: what would you say?",
    }
    assert (started["started_by_id"], started["step"], started["open"]) == (owner.pk, 1, True)
    assert (started["my_turn"], started["action"], started["shares"]) == (True, "share", [])
    waiting = them.get(f"/trust/rounds/{round_id}").json()
    assert (waiting["my_turn"], waiting["action"]) == (False, "")

    wrong = act(them, round_id, "shares", text="Me first?")
    assert wrong.status_code == 409
    assert wrong.json()["code"] == "not_your_turn"

    shared = act(me, round_id, "shares", text="I'm afraid of letting you down.")
    assert shared.status_code == 201
    assert (shared.json()["step"], shared.json()["my_turn"]) == (2, False)
    assert act(me, round_id, "responses", text="Me again").status_code == 409
    listening = them.get(f"/trust/rounds/{round_id}").json()
    assert (listening["my_turn"], listening["action"]) == (True, "respond")
    assert listening["shares"][0]["text"] == "I'm afraid of letting you down."
    assert listening["shares"][0]["response"] is None

    responded = act(
        them, round_id, "responses", text="It makes sense, and you never do.", starter_id=starter.pk
    )
    assert responded.status_code == 201
    assert (responded.json()["step"], responded.json()["action"]) == (3, "share")
    assert act(me, round_id, "shares", text="Twice?").status_code == 409

    swapped = act(them, round_id, "shares", text="I worry I'm too quiet for you.")
    assert (swapped.status_code, swapped.json()["step"]) == (201, 4)
    assert me.get(f"/trust/rounds/{round_id}").json()["action"] == "respond"

    done = act(me, round_id, "responses", text="I love your quiet.")
    assert done.status_code == 201
    final = done.json()
    assert (final["step"], final["my_turn"], final["action"], final["open"]) == (
        5,
        False,
        "",
        False,
    )
    assert final["completed_at"] is not None and final["closed_at"] is None
    assert [(s["author_id"], s["response"]["author_id"]) for s in final["shares"]] == [
        (owner.pk, partner.pk),
        (partner.pk, owner.pk),
    ]
    assert final["shares"][0]["response"]["starter_id"] == starter.pk
    assert final["shares"][1]["response"]["starter_id"] is None
    assert them.get("/trust/rounds").json() == [them.get(f"/trust/rounds/{round_id}").json()]
    assert Round.objects.get().completed_at is not None


def test_a_withdrawn_share_disappears_with_its_response_and_the_round_closes(
    api_for, owner, partner, library
):
    me, them = api_for(owner), api_for(partner)
    round_id = start_round(me, library["prompts"]["first-1"])["id"]
    act(me, round_id, "shares", text="Something tender")
    act(them, round_id, "responses", text="Thank you for telling me")
    share = Share.objects.get()
    assert them.delete(f"/trust/shares/{share.pk}").status_code == 404

    withdrawn = me.delete(f"/trust/shares/{share.pk}")

    assert withdrawn.status_code == 204
    for client in (them, me):
        seen = client.get(f"/trust/rounds/{round_id}").json()
        assert seen["shares"] == []
        assert (seen["open"], seen["my_turn"], seen["action"]) == (False, False, "")
        assert seen["closed_at"] is not None
    share.refresh_from_db()
    assert share.text == "" and share.withdrawn_at is not None
    assert not ShareResponse.objects.exists()
    assert act(them, round_id, "shares", text="Mine now?").status_code == 409


def test_either_of_us_can_pass_and_then_start_another(api_for, owner, partner, library):
    me, them = api_for(owner), api_for(partner)
    round_id = start_round(me, library["prompts"]["first-1"])["id"]
    busy = them.post("/trust/rounds", {"prompt_id": library["prompts"]["first-2"].pk})
    assert busy.status_code == 409
    assert busy.json()["code"] == "round_open"

    passed = them.post(f"/trust/rounds/{round_id}/pass")

    assert passed.status_code == 200
    assert (passed.json()["open"], passed.json()["closed_at"] is not None) == (False, True)
    assert act(me, round_id, "shares", text="Too late").status_code == 409
    assert start_round(them, library["prompts"]["first-2"])["started_by_id"] == partner.pk


def test_deeper_prompts_open_after_three_completed_gentle_rounds(api_for, owner, partner, library):
    me, them = api_for(owner), api_for(partner)
    prompts = library["prompts"]
    locked = me.post("/trust/rounds", {"prompt_id": prompts["deeper-1"].pk})
    assert locked.status_code == 409
    assert locked.json()["code"] == "locked"
    assert [s["set"] for s in me.get("/trust/sets").json()] == ["first", "pool"]
    complete_round(me, them, prompts["first-1"])
    complete_round(them, me, prompts["first-2"])
    passed = start_round(me, prompts["first-3"])
    them.post(f"/trust/rounds/{passed['id']}/pass")
    assert [s["set"] for s in me.get("/trust/sets").json()] == ["first", "pool"]

    complete_round(me, them, prompts["first-3"])

    sets = them.get("/trust/sets").json()
    assert [(s["set"], s["next_prompt"]["key"]) for s in sets] == [
        ("first", "first-4"),
        ("deeper", "deeper-1"),
        ("pool", "pool-1"),
    ]
    assert sets[1]["label"] == "Deeper" and sets[1]["next_prompt"]["unlocked"] is True
    assert me.get("/trust/prompts?set=deeper").json()[0]["unlocked"] is True
    deepest = me.post("/trust/rounds", {"prompt_id": prompts["deepest-1"].pk})
    assert deepest.status_code == 409
    assert start_round(me, prompts["deeper-1"])["prompt"]["set"] == "deeper"


def test_it_refuses_a_prompt_or_starter_it_does_not_know(api_for, owner, partner, library):
    me, them = api_for(owner), api_for(partner)
    retired = VulnerabilityPrompt.objects.get(active=False)
    for prompt_id in (retired.pk, 999_999):
        response = me.post("/trust/rounds", {"prompt_id": prompt_id})
        assert response.status_code == 400
        assert response.json()["code"] == "unknown_prompt"
    assert not Round.objects.exists()
    round_id = start_round(me, library["prompts"]["first-1"])["id"]
    act(me, round_id, "shares", text="Something")

    response = act(them, round_id, "responses", text="I hear you", starter_id=999_999)

    assert response.status_code == 400
    assert response.json()["code"] == "unknown_starter"
    assert not ShareResponse.objects.exists()


# Repair ---------------------------------------------------------------------------------


def test_an_apology_can_become_a_promise(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)

    response = apologise(me, as_promise=True, promise_due_on=in_days(owner, 7))

    assert response.status_code == 201, response.json()
    apology = response.json()
    assert apology["author_id"] == owner.pk
    assert apology["what_happened"] == "I was late to your concert and missed your solo."
    assert apology["effect"] == "You looked for me and felt alone up there."
    assert (apology["answer"], apology["answer_note"], apology["answered_at"]) == ("", "", None)
    promise = them.get(f"/trust/promises/{apology['promise_id']}").json()
    assert promise["text"] == "Leave work early on the days that matter to you"
    assert (promise["author_id"], promise["due_on"]) == (owner.pk, in_days(owner, 7))
    assert them.get("/trust/apologies").json() == [apology]
    plain = apologise(me, what_happened="I snapped at you").json()
    assert plain["promise_id"] is None
    assert Promise.objects.count() == 1
    assert [a["id"] for a in me.get("/trust/apologies").json()] == [plain["id"], apology["id"]]


def test_my_partner_answers_i_need_time_and_later_lets_talk(api_for, owner, partner):
    apology = apologise(api_for(owner)).json()
    them = api_for(partner)

    waiting = answer(them, apology["id"], "need_time", "I'm still sore, give me a day")
    assert waiting.status_code == 200
    assert waiting.json()["answer"] == "need_time"
    assert waiting.json()["answer_note"] == "I'm still sore, give me a day"
    talk = answer(them, apology["id"], "talk")
    assert (talk.status_code, talk.json()["answer"]) == (200, "talk")
    assert talk.json()["answered_at"] is not None

    again = answer(them, apology["id"], "accept")
    assert again.status_code == 409
    assert again.json()["code"] == "answered"
    assert Apology.objects.get().answer == "talk"


def test_my_partner_accepts_my_apology(api_for, owner, partner):
    apology = apologise(api_for(owner)).json()
    accepted = answer(api_for(partner), apology["id"], "accept", "Thank you 💛")
    assert (accepted.status_code, accepted.json()["answer"]) == (200, "accept")
    assert api_for(owner).get(f"/trust/apologies/{apology['id']}").json()["answer_note"] == (
        "Thank you 💛"
    )


def test_i_cannot_answer_my_own_apology(api_for, owner, partner):
    me = api_for(owner)
    apology = apologise(me).json()

    response = answer(me, apology["id"], "accept")

    assert response.status_code == 409
    assert response.json()["code"] == "your_own"
    assert Apology.objects.get().answer == ""


def test_it_refuses_an_answer_it_does_not_know(api_for, owner, partner):
    apology = apologise(api_for(owner)).json()
    response = answer(api_for(partner), apology["id"], "whatever")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_answer"
    assert Apology.objects.get().answer == ""


# Who may see what -----------------------------------------------------------------------


def test_someone_from_another_couple_gets_404_for_our_things(
    api_for, owner, partner, outsider, library
):
    me, them, stranger = api_for(owner), api_for(partner), api_for(outsider)
    promise = make_promise(me)
    round_id = start_round(me, library["prompts"]["first-1"])["id"]
    act(me, round_id, "shares", text="Something tender")
    share = Share.objects.get()
    apology = apologise(them).json()

    for method, path, payload in [
        ("GET", f"/trust/promises/{promise['id']}", None),
        ("POST", f"/trust/promises/{promise['id']}/kept", {}),
        ("POST", f"/trust/promises/{promise['id']}/confirm", {}),
        ("POST", f"/trust/promises/{promise['id']}/renegotiate", {"text": "Mine now"}),
        ("GET", f"/trust/rounds/{round_id}", None),
        ("POST", f"/trust/rounds/{round_id}/shares", {"text": "Hello"}),
        ("POST", f"/trust/rounds/{round_id}/responses", {"text": "Hello"}),
        ("POST", f"/trust/rounds/{round_id}/pass", {}),
        ("DELETE", f"/trust/shares/{share.pk}", None),
        ("GET", f"/trust/apologies/{apology['id']}", None),
        ("POST", f"/trust/apologies/{apology['id']}/answer", {"answer": "accept"}),
    ]:
        response = stranger.request(method, path, json=payload)
        assert response.status_code == 404, (method, path)

    for path in ["/trust/promises", "/trust/rounds", "/trust/apologies"]:
        assert stranger.get(path).json() == [], path
    assert Promise.objects.get().status == "open"
    assert Round.objects.get().is_open
    share.refresh_from_db()
    assert (share.text, share.withdrawn_at) == ("Something tender", None)
    assert Apology.objects.get().answer == ""


@pytest.mark.parametrize(
    ("method", "path", "payload"),
    [
        ("GET", "/trust/promises", None),
        ("POST", "/trust/promises", {"text": "Alone"}),
        ("GET", "/trust/reliability", None),
        ("GET", "/trust/prompts", None),
        ("GET", "/trust/sets", None),
        ("GET", "/trust/rounds", None),
        ("POST", "/trust/rounds", {"prompt_id": 1}),
        ("GET", "/trust/apologies", None),
        ("POST", "/trust/apologies", {"what_happened": "x", "do_differently": "y"}),
    ],
)
def test_someone_without_a_partner_is_asked_to_pair_first(api_for, loner, method, path, payload):
    response = api_for(loner).request(method, path, json=payload)
    assert response.status_code == 409
    assert response.json()["code"] == "not_paired"
    assert not Promise.objects.exists()
    assert not Apology.objects.exists()


# Bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", EMOJI_AND_RIGHT_TO_LEFT)
def test_it_keeps_emoji_and_right_to_left_text_exactly(api_for, owner, partner, library, text):
    me, them = api_for(owner), api_for(partner)
    assert make_promise(me, text=text)["text"] == text
    apology = apologise(me, what_happened=text, effect=text, do_differently=text).json()
    assert (apology["what_happened"], apology["effect"], apology["do_differently"]) == (
        text,
        text,
        text,
    )
    round_id = start_round(me, library["prompts"]["first-1"])["id"]
    act(me, round_id, "shares", text=text)
    act(them, round_id, "responses", text=text)

    seen = me.get(f"/trust/rounds/{round_id}").json()["shares"][0]
    assert (seen["text"], seen["response"]["text"]) == (text, text)
    assert Promise.objects.get().text == text
    assert Share.objects.get().text == text
    assert ShareResponse.objects.get().text == text


def _nothing_stored() -> None:
    assert not Promise.objects.exists()
    assert not Apology.objects.exists()
    assert not Share.objects.exists()
    assert not ShareResponse.objects.exists()


@pytest.mark.parametrize(
    ("fields", "status", "code"),
    [
        ({"text": "Call your mum\x00"}, 400, "invalid_text"),
        ({"text": "Call \u202eyour mum"}, 400, "invalid_text"),
        ({"text": "Call\x1b[31m your mum"}, 400, "invalid_text"),
        ({"text": "  \n "}, 400, "empty"),
        ({"text": "x" * 301}, 400, "invalid_text"),
        ({"text": "x" * 601}, 422, "invalid"),
        ({"text": 42}, 422, "invalid"),
        ({"text": ["a", "list"]}, 422, "invalid"),
        ({"text": None}, 422, "invalid"),
        ({"text": "Ok", "due_on": "next Friday"}, 422, "invalid"),
        ({"text": "Ok", "due_on": 5}, 422, "invalid"),
        ({"text": "Ok", "due_on": "2020-01-01"}, 400, "in_the_past"),
        ({"text": "Ok", "due_on": "2999-01-01"}, 400, "too_far_ahead"),
    ],
)
def test_it_refuses_a_promise_it_cannot_keep_and_stores_nothing(
    api_for, owner, partner, fields, status, code
):
    response = api_for(owner).post("/trust/promises", fields)
    assert response.status_code == status, response.json()
    assert response.json()["code"] == code
    assert response.json()["detail"]
    _nothing_stored()


def test_it_says_how_long_a_promise_may_be(api_for, owner, partner):
    response = api_for(owner).post("/trust/promises", {"text": "z" * 310})
    assert response.status_code == 400
    assert "300 characters" in response.json()["detail"]


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({"what_happened": "I forgot\x07"}, 400),
        ({"do_differently": "Set \u202ean alarm"}, 400),
        ({"effect": "It hurt\x00"}, 400),
        ({"what_happened": "y" * 2001}, 400),
        ({"what_happened": "y" * 4001}, 422),
        ({"do_differently": "z" * 301, "as_promise": True}, 400),
        ({"what_happened": 7}, 422),
        ({"as_promise": "yes"}, 422),
        ({"as_promise": True, "promise_due_on": "soon"}, 422),
        ({"as_promise": True, "promise_due_on": "2020-01-01"}, 400),
    ],
)
def test_it_refuses_a_bad_apology_and_stores_nothing(api_for, owner, partner, fields, status):
    response = apologise(api_for(owner), **fields)
    assert response.status_code == status, response.json()
    assert response.json()["detail"]
    _nothing_stored()


@pytest.mark.parametrize(
    ("what", "payload", "status"),
    [
        ("shares", {"text": "Ok\x00"}, 400),
        ("shares", {"text": "w" * 4001}, 400),
        ("shares", {"text": "w" * 8001}, 422),
        ("shares", {"text": 3.5}, 422),
        ("shares", {}, 422),
        ("responses", {"text": "O\x1fk"}, 400),
        ("responses", {"text": "r" * 2001}, 400),
        ("responses", {"text": "r" * 4001}, 422),
        ("responses", {"text": "Ok", "starter_id": "the kind one"}, 422),
    ],
)
def test_it_refuses_bad_words_in_a_round_and_stores_nothing(
    api_for, owner, partner, library, what, payload, status
):
    me, them = api_for(owner), api_for(partner)
    round_id = start_round(me, library["prompts"]["first-1"])["id"]
    if what == "responses":
        act(me, round_id, "shares", text="Something tender")
    before = Share.objects.count()

    response = act(them if what == "responses" else me, round_id, what, **payload)

    assert response.status_code == status, response.json()
    assert response.json()["detail"]
    assert Share.objects.count() == before
    assert not ShareResponse.objects.exists()


@pytest.mark.parametrize(
    ("path", "payload"),
    [
        ("/trust/rounds", {"prompt_id": "first-1"}),
        ("/trust/rounds", {}),
        ("/trust/promises", {"due_on": "2030-01-01"}),
    ],
)
def test_it_refuses_wrong_types_with_a_clear_422(api_for, owner, partner, path, payload):
    response = api_for(owner).post(path, payload)
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"
    assert not Round.objects.exists()
    _nothing_stored()


def test_it_refuses_a_bad_renegotiation_or_answer_and_changes_nothing(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)
    promise = make_promise(me, due_on=in_days(owner, 2))
    apology = apologise(me).json()

    for path, payload, status in [
        (f"/trust/promises/{promise['id']}/renegotiate", {"text": "New\x00"}, 400),
        (f"/trust/promises/{promise['id']}/renegotiate", {"text": "n" * 301}, 400),
        (f"/trust/promises/{promise['id']}/renegotiate", {"due_on": "2020-01-01"}, 400),
        (f"/trust/promises/{promise['id']}/renegotiate", {"due_on": "tomorrow"}, 422),
        (f"/trust/promises/{promise['id']}/renegotiate", {"text": 12}, 422),
        (f"/trust/apologies/{apology['id']}/answer", {"answer": "accept", "note": "ok\x00"}, 400),
        (f"/trust/apologies/{apology['id']}/answer", {"answer": "accept", "note": 1}, 422),
        (f"/trust/apologies/{apology['id']}/answer", {"answer": True}, 422),
    ]:
        client = them if "answer" in path else me
        response = client.post(path, payload)
        assert response.status_code == status, (path, payload, response.json())
        assert response.json()["detail"]

    stored = Promise.objects.get()
    assert (stored.status, stored.text) == ("open", "I'll book the weekend away")
    assert Apology.objects.get().answer == ""
