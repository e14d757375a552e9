"""API for Trust (PRODUCT R1–R3), mounted under /api/v1/trust: promises and my own
reliability, and apologies with their answers. Reciprocal vulnerability (prompts, sets,
starters, rounds and shares) lives in `endpoints_sharing.py`, under the same prefix.

The endpoints stay thin: the services check and clean everything, and refuse with a
message for the person and a code for scripts. Text fields allow about twice the
service's limit, so that the service gives the precise message. Reliability is personal:
the API only ever tells me my own figures, never my partner's."""

from datetime import date, datetime

from django.db.models import F
from ninja import Router, Schema, Status
from pydantic import Field, StrictBool

from hearth.api.auth import ApiRequest
from hearth.api.schemas import ErrorOut
from hearth.couples.models import Couple
from hearth.couples.selectors import couple_required_for
from hearth.trust.endpoints_sharing import router as sharing_router
from hearth.trust.guides import guide
from hearth.trust.models import Apology, Promise
from hearth.trust.promises import (
    PROMISE_MAX,
    get_promise_for_user,
    promise_confirm,
    promise_keep,
    promise_make,
    promise_renegotiate,
    promises_for,
    reliability_for,
    reliability_words,
)
from hearth.trust.repair import (
    ANSWER_NOTE_MAX,
    APOLOGY_PART_MAX,
    apologies_for,
    apology_answer,
    apology_make,
    get_apology_for_user,
)

router = Router(tags=["trust"])
PREFIX = "/trust"
ROUTERS = [(PREFIX, router), (PREFIX, sharing_router)]

# Lists answer with at most this many.
LIST_LIMIT = 100

OUTCOME_HELP = "open, kept, renegotiated, or missed (still open after its day)"
ANSWER_HELP = "accept, need_time or talk"


# Promises -------------------------------------------------------------------------------


class PromiseOut(Schema):
    id: int
    author_id: int
    text: str
    due_on: date | None
    status: str = Field(description="open, kept or renegotiated")
    outcome: str = Field(description=OUTCOME_HELP)
    kept_on: date | None
    confirmed: bool = Field(description="my partner confirmed it was kept")
    replaces_id: int | None = Field(description="the earlier terms this one renegotiated")
    replaced_by_id: int | None = Field(description="the new terms that replaced this one")
    created_at: datetime


class PromiseIn(Schema):
    text: str = Field(max_length=PROMISE_MAX * 2, description="what I promise, in a line")
    due_on: date | None = Field(default=None, description="by when; today or later")


class RenegotiateIn(Schema):
    text: str | None = Field(
        default=None, max_length=PROMISE_MAX * 2, description="new words; unchanged if left out"
    )
    due_on: date | None = Field(default=None, description="a new day; unchanged if left out")


class ReliabilityOut(Schema):
    kept_on_time: int
    renegotiated: int = Field(description="changed before they were due, which keeps faith")
    due: int = Field(description="my promises that came due or ended")
    share: float | None = Field(
        description="kept on time or renegotiated, of those due: 0 to 1; null before any"
    )
    words: str = Field(description="the figure in a few kind words")


def _promise_out(promise: Promise, today: date, replaced_by_id: int | None) -> dict:
    return {
        "id": promise.pk,
        "author_id": promise.author_id,
        "text": promise.text,
        "due_on": promise.due_on,
        "status": promise.status,
        "outcome": promise.outcome(today),
        "kept_on": promise.kept_on,
        "confirmed": promise.confirmed_at is not None,
        "replaces_id": promise.replaces_id,
        "replaced_by_id": replaced_by_id,
        "created_at": promise.created_at,
    }


def _one_promise(promise: Promise, couple: Couple | None = None) -> dict:
    replaced_by_id = (
        Promise.objects.filter(replaces_id=promise.pk).values_list("pk", flat=True).first()
    )
    today = (couple or promise.couple).local_today()
    return _promise_out(promise, today, replaced_by_id)


@router.get(
    "/promises",
    response={200: list[PromiseOut], 409: ErrorOut},
    summary="Our promises: open ones first, soonest due, then those that ended",
)
def promise_list(request: ApiRequest):
    couple = couple_required_for(request.user)
    promises = promises_for(couple)
    still_open = list(
        promises.filter(status=Promise.Status.OPEN).order_by(
            F("due_on").asc(nulls_last=True), "created_at", "pk"
        )[:LIST_LIMIT]
    )
    ended = list(
        promises.exclude(status=Promise.Status.OPEN).order_by(
            F("ended_at").desc(nulls_last=True), "-created_at", "-pk"
        )[: LIST_LIMIT - len(still_open)]
    )
    replaced_by = dict(
        Promise.objects.filter(couple=couple, replaces__isnull=False).values_list(
            "replaces_id", "pk"
        )
    )
    today = couple.local_today()
    return [
        _promise_out(promise, today, replaced_by.get(promise.pk)) for promise in still_open + ended
    ]


@router.post(
    "/promises",
    response={201: PromiseOut, 400: ErrorOut, 409: ErrorOut},
    summary="Make my partner a promise",
)
def promise_create(request: ApiRequest, payload: PromiseIn):
    couple = couple_required_for(request.user)
    promise = promise_make(
        user=request.user, couple=couple, text=payload.text, due_on=payload.due_on
    )
    return Status(201, _one_promise(promise, couple))


@router.get(
    "/promises/{int:promise_id}",
    response={200: PromiseOut, 404: ErrorOut},
    summary="One of our promises",
)
def promise_detail(request: ApiRequest, promise_id: int):
    return _one_promise(get_promise_for_user(request.user, promise_id))


@router.post(
    "/promises/{int:promise_id}/kept",
    response={200: PromiseOut, 404: ErrorOut, 409: ErrorOut},
    summary="Kept! (When my partner says so, that is the confirmation)",
)
def promise_mark_kept(request: ApiRequest, promise_id: int):
    promise = get_promise_for_user(request.user, promise_id)
    return _one_promise(promise_keep(user=request.user, promise=promise))


@router.post(
    "/promises/{int:promise_id}/confirm",
    response={200: PromiseOut, 404: ErrorOut, 409: ErrorOut},
    summary="Yes, my partner kept their promise",
)
def promise_mark_confirmed(request: ApiRequest, promise_id: int):
    promise = get_promise_for_user(request.user, promise_id)
    return _one_promise(promise_confirm(user=request.user, promise=promise))


@router.post(
    "/promises/{int:promise_id}/renegotiate",
    response={201: PromiseOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Change my promise before it's due, which keeps faith",
)
def promise_change(request: ApiRequest, promise_id: int, payload: RenegotiateIn):
    promise = get_promise_for_user(request.user, promise_id)
    renewed = promise_renegotiate(
        user=request.user, promise=promise, text=payload.text, due_on=payload.due_on
    )
    return Status(201, _one_promise(renewed))


@router.get(
    "/reliability",
    response={200: ReliabilityOut, 409: ErrorOut},
    summary="How I'm doing with my own promises (only ever mine)",
)
def reliability_mine(request: ApiRequest):
    couple = couple_required_for(request.user)
    reliability = reliability_for(request.user, couple)
    words = guide("reliability")
    return {
        "kept_on_time": reliability.kept_on_time,
        "renegotiated": reliability.renegotiated,
        "due": reliability.due,
        "share": reliability.share,
        "words": reliability_words(reliability, words["words"], words["empty"]),
    }


# Repair ---------------------------------------------------------------------------------


class ApologyOut(Schema):
    id: int
    author_id: int
    what_happened: str
    effect: str = Field(description="how it may have landed for my partner; may be empty")
    do_differently: str
    promise_id: int | None = Field(description="the promise made of what I'll do differently")
    created_at: datetime
    answer: str = Field(description=f"{ANSWER_HELP}, or empty until answered")
    answer_note: str
    answered_at: datetime | None


class ApologyIn(Schema):
    what_happened: str = Field(max_length=APOLOGY_PART_MAX * 2, description="what I did")
    effect: str = Field(
        default="", max_length=APOLOGY_PART_MAX * 2, description="how it may have felt for you"
    )
    do_differently: str = Field(
        max_length=APOLOGY_PART_MAX * 2, description="what I'll do differently"
    )
    as_promise: StrictBool = Field(
        default=False, description="also make what I'll do differently a promise"
    )
    promise_due_on: date | None = Field(default=None, description="by when, for the promise")


class AnswerIn(Schema):
    answer: str = Field(max_length=20, description=ANSWER_HELP)
    note: str = Field(default="", max_length=ANSWER_NOTE_MAX * 2, description="a few words")


def _apology_out(apology: Apology) -> dict:
    return {
        "id": apology.pk,
        "author_id": apology.author_id,
        "what_happened": apology.what_happened,
        "effect": apology.effect,
        "do_differently": apology.do_differently,
        "promise_id": apology.promise_id,
        "created_at": apology.created_at,
        "answer": apology.answer,
        "answer_note": apology.answer_note,
        "answered_at": apology.answered_at,
    }


@router.get(
    "/apologies",
    response={200: list[ApologyOut], 409: ErrorOut},
    summary="Apologies between us, newest first",
)
def apology_list(request: ApiRequest):
    couple = couple_required_for(request.user)
    apologies = apologies_for(couple).order_by("-created_at", "-pk")[:LIST_LIMIT]
    return [_apology_out(apology) for apology in apologies]


@router.post(
    "/apologies",
    response={201: ApologyOut, 400: ErrorOut, 409: ErrorOut},
    summary="Say sorry: what happened, and what I'll do differently",
)
def apology_create(request: ApiRequest, payload: ApologyIn):
    apology = apology_make(
        user=request.user,
        couple=couple_required_for(request.user),
        what_happened=payload.what_happened,
        do_differently=payload.do_differently,
        effect=payload.effect,
        as_promise=payload.as_promise,
        promise_due_on=payload.promise_due_on,
    )
    return Status(201, _apology_out(apology))


@router.get(
    "/apologies/{int:apology_id}",
    response={200: ApologyOut, 404: ErrorOut},
    summary="One apology",
)
def apology_detail(request: ApiRequest, apology_id: int):
    return _apology_out(get_apology_for_user(request.user, apology_id))


@router.post(
    "/apologies/{int:apology_id}/answer",
    response={200: ApologyOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Answer my partner's apology: accept, I need time, or let's talk",
)
def apology_reply(request: ApiRequest, apology_id: int, payload: AnswerIn):
    apology = get_apology_for_user(request.user, apology_id)
    answered = apology_answer(
        user=request.user, apology=apology, answer=payload.answer, note=payload.note
    )
    return _apology_out(answered)
