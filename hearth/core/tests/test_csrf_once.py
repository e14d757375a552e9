"""Every form of a page carries the same masked CSRF token, and the next page a new one; its
secret lives in the session, so pages set no cookie of their own."""

import re

import pytest

from hearth.conftest_helpers import login_client
from hearth.talk.models import Answer
from hearth.tests.factories import UserFactory, make_couple, make_questions

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
HX_HEADER = re.compile(r'"X-CSRFToken": "([^"]+)"')
ANSWER = re.compile(r'action="(/talk/questions/\d+/answer/)"')


@pytest.fixture
def today():
    """Someone in a couple, on Today, with a client that checks CSRF as browsers meet it."""
    make_questions(24)
    me = UserFactory.create()
    make_couple(me, UserFactory.create())
    client = login_client(me)
    client.handler.enforce_csrf_checks = True
    page = client.get("/").content.decode()
    action = ANSWER.search(page)
    assert action is not None
    return me, client, page, action.group(1)


def test_one_token_serves_all_of_todays_forms_and_is_accepted(today):
    me, client, page, answer_url = today
    tokens = TOKEN.findall(page)
    # The answer, swap and log-out forms, and htmx's header, rendered by two templates.
    assert len(tokens) >= 3
    assert set(tokens) == set(HX_HEADER.findall(page)) and len(set(tokens)) == 1

    answered = client.post(
        answer_url,
        {"text": "The lighthouse at dusk 🌅", "next": "/", "csrfmiddlewaretoken": tokens[0]},
    )
    assert answered.status_code == 302
    assert Answer.objects.get(author=me).text == "The lighthouse at dusk 🌅"

    # Masked anew for each response, as Django does (BREACH): never the same text twice.
    assert TOKEN.findall(client.get("/").content.decode())[0] != tokens[0]


def test_a_form_without_the_token_is_refused(today):
    me, client, _page, answer_url = today
    assert client.post(answer_url, {"text": "Hello", "next": "/"}).status_code == 403
    assert not Answer.objects.filter(author=me).exists()


def test_pages_set_no_csrf_cookie_as_the_secret_is_kept_in_the_session(today):
    _me, client, _page, answer_url = today
    again = client.get("/")
    assert "csrftoken" not in again.cookies and "Set-Cookie" not in again.headers
    token = TOKEN.findall(again.content.decode())[0]
    answered = client.post(answer_url, {"text": "Hi", "next": "/", "csrfmiddlewaretoken": token})
    assert answered.status_code == 302

    # Signing out ends the session and the secret with it: an old page's forms stop working.
    client.post("/accounts/logout/", {"csrfmiddlewaretoken": token})
    refused = client.post(answer_url, {"text": "Hi", "next": "/", "csrfmiddlewaretoken": token})
    assert refused.status_code == 403
