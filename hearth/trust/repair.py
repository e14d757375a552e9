"""Repair (PRODUCT R3): an apology with what I'll do differently, and the partner's answer."""

from datetime import date

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hearth.core.models import Event, event_emit
from hearth.couples.models import Couple
from hearth.couples.selectors import get_for_user, partner_of
from hearth.talk.services import harsh_moment_record
from hearth.trust.models import Apology
from hearth.trust.promises import PROMISE_MAX, TrustError, clean, promise_make

APOLOGY_PART_MAX = 2000
ANSWER_NOTE_MAX = 1000


def get_apology_for_user(user, pk) -> Apology:
    return get_for_user(Apology, user, pk)


def apologies_for(couple: Couple) -> QuerySet[Apology]:
    return Apology.objects.filter(couple=couple).select_related("author", "promise")


def apology_make(
    *,
    user,
    couple: Couple,
    what_happened: object,
    do_differently: object,
    effect: object = "",
    as_promise: bool = False,
    promise_due_on: date | None = None,
) -> Apology:
    """Name what I did, how it may have landed, and what I'll do differently; the last can
    become a promise, so that the change is something both can see kept."""
    partner = partner_of(user, couple)
    if partner is None:
        raise TrustError(_("Pair with your partner first."), code="not_paired", status=409)
    what = clean(what_happened, APOLOGY_PART_MAX, empty=_("Write what happened first."))
    effect_text = clean(effect, APOLOGY_PART_MAX, required=False)
    different = clean(
        do_differently, APOLOGY_PART_MAX, empty=_("Write what you'll do differently first.")
    )
    if as_promise and len(different) > PROMISE_MAX:
        raise TrustError(
            ngettext(
                "To make it a promise, keep what you'll do differently to %(count)d character.",
                "To make it a promise, keep what you'll do differently to %(count)d characters.",
                PROMISE_MAX,
            )
            % {"count": PROMISE_MAX},
            code="too_long_for_promise",
        )
    with transaction.atomic():
        promise = (
            promise_make(user=user, couple=couple, text=different, due_on=promise_due_on)
            if as_promise
            else None
        )
        apology = Apology.objects.create(
            couple=couple,
            author=user,
            what_happened=what,
            effect=effect_text,
            do_differently=different,
            promise=promise,
        )
        event_emit(
            couple=couple, kind=Event.Kind.APOLOGY_RECEIVED, recipient=partner, subject=apology
        )
    return apology


def apology_answer(*, user, apology: Apology, answer: str, note: object = "") -> Apology:
    """The partner answers: accept, "I need time" (fine, and not a punishment), or let's talk.
    "I need time" can later become another answer."""
    if apology.author_id == user.pk:
        raise TrustError(_("Your partner is the one who answers."), code="your_own", status=409)
    if answer not in Apology.Answer.values:
        raise TrustError(_("Choose one of the answers."), code="invalid_answer")
    cleaned = clean(note, ANSWER_NOTE_MAX, required=False)
    with transaction.atomic():
        apology = Apology.objects.select_for_update().get(pk=apology.pk)
        if apology.answer and apology.answer != Apology.Answer.NEED_TIME:
            raise TrustError(_("You've answered this one."), code="answered", status=409)
        apology.answer = answer
        apology.answer_note = cleaned
        apology.answered_at = timezone.now()
        apology.save(update_fields=["answer", "answer_note", "answered_at"])
        harsh_moment_record(couple=apology.couple, author=user, text=cleaned)
        event_emit(
            couple=apology.couple,
            kind=Event.Kind.APOLOGY_ANSWERED,
            recipient=apology.author,
            subject=apology,
        )
    return apology
