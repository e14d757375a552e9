"""Daily roll-ups of what a couple did, kept up to date as things happen (PRODUCT I1).

The Insights pages read these few rows instead of a couple's whole history. Each column is
the count for one local day of the couple; `_1`/`_2` columns belong to the partner in seat 1
or 2. hearth/insights/tallies.py keeps them equal to a from-scratch recount.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from hearth.couples.models import CoupleOwned

# Per-partner counts: one column per seat.
PER_PARTNER = (
    "answered",
    "replies",
    "notes",
    "noticed",
    "kept",
    "ended",
    "open_due",
    "bids_received",
    "bids_turned",
    "check_ins_received",
    "check_ins_answered",
)
# Counts for the couple as a whole.
SHARED = ("both_answered", "present_minutes", "dates_kept", "positive", "harsh", "rounds")
COLUMNS = (*(f"{name}_{seat}" for name in PER_PARTNER for seat in (1, 2)), *SHARED)


class DayTally(CoupleOwned):
    day = models.DateField()
    answered_1 = models.PositiveIntegerField(default=0)
    answered_2 = models.PositiveIntegerField(default=0)
    replies_1 = models.PositiveIntegerField(default=0)
    replies_2 = models.PositiveIntegerField(default=0)
    notes_1 = models.PositiveIntegerField(default=0)
    notes_2 = models.PositiveIntegerField(default=0)
    noticed_1 = models.PositiveIntegerField(default=0)
    noticed_2 = models.PositiveIntegerField(default=0)
    kept_1 = models.PositiveIntegerField(default=0)
    kept_2 = models.PositiveIntegerField(default=0)
    ended_1 = models.PositiveIntegerField(default=0)
    ended_2 = models.PositiveIntegerField(default=0)
    open_due_1 = models.PositiveIntegerField(default=0)
    open_due_2 = models.PositiveIntegerField(default=0)
    bids_received_1 = models.PositiveIntegerField(default=0)
    bids_received_2 = models.PositiveIntegerField(default=0)
    bids_turned_1 = models.PositiveIntegerField(default=0)
    bids_turned_2 = models.PositiveIntegerField(default=0)
    check_ins_received_1 = models.PositiveIntegerField(default=0)
    check_ins_received_2 = models.PositiveIntegerField(default=0)
    check_ins_answered_1 = models.PositiveIntegerField(default=0)
    check_ins_answered_2 = models.PositiveIntegerField(default=0)
    both_answered = models.PositiveIntegerField(default=0)
    present_minutes = models.PositiveIntegerField(default=0)
    dates_kept = models.PositiveIntegerField(default=0)
    positive = models.PositiveIntegerField(default=0)
    harsh = models.PositiveIntegerField(default=0)
    rounds = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["couple", "day"], name="day_tally_once_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.couple_id} on {self.day}"


# Monthly pulse (PRODUCT I2) -------------------------------------------------------------
# Owned by the pulse feature (hearth/insights/pulse.py); kept apart from the tallies above.

# One column per statement of hearth/insights/content/pulse.toml, named by its stable key.
PULSE_ITEMS = (
    "talk_heard",
    "talk_easy",
    "together_present",
    "together_fun",
    "appreciate_noticed",
    "appreciate_said",
    "trust_count_on",
    "trust_soft",
    "support_turned",
    "support_same_side",
)
PULSE_LOWEST, PULSE_HIGHEST = 1, 7


def _one_to_seven(*names: str) -> models.Q:
    condition = models.Q()
    for name in names:
        condition &= models.Q(**{f"{name}__gte": PULSE_LOWEST, f"{name}__lte": PULSE_HIGHEST})
    return condition


class Pulse(CoupleOwned):
    """One person's answers to the monthly pulse: a rating from 1 to 7 for each statement and
    the closeness picture they chose (1 apart to 7 almost one). Private: only the author
    ever reads it, and nothing about it reaches the partner."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # The first day of the couple's local month.
    month = models.DateField()
    talk_heard = models.PositiveSmallIntegerField()
    talk_easy = models.PositiveSmallIntegerField()
    together_present = models.PositiveSmallIntegerField()
    together_fun = models.PositiveSmallIntegerField()
    appreciate_noticed = models.PositiveSmallIntegerField()
    appreciate_said = models.PositiveSmallIntegerField()
    trust_count_on = models.PositiveSmallIntegerField()
    trust_soft = models.PositiveSmallIntegerField()
    support_turned = models.PositiveSmallIntegerField()
    support_same_side = models.PositiveSmallIntegerField()
    closeness = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["author", "month"], name="pulse_once_per_month"),
            models.CheckConstraint(
                condition=_one_to_seven(*PULSE_ITEMS, "closeness"), name="pulse_ratings_1_to_7"
            ),
        ]

    def __str__(self) -> str:
        return f"Pulse {self.pk}"

    def ratings(self) -> dict[str, int]:
        """Each statement's rating, by key."""
        return {key: getattr(self, key) for key in PULSE_ITEMS}
