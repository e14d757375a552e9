"""Support's pages, as the two partners use them."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.conftest_helpers import login_client
from hearth.core.models import Event
from hearth.core.registry import content_libraries
from hearth.support.models import Bid, CheckIn, Cheer, Feeling, Guess, NeedsMap
from hearth.support.services import bid_send, check_in_make, good_news_share
from hearth.talk.services import answer_save, daily_question_for
from hearth.tests.factories import couple_of, make_questions

pytestmark = pytest.mark.django_db

PRIVATE_NOTE = "Private: dreading the dentist tomorrow"


@pytest.fixture
def wheel(db):
    content_libraries()["feelings"].load()
    content_libraries()["needs_map_prompts"].load()
    return Feeling.objects.filter(level=1).order_by("key").first()


def test_a_check_in_takes_three_taps_and_reaches_the_partner_when_shared(owner, partner, wheel):
    me, them = login_client(owner), login_client(partner)
    page = me.get("/support/").content.decode()
    assert 'name="feeling"' in page and 'name="need"' in page
    # Tap a feeling, tap a need, tap "share": the rest has defaults.
    response = me.post("/support/", {"feeling": wheel.key, "need": "comfort", "shared": "1"})
    assert response.status_code == 302
    check_in = CheckIn.objects.get()
    assert (check_in.intensity, check_in.shared, check_in.need) == (3, True, "comfort")
    today = them.get("/").content.decode()
    assert f"Olive feels {wheel.word.lower()}" in today and "would like comfort" in today
    them.post(f"/support/check-ins/{check_in.pk}/reply/", {"reply": "On my way"})
    check_in.refresh_from_db()
    assert check_in.reply == "On my way" and check_in.replied_at is not None


def test_a_private_check_in_never_reaches_the_partner(owner, partner, wheel):
    check_in_make(
        user=owner, couple=couple_of(owner), feeling=wheel, need="space", note=PRIVATE_NOTE
    )
    them = login_client(partner)
    for page in ("/", "/support/", "/support/check-ins/", "/support/needs-map/"):
        assert PRIVATE_NOTE not in them.get(page).content.decode(), page
    check_in = CheckIn.objects.get()
    assert them.post(f"/support/check-ins/{check_in.pk}/reply/", {"reply": "Hi"}).status_code == 404
    assert PRIVATE_NOTE in login_client(owner).get("/support/check-ins/").content.decode()
    # A private wish for space does not silence the partner's bids: only a shared one does.
    assert bid_send(user=partner, couple=couple_of(owner), kind="hug").quiet is False


def test_bids_are_answered_now_or_later_and_space_keeps_them_quiet(owner, partner, wheel):
    me, them = login_client(owner), login_client(partner)
    me.post("/support/bids/", {"kind": "hard_day"})
    bid = Bid.objects.get()
    assert Event.objects.filter(kind="bid_received", recipient=partner).count() == 1
    them.post(f"/support/bids/{bid.pk}/answer/", {"answer": "now", "reply": "On my way"})
    bid.refresh_from_db()
    assert bid.answer == "now" and bid.answered_at is not None
    assert bid.answered_at >= bid.created_at
    me.post("/support/bids/", {"kind": "custom", "text": "Walk later? 🌙"})
    later = Bid.objects.get(text="Walk later? 🌙")
    them.post(f"/support/bids/{later.pk}/answer/", {"answer": "later", "later": 60, "reply": "x"})
    later.refresh_from_db()
    assert later.later_at is not None
    assert later.later_at > timezone.now() + timedelta(minutes=55)
    # Partner asks for space, shared: the next bid goes quietly, with no notification.
    check_in_make(user=partner, couple=couple_of(owner), feeling=wheel, need="space", shared=True)
    page = me.post("/support/bids/", {"kind": "hug"}, follow=True).content.decode()
    assert "Sent quietly" in page
    assert Bid.objects.get(kind="hug").quiet is True
    assert Event.objects.filter(kind="bid_received", recipient=partner).count() == 2


def test_bad_bids_and_answers_are_refused(owner, partner, wheel):
    me = login_client(owner)
    assert me.post("/support/bids/", {"kind": "shout"}).status_code == 400
    assert me.post("/support/bids/", {"kind": "custom", "text": ""}).status_code == 400
    assert me.post("/support/bids/", {"kind": "custom", "text": "a\x00b"}).status_code == 400
    assert not Bid.objects.exists()
    bid = bid_send(user=owner, couple=couple_of(owner), kind="talk")
    assert me.post(f"/support/bids/{bid.pk}/answer/", {"answer": "now"}).status_code == 409


def test_the_needs_map_is_written_by_one_and_read_by_the_other(owner, partner, wheel):
    login_client(owner).post(
        "/support/needs-map/",
        {"stressed": "Quiet, and tea", "comforts": "", "unhelpful": "Advice too soon", "signs": ""},
    )
    assert NeedsMap.objects.get(user=owner).unhelpful == "Advice too soon"
    page = login_client(partner).get("/support/needs-map/").content.decode()
    assert "Olive's map" in page and "Quiet, and tea" in page
    assert login_client(owner).post("/support/needs-map/", {}).status_code == 400


def test_good_news_is_met_actively_and_a_flat_nice_is_sent_back_once(owner, partner, wheel):
    news = good_news_share(user=owner, couple=couple_of(owner), text="I got the apprenticeship!")
    them = login_client(partner)
    first = them.post(f"/support/good-news/{news.pk}/cheer/", {"way": "celebrate", "text": "Nice!"})
    assert first.status_code == 400 and "Send it as it is" in first.content.decode()
    assert not Cheer.objects.exists()
    them.post(
        f"/support/good-news/{news.pk}/cheer/",
        {"way": "celebrate", "text": "Nice!", "anyway": "on"},
    )
    them.post(
        f"/support/good-news/{news.pk}/cheer/",
        {"way": "ask", "text": "What was the moment you found out like?"},
    )
    assert Cheer.objects.count() == 2
    assert (
        login_client(owner)
        .post(f"/support/good-news/{news.pk}/cheer/", {"way": "ask", "text": "Mine?"})
        .status_code
        == 409
    )


def test_the_love_map_guesses_past_answers_and_the_partner_marks_them(owner, partner, wheel):
    make_questions(10)
    couple = couple_of(owner)
    question = daily_question_for(couple=couple, day=couple.local_today() - timedelta(days=30))
    answer_save(user=owner, daily_question=question, text="The lighthouse")
    answer_save(user=partner, daily_question=question, text="The orchard in May")
    question.revealed_at = timezone.now() - timedelta(days=29)
    question.save(update_fields=["revealed_at"])
    me, them = login_client(owner), login_client(partner)
    assert question.question.text in me.get("/support/love-map/").content.decode()
    me.post("/support/love-map/guess/", {"daily_question": question.pk, "text": "An orchard?"})
    guess = Guess.objects.get()
    page = me.get("/support/love-map/").content.decode()
    assert "The orchard in May" in page  # shown after guessing: they both saw it long ago
    assert (
        me.post(f"/support/love-map/guesses/{guess.pk}/mark/", {"closeness": "spot_on"}).status_code
        == 409
    )
    them.post(f"/support/love-map/guesses/{guess.pk}/mark/", {"closeness": "spot_on"})
    guess.refresh_from_db()
    assert guess.closeness == "spot_on"
    assert "1 of your 1 marked guess came close" in me.get("/support/love-map/").content.decode()


def test_support_pages_do_not_grow_with_history(owner, partner, wheel):
    couple = couple_of(owner)

    def add(count):
        for n in range(count):
            check_in_make(
                user=owner, couple=couple, feeling=wheel, need="listen", shared=n % 2 == 0
            )
            check_in_make(user=partner, couple=couple, feeling=wheel, need="comfort", shared=True)
            bid_send(user=owner, couple=couple, kind="talk")
            good_news_share(user=partner, couple=couple, text=f"News {n}")

    def counts(client):
        found = {}
        for page in (
            "/support/",
            "/support/check-ins/",
            "/support/good-news/",
            "/support/needs-map/",
            "/support/love-map/",
        ):
            with CaptureQueriesContext(connection) as captured:
                assert client.get(page).status_code == 200
            found[page] = len(captured)
        return found

    client = login_client(owner)
    add(2)
    small = counts(client)
    add(30)
    assert counts(client) == small
