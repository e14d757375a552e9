import threading

import pytest

from hearth.couples.models import Couple
from hearth.couples.selectors import active_couple_id
from hearth.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_it_pairs_through_the_api(api_for, loner):
    invite = api_for(loner).post("/couple/invite")
    assert invite.status_code == 201
    body = invite.json()
    assert len(body["code"]) == 6 and body["url"].startswith("http")
    assert "expires_at" in body
    joiner = UserFactory.create(display_name="Jude")
    joined = api_for(joiner).post("/couple/join", {"code": body["code"]})
    assert joined.status_code == 201
    assert joined.json()["partner"]["display_name"] == loner.display_name
    me = api_for(loner).get("/me").json()
    assert me["couple"]["partner"]["display_name"] == "Jude"


@pytest.mark.parametrize(
    ("payload", "status"),
    [({"code": "999999"}, 404), ({"code": "12"}, 400), ({"code": 123456}, 422), ({}, 422)],
)
def test_it_refuses_bad_codes_with_a_message(api_for, loner, payload, status):
    response = api_for(loner).post("/couple/join", payload)
    assert response.status_code == status
    assert response.json()["detail"]
    assert not Couple.objects.exists()


def test_a_used_code_is_refused(api_for, loner):
    code = api_for(loner).post("/couple/invite").json()["code"]
    api_for(UserFactory.create()).post("/couple/join", {"code": code})
    response = api_for(UserFactory.create()).post("/couple/join", {"code": code})
    assert response.status_code == 410
    assert "already been used" in response.json()["detail"]


def test_unlink_through_the_api(api_for, owner, partner):
    assert api_for(owner).delete("/couple").status_code == 204
    assert api_for(partner).get("/me").json()["couple"] is None
    assert api_for(partner).get("/couple").status_code == 404
    assert api_for(owner).delete("/couple").status_code == 409


@pytest.mark.django_db(transaction=True)
def test_two_people_racing_for_one_invite_make_one_couple(api_for):
    inviter, first, second = UserFactory.create(), UserFactory.create(), UserFactory.create()
    code = api_for(inviter).post("/couple/invite").json()["code"]
    clients = [api_for(first), api_for(second)]
    statuses: list[int] = []
    barrier = threading.Barrier(2)

    def join(client):
        barrier.wait()
        statuses.append(client.post("/couple/join", {"code": code}).status_code)
        from django.db import connection

        connection.close()

    threads = [threading.Thread(target=join, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [201, 410]
    assert Couple.objects.count() == 1
    assert active_couple_id(inviter) is not None
