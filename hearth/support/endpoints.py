"""API for Support (PRODUCT S1–S3), mounted under /api/v1/support: the feelings wheel and
check-ins, bids for connection, and the needs map. Good news and the love map (S4, S5)
live in `endpoints_more.py`, under the same prefix.

The endpoints stay thin: the services check and clean everything, and refuse with a
message for the person and a code for scripts. Text fields allow about twice the
service's limit, so that the service gives the precise message. A check-in my partner
kept private is never part of any answer to me."""

from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import Field, StrictBool, StrictInt

from hearth.api.auth import ApiRequest
from hearth.api.schemas import ErrorOut
from hearth.couples.selectors import couple_required_for, partner_of
from hearth.support.endpoints_more import router as more_router
from hearth.support.guides import guide
from hearth.support.models import Bid, CheckIn, Feeling, Need, NeedsMap, NeedsPrompt
from hearth.support.services import (
    BID_KINDS,
    BID_MAX,
    NEEDS_MAP_MAX,
    NEEDS_SECTIONS,
    NOTE_MAX,
    REPLY_MAX,
    SupportError,
    bid_answer,
    bid_send,
    bids_for,
    check_in_make,
    check_in_reply,
    check_ins_visible_to,
    get_bid_for_user,
    get_check_in_for_user,
    needs_map_of,
    needs_map_save,
)

router = Router(tags=["support"])
PREFIX = "/support"
ROUTERS = [(PREFIX, router), (PREFIX, more_router)]

# Lists answer with at most this many, newest first.
LIST_LIMIT = 100

NEED_HELP = ", ".join(Need.values)
KIND_HELP = ", ".join(sorted(BID_KINDS)) + " (custom needs words of my own)"


# The feelings wheel and needs ------------------------------------------------------------


class FeelingOut(Schema):
    key: str
    word: str
    level: int = Field(description="1 core, 2 more specific, 3 most specific")
    parent: str = Field(description="the key of the feeling one level in; empty for a core one")
    tone: str = Field(description="pleasant, unpleasant or mixed")


class NeedOut(Schema):
    key: str
    label: str


@router.get(
    "/feelings",
    response=list[FeelingOut],
    summary="The feelings wheel: a word for how I feel, roughly or precisely",
)
def feeling_list(request: ApiRequest):
    return Feeling.objects.filter(active=True).order_by("level", "key")


@router.get("/needs", response=list[NeedOut], summary="What I might need right now")
def need_list(request: ApiRequest):
    return [{"key": key, "label": str(label)} for key, label in Need.choices]


# Check-ins ------------------------------------------------------------------------------


class CheckInFeelingOut(Schema):
    key: str
    word: str
    level: int


class CheckInOut(Schema):
    id: int
    author_id: int
    mine: bool
    feeling: CheckInFeelingOut
    intensity: int = Field(description="1 (a little) to 5 (very strongly)")
    need: str = Field(description=NEED_HELP)
    note: str
    shared: bool = Field(description="shared with my partner; private otherwise")
    created_at: datetime
    reply: str = Field(description="my partner's one-tap answer, or empty")
    replied_at: datetime | None


class CheckInIn(Schema):
    feeling: str = Field(max_length=80, description="a key from /support/feelings")
    need: str = Field(max_length=20, description=NEED_HELP)
    intensity: StrictInt = Field(default=3, description="1 (a little) to 5 (very strongly)")
    note: str = Field(default="", max_length=NOTE_MAX * 2, description="a few words, if I like")
    shared: StrictBool = Field(default=False, description="private unless I share it")


class ReplyIn(Schema):
    reply: str = Field(max_length=REPLY_MAX * 2, description="a few warm words")


def _check_in_out(check_in: CheckIn, user) -> dict:
    return {
        "id": check_in.pk,
        "author_id": check_in.author_id,
        "mine": check_in.author_id == user.pk,
        "feeling": check_in.feeling,
        "intensity": check_in.intensity,
        "need": check_in.need,
        "note": check_in.note,
        "shared": check_in.shared,
        "created_at": check_in.created_at,
        "reply": check_in.reply,
        "replied_at": check_in.replied_at,
    }


@router.get(
    "/check-ins",
    response={200: list[CheckInOut], 409: ErrorOut},
    summary="My check-ins, and the ones my partner shared with me",
)
def check_in_list(request: ApiRequest):
    couple = couple_required_for(request.user)
    check_ins = check_ins_visible_to(request.user, couple).order_by("-created_at", "-pk")
    return [_check_in_out(check_in, request.user) for check_in in check_ins[:LIST_LIMIT]]


@router.post(
    "/check-ins",
    response={201: CheckInOut, 400: ErrorOut, 409: ErrorOut},
    summary="How I feel, and what I need right now",
)
def check_in_create(request: ApiRequest, payload: CheckInIn):
    couple = couple_required_for(request.user)
    feeling = Feeling.objects.filter(key=payload.feeling, active=True).first()
    if feeling is None:
        raise SupportError(_("Choose a feeling from the wheel."), code="unknown_feeling")
    check_in = check_in_make(
        user=request.user,
        couple=couple,
        feeling=feeling,
        need=payload.need,
        intensity=payload.intensity,
        note=payload.note,
        shared=payload.shared,
    )
    return Status(201, _check_in_out(check_in, request.user))


@router.post(
    "/check-ins/{int:check_in_id}/reply",
    response={200: CheckInOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Answer a check-in my partner shared with me",
)
def check_in_answer(request: ApiRequest, check_in_id: int, payload: ReplyIn):
    check_in = get_check_in_for_user(request.user, check_in_id)
    replied = check_in_reply(user=request.user, check_in=check_in, reply=payload.reply)
    return _check_in_out(replied, request.user)


# Bids -----------------------------------------------------------------------------------


class BidOut(Schema):
    id: int
    author_id: int
    kind: str = Field(description=KIND_HELP)
    text: str
    quiet: bool = Field(description="sent while my partner asked for space: no nudge went out")
    created_at: datetime
    answer: str = Field(description="now or later, or empty until answered")
    reply: str
    later_at: datetime | None = Field(description="when, for an answer of later")
    answered_at: datetime | None
    response_seconds: int | None = Field(description="how long the answer took; null until then")


class BidIn(Schema):
    kind: str = Field(max_length=20, description=KIND_HELP)
    text: str = Field(default="", max_length=BID_MAX * 2, description="in my own words")


class BidAnswerIn(Schema):
    answer: str = Field(max_length=10, description="now, or later")
    reply: str = Field(default="", max_length=REPLY_MAX * 2, description="a one-tap reply")
    later_at: datetime | None = Field(
        default=None,
        description="for later: when, in ISO 8601 with its UTC offset, within a week",
    )


def _bid_out(bid: Bid) -> dict:
    seconds = None
    if bid.answered_at is not None:
        seconds = max(0, int((bid.answered_at - bid.created_at).total_seconds()))
    return {
        "id": bid.pk,
        "author_id": bid.author_id,
        "kind": bid.kind,
        "text": bid.text,
        "quiet": bid.quiet,
        "created_at": bid.created_at,
        "answer": bid.answer,
        "reply": bid.reply,
        "later_at": bid.later_at,
        "answered_at": bid.answered_at,
        "response_seconds": seconds,
    }


@router.get(
    "/bids",
    response={200: list[BidOut], 409: ErrorOut},
    summary="Our small reaches for each other, newest first",
)
def bid_list(request: ApiRequest):
    bids = bids_for(couple_required_for(request.user)).order_by("-created_at", "-pk")
    return [_bid_out(bid) for bid in bids[:LIST_LIMIT]]


@router.post(
    "/bids",
    response={201: BidOut, 400: ErrorOut, 409: ErrorOut},
    summary="Reach for my partner: can we talk? hug please?",
)
def bid_create(request: ApiRequest, payload: BidIn):
    bid = bid_send(
        user=request.user,
        couple=couple_required_for(request.user),
        kind=payload.kind,
        text=payload.text,
    )
    return Status(201, _bid_out(bid))


@router.post(
    "/bids/{int:bid_id}/answer",
    response={200: BidOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Turn toward my partner: now, or later at a time I choose",
)
def bid_respond(request: ApiRequest, bid_id: int, payload: BidAnswerIn):
    bid = get_bid_for_user(request.user, bid_id)
    answered = bid_answer(
        user=request.user,
        bid=bid,
        answer=payload.answer,
        reply=payload.reply,
        later_at=payload.later_at,
    )
    return _bid_out(answered)


# Needs map ------------------------------------------------------------------------------


class NeedsMapOut(Schema):
    user_id: int
    stressed: str | None = Field(description="when I'm stressed, I need …; null until written")
    comforts: str | None = Field(description="what comforts me")
    unhelpful: str | None = Field(description="what doesn't help, even kindly meant")
    signs: str | None = Field(description="how to tell I'm struggling")
    updated_at: datetime | None


class NeedsMapIn(Schema):
    stressed: str = Field(default="", max_length=NEEDS_MAP_MAX * 2)
    comforts: str = Field(default="", max_length=NEEDS_MAP_MAX * 2)
    unhelpful: str = Field(default="", max_length=NEEDS_MAP_MAX * 2)
    signs: str = Field(default="", max_length=NEEDS_MAP_MAX * 2)


class NeedsPromptOut(Schema):
    key: str
    text: str


class NeedsSectionOut(Schema):
    section: str = Field(description="stressed, comforts, unhelpful or signs")
    label: str
    prompts: list[NeedsPromptOut]


def _needs_map_out(user) -> dict:
    needs_map: NeedsMap | None = needs_map_of(user)
    return {
        "user_id": user.pk,
        **{
            section: getattr(needs_map, section) if needs_map else None
            for section in NEEDS_SECTIONS
        },
        "updated_at": needs_map.updated_at if needs_map else None,
    }


@router.get("/needs-map/me", response=NeedsMapOut, summary="My needs map, for my partner")
def needs_map_mine(request: ApiRequest):
    return _needs_map_out(request.user)


@router.put(
    "/needs-map/me",
    response={200: NeedsMapOut, 400: ErrorOut},
    summary="Write my needs map (all four parts; any left out are emptied)",
)
def needs_map_write(request: ApiRequest, payload: NeedsMapIn):
    needs_map_save(user=request.user, **payload.model_dump())
    return _needs_map_out(request.user)


@router.get(
    "/needs-map/partner",
    response={200: NeedsMapOut, 409: ErrorOut},
    summary="How to show up for my partner when things are hard: their map",
)
def needs_map_partner(request: ApiRequest):
    partner = partner_of(request.user, couple_required_for(request.user))
    if partner is None:
        raise SupportError(_("Pair with your partner first."), code="not_paired", status=409)
    return _needs_map_out(partner)


@router.get(
    "/needs-map/prompts",
    response=list[NeedsSectionOut],
    summary="Gentle questions to help me fill in my needs map, part by part",
)
def needs_prompt_list(request: ApiRequest):
    sections = guide("needs_map").get("sections", {})
    prompts = NeedsPrompt.objects.filter(active=True).order_by("key")
    return [
        {
            "section": section,
            "label": sections.get(section, {}).get("label", section),
            "prompts": [prompt for prompt in prompts if prompt.section == section],
        }
        for section in NEEDS_SECTIONS
    ]
