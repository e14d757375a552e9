"""N1 in Hearth: my nudges, newest first, each with a link; the same through the API; only
ever my own."""

import pytest

from hearth.conftest_helpers import login_client
from hearth.core.models import Event, event_emit
from hearth.nudges.services import LIST_LIMIT, thinking_of_you_send
from hearth.nudges.tests.helpers import daytime, deliver, send_note
from hearth.support.services import bid_send
from hearth.tests.factories import couple_of

pytestmark = pytest.mark.django_db


def test_it_lists_my_nudges_newest_first_with_where_to_look(owner, partner):
    couple = couple_of(owner)
    send_note(owner)
    bid_send(user=owner, couple=couple, kind="hug")
    thinking_of_you_send(user=owner, couple=couple)
    deliver(daytime())
    page = login_client(partner).get("/nudges/").content.decode()
    order = [
        page.index("Olive is thinking of you"),
        page.index("Olive is reaching for you"),
        page.index("Olive sent you some appreciation"),
    ]
    assert order == sorted(order)
    assert 'href="/support/"' in page and 'href="/appreciate/wall/"' in page
    assert 'href="/nudges/settings/"' in page


def test_the_list_keeps_to_the_fifty_newest(owner, partner, api_for):
    couple = couple_of(owner)
    for _ in range(LIST_LIMIT + 5):
        event_emit(couple=couple, kind=Event.Kind.GESTURE_NOTICED, recipient=partner, subject=owner)
    deliver(daytime())
    page = login_client(partner).get("/nudges/").content.decode()
    assert page.count('<li class="nudge') == LIST_LIMIT
    assert "The fifty newest are here." in page
    assert len(api_for(partner).get("/nudges/notifications").json()) == LIST_LIMIT


def test_the_api_lists_my_nudges_and_nobody_elses(owner, partner, outsider, api_for):
    send_note(owner)
    deliver(daytime())
    [nudge] = api_for(partner).get("/nudges/notifications").json()
    assert nudge["kind"] == "note_received" and nudge["link"] == "/appreciate/wall/"
    assert nudge["title"] == "Olive sent you some appreciation" and nudge["seen"] is False
    assert set(nudge) == {"id", "kind", "title", "line", "link", "created_at", "seen"}
    assert api_for(owner).get("/nudges/notifications").json() == []
    assert api_for(outsider).get("/nudges/notifications").json() == []
    assert api_for(outsider).post("/nudges/notifications/seen").json() == {"seen": 0}
    assert api_for(partner).get("/nudges/notifications").json()[0]["seen"] is False


def test_someone_not_paired_is_asked_to_pair_first_but_keeps_their_settings(loner, api_for):
    client = login_client(loner)
    assert client.get("/nudges/").status_code == 302
    assert client.get("/nudges/settings/").status_code == 200
    assert api_for(loner).get("/nudges/notifications").status_code == 409
    assert api_for(loner).get("/nudges/preferences").status_code == 200
