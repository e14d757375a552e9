import secrets
import zoneinfo
from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from hearth.accounts.models import time_zone_choices


class Couple(models.Model):
    """Two people who chose to pair. Ended couples stay, read-only, for each one's history."""

    created_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    # The couple's days (the daily question, streak-free counts) start at midnight here.
    time_zone = models.CharField(max_length=64, default="UTC", choices=time_zone_choices)

    class Meta:
        indexes = [models.Index(fields=["ended_at"])]

    def __str__(self) -> str:
        return f"Couple {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.ended_at is None

    def local_today(self) -> date:
        return timezone.localdate(timezone=zoneinfo.ZoneInfo(self.time_zone))


class Membership(models.Model):
    """A person's seat in a couple. Seats 1 and 2 make "exactly two" a database rule."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    seat = models.PositiveSmallIntegerField(choices=[(1, "first"), (2, "second")])
    joined_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["couple", "seat"], name="membership_one_per_seat"),
            models.UniqueConstraint(fields=["couple", "user"], name="membership_once_per_couple"),
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(left_at__isnull=True),
                name="membership_one_active_couple_per_user",
            ),
            models.CheckConstraint(condition=Q(seat__in=[1, 2]), name="membership_seat_1_or_2"),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.couple}"


def generate_invite_code() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


def generate_invite_token() -> str:
    return secrets.token_urlsafe(24)


def default_invite_expiry():
    return timezone.now() + timedelta(hours=settings.INVITE_VALID_HOURS)


class InviteQuerySet(models.QuerySet["Invite"]):
    def open(self):
        """Invites that can still be used right now."""
        return self.filter(
            used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class Invite(models.Model):
    """An invitation to pair: a link and a 6-digit code, valid 72 hours, used once."""

    inviter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invites_sent"
    )
    code = models.CharField(max_length=6, default=generate_invite_code)
    token = models.CharField(max_length=64, unique=True, default=generate_invite_token)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=default_invite_expiry)
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    couple = models.ForeignKey(
        Couple, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = InviteQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["code", "expires_at"])]

    def __str__(self) -> str:
        return f"Invite from {self.inviter}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("couples:join_link", args=[self.token])

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()


class CoupleOwnedQuerySet(models.QuerySet):
    def for_user(self, user):
        """Rows of the user's current couple; nothing for anyone else."""
        from hearth.couples.selectors import active_couple_id

        couple_id = active_couple_id(user)
        if couple_id is None:
            return self.none()
        return self.filter(couple_id=couple_id)


class CoupleOwned(models.Model):
    """Base for every couple-owned row: the couple is the one tenant key (PRODUCT O5)."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="+")

    objects = CoupleOwnedQuerySet.as_manager()

    class Meta:
        abstract = True
