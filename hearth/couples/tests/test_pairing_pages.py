from datetime import timedelta

import pytest
from django.utils import timezone

from hearth.conftest_helpers import login_client
from hearth.couples.models import Invite
from hearth.couples.selectors import active_couple_id
from hearth.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_it_shows_the_pairing_flow_to_someone_without_a_partner(loner):
    page = login_client(loner).get("/").content.decode()
    assert "Bring your partner in" in page
    assert "Create an invite" in page


def test_it_shows_the_code_and_link_after_inviting(loner):
    client = login_client(loner)
    response = client.post("/couple/invite/", follow=True)
    invite = Invite.objects.get(inviter=loner)
    page = response.content.decode()
    assert invite.code in page
    assert f"http://testserver/couple/join/{invite.token}/" in page


def test_it_pairs_through_the_code_form(loner):
    client = login_client(loner)
    client.post("/couple/invite/")
    invite = Invite.objects.get(inviter=loner)
    joiner = UserFactory.create(display_name="Jo")
    response = login_client(joiner).post("/couple/join/", {"code": invite.code}, follow=True)
    assert "You &amp; " + loner.display_name in response.content.decode()
    assert active_couple_id(joiner) == active_couple_id(loner)


def test_it_explains_an_expired_code_on_the_form(loner):
    login_client(loner).post("/couple/invite/")
    invite = Invite.objects.get(inviter=loner)
    Invite.objects.filter(pk=invite.pk).update(expires_at=timezone.now() - timedelta(hours=1))
    response = login_client(UserFactory.create()).post("/couple/join/", {"code": invite.code})
    assert response.status_code == 400
    assert "This invite has expired" in response.content.decode()


@pytest.mark.parametrize(
    "code", ["abc", "12 34", "x" * 5000, "١٢٣٤٥٦", "12\x003456", "\u202e123456"]
)
def test_it_refuses_bad_codes_with_a_message(loner, code):
    response = login_client(loner).post("/couple/join/", {"code": code})
    assert response.status_code == 400
    assert "six digits" in response.content.decode()


def test_the_invite_link_greets_a_stranger_with_sign_up(loner):
    login_client(loner).post("/couple/invite/")
    invite = Invite.objects.get(inviter=loner)
    from django.test import Client

    page = Client().get(invite.get_absolute_url()).content.decode()
    assert f"{loner.display_name} invited you" in page
    assert "/accounts/signup/?next=" in page


def test_the_invite_link_pairs_a_signed_in_person(loner):
    login_client(loner).post("/couple/invite/")
    invite = Invite.objects.get(inviter=loner)
    joiner = UserFactory.create()
    response = login_client(joiner).post(invite.get_absolute_url(), follow=True)
    assert response.redirect_chain[-1][0] == "/"
    assert active_couple_id(joiner) == active_couple_id(loner)


def test_a_used_invite_link_says_so(loner):
    login_client(loner).post("/couple/invite/")
    invite = Invite.objects.get(inviter=loner)
    login_client(UserFactory.create()).post(invite.get_absolute_url())
    response = login_client(UserFactory.create()).get(invite.get_absolute_url())
    assert response.status_code == 404
    assert "can't be used" in response.content.decode()


def test_unlink_asks_first_then_unlinks(owner, partner):
    client = login_client(owner)
    page = client.get("/couple/unlink/").content.decode()
    assert f"Unlink from {partner.display_name}?" in page
    assert active_couple_id(owner) is not None
    client.post("/couple/unlink/")
    assert active_couple_id(owner) is None
    assert active_couple_id(partner) is None


def test_unlink_never_happens_on_get(owner, partner):
    login_client(owner).get("/couple/unlink/")
    assert active_couple_id(partner) is not None


def test_with_htmx_inviting_swaps_in_just_the_invite_card(loner):
    response = login_client(loner).post("/couple/invite/", headers={"HX-Request": "true"})
    assert response.status_code == 200
    page = response.content.decode()
    assert page.lstrip().startswith('<section class="card" aria-labelledby="invite-heading"')
    assert Invite.objects.get(inviter=loner).code in page
    assert "<html" not in page
    assert "HX-Request" in response["Vary"]
