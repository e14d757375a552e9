"""Where a couple's days begin: either partner can change it, on a page or through the API,
and the Insights days are recounted in the new time zone."""

import pytest

from hearth.appreciate.services import note_send
from hearth.conftest_helpers import login_client, roll_ups_match_a_recount
from hearth.insights.models import DayTally
from hearth.tests.factories import couple_of

pytestmark = pytest.mark.django_db


def test_either_partner_changes_when_the_days_begin(owner, partner):
    client = login_client(partner)
    page = client.get("/couple/time-zone/")
    assert page.status_code == 200 and "When your days begin" in page.content.decode()
    saved = client.post("/couple/time-zone/", {"time_zone": "Pacific/Auckland"}, follow=True)
    assert "your days now start at midnight there" in saved.content.decode()
    assert couple_of(owner).time_zone == "Pacific/Auckland"


def test_an_unknown_time_zone_is_refused_and_nothing_changes(owner, partner, api_for):
    client = login_client(owner)
    for bad in ("Mars/Olympus", "", "Europe/London\x00", "🌍"):
        assert client.post("/couple/time-zone/", {"time_zone": bad}).status_code == 400
    refused = api_for(owner).put("/couple/time-zone", {"time_zone": "Atlantis/Deep"})
    assert refused.status_code == 400 and refused.json()["code"] == "invalid_time_zone"
    assert api_for(owner).put("/couple/time-zone", {"time_zone": 42}).status_code in (400, 422)
    assert couple_of(owner).time_zone == "UTC"


def test_the_api_changes_it_and_says_so(owner, partner, api_for):
    response = api_for(owner).put("/couple/time-zone", {"time_zone": "America/Chicago"})
    assert response.status_code == 200 and response.json()["time_zone"] == "America/Chicago"
    assert api_for(partner).get("/couple").json()["time_zone"] == "America/Chicago"


def test_without_a_partner_there_is_nothing_to_change(loner, api_for):
    assert login_client(loner).get("/couple/time-zone/").status_code == 302
    refused = api_for(loner).put("/couple/time-zone", {"time_zone": "Europe/Paris"})
    assert refused.status_code == 409


def test_the_insights_days_are_recounted_in_the_new_time_zone(owner, partner):
    couple = couple_of(owner)
    note_send(user=owner, couple=couple, did="You cooked", felt="Cared for")
    login_client(owner).post("/couple/time-zone/", {"time_zone": "Pacific/Kiritimati"})
    couple.refresh_from_db()
    assert DayTally.objects.filter(couple=couple, notes_1=1).exists()
    assert roll_ups_match_a_recount(couple)
