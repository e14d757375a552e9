import pytest

from hearth.talk.services import daily_question_for
from hearth.tests.factories import couple_of, make_questions

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(owner, partner):
    make_questions(40)
    return daily_question_for(couple=couple_of(owner))


def test_today_through_the_api_keeps_the_partners_answer_hidden_until_both_answer(
    api_for, owner, partner, question
):
    me, them = api_for(owner), api_for(partner)
    today = me.get("/talk/today").json()
    assert today["question"]["text"] == question.question.text
    assert today["partner_answer"] is None and today["swaps_left"] == 3

    response = me.request("PUT", f"/talk/questions/{question.pk}/answer", json={"text": "Mine 🌊"})
    assert response.status_code == 200
    theirs_view = them.get("/talk/today").json()
    assert theirs_view["partner_has_answered"] is True
    assert theirs_view["partner_answer"] is None
    assert "Mine" not in str(theirs_view)

    answered = them.request("PUT", f"/talk/questions/{question.pk}/answer", json={"text": "Theirs"})
    body = answered.json()
    assert body["revealed"] is True
    assert body["partner_answer"]["text"] == "Mine 🌊"
    assert me.get(f"/talk/questions/{question.pk}").json()["partner_answer"]["text"] == "Theirs"


def test_react_and_reply_through_the_api(api_for, owner, partner, question):
    me, them = api_for(owner), api_for(partner)
    me.request("PUT", f"/talk/questions/{question.pk}/answer", json={"text": "Mine"})
    body = them.request(
        "PUT", f"/talk/questions/{question.pk}/answer", json={"text": "Theirs"}
    ).json()
    mine_id = body["partner_answer"]["id"]
    reacted = them.request("PUT", f"/talk/answers/{mine_id}/reaction", json={"kind": "heart"})
    assert reacted.json()["partner_answer"]["reactions"] == {str(partner.pk): "heart"}
    replied = them.post(f"/talk/answers/{mine_id}/replies", {"kind": "more"})
    assert replied.status_code == 201
    assert replied.json()["partner_answer"]["replies"][0]["kind"] == "more"


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"text": ""}, 400),
        ({"text": 42}, 422),
        ({}, 422),
        ({"text": "x" * 9000}, 422),
        ({"text": "a\x00"}, 400),
    ],
)
def test_bad_answers_are_refused_and_not_stored(api_for, owner, question, payload, status):
    from hearth.talk.models import Answer

    response = api_for(owner).request("PUT", f"/talk/questions/{question.pk}/answer", json=payload)
    assert response.status_code == status
    assert response.json()["detail"]
    assert not Answer.objects.exists()


def test_swap_and_archive_search(api_for, owner, question):
    me = api_for(owner)
    swapped = me.post("/talk/today/swap").json()
    assert swapped["id"] != question.pk and swapped["swaps_left"] == 2
    archive = me.get("/talk/questions", data={"q": swapped["question"]["text"][:20]}).json()
    assert archive["count"] == 1


def test_someone_without_a_partner_gets_a_clear_409(api_for, loner):
    response = api_for(loner).get("/talk/today")
    assert response.status_code == 409
    assert "Pair with your partner" in response.json()["detail"]
