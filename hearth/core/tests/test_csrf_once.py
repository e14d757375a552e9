"""Every form of a page carries the same masked CSRF token, and the next page a new one."""

import re

import pytest

from hearth.conftest_helpers import login_client
from hearth.talk.models import Answer
from hearth.tests.factories import UserFactory, make_couple, make_questions

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
HX_HEADER = re.compile(r'"X-CSRFToken": "([^"]+)"')


def test_one_token_serves_all_of_todays_forms_and_is_accepted():
    make_questions(24)
    me = UserFactory.create()
    make_couple(me, UserFactory.create())
    client = login_client(me)
    client.handler.enforce_csrf_checks = True

    page = client.get("/").content.decode()
    tokens = TOKEN.findall(page)
    # The answer, swap and log-out forms, and htmx's header, rendered by two templates.
    assert len(tokens) >= 3
    assert set(tokens) == set(HX_HEADER.findall(page)) and len(set(tokens)) == 1

    action = re.search(r'action="(/talk/questions/\d+/answer/)"', page)
    assert action is not None
    answered = client.post(
        action.group(1),
        {"text": "The lighthouse at dusk 🌅", "next": "/", "csrfmiddlewaretoken": tokens[0]},
    )
    assert answered.status_code == 302
    assert Answer.objects.get(author=me).text == "The lighthouse at dusk 🌅"

    # Masked anew for each response, as Django does (BREACH): never the same text twice.
    assert TOKEN.findall(client.get("/").content.decode())[0] != tokens[0]


def test_a_form_without_the_token_is_refused():
    make_questions(24)
    me = UserFactory.create()
    make_couple(me, UserFactory.create())
    client = login_client(me)
    client.handler.enforce_csrf_checks = True
    page = client.get("/").content.decode()
    action = re.search(r'action="(/talk/questions/\d+/answer/)"', page)
    assert action is not None

    assert client.post(action.group(1), {"text": "Hello", "next": "/"}).status_code == 403
    assert not Answer.objects.filter(author=me).exists()
