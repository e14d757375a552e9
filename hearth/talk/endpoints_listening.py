"""API for listening sessions, mounted under /api/v1/talk."""

from datetime import datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import Field

from hearth.api.schemas import ErrorOut
from hearth.couples.selectors import couple_required_for
from hearth.talk.listening import (
    STEP_MAX,
    get_session_for_user,
    session_end,
    session_join,
    session_pause,
    session_resume,
    session_start,
    session_step,
    session_summary,
)
from hearth.talk.models import ListeningSession

router = Router(tags=["talk"])


class StepOut(Schema):
    turn: int
    kind: str
    author_id: int
    text: str
    created_at: datetime


class HeardOut(Schema):
    speaker_id: int
    listener_id: int
    said: str
    heard: str


class SessionOut(Schema):
    id: int
    status: str
    phase: str
    speaker_id: int
    listener_id: int
    shared_device: bool
    turns_completed: int
    version: int
    steps: list[StepOut]
    summary: list[HeardOut]


class StartIn(Schema):
    shared_device: bool = False


class StepIn(Schema):
    kind: str = Field(description="statement, paraphrase, confirm or clarify")
    text: str = Field(default="", max_length=STEP_MAX * 2)


def _out(session: ListeningSession) -> dict:
    return {
        **{
            field: getattr(session, field)
            for field in (
                "id",
                "status",
                "phase",
                "speaker_id",
                "listener_id",
                "shared_device",
                "turns_completed",
                "version",
            )
        },
        "steps": list(session.steps.all()),
        "summary": session_summary(session),
    }


@router.post(
    "/listening",
    response={201: SessionOut, 409: ErrorOut},
    summary="Start a listening session (I speak first)",
)
def listening_create(request: HttpRequest, payload: StartIn):
    session = session_start(
        user=request.user,
        couple=couple_required_for(request.user),
        shared_device=payload.shared_device,
    )
    return Status(201, _out(session))


@router.get(
    "/listening/{int:session_id}",
    response=SessionOut,
    summary="A listening session; poll `version`",
)
def listening_detail(request: HttpRequest, session_id: int):
    return _out(get_session_for_user(request.user, session_id))


@router.post(
    "/listening/{int:session_id}/steps",
    response={200: SessionOut, 400: ErrorOut, 409: ErrorOut},
    summary="Take the next step: share, say back, confirm or clarify",
)
def listening_step(request: HttpRequest, session_id: int, payload: StepIn):
    session = get_session_for_user(request.user, session_id)
    return _out(
        session_step(user=request.user, session=session, kind=payload.kind, text=payload.text)
    )


ACTIONS = {
    "join": session_join,
    "pause": session_pause,
    "resume": session_resume,
    "end": session_end,
}


@router.post(
    "/listening/{int:session_id}/{action}",
    response={200: SessionOut, 404: ErrorOut},
    summary="join, pause (a time-out for both), resume or end",
)
def listening_action(request: HttpRequest, session_id: int, action: str):
    session = get_session_for_user(request.user, session_id)
    if action not in ACTIONS:
        return Status(
            404, {"detail": _("Use join, pause, resume or end."), "code": "unknown_action"}
        )
    return _out(ACTIONS[action](user=request.user, session=session))
