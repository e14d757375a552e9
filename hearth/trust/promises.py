"""Promises (PRODUCT R1): made, kept, renegotiated before they are due, or missed.

Every change happens on the locked row: when one partner renegotiates as the other
confirms, the second is told what changed instead of silently overwriting it.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from hearth.core.errors import Refusal, text_or_refusal
from hearth.couples.models import Couple
from hearth.couples.selectors import get_for_user
from hearth.insights.tallies import tallies_refresh
from hearth.trust.models import Promise

PROMISE_MAX = 300
# Far enough for "by next summer", near enough to stay a promise rather than a wish.
DUE_WITHIN = timedelta(days=2 * 365)


class TrustError(Refusal):
    """A Trust action could not be done."""


def clean(value: object, max_length: int, *, required=True, empty: str | None = None) -> str:
    """`empty`: the whole sentence to say when required text is missing."""
    return text_or_refusal(
        value,
        max_length,
        refusal=TrustError,
        required=required,
        empty=empty or _("Write a few words first."),
    )


def get_promise_for_user(user, pk) -> Promise:
    return get_for_user(Promise, user, pk)


def promises_for(couple: Couple) -> QuerySet[Promise]:
    return Promise.objects.filter(couple=couple).select_related("author")


def _check_due(due_on: date | None, couple: Couple) -> date | None:
    if due_on is None:
        return None
    today = couple.local_today()
    if due_on < today:
        raise TrustError(_("Choose today or a day still to come."), code="in_the_past")
    if due_on > today + DUE_WITHIN:
        raise TrustError(_("Keep it within two years."), code="too_far_ahead")
    return due_on


def promise_make(
    *, user, couple: Couple, text: object, due_on: date | None = None, replaces=None
) -> Promise:
    with transaction.atomic():
        promise = Promise.objects.create(
            couple=couple,
            author=user,
            text=clean(text, PROMISE_MAX, empty=_("Write what you promise first.")),
            due_on=_check_due(due_on, couple),
            replaces=replaces,
        )
        tallies_refresh(couple=couple, of=promise)
    return promise


def _locked_open(promise: Promise) -> Promise:
    promise = Promise.objects.select_for_update().get(pk=promise.pk)
    if promise.status != Promise.Status.OPEN:
        message = (
            _("This promise was just kept: have a look.")
            if promise.status == Promise.Status.KEPT
            else _("This promise was just renegotiated: have a look.")
        )
        raise TrustError(
            message,
            code="not_open",
            status=409,
        )
    return promise


def promise_keep(*, user, promise: Promise) -> Promise:
    """Kept! Either partner can say so; when the partner says it, that is the confirmation."""
    with transaction.atomic():
        promise = _locked_open(promise)
        promise.status = Promise.Status.KEPT
        promise.kept_on = promise.couple.local_today()
        promise.ended_at = timezone.now()
        if user.pk != promise.author_id:
            promise.confirmed_at = promise.ended_at
        promise.save(update_fields=["status", "kept_on", "ended_at", "confirmed_at"])
        tallies_refresh(couple=promise.couple, of=promise)
    return promise


def promise_confirm(*, user, promise: Promise) -> Promise:
    """The partner confirms a promise the author marked kept."""
    if user.pk == promise.author_id:
        raise TrustError(
            _("Your partner is the one who confirms your promise."), code="your_own", status=409
        )
    with transaction.atomic():
        promise = Promise.objects.select_for_update().get(pk=promise.pk)
        if promise.status != Promise.Status.KEPT:
            raise TrustError(_("It isn't marked kept yet."), code="not_kept", status=409)
        if promise.confirmed_at is None:
            promise.confirmed_at = timezone.now()
            promise.save(update_fields=["confirmed_at"])
    return promise


def promise_renegotiate(
    *, user, promise: Promise, text: object | None = None, due_on: date | None = None
) -> Promise:
    """Change a promise before it is due: it ends renegotiated (faith kept) and the new terms
    become a promise of their own. After its day has passed it can only be kept or missed."""
    if user.pk != promise.author_id:
        raise TrustError(
            _("Only the one who made a promise can change it; talk it over together."),
            code="not_yours",
            status=403,
        )
    with transaction.atomic():
        promise = _locked_open(promise)
        couple = promise.couple
        if promise.is_missed(couple.local_today()):
            raise TrustError(
                _("Its day has passed, so it can't be renegotiated now; it can still be kept."),
                code="past_due",
                status=409,
            )
        new_text = (
            promise.text
            if text is None
            else clean(text, PROMISE_MAX, empty=_("Write the promise first."))
        )
        new_due = _check_due(due_on, couple) if due_on is not None else promise.due_on
        if new_text == promise.text and new_due == promise.due_on:
            raise TrustError(_("Change the words or the day first."), code="unchanged")
        promise.status = Promise.Status.RENEGOTIATED
        promise.ended_at = timezone.now()
        promise.save(update_fields=["status", "ended_at"])
        tallies_refresh(couple=couple, of=promise)
        return promise_make(
            user=user, couple=couple, text=new_text, due_on=new_due, replaces=promise
        )


@dataclass(frozen=True)
class Reliability:
    """A person's own record: promises kept on time or renegotiated, of all that came due."""

    kept_on_time: int
    renegotiated: int
    due: int

    @property
    def share(self) -> float | None:
        return None if self.due == 0 else (self.kept_on_time + self.renegotiated) / self.due


def reliability_of(rows: list[tuple[str, date | None, date | None]], today: date) -> Reliability:
    """From (status, due_on, kept_on) rows of one person's promises. A promise counts once
    it is due (its day passed) or ended; one without a day counts once kept."""
    kept = renegotiated = due = 0
    for status, due_on, kept_on in rows:
        if status == Promise.Status.RENEGOTIATED:
            renegotiated += 1
            due += 1
        elif status == Promise.Status.KEPT:
            due += 1
            if due_on is None or (kept_on is not None and kept_on <= due_on):
                kept += 1
        elif due_on is not None and due_on < today:  # open past its day: missed
            due += 1
    return Reliability(kept_on_time=kept, renegotiated=renegotiated, due=due)


def reliability_for(user, couple: Couple) -> Reliability:
    rows = list(
        Promise.objects.filter(couple=couple, author=user).values_list(
            "status", "due_on", "kept_on"
        )
    )
    return reliability_of(rows, couple.local_today())


# The bands of guides.toml [reliability].words, from the lowest.
BANDS = (0.5, 0.7, 0.85, 0.95)


def reliability_words(reliability: Reliability, words: list[str], empty: str) -> str:
    if reliability.share is None:
        return empty
    band = sum(1 for edge in BANDS if reliability.share >= edge)
    return words[band]
