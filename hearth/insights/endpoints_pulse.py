"""API for the monthly pulse (PRODUCT I2), under /api/v1/insights: this month's statements
with my own answers, recording them, and my trend beside the Connection Index.

Everything here is mine alone: no answer ever says whether or when my partner took the
pulse. The body's values are taken as sent and checked by `pulse_record`, so a string, a
fraction or an emoji gets the same plain refusal (400) on the API as on the page."""

from datetime import date, datetime
from typing import Any

from ninja import Query, Router, Schema
from pydantic import Field

from hearth.api.auth import ApiRequest
from hearth.api.schemas import ErrorOut
from hearth.couples.models import Couple
from hearth.couples.selectors import couple_required_for
from hearth.insights.models import PULSE_HIGHEST, PULSE_ITEMS, PULSE_LOWEST, Pulse
from hearth.insights.pulse import (
    TREND_MONTHS,
    TREND_MONTHS_MAX,
    month_last_day,
    pulse_month,
    pulse_of,
    pulse_record,
    pulse_trend,
)
from hearth.insights.pulse_content import pulse_content

router = Router(tags=["insights"])

PILLAR_HELP = "talk, together, appreciate, trust or support"


class PulseItemOut(Schema):
    key: str = Field(description="stable: answers keep it when the wording improves")
    pillar: str = Field(description=PILLAR_HELP)
    text: str


class ScaleOut(Schema):
    lowest: int
    highest: int
    low: str = Field(description="the words beside the lowest number")
    middle: str = Field(description="the words beside the middle number")
    high: str = Field(description="the words beside the highest number")


class ClosenessOut(Schema):
    level: int = Field(description="1 (two circles apart) to 7 (almost one circle)")
    label: str


class MyPulseOut(Schema):
    ratings: dict[str, int] = Field(description="each statement's key and my rating, 1–7")
    closeness: int = Field(description="the closeness picture I chose, 1–7")
    created_at: datetime
    updated_at: datetime


class PulseOut(Schema):
    month: date = Field(description="the first day of the month open for the pulse")
    open_until: date = Field(description="the last day I can change my answers")
    items: list[PulseItemOut]
    scale: ScaleOut
    closeness_levels: list[ClosenessOut]
    mine: MyPulseOut | None = Field(description="my answers this month; null until I take it")


class PulseIn(Schema):
    ratings: dict[str, Any] = Field(
        max_length=len(PULSE_ITEMS) * 2,
        description="every statement's key with a whole number from 1 to 7",
    )
    closeness: Any = Field(description="the closeness picture, a whole number from 1 to 7")


class TrendMonthOut(Schema):
    month: date
    taken: bool = Field(description="I took the pulse that month")
    pulse: dict[str, float | None] = Field(
        description="my average per pillar (1–7), null where I didn't take it"
    )
    pulse_overall: float | None
    closeness: int | None
    index: dict[str, int] = Field(
        description="the Connection Index per pillar (0–100) for the 28 days to the month's end"
    )
    index_overall: int


def _pulse_out(couple: Couple, mine: Pulse | None) -> dict:
    content = pulse_content()
    month = pulse_month(couple)
    return {
        "month": month,
        "open_until": month_last_day(month),
        "items": content.items,
        "scale": {"lowest": PULSE_LOWEST, "highest": PULSE_HIGHEST, **content.scale},
        "closeness_levels": content.closeness,
        "mine": {
            "ratings": mine.ratings(),
            "closeness": mine.closeness,
            "created_at": mine.created_at,
            "updated_at": mine.updated_at,
        }
        if mine is not None
        else None,
    }


@router.get(
    "/pulse",
    response={200: PulseOut, 409: ErrorOut},
    summary="This month's pulse: the statements, and my own answers if I've taken it",
)
def pulse_get(request: ApiRequest):
    couple = couple_required_for(request.user)
    return _pulse_out(couple, pulse_of(couple=couple, user=request.user, month=pulse_month(couple)))


@router.put(
    "/pulse",
    response={200: PulseOut, 400: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Take or change this month's pulse, just for me",
)
def pulse_put(request: ApiRequest, payload: PulseIn):
    couple = couple_required_for(request.user)
    mine = pulse_record(
        couple=couple,
        user=request.user,
        month=pulse_month(couple),
        ratings=payload.ratings,
        closeness=payload.closeness,
    )
    return _pulse_out(couple, mine)


@router.get(
    "/pulse/trend",
    response={200: list[TrendMonthOut], 409: ErrorOut},
    summary="My pulse month by month, beside the Connection Index",
)
def pulse_trend_get(
    request: ApiRequest,
    months: int = Query(
        TREND_MONTHS, ge=1, le=TREND_MONTHS_MAX, description="how many months, newest last"
    ),
):
    couple = couple_required_for(request.user)
    return pulse_trend(couple=couple, user=request.user, months=months)
