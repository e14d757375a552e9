"""Support (PRODUCT S1–S5): check-ins, bids, the needs map, good news, the love map."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hearth.couples.models import CoupleOwned


class Need(models.TextChoices):
    LISTEN = "listen", _("To be listened to")
    COMFORT = "comfort", _("Comfort")
    ADVICE = "advice", _("Advice")
    SPACE = "space", _("Some space")
    DISTRACTION = "distraction", _("Distraction")
    CLOSENESS = "closeness", _("Closeness")
    PRACTICAL = "practical", _("Practical help")


class Feeling(models.Model):
    """A word of the feelings wheel (hearth/support/content/feelings.toml): a core feeling
    (level 1) and more specific ones below it (levels 2 and 3)."""

    key = models.SlugField(max_length=40, unique=True)
    word = models.CharField(max_length=40)
    level = models.PositiveSmallIntegerField()
    parent = models.CharField(max_length=40, blank=True)
    tone = models.CharField(max_length=12)
    active = models.BooleanField(default=True)

    def __str__(self) -> str:
        return self.word


class NeedsPrompt(models.Model):
    """A prompt for the needs map (hearth/support/content/needs_prompts.toml)."""

    key = models.SlugField(max_length=40, unique=True)
    section = models.CharField(max_length=12)
    text = models.CharField(max_length=200)
    active = models.BooleanField(default=True)

    def __str__(self) -> str:
        return self.text


class CheckIn(CoupleOwned):
    """How I feel, how strongly, and what I need right now. Private unless shared."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    feeling = models.ForeignKey(Feeling, on_delete=models.PROTECT, related_name="+")
    intensity = models.PositiveSmallIntegerField(default=3)
    need = models.CharField(max_length=12, choices=Need.choices)
    note = models.TextField(max_length=500, blank=True)
    shared = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    # The partner's one-tap answer to a shared check-in.
    reply = models.CharField(max_length=140, blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(intensity__gte=1, intensity__lte=5), name="checkin_intensity_1_to_5"
            )
        ]
        indexes = [models.Index(fields=["couple", "author", "-created_at"])]

    def __str__(self) -> str:
        return f"Check-in {self.pk}"


class Bid(CoupleOwned):
    """A small reach for connection ("can we talk?"), and how the partner turned toward it:
    now, or later at a chosen time. Response times are kept for Insights, never shown as
    blame."""

    class Answer(models.TextChoices):
        NOW = "now", _("Now")
        LATER = "later", _("Later")

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=12)
    text = models.CharField(max_length=140, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # Sent while the partner had asked for space: no notification went out.
    quiet = models.BooleanField(default=False)
    answer = models.CharField(max_length=6, choices=Answer.choices, blank=True)
    reply = models.CharField(max_length=140, blank=True)
    later_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["couple", "-created_at"])]

    def __str__(self) -> str:
        return f"Bid {self.pk}"


class NeedsMap(models.Model):
    """What one person needs when things are hard, for the partner to read as a guide.
    The person's own, kept across couples."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="needs_map"
    )
    stressed = models.TextField(max_length=1500, blank=True)
    comforts = models.TextField(max_length=1500, blank=True)
    unhelpful = models.TextField(max_length=1500, blank=True)
    signs = models.TextField(max_length=1500, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Needs map of {self.user_id}"


class GoodNews(CoupleOwned):
    """A win shared with the partner."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "good news"
        indexes = [models.Index(fields=["couple", "-created_at"])]

    def __str__(self) -> str:
        return f"Good news {self.pk}"


class Cheer(CoupleOwned):
    """The partner's response to good news: asking about it, celebrating, reliving it."""

    class Way(models.TextChoices):
        ASK = "ask", _("Ask about it")
        CELEBRATE = "celebrate", _("Celebrate")
        RELIVE = "relive", _("Relive it")

    news = models.ForeignKey(GoodNews, on_delete=models.CASCADE, related_name="cheers")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    way = models.CharField(max_length=10, choices=Way.choices)
    text = models.TextField(max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Cheer {self.pk}"


class Guess(CoupleOwned):
    """A guess at the partner's answer to a past daily question; the partner marks how
    close it came."""

    class Closeness(models.TextChoices):
        SPOT_ON = "spot_on", _("Spot on")
        CLOSE = "close", _("Close")
        NOT_QUITE = "not_quite", _("Not quite")

    daily_question = models.ForeignKey(
        "talk.DailyQuestion", on_delete=models.CASCADE, related_name="+"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    about = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)
    closeness = models.CharField(max_length=10, choices=Closeness.choices, blank=True)
    marked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "guesses"
        constraints = [
            models.UniqueConstraint(
                fields=["daily_question", "author"], name="guess_once_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"Guess {self.pk}"
