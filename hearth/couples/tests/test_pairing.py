from datetime import timedelta

import pytest
from django.utils import timezone

from hearth.conftest_helpers import login_client
from hearth.couples.models import Couple, Invite, Membership
from hearth.couples.selectors import active_couple_id
from hearth.couples.services import (
    JOIN_FAILURES_PER_HOUR,
    PairingError,
    couple_join,
    couple_unlink,
    invite_create,
)
from hearth.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_it_creates_a_six_digit_invite_valid_for_72_hours(loner):
    invite = invite_create(inviter=loner)
    assert len(invite.code) == 6 and invite.code.isdigit()
    assert (
        timedelta(hours=71, minutes=59) < invite.expires_at - timezone.now() <= timedelta(hours=72)
    )
    assert invite.get_absolute_url() == f"/couple/join/{invite.token}/"


def test_it_replaces_the_previous_invite(loner):
    first = invite_create(inviter=loner)
    invite_create(inviter=loner)
    first.refresh_from_db()
    assert first.revoked_at is not None
    with pytest.raises(PairingError) as error:
        couple_join(user=UserFactory.create(), code=first.code)
    assert error.value.code in {"replaced", "not_found"}


def test_it_pairs_two_people_with_the_code(loner):
    invite = invite_create(inviter=loner)
    joiner = UserFactory.create()
    couple = couple_join(user=joiner, code=invite.code)
    assert active_couple_id(loner) == active_couple_id(joiner) == couple.pk
    assert sorted(Membership.objects.filter(couple=couple).values_list("seat", flat=True)) == [1, 2]


def test_it_pairs_with_the_link_token(loner):
    invite = invite_create(inviter=loner)
    joiner = UserFactory.create()
    couple_join(user=joiner, token=invite.token)
    assert active_couple_id(joiner) == active_couple_id(loner)


def test_it_refuses_a_used_invite(loner):
    invite = invite_create(inviter=loner)
    couple_join(user=UserFactory.create(), code=invite.code)
    with pytest.raises(PairingError) as error:
        couple_join(user=UserFactory.create(), token=invite.token)
    assert error.value.code == "used"
    assert "already been used" in error.value.message
    assert Couple.objects.count() == 1


def test_it_refuses_an_expired_invite(loner):
    invite = invite_create(inviter=loner)
    Invite.objects.filter(pk=invite.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    joiner = UserFactory.create()
    with pytest.raises(PairingError) as error:
        couple_join(user=joiner, code=invite.code)
    assert error.value.code == "expired"
    assert "expired" in error.value.message
    assert active_couple_id(joiner) is None


def test_it_refuses_your_own_invite(loner):
    invite = invite_create(inviter=loner)
    with pytest.raises(PairingError) as error:
        couple_join(user=loner, code=invite.code)
    assert error.value.code == "own_invite"


@pytest.mark.parametrize("code", ["12345", "1234567", "12a456", "١٢٣٤٥٦", ""])
def test_it_refuses_malformed_codes(loner, code):
    with pytest.raises(PairingError) as error:
        couple_join(user=loner, code=code)
    assert error.value.code == "bad_format"


def test_it_keeps_a_person_in_one_couple(owner, partner):
    stranger = UserFactory.create()
    invite = invite_create(inviter=stranger)
    with pytest.raises(PairingError) as error:
        couple_join(user=owner, code=invite.code)
    assert error.value.code == "already_paired"
    with pytest.raises(PairingError):
        invite_create(inviter=owner)


def test_it_refuses_when_the_inviter_paired_meanwhile(loner):
    invite = invite_create(inviter=loner)
    other_invite = invite_create(inviter=UserFactory.create())
    couple_join(user=loner, code=other_invite.code)
    with pytest.raises(PairingError) as error:
        couple_join(user=UserFactory.create(), code=invite.code)
    # Pairing revoked the inviter's own open invite.
    assert error.value.code in {"replaced", "inviter_paired"}


def test_it_stops_guessing_after_repeated_wrong_codes(loner):
    for _ in range(JOIN_FAILURES_PER_HOUR):
        with pytest.raises(PairingError):
            couple_join(user=loner, code="000000")
    invite = invite_create(inviter=UserFactory.create())
    with pytest.raises(PairingError) as error:
        couple_join(user=loner, code=invite.code)
    assert error.value.code == "throttled"
    assert error.value.status == 429


def test_the_database_allows_no_third_member(owner, partner):
    from django.db import IntegrityError, transaction

    couple = Membership.objects.get(user=owner).couple
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(couple=couple, user=UserFactory.create(), seat=2)


def test_either_partner_can_unlink_alone(owner, partner):
    couple_unlink(user=partner)
    assert active_couple_id(owner) is None
    assert active_couple_id(partner) is None
    couple = Couple.objects.get()
    assert couple.ended_at is not None
    # Each can pair again.
    invite = invite_create(inviter=owner)
    couple_join(user=UserFactory.create(), code=invite.code)


def test_unlinking_ends_the_partners_access_on_their_next_request(owner, partner):
    partner_client = login_client(partner)
    response = partner_client.get("/")
    assert owner.display_name in response.content.decode()
    couple_unlink(user=owner)
    response = partner_client.get("/")
    page = response.content.decode()
    assert owner.display_name not in page
    assert "Bring your partner in" in page
