"""Appreciate (PRODUCT P1–P4): notes, gestures, appreciation styles and a gratitude journal."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hearth.core.choices import Cost
from hearth.couples.models import CoupleOwned
from hearth.talk.models import REACTIONS


class Style(models.TextChoices):
    """The five ways people tend to feel appreciated."""

    TOUCH = "touch", _("Affectionate touch")
    SERVICE = "service", _("Help and acts of service")
    GIFTS = "gifts", _("Gifts and surprises")
    TIME = "time", _("Time together")
    WORDS = "words", _("Words")


class Step(models.TextChoices):
    DID = "did", _("What they did")
    FELT = "felt", _("How it made me feel")
    MATTERED = "mattered", _("Why it mattered")
    ADMIRE = "admire", _("What I admire")


class Effort(models.TextChoices):
    SMALL = "small", _("A few minutes")
    MEDIUM = "medium", _("Some planning")
    BIG = "big", _("A real project")


class Prompt(models.Model):
    """A prompt that makes a note specific, from hearth/appreciate/content/prompts.toml."""

    key = models.SlugField(max_length=40, unique=True)
    step = models.CharField(max_length=10, choices=Step.choices)
    text = models.CharField(max_length=200)
    active = models.BooleanField(default=True)

    def __str__(self) -> str:
        return self.text


class GestureIdea(models.Model):
    """A gesture to suggest, from hearth/appreciate/content/gestures.toml."""

    key = models.SlugField(max_length=40, unique=True)
    style = models.CharField(max_length=10, choices=Style.choices)
    cost = models.CharField(max_length=8, choices=Cost.choices)
    effort = models.CharField(max_length=8, choices=Effort.choices)
    text = models.CharField(max_length=200)
    active = models.BooleanField(default=True)

    class Meta:
        indexes = [models.Index(fields=["style"])]

    def __str__(self) -> str:
        return self.text


class Note(CoupleOwned):
    """A specific thank-you or compliment: what they did, and how it felt or why it mattered."""

    class Kind(models.TextChoices):
        THANKS = "thanks", _("Thank you")
        ADMIRE = "admire", _("I admire you")

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # Empty once the recipient deleted their account: the note stays its author's words.
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.THANKS)
    did = models.TextField(max_length=1000)
    felt = models.TextField(max_length=1000, blank=True)
    mattered = models.TextField(max_length=1000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # The recipient's reaction, and whether they keep it on their wall for hard days.
    reaction = models.CharField(
        max_length=10, blank=True, choices=[(k, v) for k, v in REACTIONS.items()]
    )
    kept = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["couple", "recipient", "-created_at"]),
            models.Index(fields=["couple", "author", "-created_at"]),
        ]

    def __str__(self) -> str:
        return f"Note {self.pk}"

    @property
    def reaction_emoji(self) -> str:
        return REACTIONS.get(self.reaction, "")


class Gesture(CoupleOwned):
    """Something one partner did to show love without words; the other can say "I noticed"."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    style = models.CharField(max_length=10, choices=Style.choices)
    text = models.CharField(max_length=300)
    idea = models.ForeignKey(
        GestureIdea, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    happened_on = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)
    noticed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["couple", "-happened_on"])]

    def __str__(self) -> str:
        return self.text


class StyleRatings(models.Model):
    """How much each style means to one person, each on its own 1–7 scale (never a ranking,
    never compared with the partner's). The person's own, kept across couples."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="style_ratings"
    )
    touch = models.PositiveSmallIntegerField(default=4)
    service = models.PositiveSmallIntegerField(default=4)
    gifts = models.PositiveSmallIntegerField(default=4)
    time = models.PositiveSmallIntegerField(default=4)
    words = models.PositiveSmallIntegerField(default=4)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "style ratings"
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{style}__gte": 1, f"{style}__lte": 7}),
                name=f"style_ratings_{style}_1_to_7",
            )
            for style in Style.values
        ]

    def __str__(self) -> str:
        return f"Style ratings of {self.user_id}"

    def as_dict(self) -> dict[str, int]:
        return {style: getattr(self, style) for style in Style.values}


class Favourite(models.Model):
    """A concrete thing that makes this person feel loved ("coffee in bed on Mondays")."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="favourites"
    )
    style = models.CharField(max_length=10, choices=Style.choices)
    text = models.CharField(max_length=200)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.text


class Suggestion(CoupleOwned):
    """A gesture idea Hearth suggested to one partner for the other on a day, so that the
    same idea does not come back soon."""

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("gesture suggestion status", "Suggested")
        DONE = "done", pgettext_lazy("gesture suggestion status", "Done")
        SKIPPED = "skipped", pgettext_lazy("gesture suggestion status", "Not this one")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    idea = models.ForeignKey(GestureIdea, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "idea", "day"], name="suggestion_once_a_day")
        ]
        indexes = [models.Index(fields=["user", "-day"])]

    def __str__(self) -> str:
        return f"Suggestion {self.pk}"


class JournalEntry(CoupleOwned):
    """A gratitude journal entry: private unless its author shares it."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(max_length=2000)
    day = models.DateField()
    shared = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "journal entries"
        indexes = [models.Index(fields=["author", "-day"])]

    def __str__(self) -> str:
        return f"Journal entry {self.pk}"
