"""Trust (PRODUCT R1–R3): promises, reciprocal vulnerability, repair."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hearth.couples.models import CoupleOwned


class Promise(CoupleOwned):
    """A commitment one partner makes ("I'll book the weekend away by Friday").

    It ends kept, or renegotiated (changed before it was due: a new promise replaces it,
    which keeps faith), or it is missed when its day passes while still open."""

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("promise status", "Open")
        KEPT = "kept", pgettext_lazy("promise status", "Kept")
        RENEGOTIATED = "renegotiated", pgettext_lazy("promise status", "Renegotiated")

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.CharField(max_length=300)
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=14, choices=Status.choices, default=Status.OPEN)
    kept_on = models.DateField(null=True, blank=True)
    # The partner confirmed it was kept.
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # The promise this one renegotiated (its earlier terms).
    replaces = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replaced_by"
    )
    created_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["couple", "status", "due_on"])]

    def __str__(self) -> str:
        return self.text

    def is_missed(self, today: date) -> bool:
        return self.status == self.Status.OPEN and self.due_on is not None and self.due_on < today

    def outcome(self, today: date) -> str:
        """open, kept, renegotiated or missed (an open promise past its day)."""
        return "missed" if self.is_missed(today) else self.status


class VulnerabilityPrompt(models.Model):
    """An invitation to share, from hearth/trust/content/vulnerability_prompts.toml."""

    class Set(models.TextChoices):
        FIRST = "first", _("Gentle")
        DEEPER = "deeper", _("Deeper")
        DEEPEST = "deepest", _("Deepest")
        POOL = "pool", _("Open pool")

    class Topic(models.TextChoices):
        FEARS = "fears", _("Fears")
        INSECURITIES = "insecurities", _("Insecurities")
        HOPES = "hopes", _("Hopes")
        FORMATIVE = "formative", _("What formed you")

    key = models.SlugField(max_length=40, unique=True)
    set = models.CharField(max_length=8, choices=Set.choices)
    topic = models.CharField(max_length=14, choices=Topic.choices)
    text = models.CharField(max_length=300)
    active = models.BooleanField(default=True)

    def __str__(self) -> str:
        return self.text


class ValidatingResponse(models.Model):
    """A starter for responding without judgment, from validating_responses.toml."""

    class Kind(models.TextChoices):
        UNDERSTAND = "understand", _("I hear you")
        VALIDATE = "validate", _("It makes sense")
        CARE = "care", _("I care")
        CURIOUS = "curious", _("Tell me more")

    key = models.SlugField(max_length=40, unique=True)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    text = models.CharField(max_length=200)
    active = models.BooleanField(default=True)

    def __str__(self) -> str:
        return self.text


class Round(CoupleOwned):
    """One reciprocal sharing round on a prompt: the starter shares, the other responds,
    then the other shares and the starter responds. Either may pass at any point."""

    prompt = models.ForeignKey(VulnerabilityPrompt, on_delete=models.PROTECT, related_name="+")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Bumped on every step, so a page can tell that something changed.
    version = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["couple", "-created_at"])]

    def __str__(self) -> str:
        return f"Round {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.completed_at is None and self.closed_at is None


class Share(CoupleOwned):
    """What one partner chose to share in a round. Withdrawing erases the words."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="shares")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(max_length=4000)
    created_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "author"], name="share_once_per_round")
        ]

    def __str__(self) -> str:
        return f"Share {self.pk}"


class ShareResponse(CoupleOwned):
    """The listener's response to a share."""

    share = models.OneToOneField(Share, on_delete=models.CASCADE, related_name="response")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(max_length=2000)
    starter = models.ForeignKey(
        ValidatingResponse, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Response {self.pk}"


class Apology(CoupleOwned):
    """An apology that names what happened and what I'll do differently, and the partner's
    answer: accept, "I need time", or let's talk."""

    class Answer(models.TextChoices):
        ACCEPT = "accept", _("I accept your apology")
        NEED_TIME = "need_time", _("I need some time")
        TALK = "talk", _("Let's talk about it")

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    what_happened = models.TextField(max_length=2000)
    effect = models.TextField(max_length=2000, blank=True)
    do_differently = models.TextField(max_length=2000)
    promise = models.OneToOneField(
        Promise, null=True, blank=True, on_delete=models.SET_NULL, related_name="apology"
    )
    created_at = models.DateTimeField(default=timezone.now)
    answer = models.CharField(max_length=10, choices=Answer.choices, blank=True)
    answer_note = models.TextField(max_length=1000, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "apologies"
        indexes = [models.Index(fields=["couple", "-created_at"])]

    def __str__(self) -> str:
        return f"Apology {self.pk}"
