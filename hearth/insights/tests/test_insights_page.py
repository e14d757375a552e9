"""The Insights page: the Connection Index from the couple's last 28 days."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.appreciate.services import note_send
from hearth.conftest_helpers import login_client
from hearth.insights.signals import signals_for
from hearth.support.models import Bid
from hearth.support.services import bid_answer, bid_send
from hearth.talk.services import answer_save, daily_question_for
from hearth.tests.factories import couple_of, make_questions
from hearth.trust.promises import promise_keep, promise_make

pytestmark = pytest.mark.django_db


def some_activity(owner, partner, *, days_ago: int = 1):
    couple = couple_of(owner)
    question = daily_question_for(couple=couple, day=couple.local_today() - timedelta(days_ago))
    answer_save(user=owner, daily_question=question, text="Mine")
    answer_save(user=partner, daily_question=question, text="Theirs")
    note_send(user=owner, couple=couple, did="You cooked", felt="Cared for")
    promise_keep(user=owner, promise=promise_make(user=owner, couple=couple, text="Call mum"))
    bid = bid_send(user=partner, couple=couple, kind="hug")
    bid_answer(user=owner, bid=bid, answer="now", reply="Coming")


def test_the_signals_count_what_each_partner_did(owner, partner):
    make_questions(20)
    some_activity(owner, partner)
    signals = signals_for(couple_of(owner))
    assert signals.answered == (1, 1) and signals.both_answered == 1
    assert signals.notes_sent == (1, 0)
    assert signals.promises_kept == (1, 0) and signals.promises_due == (1, 0)
    # The owner received the partner's bid and turned toward it.
    assert signals.bids_received == (1, 0) and signals.bids_turned_toward == (1, 0)


def test_the_page_shows_each_pillar_with_what_would_raise_it(owner, partner):
    make_questions(20)
    some_activity(owner, partner)
    page = login_client(partner).get("/insights/")
    body = page.content.decode()
    assert page.context["index"].pillars["talk"].score > 0
    assert "Your connection:" in body and "To raise it:" in body
    # Nothing yet for Together: one of its first steps is suggested.
    assert (
        "Plan a date, even a small one at home." in body
        or "Put the phones away together for an evening this week." in body
    )


def test_activity_older_than_28_days_does_not_count(owner, partner):
    make_questions(20)
    some_activity(owner, partner)
    Bid.objects.update(created_at=timezone.now() - timedelta(days=40))
    assert signals_for(couple_of(owner)).bids_received == (0, 0)


def test_the_page_takes_the_same_queries_with_little_or_much_history(owner, partner):
    make_questions(80)
    client = login_client(owner)
    some_activity(owner, partner, days_ago=1)
    with CaptureQueriesContext(connection) as few:
        client.get("/insights/")
    for days_ago in range(2, 40):
        some_activity(owner, partner, days_ago=days_ago)
    with CaptureQueriesContext(connection) as many:
        client.get("/insights/")
    assert len(many) == len(few)
