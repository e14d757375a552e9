"""Nudges (PRODUCT N1, N2): each person's choices, and the notifications Hearth made."""

import zoneinfo
from datetime import UTC, datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from hearth.core.models import Event
from hearth.couples.models import CoupleOwned

QUIET_START = time(22, 0)
QUIET_END = time(8, 0)


class NudgePreferences(models.Model):
    """What one person wants to hear about, and how: per kind, by e-mail and in Hearth,
    and the quiet hours when no e-mail goes out. The person's own, kept across couples.

    Switches are stored as {kind: bool}; a kind missing from them has its default, so a
    kind added later starts with a sensible setting for everyone."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="nudge_preferences"
    )
    email = models.JSONField(default=dict, blank=True)
    in_app = models.JSONField(default=dict, blank=True)
    # No e-mail from start to end, in the person's own time zone. Equal times: no quiet hours.
    quiet_start = models.TimeField(default=QUIET_START)
    quiet_end = models.TimeField(default=QUIET_END)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "nudge preferences"

    def __str__(self) -> str:
        return f"Nudge preferences of {self.user_id}"

    def wants_email(self, kind: str) -> bool:
        from hearth.nudges.kinds import kind_info

        return bool(self.email.get(kind, kind_info(kind).email_default))

    def wants_in_app(self, kind: str) -> bool:
        return bool(self.in_app.get(kind, True))

    @property
    def has_quiet_hours(self) -> bool:
        return self.quiet_start != self.quiet_end

    def is_quiet(self, moment: time) -> bool:
        """Is this local time of day within the quiet hours?"""
        start, end = self.quiet_start, self.quiet_end
        if start == end:
            return False
        if start < end:
            return start <= moment < end
        return moment >= start or moment < end

    def email_allowed_from(self, now: datetime, zone: zoneinfo.ZoneInfo) -> datetime:
        """`now`, or the end of the quiet hours `now` falls in (in the person's zone)."""
        local = now.astimezone(zone)
        if not self.is_quiet(local.time()):
            return now
        day = local.date()
        if local.time() >= self.quiet_end:
            day += timedelta(days=1)
        return datetime.combine(day, self.quiet_end, tzinfo=zone).astimezone(UTC)


class Notification(CoupleOwned):
    """One nudge for one person about one occasion: the partner answered, a date is
    tomorrow, the week is over. (recipient, kind, occasion) is unique, and that is what
    makes delivery happen once and only once, however often the sender runs.

    It holds what happened and where to look, never the words anybody wrote. Whether it
    was seen is private to the recipient."""

    class Email(models.TextChoices):
        NONE = "none", "Not e-mailed"
        WAITING = "waiting", "Waiting to be sent"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        GAVE_UP = "gave_up", "Could not be sent"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=40, choices=Event.Kind.choices)
    # What this is about, once: "event:<id>", "date:<id>:<start>", "promise:<id>:<day>",
    # "weekly:<iso year-week>".
    occasion = models.CharField(max_length=80)
    # The object it is about, as "app.model:pk", for the link.
    subject = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(null=True, blank=True)
    email = models.CharField(max_length=8, choices=Email.choices, default=Email.NONE)
    # Not before this moment: the end of quiet hours, or the next try after a failure.
    email_not_before = models.DateTimeField(null=True, blank=True)
    # Handed to a task (so the next run does not hand it over again).
    email_queued_at = models.DateTimeField(null=True, blank=True)
    # Taken by one worker: only the worker whose conditional update set this may send.
    email_claimed_at = models.DateTimeField(null=True, blank=True)
    email_attempts = models.PositiveSmallIntegerField(default=0)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "occasion"], name="notification_once_per_occasion"
            )
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at"]),
            models.Index(fields=["email", "email_not_before"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.recipient_id}"

    @property
    def link(self) -> str:
        from hearth.nudges.kinds import link_for

        return link_for(self.kind, self.subject)
