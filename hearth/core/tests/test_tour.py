"""The welcome tour (PRODUCT A5): five skippable steps, one per pillar, offered on Today
until the person finishes or skips it."""

import pytest
from django.utils.html import escape

from hearth.conftest_helpers import login_client
from hearth.core.tour import PILLARS, tour_steps

pytestmark = pytest.mark.django_db

SEED_COUPLES = ("Kristen Bell and Dax Shepard", "Tom Hanks and Rita Wilson")


def test_each_pillar_has_a_step_that_says_why_it_matters_and_where_to_start(owner, partner):
    client = login_client(owner)
    for number, step in enumerate(tour_steps(), start=1):
        page = client.get(f"/welcome/tour/{step.key}/")
        body = page.content.decode()
        assert page.status_code == 200
        assert f"{number} of {len(PILLARS)}" in body and step.title in body
        assert len(step.why) > 120 and escape(step.try_it) in body
        if number < len(PILLARS):
            assert "Skip the tour" in body
    examples = " ".join(step.example for step in tour_steps())
    assert all(couple in examples for couple in SEED_COUPLES)


def test_today_offers_the_tour_until_it_is_skipped(owner, partner):
    client = login_client(owner)
    assert "New here? A one-minute tour" in client.get("/").content.decode()
    done = client.post("/welcome/tour/done/")
    assert done.status_code == 302 and done["Location"] == "/"
    owner.refresh_from_db()
    assert owner.tour_done_at is not None
    assert "New here? A one-minute tour" not in client.get("/").content.decode()
    # Skipping is the person's own: the partner is still offered it.
    assert "New here? A one-minute tour" in login_client(partner).get("/").content.decode()


def test_an_unknown_step_is_not_found(owner, partner):
    assert login_client(owner).get("/welcome/tour/money/").status_code == 404


def test_the_tour_waits_for_a_sign_in(client):
    page = client.get("/welcome/tour/talk/")
    assert page.status_code == 302 and page["Location"].startswith("/accounts/login/")
