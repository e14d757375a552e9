"""API for reciprocal vulnerability (PRODUCT R2), under /api/v1/trust: prompts and the
sets they come in, validating response starters, rounds, shares and responses.

A round is always answered as the person asking sees it (`sharing.round_view`): whose
turn it is, what they may do, and only the shares and responses they may see; withdrawn
shares are never listed."""

from datetime import datetime
from typing import Literal

from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from pydantic import Field

from hearth.api.auth import ApiRequest
from hearth.api.schemas import ErrorOut
from hearth.couples.selectors import couple_required_for
from hearth.trust.models import Round, ValidatingResponse, VulnerabilityPrompt
from hearth.trust.promises import TrustError
from hearth.trust.sharing import (
    RESPONSE_MAX,
    SET_ORDER,
    SHARE_MAX,
    get_own_share,
    get_round_for_user,
    next_prompt,
    response_add,
    round_pass,
    round_start,
    round_view,
    rounds_for,
    share_add,
    share_withdraw,
    unlocked_sets,
)

router = Router(tags=["trust"])

# The rounds list answers with at most this many, newest first.
ROUNDS_LIMIT = 50
SETS = (*SET_ORDER, "pool")
SET_HELP = "first (gentle), deeper, deepest, or pool (always open)"
STEP_HELP = (
    "1 the starter shares, 2 the other responds, 3 the other shares, 4 the starter responds, 5 done"
)


# Prompts, sets and starters -------------------------------------------------------------


class PromptOut(Schema):
    id: int
    key: str
    set: str = Field(description=SET_HELP)
    topic: str = Field(description="fears, insecurities, hopes or formative")
    text: str
    unlocked: bool = Field(description="we can start a round on it now")


class SetOut(Schema):
    set: str = Field(description=SET_HELP)
    label: str
    next_prompt: PromptOut | None = Field(
        description="the first prompt of the set we haven't had a round on; null when all done"
    )


class StarterOut(Schema):
    id: int
    kind: str = Field(description="understand, validate, care or curious")
    text: str


def _prompt_out(prompt: VulnerabilityPrompt, unlocked: list[str]) -> dict:
    return {
        "id": prompt.pk,
        "key": prompt.key,
        "set": prompt.set,
        "topic": prompt.topic,
        "text": prompt.text,
        "unlocked": prompt.set in unlocked,
    }


@router.get(
    "/prompts",
    response={200: list[PromptOut], 409: ErrorOut},
    summary="Invitations to share, gentle to deep (and whether they're open to us yet)",
)
def prompt_list(
    request: ApiRequest,
    prompt_set: Literal["first", "deeper", "deepest", "pool"] | None = Query(
        default=None, alias="set", description=SET_HELP
    ),
):
    unlocked = unlocked_sets(couple_required_for(request.user))
    prompts = VulnerabilityPrompt.objects.filter(active=True)
    if prompt_set is not None:
        prompts = prompts.filter(set=prompt_set)
    order = {name: position for position, name in enumerate(SETS)}
    return [
        _prompt_out(prompt, unlocked)
        for prompt in sorted(prompts, key=lambda p: (order.get(p.set, 99), p.key))
    ]


@router.get(
    "/sets",
    response={200: list[SetOut], 409: ErrorOut},
    summary="The sets open to us, and the next prompt in each",
)
def set_list(request: ApiRequest):
    couple = couple_required_for(request.user)
    unlocked = unlocked_sets(couple)
    labels = dict(VulnerabilityPrompt.Set.choices)
    sets = []
    for name in unlocked:
        prompt = next_prompt(couple, name)
        sets.append(
            {
                "set": name,
                "label": str(labels.get(name, name)),
                "next_prompt": _prompt_out(prompt, unlocked) if prompt else None,
            }
        )
    return sets


@router.get(
    "/starters",
    response=list[StarterOut],
    summary="Gentle ways to begin a response without judgment",
)
def starter_list(request: ApiRequest):
    order = {kind: position for position, kind in enumerate(ValidatingResponse.Kind.values)}
    starters = ValidatingResponse.objects.filter(active=True)
    return sorted(starters, key=lambda s: (order.get(s.kind, 99), s.key))


# Rounds ---------------------------------------------------------------------------------


class RoundPromptOut(Schema):
    id: int
    set: str
    topic: str
    text: str


class ResponseOut(Schema):
    id: int
    author_id: int
    text: str
    starter_id: int | None = Field(description="the validating starter it began with")
    created_at: datetime


class ShareOut(Schema):
    id: int
    author_id: int
    text: str
    created_at: datetime
    response: ResponseOut | None = Field(description="the listener's response, once given")


class RoundOut(Schema):
    id: int
    prompt: RoundPromptOut
    started_by_id: int
    step: int = Field(description=STEP_HELP)
    my_turn: bool
    action: str = Field(description="what I may do now: share, respond, or empty")
    open: bool = Field(description="neither completed nor passed")
    completed_at: datetime | None
    closed_at: datetime | None = Field(description="when one of us passed or took a share back")
    version: int = Field(description="changes with every step, to tell when to look again")
    shares: list[ShareOut] = Field(description="in turn order; shares taken back are left out")


class RoundIn(Schema):
    prompt_id: int


class ShareIn(Schema):
    text: str = Field(max_length=SHARE_MAX * 2, description="what I choose to share")


class ResponseIn(Schema):
    text: str = Field(max_length=RESPONSE_MAX * 2, description="my response, without judgment")
    starter_id: int | None = Field(default=None, description="a starter from /trust/starters")


def _round_out(round_: Round, user) -> dict:
    view = round_view(round_, user)
    return {
        "id": round_.pk,
        "prompt": round_.prompt,
        "started_by_id": round_.started_by_id,
        "step": view.step,
        "my_turn": view.my_turn,
        "action": view.action,
        "open": round_.is_open,
        "completed_at": round_.completed_at,
        "closed_at": round_.closed_at,
        "version": round_.version,
        "shares": [
            {
                "id": share.pk,
                "author_id": share.author_id,
                "text": share.text,
                "created_at": share.created_at,
                "response": response,
            }
            for share, response in view.shares
        ],
    }


def _fresh_round(round_: Round, user) -> dict:
    """The round after a step, read again so its dates and version are current."""
    return _round_out(Round.objects.select_related("prompt").get(pk=round_.pk), user)


@router.get(
    "/rounds",
    response={200: list[RoundOut], 409: ErrorOut},
    summary="Our sharing rounds, newest first",
)
def round_list(request: ApiRequest):
    couple = couple_required_for(request.user)
    rounds = rounds_for(couple).order_by("-created_at", "-pk")[:ROUNDS_LIMIT]
    return [_round_out(round_, request.user) for round_ in rounds]


@router.post(
    "/rounds",
    response={201: RoundOut, 400: ErrorOut, 409: ErrorOut},
    summary="Invite my partner into a round; I'll share first",
)
def round_create(request: ApiRequest, payload: RoundIn):
    couple = couple_required_for(request.user)
    prompt = VulnerabilityPrompt.objects.filter(pk=payload.prompt_id, active=True).first()
    if prompt is None:
        raise TrustError(_("That prompt isn't in the library any more."), code="unknown_prompt")
    round_ = round_start(user=request.user, couple=couple, prompt=prompt)
    return Status(201, _fresh_round(round_, request.user))


@router.get(
    "/rounds/{int:round_id}",
    response={200: RoundOut, 404: ErrorOut},
    summary="One round, as I see it",
)
def round_detail(request: ApiRequest, round_id: int):
    return _round_out(get_round_for_user(request.user, round_id), request.user)


@router.post(
    "/rounds/{int:round_id}/shares",
    response={201: RoundOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Share, when it's my turn (only what I choose)",
)
def round_share(request: ApiRequest, round_id: int, payload: ShareIn):
    round_ = get_round_for_user(request.user, round_id)
    share_add(user=request.user, round_=round_, text=payload.text)
    return Status(201, _fresh_round(round_, request.user))


@router.post(
    "/rounds/{int:round_id}/responses",
    response={201: RoundOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Respond to what my partner shared, with care",
)
def round_respond(request: ApiRequest, round_id: int, payload: ResponseIn):
    round_ = get_round_for_user(request.user, round_id)
    starter = None
    if payload.starter_id is not None:
        starter = ValidatingResponse.objects.filter(pk=payload.starter_id, active=True).first()
        if starter is None:
            raise TrustError(
                _("That starter isn't in the library any more."), code="unknown_starter"
            )
    response_add(user=request.user, round_=round_, text=payload.text, starter=starter)
    return Status(201, _fresh_round(round_, request.user))


@router.post(
    "/rounds/{int:round_id}/pass",
    response={200: RoundOut, 404: ErrorOut},
    summary="Not this one, not now: no reason needed",
)
def round_skip(request: ApiRequest, round_id: int):
    round_ = round_pass(user=request.user, round_=get_round_for_user(request.user, round_id))
    return _fresh_round(round_, request.user)


@router.delete(
    "/shares/{int:share_id}",
    response={204: None, 404: ErrorOut},
    summary="Take back what I shared; the words are erased",
)
def share_delete(request: ApiRequest, share_id: int):
    share_withdraw(user=request.user, share=get_own_share(request.user, share_id))
    return Status(204, None)
