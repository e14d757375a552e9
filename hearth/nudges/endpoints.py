"""API for nudges (PRODUCT N1, N2), mounted under /api/v1/nudges: my notifications, my
choices, and a thinking-of-you for my partner (at most three a day: the fourth is a 429).

A notification says what happened and links to where to look; it never carries anybody's
words. Whether I saw it is mine alone: nothing here tells my partner."""

import re
from datetime import datetime, time
from typing import Annotated

from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import BeforeValidator, Field, StrictBool

from hearth.api.auth import ApiRequest
from hearth.api.schemas import ErrorOut
from hearth.core.models import Event
from hearth.couples.selectors import couple_required_for, partner_of
from hearth.nudges.models import NudgePreferences
from hearth.nudges.services import (
    LIST_LIMIT,
    notifications_for,
    notifications_mark_seen,
    nudge_views,
    preferences_of,
    preferences_save,
    thinking_of_you_left,
    thinking_of_you_send,
)

router = Router(tags=["nudges"])
PREFIX = "/nudges"

KINDS_HELP = ", ".join(Event.Kind.values)


def _clock_time(value: object) -> time:
    """A time of day written HH:MM (a number of seconds, say, is not one)."""
    if isinstance(value, str) and re.fullmatch(r"\d{2}:\d{2}", value):
        try:
            return time(int(value[:2]), int(value[3:]))
        except ValueError:
            pass
    raise ValueError(_("Give a time of day as HH:MM, like 22:00."))


ClockTime = Annotated[time, BeforeValidator(_clock_time)]


class NudgeOut(Schema):
    id: int
    kind: str = Field(description=KINDS_HELP)
    title: str = Field(description="what happened, in a few words")
    line: str
    link: str = Field(description="the page to look at, as a path on this Hearth")
    created_at: datetime
    seen: bool = Field(description="whether I marked it seen; never shown to my partner")


class SeenOut(Schema):
    seen: int = Field(description="how many were marked seen just now")


class PreferencesOut(Schema):
    email: dict[str, bool] = Field(description="per kind: sent by e-mail")
    in_app: dict[str, bool] = Field(description="per kind: shown in Hearth")
    quiet_start: str = Field(description="no e-mail from this local time (HH:MM)…")
    quiet_end: str = Field(description="…until this one; the same time twice: no quiet hours")


class PreferencesIn(Schema):
    email: dict[str, StrictBool] | None = Field(
        default=None, max_length=64, description=f"kinds to change: {KINDS_HELP}"
    )
    in_app: dict[str, StrictBool] | None = Field(default=None, max_length=64)
    quiet_start: ClockTime | None = Field(default=None, description="HH:MM, in my time zone")
    quiet_end: ClockTime | None = Field(default=None, description="HH:MM, in my time zone")


class WaveOut(Schema):
    left_today: int = Field(description="how many more I can send today")


def _preferences_out(preferences: NudgePreferences) -> dict:
    return {
        "email": {kind: preferences.wants_email(kind) for kind in Event.Kind.values},
        "in_app": {kind: preferences.wants_in_app(kind) for kind in Event.Kind.values},
        "quiet_start": preferences.quiet_start.strftime("%H:%M"),
        "quiet_end": preferences.quiet_end.strftime("%H:%M"),
    }


@router.get(
    "/notifications",
    response={200: list[NudgeOut], 409: ErrorOut},
    summary="My notifications, newest first",
)
def nudge_list(request: ApiRequest):
    couple = couple_required_for(request.user)
    notifications = notifications_for(request.user)[:LIST_LIMIT]
    return nudge_views(notifications, partner=partner_of(request.user, couple))


@router.post(
    "/notifications/seen",
    response={200: SeenOut, 409: ErrorOut},
    summary="Mark all my notifications seen (only I ever know)",
)
def nudge_seen(request: ApiRequest):
    couple_required_for(request.user)
    return {"seen": notifications_mark_seen(user=request.user)}


@router.get("/preferences", response=PreferencesOut, summary="What reaches me, and when")
def preferences_get(request: ApiRequest):
    return _preferences_out(preferences_of(request.user))


@router.put(
    "/preferences",
    response={200: PreferencesOut, 400: ErrorOut},
    summary="Change what reaches me, and my quiet hours; what I leave out stays as it is",
)
def preferences_put(request: ApiRequest, payload: PreferencesIn):
    preferences = preferences_save(
        user=request.user,
        email=payload.email,
        in_app=payload.in_app,
        quiet_start=payload.quiet_start,
        quiet_end=payload.quiet_end,
    )
    return _preferences_out(preferences)


@router.post(
    "/thinking-of-you",
    response={201: WaveOut, 409: ErrorOut, 429: ErrorOut},
    summary="Send my partner a little wave (three a day at most)",
)
def thinking_of_you(request: ApiRequest):
    thinking_of_you_send(user=request.user, couple=couple_required_for(request.user))
    return Status(201, {"left_today": thinking_of_you_left(user=request.user)})
