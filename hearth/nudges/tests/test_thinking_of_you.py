"""N2: a thinking-of-you is a small wave, three a day at most, so it cannot become a way
to keep someone on a string. The fourth is refused kindly and nothing is stored."""

import html
import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from hearth.conftest_helpers import login_client
from hearth.core.models import Event
from hearth.nudges.services import THINKING_OF_YOU_PER_DAY, NudgeError, thinking_of_you_send
from hearth.nudges.tests.helpers import daytime, deliver, notification_for
from hearth.tests.factories import couple_of

pytestmark = pytest.mark.django_db

ENOUGH = "That's three little waves today, plenty for them to feel it."


def waves():
    return Event.objects.filter(kind=Event.Kind.THINKING_OF_YOU)


def test_it_sends_a_little_wave_the_partner_sees_in_hearth(owner, partner):
    client = login_client(owner)
    assert "Send a thinking-of-you" in client.get("/nudges/").content.decode()
    response = client.post("/nudges/thinking-of-you/", follow=True)
    assert "Sent. Parker will get a little wave from you." in response.content.decode()
    deliver(daytime())
    page = login_client(partner).get("/nudges/").content.decode()
    assert "Olive is thinking of you" in page
    assert "Nothing to do. Just a small wave from across the day." in page
    assert notification_for(partner, Event.Kind.THINKING_OF_YOU).recipient == partner


def test_the_page_allows_three_a_day_and_refuses_the_fourth_kindly(owner, partner):
    client = login_client(owner)
    for left in (2, 1, 0):
        client.post("/nudges/thinking-of-you/")
        page = client.get("/nudges/").content.decode()
        if left:
            assert f"you can send {left} more today" in page
    assert "Send a thinking-of-you" not in client.get("/nudges/").content.decode()
    response = client.post("/nudges/thinking-of-you/")
    assert response.status_code == 429
    assert ENOUGH in html.unescape(response.content.decode())
    assert waves().count() == THINKING_OF_YOU_PER_DAY


def test_the_api_answers_429_on_the_fourth_and_stores_nothing(owner, partner, api_for):
    api = api_for(owner)
    lefts = [api.post("/nudges/thinking-of-you").json()["left_today"] for _ in range(3)]
    assert lefts == [2, 1, 0]
    refused = api.post("/nudges/thinking-of-you")
    assert refused.status_code == 429
    assert refused.json() == {
        "detail": "That's three little waves today, plenty for them to feel it. "
        "You can send another tomorrow.",
        "code": "enough_for_today",
    }
    assert waves().count() == 3
    deliver(daytime())
    assert login_client(partner).get("/nudges/").content.decode().count("is thinking of you") == 3


def test_each_partner_has_their_own_three(owner, partner, api_for):
    for person in (owner, partner):
        for _ in range(3):
            assert api_for(person).post("/nudges/thinking-of-you").status_code == 201
    assert waves().filter(recipient=partner).count() == 3
    assert waves().filter(recipient=owner).count() == 3


def test_the_count_starts_again_on_the_senders_next_day(owner, partner):
    owner.time_zone = "America/Los_Angeles"
    owner.save(update_fields=["time_zone"])
    couple = couple_of(owner)
    for _ in range(3):
        thinking_of_you_send(user=owner, couple=couple)
    with pytest.raises(NudgeError):
        thinking_of_you_send(user=owner, couple=couple)
    # Those three were yesterday, in Los Angeles.
    waves().update(created_at=timezone.now() - timedelta(days=1))
    thinking_of_you_send(user=owner, couple=couple)
    assert waves().count() == 4


def test_someone_not_paired_has_nobody_to_wave_to(loner, api_for):
    response = api_for(loner).post("/nudges/thinking-of-you")
    assert response.status_code == 409
    assert not waves().exists()


@pytest.mark.django_db(transaction=True)
def test_two_taps_at_the_same_moment_cannot_both_be_the_third(owner, partner):
    couple = couple_of(owner)
    for _ in range(2):
        thinking_of_you_send(user=owner, couple=couple)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def tap():
        try:
            barrier.wait()
            thinking_of_you_send(user=owner, couple=couple)
            outcomes.append("sent")
        except NudgeError as refused:
            outcomes.append(refused.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=tap) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["enough_for_today", "sent"]
    assert waves().count() == 3
