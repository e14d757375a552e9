from datetime import timedelta

import pytest
from django.utils import timezone

from hearth.conftest_helpers import login_client
from hearth.core.models import Event
from hearth.talk.content import LIBRARIES
from hearth.talk.models import Debrief, Timeout
from hearth.talk.services import TalkError
from hearth.talk.timeouts import (
    current_timeout,
    debrief_set_shared,
    debrief_write,
    debriefs_visible_to,
    timeout_end_early,
    timeout_start,
)
from hearth.tests.factories import couple_of

pytestmark = pytest.mark.django_db


def test_either_partner_starts_a_twenty_minute_break_both_see(owner, partner):
    couple = couple_of(owner)
    timeout = timeout_start(user=partner, couple=couple)
    assert timeout.minutes == 20
    assert timedelta(minutes=19) < timeout.ends_at - timezone.now() <= timedelta(minutes=20)
    page = login_client(owner).get("/talk/timeout/").content.decode()
    assert "Parker asked for this break." in page
    assert "minutes left" in page
    assert "A break is on until" in login_client(owner).get("/").content.decode()


def test_a_second_start_keeps_the_first_break(owner, partner):
    couple = couple_of(owner)
    first = timeout_start(user=owner, couple=couple, minutes=30)
    assert timeout_start(user=partner, couple=couple) == first
    assert Timeout.objects.count() == 1


def test_the_partner_is_told_and_both_are_reminded_to_come_back(owner, partner):
    timeout = timeout_start(user=owner, couple=couple_of(owner))
    started = Event.objects.get(kind=Event.Kind.TIMEOUT_STARTED)
    assert started.recipient == partner
    reminders = Event.objects.filter(kind=Event.Kind.TIMEOUT_OVER)
    assert {event.recipient for event in reminders} == {owner, partner}
    assert all(event.due_at == timeout.ends_at for event in reminders)


def test_only_the_person_who_asked_can_end_it_sooner(owner, partner):
    timeout = timeout_start(user=owner, couple=couple_of(owner))
    with pytest.raises(TalkError) as refused:
        timeout_end_early(user=partner, timeout=timeout)
    assert refused.value.status == 403
    timeout_end_early(user=owner, timeout=timeout)
    assert current_timeout(couple_of(owner)) is None
    assert not Event.objects.filter(kind=Event.Kind.TIMEOUT_OVER).exists()


@pytest.mark.parametrize("minutes", [0, 5, 19, 1000])
def test_it_refuses_odd_lengths(owner, partner, minutes):
    with pytest.raises(TalkError):
        timeout_start(user=owner, couple=couple_of(owner), minutes=minutes)
    assert not Timeout.objects.exists()


def test_a_finished_break_is_no_longer_current(owner, partner):
    timeout = timeout_start(user=owner, couple=couple_of(owner))
    Timeout.objects.filter(pk=timeout.pk).update(ends_at=timezone.now() - timedelta(seconds=1))
    assert current_timeout(couple_of(owner)) is None


def test_the_calm_page_shows_the_guide_and_repair_phrases(owner, partner):
    LIBRARIES["repair_phrases"].load()
    page = login_client(owner).get("/talk/timeout/").content.decode()
    assert "Feeling flooded?" in page and "I need a break" in page
    login_client(owner).post("/talk/timeout/start/", {"minutes": "30"})
    page = login_client(owner).get("/talk/timeout/").content.decode()
    assert "Breathe slowly" in page
    assert "I'm ready to come back" in page
    assert Timeout.objects.get().minutes == 30


def test_debriefs_are_private_unless_shared(owner, partner):
    couple = couple_of(owner)
    private = debrief_write(user=owner, couple=couple, felt="Small and unheard.")
    assert list(debriefs_visible_to(partner)) == []
    assert "Small and unheard." not in login_client(partner).get("/talk/debriefs/").content.decode()
    debrief_set_shared(user=owner, debrief=private, shared=True)
    assert list(debriefs_visible_to(partner)) == [private]
    with pytest.raises(TalkError):
        debrief_set_shared(user=partner, debrief=private, shared=False)


def test_writing_a_debrief_on_the_page(owner, partner):
    client = login_client(owner)
    response = client.post(
        "/talk/debriefs/",
        {
            "felt": "Worried.",
            "needed": "A hug.",
            "my_part": "I rushed.",
            "next_time": "",
            "shared": "on",
        },
    )
    assert response.status_code == 302
    debrief = Debrief.objects.get()
    assert (debrief.felt, debrief.shared) == ("Worried.", True)
    assert "Worried." in login_client(partner).get("/talk/debriefs/").content.decode()


def test_a_debrief_needs_at_least_the_feeling(owner, partner):
    response = login_client(owner).post("/talk/debriefs/", {"felt": "", "needed": "x"})
    assert response.status_code == 400
    assert not Debrief.objects.exists()


def test_timeouts_and_debriefs_through_the_api(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)
    assert me.get("/talk/timeouts/current").status_code == 404
    started = me.post("/talk/timeouts", {"minutes": 45})
    assert started.status_code == 201 and started.json()["minutes"] == 45
    assert them.get("/talk/timeouts/current").json()["active"] is True
    assert them.post(f"/talk/timeouts/{started.json()['id']}/end").status_code == 403
    ended = me.post(f"/talk/timeouts/{started.json()['id']}/end").json()
    assert ended["active"] is False
    written = me.post("/talk/debriefs", {"felt": "Tired 😮‍💨", "timeout_id": started.json()["id"]})
    assert written.status_code == 201 and written.json()["shared"] is False
    assert them.get("/talk/debriefs").json() == []
    me.request("PUT", f"/talk/debriefs/{written.json()['id']}/shared", json={"shared": True})
    assert them.get("/talk/debriefs").json()[0]["felt"] == "Tired 😮‍💨"
    assert me.post("/talk/debriefs", {"felt": ""}).status_code == 400
