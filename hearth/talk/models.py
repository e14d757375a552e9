"""Talk (PRODUCT T1–T4): the daily question, and what couples say around it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hearth.couples.models import CoupleOwned


class Category(models.TextChoices):
    FUN = "fun", _("Fun")
    MEMORIES = "memories", _("Memories")
    DREAMS = "dreams", _("Dreams")
    VALUES = "values", _("Values")
    FEELINGS = "feelings", _("Feelings")
    FAMILY = "family", _("Family")
    FUTURE = "future", _("Future")
    US = "us", _("Us")


class Depth(models.TextChoices):
    LIGHT = "light", pgettext_lazy("question depth", "Light")
    MEDIUM = "medium", pgettext_lazy("question depth", "Medium")
    DEEP = "deep", pgettext_lazy("question depth", "Deep")


class Question(models.Model):
    """One question of the library, loaded from hearth/talk/content/questions/*.toml."""

    key = models.SlugField(max_length=40, unique=True)
    category = models.CharField(max_length=12, choices=Category.choices)
    depth = models.CharField(max_length=8, choices=Depth.choices)
    text = models.CharField(max_length=300)
    # Retired questions stay for the archive but are no longer asked.
    active = models.BooleanField(default=True)

    class Meta:
        indexes = [models.Index(fields=["category", "depth"])]

    def __str__(self) -> str:
        return self.text


class DailyQuestion(CoupleOwned):
    """The question a couple got on one of their days. A swap keeps the old row, marked."""

    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    day = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)
    swapped_at = models.DateTimeField(null=True, blank=True)
    # Set when the second partner answers: from then on both answers are visible to both.
    revealed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["couple", "day"],
                condition=Q(swapped_at__isnull=True),
                name="daily_question_one_per_day",
            )
        ]
        indexes = [
            models.Index(fields=["couple", "-day"]),
            models.Index(fields=["couple", "question"]),
        ]

    def __str__(self) -> str:
        return f"{self.day}: {self.question_id}"

    @property
    def is_revealed(self) -> bool:
        return self.revealed_at is not None


class Answer(CoupleOwned):
    """One partner's answer. The other partner sees it only once both have answered."""

    daily_question = models.ForeignKey(
        DailyQuestion, on_delete=models.CASCADE, related_name="answers"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(max_length=4000)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["daily_question", "author"], name="answer_one_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"Answer {self.pk}"


REACTIONS = {
    "heart": "❤️",
    "laugh": "😂",
    "moved": "🥹",
    "hug": "🤗",
    "spark": "✨",
}
# What a screen reader says for each reaction button.
REACTION_LABELS = {
    "heart": _("Love this"),
    "laugh": _("This made me laugh"),
    "moved": _("This moved me"),
    "hug": _("Sending a hug"),
    "spark": _("This sparked something"),
}


class Reaction(CoupleOwned):
    """A partner's reaction to a revealed answer; one per person, changeable."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="reactions")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=[(k, v) for k, v in REACTIONS.items()])
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["answer", "author"], name="reaction_one_per_person")
        ]

    def __str__(self) -> str:
        return REACTIONS.get(self.kind, self.kind)

    @property
    def emoji(self) -> str:
        return REACTIONS.get(self.kind, "")


class Reply(CoupleOwned):
    """A reply to a revealed answer: a thought, or a warm "tell me more"."""

    class Kind(models.TextChoices):
        REPLY = "reply", _("Reply")
        TELL_ME_MORE = "more", _("Tell me more")

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=5, choices=Kind.choices, default=Kind.REPLY)
    text = models.TextField(max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Reply {self.pk}"


class RepairPhrase(models.Model):
    """Words to reach for in a hard talk (hearth/talk/content/repair_phrases.toml)."""

    key = models.SlugField(max_length=40, unique=True)
    group = models.CharField(max_length=20)
    text = models.CharField(max_length=300)
    active = models.BooleanField(default=True)

    def __str__(self) -> str:
        return self.text


class Timeout(CoupleOwned):
    """ "I'm flooded": a break for both, 20 minutes unless chosen otherwise (PRODUCT T4)."""

    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    minutes = models.PositiveSmallIntegerField(default=20)
    ends_at = models.DateTimeField()
    # Set when the person who asked for the break says they are ready sooner.
    ended_early_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["couple", "-started_at"])]

    def __str__(self) -> str:
        return f"Break of {self.minutes} minutes"

    @property
    def is_active(self) -> bool:
        return self.ended_early_at is None and self.ends_at > timezone.now()

    @property
    def minutes_left(self) -> int:
        seconds = (self.ends_at - timezone.now()).total_seconds()
        return max(0, -int(-seconds // 60))


class Debrief(CoupleOwned):
    """After a hard moment: what I felt, needed, and my part. Private unless shared."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    timeout = models.ForeignKey(
        Timeout, null=True, blank=True, on_delete=models.SET_NULL, related_name="debriefs"
    )
    felt = models.TextField(max_length=2000)
    needed = models.TextField(max_length=2000, blank=True)
    my_part = models.TextField(max_length=2000, blank=True)
    next_time = models.TextField(max_length=2000, blank=True)
    shared = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Debrief {self.pk}"


class ListeningSession(CoupleOwned):
    """A speaker–listener exercise (PRODUCT T2): speak, paraphrase, confirm, swap."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for the partner to join")
        ACTIVE = "active", _("In progress")
        PAUSED = "paused", _("Paused for a break")
        ENDED = "ended", _("Ended")

    class Phase(models.TextChoices):
        SPEAK = "speak", _("The speaker shares one thing")
        PARAPHRASE = "paraphrase", _("The listener says back what they heard")
        CONFIRM = "confirm", _("The speaker confirms or clarifies")

    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    speaker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    listener = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    # Both people at one phone or laptop: either account may act for either role.
    shared_device = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    phase = models.CharField(max_length=10, choices=Phase.choices, default=Phase.SPEAK)
    turns_completed = models.PositiveSmallIntegerField(default=0)
    # Goes up by one with every change, so a waiting screen knows when to refresh.
    version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["couple", "status"])]

    def __str__(self) -> str:
        return f"Listening session {self.pk}"


class ListeningStep(CoupleOwned):
    """One move in a listening session, kept for the closing summary."""

    class Kind(models.TextChoices):
        STATEMENT = "statement", _("Shared a feeling")
        PARAPHRASE = "paraphrase", _("Said back what they heard")
        CLARIFY = "clarify", _("Clarified")
        CONFIRM = "confirm", _("Confirmed: yes, that's it")

    session = models.ForeignKey(ListeningSession, on_delete=models.CASCADE, related_name="steps")
    turn = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} in turn {self.turn}"


class HarshMoment(CoupleOwned):
    """A message the coach found harsh that was sent anyway. Only that it happened and who
    sent it, never the words: the Connection Index weighs kind moments against these (the
    5:1 ratio). Nothing is recorded for drafts or for what the coach merely highlighted."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["couple", "created_at"])]

    def __str__(self) -> str:
        return f"Harsh moment in {self.couple_id}"
