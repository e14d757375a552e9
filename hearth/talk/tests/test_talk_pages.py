import random
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hearth.conftest_helpers import login_client
from hearth.talk import demo
from hearth.talk.models import Answer, Reaction, Reply
from hearth.talk.services import answer_save, daily_question_for
from hearth.tests.factories import couple_of, make_questions

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(owner, partner):
    make_questions(40)
    return daily_question_for(couple=couple_of(owner))


def test_it_shows_todays_question_and_how_it_stays_private(owner, question):
    page = login_client(owner).get("/talk/").content.decode()
    assert question.question.text in page
    assert "Share my answer" in page
    assert "Only you can see it until you have both answered." in page


def test_it_saves_an_answer_and_says_the_partner_has_not_seen_it(owner, partner, question):
    response = login_client(owner).post(
        f"/talk/questions/{question.pk}/answer/", {"text": "The lighthouse at dusk."}, follow=True
    )
    assert response.status_code == 200
    assert Answer.objects.get(author=owner).text == "The lighthouse at dusk."
    partner_page = login_client(partner).get("/talk/").content.decode()
    assert "The lighthouse at dusk." not in partner_page
    assert "Olive has answered" in partner_page


def test_the_partners_answer_appears_once_both_have_answered(owner, partner, question):
    answer_save(user=partner, daily_question=question, text="The orchard in spring.")
    client = login_client(owner)
    assert "The orchard in spring." not in client.get("/").content.decode()
    client.post(f"/talk/questions/{question.pk}/answer/", {"text": "Mine."})
    today = client.get("/").content.decode()
    assert "The orchard in spring." in today
    assert "Tell me more" in today


def test_with_htmx_answering_swaps_in_just_the_card(owner, question):
    response = login_client(owner).post(
        f"/talk/questions/{question.pk}/answer/",
        {"text": "Mine."},
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    assert body.lstrip().startswith(
        f'<article class="card question-card" id="question-{question.pk}"'
    )
    assert "<html" not in body


@pytest.mark.parametrize("text", ["", "x" * 4001, "bad\x07bell"])
def test_a_bad_answer_is_refused_with_a_message_and_not_stored(owner, question, text):
    response = login_client(owner).post(f"/talk/questions/{question.pk}/answer/", {"text": text})
    assert response.status_code == 400
    assert not Answer.objects.exists()


def test_react_reply_and_tell_me_more_on_the_page(owner, partner, question):
    theirs = answer_save(user=partner, daily_question=question, text="Theirs.")
    answer_save(user=owner, daily_question=question, text="Mine.")
    client = login_client(owner)
    client.post(f"/talk/answers/{theirs.pk}/react/", {"kind": "heart", "next": "/talk/"})
    client.post(f"/talk/answers/{theirs.pk}/reply/", {"kind": "more", "text": ""})
    client.post(f"/talk/answers/{theirs.pk}/reply/", {"kind": "reply", "text": "Same here 🌊"})
    assert Reaction.objects.get().kind == "heart"
    assert list(Reply.objects.values_list("kind", flat=True)) == ["more", "reply"]
    page = login_client(partner).get("/talk/").content.decode()
    assert "would love to hear more" in page and "Same here 🌊" in page
    assert "Olive reacted ❤️" in page
    # The chosen reaction is pressed, and pressing it again takes it back (an empty kind).
    buttons = re.findall(r'<button[^>]*class="reaction"[^>]*>', client.get("/").content.decode())
    assert len(buttons) == 5
    assert 'value="" class="reaction" aria-pressed="true" aria-label="Love this"' in buttons[0]
    assert all('aria-pressed="false"' in button for button in buttons[1:])
    assert 'value="hug"' in buttons[3]


def test_the_archive_searches_questions_and_visible_answers(owner, partner, question):
    answer_save(user=partner, daily_question=question, text="the blue notebook")
    client = login_client(owner)
    assert "0 found" in client.get("/talk/archive/?q=notebook").content.decode()
    answer_save(user=owner, daily_question=question, text="Mine.")
    page = client.get("/talk/archive/?q=notebook").content.decode()
    assert "1 found" in page and "the blue notebook" in page


def test_someone_without_a_partner_is_sent_to_pairing(loner):
    response = login_client(loner).get("/talk/", follow=True)
    assert response.redirect_chain[-1][0] == "/"
    assert "pair with your partner first" in response.content.decode()


def test_the_repair_phrases_are_listed(owner, partner):
    from hearth.talk.content import LIBRARIES

    LIBRARIES["repair_phrases"].load()
    page = login_client(owner).get("/talk/repair/").content.decode()
    assert "Slowing down" in page and page.count("<li>") >= 40


def queries_for(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("path", ["/", "/talk/", "/talk/archive/"])
def test_query_counts_do_not_grow_with_history(owner, partner, path):
    make_questions(400)
    couple = couple_of(owner)
    demo.seed_demo_couple(couple=couple, first=owner, second=partner, weeks=1, rng=random.Random(1))
    client = login_client(owner)
    client.get(path)  # today's question chosen on first sight
    short = queries_for(client, path)
    demo.seed_demo_couple(
        couple=couple, first=owner, second=partner, weeks=40, rng=random.Random(2)
    )
    assert queries_for(client, path) == short
    assert short <= 20
