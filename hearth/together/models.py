"""Together (PRODUCT Q1–Q7): date ideas, planned dates, rituals, present mode, the bucket
list and the memories they become."""

import hashlib
import os
import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hearth.accounts.models import time_zone_choices
from hearth.core.choices import Cost
from hearth.couples.models import CoupleOwned


class Setting(models.TextChoices):
    HOME = "home", _("At home")
    OUT = "out", _("Out")


class Energy(models.TextChoices):
    LOW = "low", _("Cosy")
    MEDIUM = "medium", _("Some energy")
    HIGH = "high", _("Lively")


class Novelty(models.TextChoices):
    FAMILIAR = "familiar", _("Familiar comfort")
    NEW = "new", _("Something new")
    ADVENTUROUS = "adventurous", _("An adventure")


class Place(models.TextChoices):
    INDOOR = "indoor", _("Indoors")
    OUTDOOR = "outdoor", _("Outdoors")
    EITHER = "either", _("Indoors or out")


SEASONS = ("spring", "summer", "autumn", "winter")


class DateIdea(models.Model):
    """One idea of the library, loaded from hearth/together/content/date_ideas.toml."""

    key = models.SlugField(max_length=40, unique=True)
    title = models.CharField(max_length=120)
    description = models.TextField(max_length=600)
    cost = models.CharField(max_length=8, choices=Cost.choices)
    duration_minutes = models.PositiveSmallIntegerField()
    setting = models.CharField(max_length=8, choices=Setting.choices)
    energy = models.CharField(max_length=8, choices=Energy.choices)
    novelty = models.CharField(max_length=12, choices=Novelty.choices)
    place = models.CharField(max_length=8, choices=Place.choices)
    # ["any"], or some of SEASONS.
    seasons = models.JSONField(default=list)
    active = models.BooleanField(default=True)

    def __str__(self) -> str:
        return self.title

    def fits_season(self, season: str) -> bool:
        return "any" in self.seasons or season in self.seasons

    @property
    def duration_hours(self) -> int:
        """The length in whole hours, rounded as the ideas list shows it (a number to count)."""
        return round(self.duration_minutes / 60)


class RitualKind(models.TextChoices):
    DATE_NIGHT = "date_night", _("Date night")
    CHECK_IN = "check_in", _("Weekly check-in")
    DAILY = "daily", _("Small daily ritual")


class Frequency(models.TextChoices):
    DAILY = "daily", _("Every day")
    WEEKLY = "weekly", _("Every week")
    MONTHLY = "monthly", _("Every month")


class RitualIdea(models.Model):
    """A ritual to start from, loaded from hearth/together/content/rituals.toml."""

    key = models.SlugField(max_length=40, unique=True)
    kind = models.CharField(max_length=12, choices=RitualKind.choices)
    title = models.CharField(max_length=80)
    description = models.TextField(max_length=600)
    frequency = models.CharField(max_length=8, choices=Frequency.choices)
    interval = models.PositiveSmallIntegerField(default=1)
    duration_minutes = models.PositiveSmallIntegerField()
    active = models.BooleanField(default=True)

    def __str__(self) -> str:
        return self.title


class DatePlan(CoupleOwned):
    """A date one partner proposed. The other accepts, declines or suggests another time;
    whoever suggested last waits for the other. Once scheduled and over, both can rate it."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Waiting for an answer")
        SCHEDULED = "scheduled", _("Scheduled")
        DECLINED = "declined", _("Not this time")
        CANCELLED = "cancelled", _("Cancelled")

    idea = models.ForeignKey(
        DateIdea, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(max_length=120)
    details = models.TextField(max_length=2000, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    # Who is waiting for the other's answer: the proposer, or whoever suggested a new time.
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    starts_at = models.DateTimeField()
    # The zone the time was chosen in: the calendar feed keeps the date there.
    time_zone = models.CharField(max_length=64, choices=time_zone_choices)
    duration_minutes = models.PositiveSmallIntegerField(default=120)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["couple", "status", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def is_over(self) -> bool:
        return self.status == self.Status.SCHEDULED and self.ends_at <= timezone.now()


class Ritual(CoupleOwned):
    """Something the two do again and again: every other Friday at 19:00, say.

    The rule is kept in the couple's words (frequency, interval, weekdays) and turned into
    occurrences by hearth.together.recurrence, and into an RRULE for calendars."""

    kind = models.CharField(max_length=12, choices=RitualKind.choices)
    title = models.CharField(max_length=80)
    notes = models.TextField(max_length=1000, blank=True)
    idea = models.ForeignKey(
        RitualIdea, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    frequency = models.CharField(max_length=8, choices=Frequency.choices)
    interval = models.PositiveSmallIntegerField(default=1)
    # For weekly rituals: weekday numbers, Monday 0, e.g. [4] for Fridays.
    weekdays = models.JSONField(default=list, blank=True)
    starts_on = models.DateField()
    at = models.TimeField()
    time_zone = models.CharField(max_length=64, choices=time_zone_choices)
    duration_minutes = models.PositiveSmallIntegerField(default=60)
    # The last day it may happen (inclusive), if it has an end.
    until = models.DateField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["couple", "ended_at"])]

    def __str__(self) -> str:
        return self.title


class RitualSkip(CoupleOwned):
    """One occurrence the couple skips ("not this Friday")."""

    ritual = models.ForeignKey(Ritual, on_delete=models.CASCADE, related_name="skips")
    day = models.DateField()
    skipped_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ritual", "day"], name="ritual_skip_once_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.ritual_id} skips {self.day}"


def hash_feed_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarFeed(models.Model):
    """A person's secret calendar address. Only its hash is kept: the address is shown once,
    and revoking (or making a new one) deletes the row, so the old address stops at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Calendar feed of {self.user_id}"

    @classmethod
    def issue(cls, *, user) -> tuple["CalendarFeed", str]:
        token = secrets.token_urlsafe(32)
        cls.objects.filter(user=user).delete()
        return cls.objects.create(user=user, token_hash=hash_feed_token(token)), token


class PresentSession(CoupleOwned):
    """Phones away: one starts, the other joins, and the time both are in counts."""

    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    joined_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    # Distraction-free minutes together, set when it ends (Insights reads this).
    minutes = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["couple"],
                condition=Q(ended_at__isnull=True),
                name="present_one_open_per_couple",
            )
        ]
        indexes = [models.Index(fields=["couple", "-started_at"])]

    def __str__(self) -> str:
        return f"Present {self.pk}"


class BucketItem(CoupleOwned):
    """Something new the two want to try together; once done it becomes a memory."""

    title = models.CharField(max_length=120)
    notes = models.TextField(max_length=1000, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["couple", "done_on"])]

    def __str__(self) -> str:
        return self.title


class Memory(CoupleOwned):
    """A moment on the couple's timeline: a date that happened, a bucket-list item done,
    or anything worth keeping. Both see it; each adds a reflection."""

    class Kind(models.TextChoices):
        DATE = "date", pgettext_lazy("a couple's date", "Date")
        BUCKET = "bucket", _("Bucket list")
        MOMENT = "moment", _("Moment")

    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.MOMENT)
    title = models.CharField(max_length=120)
    happened_on = models.DateField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    plan = models.OneToOneField(
        DatePlan, null=True, blank=True, on_delete=models.SET_NULL, related_name="memory"
    )
    bucket_item = models.OneToOneField(
        BucketItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="memory"
    )

    class Meta:
        indexes = [models.Index(fields=["couple", "-happened_on"])]
        verbose_name_plural = "memories"

    def __str__(self) -> str:
        return self.title


class Reflection(CoupleOwned):
    """What one partner loved about a memory, and for a date how it was (1–5)."""

    memory = models.ForeignKey(Memory, on_delete=models.CASCADE, related_name="reflections")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(max_length=2000, blank=True)
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["memory", "author"], name="reflection_one_per_person"),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="reflection_rating_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"Reflection {self.pk}"

    @property
    def stars(self) -> str:
        return "★" * (self.rating or 0)


class PrivateStorage(FileSystemStorage):
    """Photos live under PRIVATE_MEDIA_ROOT, outside anything served publicly; only the
    couple's permission-checked photo view hands them out. Read from settings on each use,
    so tests and operators can move it."""

    @property  # type: ignore[override]
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property  # type: ignore[override]
    def location(self):
        return os.path.abspath(self.base_location)

    @property  # type: ignore[override]
    def base_url(self):
        return None


private_storage = PrivateStorage()


def photo_path(photo: "Photo", filename: str) -> str:
    return f"photos/{photo.couple_id}/{uuid.uuid4().hex}.jpg"


class Photo(CoupleOwned):
    """A photo of a memory, re-encoded as JPEG without any metadata (hearth.together.photos)."""

    memory = models.ForeignKey(Memory, on_delete=models.CASCADE, related_name="photos")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    image = models.FileField(upload_to=photo_path, storage=private_storage, max_length=200)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Photo {self.pk}"
