"""Support through /api/v1/support, as a script (or a phone app) would use it."""

from datetime import datetime, timedelta
from datetime import timezone as dt_timezone

import pytest
from django.utils import timezone

from hearth.core.models import Event
from hearth.support.endpoints_more import encouragement_for
from hearth.support.guides import guide
from hearth.support.models import (
    Bid,
    CheckIn,
    Cheer,
    Feeling,
    GoodNews,
    Guess,
    Need,
    NeedsMap,
    NeedsPrompt,
)
from hearth.talk.models import DailyQuestion
from hearth.talk.services import answer_save, daily_question_for
from hearth.tests.factories import couple_of, make_questions

pytestmark = pytest.mark.django_db

EMOJI_AND_RIGHT_TO_LEFT = [
    "Rough day at work 🌧️ but your text made me smile 💛",
    "يوم طويل، أحتاج إلى عناق",
    "יום ארוך, אני צריך חיבוק 🤗",
    "J'ai eu le poste 🎉, tu te rends compte ?",
]
SECRET = "a private worry, only for me 🌑"
NEEDS_MAP = {
    "stressed": "Quiet time first, then a walk together 🚶",
    "comforts": "Tea, a blanket, and you nearby",
    "unhelpful": "Being told to calm down",
    "signs": "I go quiet and tidy everything",
}


# Helpers --------------------------------------------------------------------------------


@pytest.fixture
def feelings(db) -> dict[str, Feeling]:
    """A small wheel of our own, whatever the TOML file holds."""
    Feeling.objects.all().delete()
    rows = [
        ("sad", "Sad", 1, "", "unpleasant"),
        ("calm", "Calm", 1, "", "pleasant"),
        ("lonely", "Lonely", 2, "sad", "unpleasant"),
        ("peaceful", "Peaceful", 2, "calm", "pleasant"),
        ("isolated", "Isolated", 3, "lonely", "unpleasant"),
    ]
    wheel = {
        key: Feeling.objects.create(key=key, word=word, level=level, parent=parent, tone=tone)
        for key, word, level, parent, tone in rows
    }
    Feeling.objects.create(key="retired", word="Retired", level=1, tone="mixed", active=False)
    return wheel


@pytest.fixture
def past_questions(owner, partner) -> list[DailyQuestion]:
    """Three days' questions we both answered weeks ago (guessable, newest first), and
    yesterday's, answered and revealed too recently to guess."""
    make_questions()
    couple = couple_of(owner)
    today = couple.local_today()
    questions = []
    for days_ago in (20, 30, 40, 1):
        question = daily_question_for(couple=couple, day=today - timedelta(days=days_ago))
        answer_save(user=owner, daily_question=question, text=f"Olive, {days_ago} days ago")
        answer_save(user=partner, daily_question=question, text=f"Parker, {days_ago} days ago")
        questions.append(question)
    for question in questions[:3]:
        DailyQuestion.objects.filter(pk=question.pk).update(
            revealed_at=timezone.now() - timedelta(days=15)
        )
    return questions


def put(client, path, json):
    return client.request("PUT", path, json=json)


def check_in(client, feeling="lonely", need="comfort", **fields):
    response = client.post("/support/check-ins", {"feeling": feeling, "need": need, **fields})
    assert response.status_code == 201, response.json()
    return response.json()


def send_bid(client, kind="hug", **fields):
    response = client.post("/support/bids", {"kind": kind, **fields})
    assert response.status_code == 201, response.json()
    return response.json()


def share_news(client, text="I got the job!"):
    response = client.post("/support/good-news", {"text": text})
    assert response.status_code == 201, response.json()
    return response.json()


def cheer(client, news_id, way="ask", text="How did you find out? Tell me everything!", **more):
    return client.post(f"/support/good-news/{news_id}/cheers", {"way": way, "text": text, **more})


def guess(client, question: DailyQuestion, text="Something about the sea"):
    return client.post(
        "/support/love-map/guesses", {"daily_question_id": question.pk, "text": text}
    )


def in_hours(hours: float, offset_hours: int = 0) -> str:
    """A moment from now, as ISO 8601 text with a UTC offset."""
    zone = dt_timezone(timedelta(hours=offset_hours))
    moment = (timezone.now() + timedelta(hours=hours)).replace(microsecond=0)
    return moment.astimezone(zone).isoformat()


def _nothing_stored() -> None:
    assert not CheckIn.objects.exists()
    assert not Bid.objects.exists()
    assert not GoodNews.objects.exists()
    assert not Cheer.objects.exists()
    assert not Guess.objects.exists()
    assert not NeedsMap.objects.exists()


# The feelings wheel and needs -----------------------------------------------------------


def test_it_lists_the_feelings_wheel_by_level(api_for, owner, feelings):
    response = api_for(owner).get("/support/feelings")

    assert response.status_code == 200
    wheel = response.json()
    assert [feeling["key"] for feeling in wheel] == [
        "calm",
        "sad",
        "lonely",
        "peaceful",
        "isolated",
    ]
    assert wheel[4] == {
        "key": "isolated",
        "word": "Isolated",
        "level": 3,
        "parent": "lonely",
        "tone": "unpleasant",
    }


def test_it_lists_what_i_might_need_with_labels(api_for, owner):
    needs = api_for(owner).get("/support/needs").json()
    assert [need["key"] for need in needs] == list(Need.values)
    assert {"key": "space", "label": "Some space"} in needs


# Check-ins ------------------------------------------------------------------------------


def test_a_shared_check_in_asking_for_comfort_reaches_my_partner_who_replies(
    api_for, owner, partner, feelings
):
    me, them = api_for(owner), api_for(partner)

    mine = check_in(me, need="comfort", intensity=4, note="Long day", shared=True)

    assert mine["author_id"] == owner.pk and mine["mine"] is True
    assert mine["feeling"] == {"key": "lonely", "word": "Lonely", "level": 2}
    assert (mine["intensity"], mine["need"], mine["note"]) == (4, "comfort", "Long day")
    assert mine["shared"] is True
    assert (mine["reply"], mine["replied_at"]) == ("", None)
    assert Event.objects.filter(kind="check_in_shared", recipient=partner).count() == 1
    seen = them.get("/support/check-ins").json()
    assert seen == [{**mine, "mine": False}]

    replied = them.post(f"/support/check-ins/{mine['id']}/reply", {"reply": "Coming home 🤗"})

    assert replied.status_code == 200, replied.json()
    assert replied.json()["reply"] == "Coming home 🤗"
    assert replied.json()["replied_at"] is not None
    assert me.get("/support/check-ins").json()[0]["reply"] == "Coming home 🤗"
    again = them.post(f"/support/check-ins/{mine['id']}/reply", {"reply": "Still coming"})
    assert (again.status_code, again.json()["code"]) == (409, "answered")
    assert CheckIn.objects.get().reply == "Coming home 🤗"


def test_a_check_in_has_a_middling_intensity_and_stays_private_unless_shared(
    api_for, owner, partner, feelings
):
    mine = check_in(api_for(owner), feeling="calm", need="closeness")
    assert (mine["intensity"], mine["shared"], mine["note"]) == (3, False, "")
    assert not Event.objects.filter(kind="check_in_shared").exists()


def test_i_cannot_reply_to_my_own_check_in(api_for, owner, partner, feelings):
    me = api_for(owner)
    mine = check_in(me, shared=True)

    response = me.post(f"/support/check-ins/{mine['id']}/reply", {"reply": "There, there"})

    assert response.status_code == 409
    assert response.json()["code"] == "not_yours"
    assert CheckIn.objects.get().reply == ""


def test_it_lists_check_ins_newest_first(api_for, owner, partner, feelings):
    me, them = api_for(owner), api_for(partner)
    first = check_in(me, shared=True)
    theirs = check_in(them, feeling="peaceful", need="closeness", shared=True)
    last = check_in(me, feeling="calm", need="listen")

    assert [item["id"] for item in me.get("/support/check-ins").json()] == [
        last["id"],
        theirs["id"],
        first["id"],
    ]


def test_a_private_check_in_never_appears_to_my_partner(
    api_for, owner, partner, feelings, past_questions
):
    me, them = api_for(owner), api_for(partner)
    secret = check_in(me, feeling="isolated", need="space", note=SECRET, intensity=5)
    shared = check_in(me, feeling="calm", need="listen", shared=True)
    put(me, "/support/needs-map/me", {"stressed": "A walk"})
    send_bid(me, kind="talk")
    share_news(me)
    guess(me, past_questions[0])

    for path in [
        "/support/feelings",
        "/support/needs",
        "/support/check-ins",
        "/support/bids",
        "/support/needs-map/me",
        "/support/needs-map/partner",
        "/support/needs-map/prompts",
        "/support/good-news",
        "/support/love-map/questions",
        "/support/love-map/guesses",
        "/support/love-map/sense",
    ]:
        response = them.get(path)
        assert response.status_code == 200, path
        assert SECRET not in response.content.decode(), path
    assert [item["id"] for item in them.get("/support/check-ins").json()] == [shared["id"]]
    reply = them.post(f"/support/check-ins/{secret['id']}/reply", {"reply": "Here for you"})
    assert reply.status_code == 404
    # Their private wish for space does not quiet my bids, which would give it away.
    assert send_bid(them, kind="miss_you")["quiet"] is False
    assert CheckIn.objects.get(pk=secret["id"]).reply == ""
    assert [item["id"] for item in me.get("/support/check-ins").json()] == [
        shared["id"],
        secret["id"],
    ]


@pytest.mark.parametrize(
    ("fields", "status", "code"),
    [
        ({"feeling": "grumpy"}, 400, "unknown_feeling"),
        ({"feeling": "retired"}, 400, "unknown_feeling"),
        ({"need": "chocolate"}, 400, "invalid_need"),
        ({"intensity": 0}, 400, "invalid_intensity"),
        ({"intensity": 6}, 400, "invalid_intensity"),
        ({"note": "Fine\x00"}, 400, "invalid_text"),
        ({"note": "Fine \u202eish"}, 400, "invalid_text"),
        ({"note": "n" * 501}, 400, "invalid_text"),
        ({"note": "n" * 1001}, 422, "invalid"),
        ({"feeling": 3}, 422, "invalid"),
        ({"feeling": None}, 422, "invalid"),
        ({"need": ["comfort"]}, 422, "invalid"),
        ({"intensity": "4"}, 422, "invalid"),
        ({"intensity": 2.5}, 422, "invalid"),
        ({"intensity": True}, 422, "invalid"),
        ({"shared": "yes"}, 422, "invalid"),
        ({"note": 12}, 422, "invalid"),
    ],
)
def test_it_refuses_a_check_in_it_cannot_keep_and_stores_nothing(
    api_for, owner, partner, feelings, fields, status, code
):
    payload = {"feeling": "lonely", "need": "comfort", "shared": True, **fields}
    response = api_for(owner).post("/support/check-ins", payload)
    assert response.status_code == status, response.json()
    assert response.json()["code"] == code
    assert response.json()["detail"]
    _nothing_stored()
    assert not Event.objects.exists()


# Bids -----------------------------------------------------------------------------------


def test_a_bid_answered_now_records_how_long_it_took(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)
    bid = send_bid(me, kind="talk", text="Can we talk tonight? 💬")
    assert (bid["author_id"], bid["kind"], bid["text"]) == (owner.pk, "talk", bid["text"])
    assert (bid["quiet"], bid["answer"], bid["answered_at"], bid["response_seconds"]) == (
        False,
        "",
        None,
        None,
    )
    assert Event.objects.filter(kind="bid_received", recipient=partner).count() == 1
    Bid.objects.filter(pk=bid["id"]).update(created_at=timezone.now() - timedelta(seconds=95))

    response = them.post(
        f"/support/bids/{bid['id']}/answer", {"answer": "now", "reply": "On my way"}
    )

    assert response.status_code == 200, response.json()
    answered = response.json()
    assert (answered["answer"], answered["reply"], answered["later_at"]) == (
        "now",
        "On my way",
        None,
    )
    assert 95 <= answered["response_seconds"] < 120
    assert Event.objects.filter(kind="bid_answered", recipient=owner).count() == 1
    assert me.get("/support/bids").json() == [answered]
    again = them.post(f"/support/bids/{bid['id']}/answer", {"answer": "now", "reply": "Again"})
    assert (again.status_code, again.json()["code"]) == (409, "answered")


def test_a_bid_answered_later_needs_a_time_within_a_week(api_for, owner, partner):
    bid = send_bid(api_for(owner), kind="hard_day")
    them = api_for(partner)
    path = f"/support/bids/{bid['id']}/answer"

    for later_at, status in [
        (None, 400),
        (in_hours(-1), 400),
        (in_hours(8 * 24), 400),
        ((timezone.now() + timedelta(hours=2)).replace(tzinfo=None).isoformat(), 400),
        ("tonight", 422),
        ([2], 422),
    ]:
        payload: dict[str, object] = {"answer": "later", "reply": "After dinner"}
        if later_at is not None:
            payload["later_at"] = later_at
        response = them.post(path, payload)
        assert response.status_code == status, (later_at, response.json())
        if status == 400:
            assert response.json()["code"] == "invalid_time"
    stored = Bid.objects.get()
    assert (stored.answer, stored.answered_at, stored.later_at) == ("", None, None)

    when = in_hours(3, offset_hours=2)
    response = them.post(path, {"answer": "later", "reply": "After dinner", "later_at": when})

    assert response.status_code == 200, response.json()
    answered = response.json()
    assert answered["answer"] == "later"
    assert datetime.fromisoformat(answered["later_at"]) == datetime.fromisoformat(when)
    assert answered["response_seconds"] is not None


def test_i_do_not_answer_my_own_bid(api_for, owner, partner):
    me = api_for(owner)
    bid = send_bid(me)
    response = me.post(f"/support/bids/{bid['id']}/answer", {"answer": "now"})
    assert (response.status_code, response.json()["code"]) == (409, "your_own")
    assert Bid.objects.get().answer == ""


def test_while_my_partner_asks_for_space_a_bid_waits_quietly(api_for, owner, partner, feelings):
    me, them = api_for(owner), api_for(partner)
    check_in(them, feeling="sad", need="space", shared=True)

    bid = send_bid(me, kind="miss_you")

    assert bid["quiet"] is True
    assert not Event.objects.filter(kind="bid_received").exists()
    assert them.get("/support/bids").json()[0]["quiet"] is True
    check_in(them, feeling="calm", need="closeness", shared=True)
    assert send_bid(me, kind="hug")["quiet"] is False
    assert Event.objects.filter(kind="bid_received", recipient=partner).count() == 1


@pytest.mark.parametrize(
    ("fields", "status", "code"),
    [
        ({"kind": "shout"}, 400, "invalid_kind"),
        ({"kind": "custom"}, 400, "empty"),
        ({"kind": "custom", "text": " \n "}, 400, "empty"),
        ({"kind": "custom", "text": "Hey\x07"}, 400, "invalid_text"),
        ({"kind": "custom", "text": "b" * 141}, 400, "invalid_text"),
        ({"kind": "custom", "text": "b" * 281}, 422, "invalid"),
        ({"kind": 1}, 422, "invalid"),
        ({}, 422, "invalid"),
        ({"kind": "custom", "text": ["a"]}, 422, "invalid"),
    ],
)
def test_it_refuses_a_bid_it_cannot_send_and_stores_nothing(
    api_for, owner, partner, fields, status, code
):
    response = api_for(owner).post("/support/bids", fields)
    assert response.status_code == status, response.json()
    assert response.json()["code"] == code
    _nothing_stored()
    assert not Event.objects.exists()


def test_it_refuses_a_bid_answer_it_does_not_know(api_for, owner, partner):
    bid = send_bid(api_for(owner))
    them = api_for(partner)
    for payload, status in [
        ({"answer": "never"}, 400),
        ({"answer": "now", "reply": "Ok\x00"}, 400),
        ({"answer": "now", "reply": "r" * 141}, 400),
        ({"answer": "now", "reply": "r" * 281}, 422),
        ({"answer": True}, 422),
        ({"reply": "Hi"}, 422),
    ]:
        response = them.post(f"/support/bids/{bid['id']}/answer", payload)
        assert response.status_code == status, (payload, response.json())
    assert Bid.objects.get().answer == ""
    assert not Event.objects.filter(kind="bid_answered").exists()


# Needs map ------------------------------------------------------------------------------


def test_my_partner_reads_my_needs_map(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)
    empty = them.get("/support/needs-map/partner").json()
    assert empty == {
        "user_id": owner.pk,
        "stressed": None,
        "comforts": None,
        "unhelpful": None,
        "signs": None,
        "updated_at": None,
    }

    response = put(me, "/support/needs-map/me", NEEDS_MAP)

    assert response.status_code == 200, response.json()
    saved = response.json()
    assert {section: saved[section] for section in NEEDS_MAP} == NEEDS_MAP
    assert saved["updated_at"] is not None
    assert me.get("/support/needs-map/me").json() == saved
    assert them.get("/support/needs-map/partner").json() == saved
    assert them.get("/support/needs-map/me").json()["stressed"] is None

    rewritten = put(me, "/support/needs-map/me", {"comforts": "Soup"}).json()
    assert (rewritten["stressed"], rewritten["comforts"]) == ("", "Soup")


def test_my_partner_cannot_write_my_needs_map(api_for, owner, partner):
    response = put(api_for(partner), "/support/needs-map/partner", NEEDS_MAP)
    assert response.status_code == 405
    assert not NeedsMap.objects.exists()


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({}, 400),
        ({"stressed": "  ", "signs": "\n"}, 400),
        ({"stressed": "Tea\x00"}, 400),
        ({"signs": "s" * 1501}, 400),
        ({"signs": "s" * 3001}, 422),
        ({"comforts": 5}, 422),
        ({"unhelpful": None}, 422),
    ],
)
def test_it_refuses_a_needs_map_it_cannot_keep(api_for, owner, partner, fields, status):
    response = put(api_for(owner), "/support/needs-map/me", fields)
    assert response.status_code == status, response.json()
    assert response.json()["detail"]
    _nothing_stored()


def test_it_offers_needs_map_prompts_by_section(api_for, owner):
    NeedsPrompt.objects.all().delete()
    NeedsPrompt.objects.create(key="t-2", section="stressed", text="What helps after work?")
    NeedsPrompt.objects.create(key="t-1", section="stressed", text="Talk or quiet?")
    NeedsPrompt.objects.create(key="t-3", section="signs", text="What do you do first?")
    NeedsPrompt.objects.create(key="t-0", section="signs", text="Retired", active=False)

    sections = api_for(owner).get("/support/needs-map/prompts").json()

    labels = guide("needs_map")["sections"]
    assert [section["section"] for section in sections] == [
        "stressed",
        "comforts",
        "unhelpful",
        "signs",
    ]
    assert sections[0]["label"] == labels["stressed"]["label"]
    assert sections[0]["prompts"] == [
        {"key": "t-1", "text": "Talk or quiet?"},
        {"key": "t-2", "text": "What helps after work?"},
    ]
    assert sections[1]["prompts"] == []
    assert [prompt["key"] for prompt in sections[3]["prompts"]] == ["t-3"]


# Good news ------------------------------------------------------------------------------


def test_a_passive_nice_is_sent_back_once_and_an_active_answer_goes_through(
    api_for, owner, partner
):
    me, them = api_for(owner), api_for(partner)
    news = share_news(me)
    assert (news["author_id"], news["text"], news["cheers"]) == (owner.pk, "I got the job!", [])
    assert Event.objects.filter(kind="good_news", recipient=partner).count() == 1

    passive = cheer(them, news["id"], way="celebrate", text="Nice!")
    assert passive.status_code == 400
    assert passive.json()["code"] == "passive"
    assert not Cheer.objects.exists()

    anyway = cheer(them, news["id"], way="celebrate", text="Nice!", anyway=True)
    assert anyway.status_code == 201, anyway.json()
    active = cheer(them, news["id"], way="ask")
    assert active.status_code == 201, active.json()
    assert (active.json()["author_id"], active.json()["way"]) == (partner.pk, "ask")

    listed = me.get("/support/good-news").json()
    assert [item["id"] for item in listed] == [news["id"]]
    assert [(c["way"], c["text"]) for c in listed[0]["cheers"]] == [
        ("celebrate", "Nice!"),
        ("ask", "How did you find out? Tell me everything!"),
    ]
    assert them.get("/support/good-news").json() == listed


def test_it_lists_good_news_newest_first(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)
    first = share_news(me, "Finished the marathon")
    second = share_news(them, "My sister is pregnant!")
    assert [item["id"] for item in me.get("/support/good-news").json()] == [
        second["id"],
        first["id"],
    ]


def test_i_do_not_cheer_my_own_news(api_for, owner, partner):
    me = api_for(owner)
    news = share_news(me)
    response = cheer(me, news["id"], way="celebrate", text="So proud of me")
    assert (response.status_code, response.json()["code"]) == (409, "your_own")
    assert not Cheer.objects.exists()


@pytest.mark.parametrize(
    ("fields", "status", "code"),
    [
        ({"way": "shrug"}, 400, "invalid_way"),
        ({"text": " "}, 400, "empty"),
        ({"text": "Wow\x00"}, 400, "invalid_text"),
        ({"text": "Great.", "anyway": False}, 400, "passive"),
        ({"anyway": "sure"}, 422, "invalid"),
        ({"way": None}, 422, "invalid"),
        ({"text": 10}, 422, "invalid"),
    ],
)
def test_it_refuses_a_cheer_it_cannot_send(api_for, owner, partner, fields, status, code):
    news = share_news(api_for(owner))
    response = cheer(api_for(partner), news["id"], **fields)
    assert response.status_code == status, response.json()
    assert response.json()["code"] == code
    assert not Cheer.objects.exists()


# Love map -------------------------------------------------------------------------------


def test_i_guess_my_partners_answer_and_they_mark_how_close_it_came(
    api_for, owner, partner, past_questions
):
    me, them = api_for(owner), api_for(partner)
    old = past_questions[:3]
    guessable = me.get("/support/love-map/questions").json()
    assert [item["daily_question_id"] for item in guessable] == [q.pk for q in old]
    assert guessable[0]["day"] == old[0].day.isoformat()
    assert guessable[0]["text"] == old[0].question.text
    assert "Parker" not in str(guessable)

    response = guess(me, old[0], text="A cabin by the lake 🏞️")

    assert response.status_code == 201, response.json()
    made = response.json()
    assert (made["author_id"], made["about_id"]) == (owner.pk, partner.pk)
    assert made["daily_question_id"] == old[0].pk
    assert made["question"] == old[0].question.text
    assert made["text"] == "A cabin by the lake 🏞️"
    assert made["answer"] == "Parker, 20 days ago"
    assert (made["closeness"], made["marked_at"]) == ("", None)
    remaining = me.get("/support/love-map/questions").json()
    assert [item["daily_question_id"] for item in remaining] == [q.pk for q in old[1:]]
    about_me = them.get("/support/love-map/guesses").json()
    assert about_me == [{**made, "answer": None}]

    marked = them.post(f"/support/love-map/guesses/{made['id']}/mark", {"closeness": "close"})

    assert marked.status_code == 200, marked.json()
    assert marked.json()["closeness"] == "close"
    assert marked.json()["marked_at"] is not None
    assert me.get("/support/love-map/guesses").json()[0]["closeness"] == "close"
    sense = me.get("/support/love-map/sense").json()
    sentences = guide("love_map")["closeness"]["encouragement"]
    assert (sense["close"], sense["marked"]) == (1, 1)
    assert sense["encouragement"] == encouragement_for(1, 1, sentences)
    assert sense["encouragement"] in sentences
    theirs = them.get("/support/love-map/sense").json()
    assert (theirs["close"], theirs["marked"], theirs["encouragement"]) == (0, 0, sentences[0])


def test_i_cannot_mark_my_own_guess(api_for, owner, partner, past_questions):
    me = api_for(owner)
    made = guess(me, past_questions[0]).json()

    response = me.post(f"/support/love-map/guesses/{made['id']}/mark", {"closeness": "spot_on"})

    assert response.status_code == 409
    assert response.json()["code"] == "not_yours"
    assert Guess.objects.get().closeness == ""
    assert me.get("/support/love-map/sense").json()["marked"] == 0


def test_it_refuses_a_guess_about_a_question_not_ready_to_guess(
    api_for, owner, partner, outsider, past_questions
):
    me = api_for(owner)
    recent = past_questions[3]
    outsiders_question = daily_question_for(couple=couple_of(outsider))
    for daily_question_id in (recent.pk, outsiders_question.pk, 999_999):
        response = me.post(
            "/support/love-map/guesses", {"daily_question_id": daily_question_id, "text": "Tea"}
        )
        assert (response.status_code, response.json()["code"]) == (400, "not_guessable")
    assert guess(me, past_questions[0]).status_code == 201
    again = guess(me, past_questions[0], text="Second thoughts")
    # Once guessed, it is no longer among the questions to guess.
    assert (again.status_code, again.json()["code"]) == (400, "not_guessable")
    assert Guess.objects.get().text == "Something about the sea"


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"text": "  "}, 400),
        ({"text": "Tea\x1b"}, 400),
        ({"text": "g" * 1001}, 400),
        ({"text": "g" * 2001}, 422),
        ({"text": 3}, 422),
        ({"daily_question_id": "first"}, 422),
        ({"daily_question_id": None}, 422),
    ],
)
def test_it_refuses_a_guess_it_cannot_keep(
    api_for, owner, partner, past_questions, payload, status
):
    response = api_for(owner).post(
        "/support/love-map/guesses",
        {"daily_question_id": past_questions[0].pk, "text": "Tea", **payload},
    )
    assert response.status_code == status, response.json()
    assert response.json()["detail"]
    assert not Guess.objects.exists()


def test_it_refuses_a_closeness_it_does_not_know(api_for, owner, partner, past_questions):
    made = guess(api_for(owner), past_questions[0]).json()
    them = api_for(partner)
    for payload, status in [({"closeness": "warm"}, 400), ({"closeness": 1}, 422), ({}, 422)]:
        response = them.post(f"/support/love-map/guesses/{made['id']}/mark", payload)
        assert response.status_code == status, response.json()
    assert Guess.objects.get().closeness == ""


@pytest.mark.parametrize(
    ("close", "marked", "level"),
    [(0, 0, 0), (0, 3, 0), (1, 1, 1), (1, 4, 1), (2, 2, 2), (2, 5, 1), (3, 3, 3), (9, 10, 3)],
)
def test_encouragement_grows_with_close_guesses(close, marked, level):
    sentences = ["first", "second", "third", "fourth"]
    assert encouragement_for(close, marked, sentences) == sentences[level]
    assert encouragement_for(close, marked, []) == ""


# Text people type -----------------------------------------------------------------------


@pytest.mark.parametrize("text", EMOJI_AND_RIGHT_TO_LEFT)
def test_it_keeps_emoji_and_right_to_left_text_exactly(
    api_for, owner, partner, feelings, past_questions, text
):
    me, them = api_for(owner), api_for(partner)
    short = text[:140]

    mine = check_in(me, note=text, shared=True)
    them.post(f"/support/check-ins/{mine['id']}/reply", {"reply": short})
    assert me.get("/support/check-ins").json()[0]["note"] == text
    assert me.get("/support/check-ins").json()[0]["reply"] == short

    bid = send_bid(me, kind="custom", text=short)
    them.post(f"/support/bids/{bid['id']}/answer", {"answer": "now", "reply": short})
    assert (them.get("/support/bids").json()[0]["text"], Bid.objects.get().reply) == (short, short)

    put(me, "/support/needs-map/me", dict.fromkeys(NEEDS_MAP, text))
    assert them.get("/support/needs-map/partner").json()["signs"] == text

    news = share_news(me, text)
    assert cheer(them, news["id"], text=text).status_code == 201
    listed = me.get("/support/good-news").json()[0]
    assert (listed["text"], listed["cheers"][0]["text"]) == (text, text)

    assert guess(me, past_questions[0], text=text).status_code == 201
    assert them.get("/support/love-map/guesses").json()[0]["text"] == text

    assert CheckIn.objects.get().note == text
    assert GoodNews.objects.get().text == text
    assert Cheer.objects.get().text == text
    assert Guess.objects.get().text == text
    assert NeedsMap.objects.get().comforts == text


@pytest.fixture
def scene(api_for, owner, partner, feelings, past_questions) -> dict:
    """One of each thing of my partner's that I can answer."""
    them = api_for(partner)
    return {
        "check_in": check_in(them, shared=True)["id"],
        "bid": send_bid(them)["id"],
        "news": share_news(them)["id"],
        "question": past_questions[0].pk,
    }


# (method, path, the field under test, its limit, the other fields, status when it works)
TEXT_FIELDS = [
    ("POST", "/support/check-ins", "note", 500, {"feeling": "calm", "need": "listen"}, 201),
    ("POST", "/support/check-ins/{check_in}/reply", "reply", 140, {}, 200),
    ("POST", "/support/bids", "text", 140, {"kind": "custom"}, 201),
    ("POST", "/support/bids/{bid}/answer", "reply", 140, {"answer": "now"}, 200),
    ("PUT", "/support/needs-map/me", "stressed", 1500, {}, 200),
    ("PUT", "/support/needs-map/me", "comforts", 1500, {}, 200),
    ("PUT", "/support/needs-map/me", "unhelpful", 1500, {}, 200),
    ("PUT", "/support/needs-map/me", "signs", 1500, {}, 200),
    ("POST", "/support/good-news", "text", 1000, {}, 201),
    ("POST", "/support/good-news/{news}/cheers", "text", 1000, {"way": "relive"}, 201),
    ("POST", "/support/love-map/guesses", "text", 1000, {"daily_question_id": "question"}, 201),
]


def _fill(scene: dict, path: str, others: dict) -> tuple[str, dict]:
    return path.format(**scene), {
        key: scene[value] if value == "question" else value for key, value in others.items()
    }


def _counts() -> tuple:
    return (
        CheckIn.objects.count(),
        CheckIn.objects.exclude(reply="").count(),
        Bid.objects.count(),
        Bid.objects.exclude(answer="").count(),
        NeedsMap.objects.count(),
        GoodNews.objects.count(),
        Cheer.objects.count(),
        Guess.objects.count(),
    )


@pytest.mark.parametrize(("method", "path", "field", "limit", "others", "ok"), TEXT_FIELDS)
@pytest.mark.parametrize("bad", ["Hi\x00", "Hi\x07 there", "Hi \u202ethere", "Hi\x1b[31m"])
def test_it_refuses_control_characters_and_stores_nothing(
    api_for, owner, scene, method, path, field, limit, others, ok, bad
):
    before = _counts()
    path, others = _fill(scene, path, others)

    response = api_for(owner).request(method, path, json={**others, field: bad})

    assert response.status_code == 400, response.json()
    assert response.json()["code"] == "invalid_text"
    assert "control character" in response.json()["detail"]
    assert _counts() == before


@pytest.mark.parametrize(("method", "path", "field", "limit", "others", "ok"), TEXT_FIELDS)
def test_it_refuses_overlong_text(api_for, owner, scene, method, path, field, limit, others, ok):
    me = api_for(owner)
    before = _counts()
    path, others = _fill(scene, path, others)

    a_little_too_long = me.request(method, path, json={**others, field: "a" * (limit + 1)})
    assert a_little_too_long.status_code == 400, a_little_too_long.json()
    assert a_little_too_long.json()["code"] == "invalid_text"
    assert str(limit) in a_little_too_long.json()["detail"]

    far_too_long = me.request(method, path, json={**others, field: "a" * (limit * 2 + 1)})
    assert far_too_long.status_code == 422
    assert field in far_too_long.json()["detail"]
    assert _counts() == before

    just_right = me.request(method, path, json={**others, field: "a" * limit})
    assert just_right.status_code == ok, just_right.json()


@pytest.mark.parametrize(("method", "path", "field", "limit", "others", "ok"), TEXT_FIELDS)
@pytest.mark.parametrize("wrong", [42, 1.5, True, ["a"], {"a": "b"}, None])
def test_it_answers_wrong_types_with_a_clear_422(
    api_for, owner, scene, method, path, field, limit, others, ok, wrong
):
    before = _counts()
    path, others = _fill(scene, path, others)

    response = api_for(owner).request(method, path, json={**others, field: wrong})

    assert response.status_code == 422, response.json()
    assert response.json()["code"] == "invalid"
    assert field in response.json()["detail"]
    assert _counts() == before


# Who may see what -----------------------------------------------------------------------


def test_someone_from_another_couple_gets_404_for_our_things(
    api_for, owner, partner, outsider, feelings, past_questions
):
    me, them, stranger = api_for(owner), api_for(partner), api_for(outsider)
    shared = check_in(me, shared=True)
    bid = send_bid(me)
    news = share_news(me)
    made = guess(me, past_questions[0]).json()
    put(me, "/support/needs-map/me", NEEDS_MAP)

    for path, payload in [
        (f"/support/check-ins/{shared['id']}/reply", {"reply": "Hi"}),
        (f"/support/bids/{bid['id']}/answer", {"answer": "now"}),
        (f"/support/good-news/{news['id']}/cheers", {"way": "ask", "text": "Tell me more"}),
        (f"/support/love-map/guesses/{made['id']}/mark", {"closeness": "spot_on"}),
    ]:
        response = stranger.post(path, payload)
        assert response.status_code == 404, path

    for path in [
        "/support/check-ins",
        "/support/bids",
        "/support/good-news",
        "/support/love-map/questions",
        "/support/love-map/guesses",
    ]:
        assert stranger.get(path).json() == [], path
    assert stranger.get("/support/love-map/sense").json()["marked"] == 0
    assert stranger.get("/support/needs-map/partner").json()["user_id"] != owner.pk
    assert CheckIn.objects.get().reply == ""
    assert Bid.objects.get().answer == ""
    assert not Cheer.objects.exists()
    assert Guess.objects.get().closeness == ""
    assert them.get("/support/check-ins").json()[0]["id"] == shared["id"]


@pytest.mark.parametrize(
    ("method", "path", "payload"),
    [
        ("GET", "/support/check-ins", None),
        ("POST", "/support/check-ins", {"feeling": "calm", "need": "listen"}),
        ("GET", "/support/bids", None),
        ("POST", "/support/bids", {"kind": "hug"}),
        ("GET", "/support/needs-map/partner", None),
        ("GET", "/support/good-news", None),
        ("POST", "/support/good-news", {"text": "Promotion!"}),
        ("GET", "/support/love-map/questions", None),
        ("GET", "/support/love-map/guesses", None),
        ("POST", "/support/love-map/guesses", {"daily_question_id": 1, "text": "Tea"}),
        ("GET", "/support/love-map/sense", None),
    ],
)
def test_someone_without_a_partner_is_asked_to_pair_first(
    api_for, loner, feelings, method, path, payload
):
    response = api_for(loner).request(method, path, json=payload)
    assert response.status_code == 409, response.json()
    assert response.json()["code"] == "not_paired"
    _nothing_stored()


def test_someone_without_a_partner_can_still_write_their_needs_map(api_for, loner, feelings):
    me = api_for(loner)
    assert put(me, "/support/needs-map/me", NEEDS_MAP).status_code == 200
    assert me.get("/support/needs-map/me").json()["signs"] == NEEDS_MAP["signs"]
    assert len(me.get("/support/feelings").json()) == 5
    assert me.get("/support/needs").status_code == 200


def test_it_asks_for_a_token(api_for):
    response = api_for(None).get("/support/check-ins")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"
