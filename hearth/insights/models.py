"""Daily roll-ups of what a couple did, kept up to date as things happen (PRODUCT I1).

The Insights pages read these few rows instead of a couple's whole history. Each column is
the count for one local day of the couple; `_1`/`_2` columns belong to the partner in seat 1
or 2. hearth/insights/tallies.py keeps them equal to a from-scratch recount.
"""

from django.db import models

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
