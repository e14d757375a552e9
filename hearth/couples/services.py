"""Pairing workflows: invite, join, unlink (PRODUCT A2, A3)."""

import logging
import zoneinfo

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hearth.core import ratelimit
from hearth.core.errors import Refusal
from hearth.couples.models import Couple, Invite, Membership, generate_invite_code
from hearth.couples.selectors import active_couple_id

logger = logging.getLogger(__name__)

# Six digits can be guessed; wrong codes are limited per person.
JOIN_FAILURES_PER_HOUR = 10


class PairingError(Refusal):
    """Pairing could not happen."""

    def __init__(self, message: str, *, code: str, status: int = 400, guess: bool = False):
        super().__init__(message, code=code, status=status)
        # A wrong or stale code: counted against the person, to stop guessing.
        self.guess = guess


def invite_create(*, inviter) -> Invite:
    """A fresh invite for someone not yet paired; earlier open invites stop working."""
    with transaction.atomic():
        if active_couple_id(inviter) is not None:
            raise PairingError(
                _("You are already paired. Unlink first if you want to pair with someone else."),
                code="already_paired",
                status=409,
            )
        now = timezone.now()
        Invite.objects.filter(inviter=inviter).open().update(revoked_at=now)
        code = generate_invite_code()
        while Invite.objects.open().filter(code=code).exists():
            code = generate_invite_code()
        return Invite.objects.create(inviter=inviter, code=code)


def _find_invite(*, code: str | None, token: str | None) -> Invite | None:
    # Locked until the join ends: a second person joining at the same moment waits, then
    # finds the invite used (on SQLite, immediate transactions take turns already).
    invites = Invite.objects.select_related("inviter").select_for_update(of=("self",))
    if token:
        return invites.filter(token=token).first()
    if code:
        # Codes repeat over the years; the newest invite with this code is the one meant.
        return invites.filter(code=code).order_by("-created_at").first()
    return None


def _refuse(message: str, code: str, status: int = 400) -> PairingError:
    return PairingError(message, code=code, status=status, guess=True)


def couple_join(*, user, code: str | None = None, token: str | None = None) -> Couple:
    """Pair `user` with the person who created the invite. Single use, even under a race."""
    try:
        return _couple_join(user=user, code=code, token=token)
    except PairingError as error:
        if error.guess:  # counted outside the rolled-back transaction
            ratelimit.hit("join-failures", str(user.pk), window_seconds=3600)
        raise


def _couple_join(*, user, code: str | None, token: str | None) -> Couple:
    if ratelimit.count("join-failures", str(user.pk), window_seconds=3600) >= (
        JOIN_FAILURES_PER_HOUR
    ):
        raise PairingError(
            _(
                "Too many codes that didn't work. Please wait an hour, or open the invite link "
                "your partner sent instead."
            ),
            code="throttled",
            status=429,
        )
    if code is not None and not (len(code) == 6 and code.isascii() and code.isdigit()):
        raise _refuse(_("An invite code is six digits, like 042917."), "bad_format")
    with transaction.atomic():
        if active_couple_id(user) is not None:
            raise PairingError(
                _("You are already paired. Unlink first if you want to join someone else."),
                code="already_paired",
                status=409,
            )
        invite = _find_invite(code=code, token=token)
        if invite is None:
            raise _refuse(
                _(
                    "That code doesn't match any invite. Check the six digits, "
                    "or ask your partner to create a new invite."
                ),
                "not_found",
                404,
            )
        if invite.inviter_id == user.pk:
            raise PairingError(
                _("This is your own invite. Send the link or code to your partner instead."),
                code="own_invite",
            )
        if invite.used_at is not None:
            raise _refuse(
                _("This invite has already been used. Ask your partner to create a new one."),
                "used",
                410,
            )
        if invite.revoked_at is not None:
            raise _refuse(
                _("This invite was replaced by a newer one. Ask your partner for the latest code."),
                "replaced",
                410,
            )
        if invite.is_expired:
            raise _refuse(
                _(
                    "This invite has expired (they last 72 hours). "
                    "Ask your partner to create a new one."
                ),
                "expired",
                410,
            )
        if active_couple_id(invite.inviter) is not None:
            raise PairingError(
                _("The person who invited you is already paired with someone else."),
                code="inviter_paired",
                status=409,
            )
        now = timezone.now()
        # The conditional update is the single-use guarantee: only one join can claim it.
        claimed = Invite.objects.filter(pk=invite.pk, used_at__isnull=True).update(used_at=now)
        if not claimed:
            raise PairingError(
                _("This invite has just been used. Ask your partner to create a new one."),
                code="used",
                status=410,
            )
        couple = Couple.objects.create(created_at=now, time_zone=invite.inviter.time_zone)
        try:
            with transaction.atomic():
                Membership.objects.create(couple=couple, user=invite.inviter, seat=1, joined_at=now)
                Membership.objects.create(couple=couple, user=user, seat=2, joined_at=now)
        except IntegrityError:
            # One of the two paired with someone else at this very moment.
            raise PairingError(
                _("One of you has just paired with someone else. Refresh and try again."),
                code="conflict",
                status=409,
            ) from None
        Invite.objects.filter(pk=invite.pk).update(couple=couple)
        Invite.objects.filter(inviter__in=[user, invite.inviter]).open().update(revoked_at=now)
    logger.info("couple %s formed", couple.pk)
    return couple


def couple_unlink(*, user) -> None:
    """End the user's couple at once. Either partner may do this alone (SAFETY rule 1)."""
    with transaction.atomic():
        couple_id = active_couple_id(user)
        if couple_id is None:
            raise PairingError(_("You are not paired with anyone."), code="not_paired", status=409)
        now = timezone.now()
        Couple.objects.filter(pk=couple_id, ended_at__isnull=True).update(ended_at=now)
        Membership.objects.filter(couple_id=couple_id, left_at__isnull=True).update(left_at=now)
    logger.info("couple %s unlinked", couple_id)


def couple_set_time_zone(*, user, time_zone: object) -> Couple:
    """Where the couple's days start at midnight (the daily question, the Insights days).
    Either partner may change it; the daily roll-ups are recounted in the new days."""
    from hearth.insights.tallies import tallies_rebuild

    if not isinstance(time_zone, str) or time_zone not in zoneinfo.available_timezones():
        raise PairingError(
            _("Choose a time zone from the list, like Europe/London."), code="invalid_time_zone"
        )
    with transaction.atomic():
        couple_id = active_couple_id(user)
        if couple_id is None:
            raise PairingError(_("Pair with your partner first."), code="not_paired", status=409)
        couple = Couple.objects.select_for_update().get(pk=couple_id)
        if couple.time_zone != time_zone:
            couple.time_zone = time_zone
            couple.save(update_fields=["time_zone"])
            tallies_rebuild(Couple.objects.filter(pk=couple.pk))
    return couple
