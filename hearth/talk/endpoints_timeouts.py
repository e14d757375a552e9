"""API for conflict time-outs and debriefs, mounted under /api/v1/talk."""

from datetime import datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import Field

from hearth.api.schemas import ErrorOut
from hearth.couples.selectors import couple_required_for
from hearth.talk.timeouts import (
    DEBRIEF_MAX,
    current_timeout,
    debrief_set_shared,
    debrief_write,
    debriefs_visible_to,
    get_debrief_for_user,
    get_timeout_for_user,
    timeout_end_early,
    timeout_start,
)

router = Router(tags=["talk"])


class TimeoutOut(Schema):
    id: int
    started_by_id: int
    started_at: datetime
    minutes: int
    ends_at: datetime
    active: bool = Field(alias="is_active")
    minutes_left: int


class TimeoutIn(Schema):
    minutes: int = Field(default=20, description="20, 30, 45 or 60")


class DebriefIn(Schema):
    felt: str = Field(max_length=DEBRIEF_MAX * 2)
    needed: str = Field(default="", max_length=DEBRIEF_MAX * 2)
    my_part: str = Field(default="", max_length=DEBRIEF_MAX * 2)
    next_time: str = Field(default="", max_length=DEBRIEF_MAX * 2)
    shared: bool = False
    timeout_id: int | None = None


class DebriefOut(Schema):
    id: int
    author_id: int
    felt: str
    needed: str
    my_part: str
    next_time: str
    shared: bool
    timeout_id: int | None
    created_at: datetime


class ShareIn(Schema):
    shared: bool


@router.get(
    "/timeouts/current",
    response={200: TimeoutOut, 404: ErrorOut, 409: ErrorOut},
    summary="The break now on, if any",
)
def timeout_current(request: HttpRequest):
    timeout = current_timeout(couple_required_for(request.user))
    if timeout is None:
        return Status(404, {"detail": _("No break is on."), "code": "no_timeout"})
    return timeout


@router.post(
    "/timeouts",
    response={201: TimeoutOut, 400: ErrorOut, 409: ErrorOut},
    summary="I'm flooded: start a break for both",
)
def timeout_create(request: HttpRequest, payload: TimeoutIn):
    return Status(
        201,
        timeout_start(
            user=request.user, couple=couple_required_for(request.user), minutes=payload.minutes
        ),
    )


@router.post(
    "/timeouts/{int:timeout_id}/end",
    response={200: TimeoutOut, 403: ErrorOut},
    summary="End my break sooner (only the person who asked for it)",
)
def timeout_end(request: HttpRequest, timeout_id: int):
    return timeout_end_early(
        user=request.user, timeout=get_timeout_for_user(request.user, timeout_id)
    )


@router.get(
    "/debriefs", response=list[DebriefOut], summary="My debriefs and the ones my partner shared"
)
def debrief_list(request: HttpRequest):
    return list(debriefs_visible_to(request.user)[:100])


@router.post(
    "/debriefs", response={201: DebriefOut, 400: ErrorOut, 409: ErrorOut}, summary="Write a debrief"
)
def debrief_create(request: HttpRequest, payload: DebriefIn):
    couple = couple_required_for(request.user)
    timeout = get_timeout_for_user(request.user, payload.timeout_id) if payload.timeout_id else None
    debrief = debrief_write(
        user=request.user,
        couple=couple,
        timeout=timeout,
        **payload.model_dump(exclude={"timeout_id"}),
    )
    return Status(201, debrief)


@router.put(
    "/debriefs/{int:debrief_id}/shared",
    response={200: DebriefOut, 403: ErrorOut},
    summary="Share a debrief with my partner, or make it private again",
)
def debrief_share(request: HttpRequest, debrief_id: int, payload: ShareIn):
    debrief = get_debrief_for_user(request.user, debrief_id)
    return debrief_set_shared(user=request.user, debrief=debrief, shared=payload.shared)
