from django.conf import settings
from django.db import models
from django.utils import timezone

from hearth.couples.models import CoupleOwned


class Event(CoupleOwned):
    """Something a partner may want to hear about ("your partner answered").

    An outbox: features record events inside their own transaction; the nudges
    app delivers each one once, honouring preferences and quiet hours. Events
    never carry the words people wrote, only what happened and where to look.
    """

    class Kind(models.TextChoices):
        PARTNER_ANSWERED = "partner_answered", "Your partner answered today's question"
        TIMEOUT_STARTED = "timeout_started", "Your partner asked for a break"
        TIMEOUT_OVER = "timeout_over", "Your break is over: time to come back, gently"
        DATE_PROPOSED = "date_proposed", "Your partner suggested a date"
        DATE_ANSWERED = "date_answered", "Your partner answered about your date"
        DATE_SOON = "date_soon", "Your date is coming up"
        PRESENT_STARTED = "present_started", "Your partner put their phone away: join them"
        NOTE_RECEIVED = "note_received", "Your partner sent you some appreciation"
        GESTURE_NOTICED = "gesture_noticed", "Your partner noticed something you did"
        TRUST_TURN = "trust_turn", "It's your turn in your sharing round"
        APOLOGY_RECEIVED = "apology_received", "Your partner wrote you an apology"
        APOLOGY_ANSWERED = "apology_answered", "Your partner answered your apology"
        CHECK_IN_SHARED = "check_in_shared", "Your partner shared how they feel"
        BID_RECEIVED = "bid_received", "Your partner is reaching for you"
        BID_ANSWERED = "bid_answered", "Your partner answered you"
        GOOD_NEWS = "good_news", "Your partner has good news"
        # Sent by the nudges app itself: a day that came, a week that ended, a small wave.
        PROMISE_DUE = "promise_due", "Today is the day for something you promised"
        WEEKLY_REPORT = "weekly_report", "Your week together is ready to read"
        THINKING_OF_YOU = "thinking_of_you", "Your partner is thinking of you"

    kind = models.CharField(max_length=40, choices=Kind.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="events"
    )
    # The object the event is about, by app label, model and id (for a link).
    subject = models.CharField(max_length=80)
    created_at = models.DateTimeField(default=timezone.now)
    # Not before this moment (a reminder when a break ends, say).
    due_at = models.DateTimeField(default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["delivered_at", "due_at"])]

    def __str__(self) -> str:
        return f"{self.kind} for {self.recipient_id}"


def event_emit(*, couple, kind: str, recipient, subject: models.Model, due_at=None) -> Event:
    return Event.objects.create(
        couple=couple,
        kind=kind,
        recipient=recipient,
        subject=f"{subject._meta.label_lower}:{subject.pk}",
        due_at=due_at or timezone.now(),
    )
