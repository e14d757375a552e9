"""The Insights page: the Connection Index from the couple's last 28 days."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from playwright.sync_api import expect

from hearth.appreciate.services import note_send
from hearth.conftest_helpers import browser_log_in, login_client, seeded_couple
from hearth.core.registry import content_libraries
from hearth.couples.models import Couple
from hearth.insights.charts import CALENDAR_WEEKS, TREND_WEEKS
from hearth.insights.models import DayTally
from hearth.insights.signals import signals_for
from hearth.insights.tallies import tallies_rebuild
from hearth.support.models import Bid
from hearth.support.services import bid_answer, bid_send
from hearth.talk.services import answer_save, daily_question_for
from hearth.tests.factories import PASSWORD, couple_of, make_questions
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
    tallies_rebuild(Couple.objects.all())  # written past the services
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


def test_the_page_takes_the_same_queries_at_one_week_and_five_years():
    for library in content_libraries().values():
        library.load()
    counts = []
    for weeks in (1, 5 * 52):
        client = login_client(seeded_couple(weeks))
        client.get("/insights/")
        with CaptureQueriesContext(connection) as queries:
            page = client.get("/insights/")
        assert page.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    assert DayTally.objects.count() > 5 * 300  # five years of days were counted


def test_every_chart_has_a_table_with_the_same_figures(owner, partner):
    make_questions(20)
    some_activity(owner, partner)
    page = login_client(owner).get("/insights/")
    charts = page.context["chart_json"]
    body = page.content.decode()
    assert len(charts["trend"]) == TREND_WEEKS and charts["trend"][-1]["overall"] == (
        page.context["index"].overall
    )
    assert len(charts["calendar"]) > 7 * (CALENDAR_WEEKS - 1)
    assert sum(day["n"] for day in charts["calendar"]) > 0
    # The tables, open when there is no script to draw the charts.
    assert body.count('<details class="chart-table" open>') == 3
    today_row = page.context["trend_rows"][-1]
    assert f"<td>{today_row[1]}</td>" in body
    assert "Week ending" in body and "Week of" in body and "A month ago" in body


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_charts_are_drawn_on_a_phone(new_phone, screenshot):
    for library in content_libraries().values():
        library.load()
    person = seeded_couple(26)
    phone = new_phone()
    errors: list[str] = []
    phone.on("pageerror", lambda error: errors.append(str(error)))
    browser_log_in(phone, person.email, PASSWORD)
    phone.goto("/insights/")
    for chart in ("chart-overview", "chart-trend", "chart-calendar"):
        canvas = phone.locator(f"#{chart}")
        expect(canvas).to_be_visible()
        box = canvas.bounding_box()
        assert box and box["width"] > 250 and box["height"] > 150
    # Drawn, the tables fold away behind "The figures as a table", still one tap away.
    expect(phone.locator("details.chart-table[open]")).to_have_count(0)
    phone.get_by_text("The figures as a table").first.click()
    expect(
        phone.get_by_role("cell", name="Talk", exact=True).or_(
            phone.get_by_role("rowheader", name="Talk")
        )
    ).to_be_visible()
    screenshot(phone, "insights")
    assert errors == []
