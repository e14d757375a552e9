"""API for the weekly "State of us" (PRODUCT I4), mounted under /api/v1/insights: the same
report as the page, for the person asking. Counts and shared plans only: nothing either
partner keeps private is ever part of it."""

from datetime import date, datetime

from ninja import Router, Schema
from pydantic import Field

from hearth.api.auth import ApiRequest
from hearth.api.schemas import ErrorOut
from hearth.couples.selectors import couple_required_for
from hearth.insights.weekly import Coming, weekly_report

router = Router(tags=["insights"])


class FocusOut(Schema):
    pillar: str = Field(description="talk, together, appreciate, trust or support")
    name: str
    lead: str = Field(description="why this pillar, in a sentence or two")
    actions: list[str] = Field(description="two or three things to do in the week ahead")
    styles: list[str] = Field(
        description="my partner's appreciation styles the actions follow; empty if they don't"
    )


class DateAheadOut(Schema):
    id: int
    title: str
    starts_at: datetime


class RitualAheadOut(Schema):
    id: int
    title: str
    next_at: datetime
    rule: str = Field(description="how often, in words")


class PromiseDueOut(Schema):
    id: int
    text: str
    due_on: date
    mine: bool = Field(description="my own promise, rather than my partner's")


class WeekOut(Schema):
    week: str = Field(description="the ISO week, e.g. 2025-W23")
    starts_on: date = Field(description="the first of the seven days looked back on")
    ends_on: date = Field(description="the last of them: today, in our time zone")
    overall: int = Field(description="the Connection Index over the last 28 days, 0 to 100")
    highlights: list[str] = Field(description="the week's good things, in words")
    went_well: list[str] = Field(description="what stood out, beside the last 28 days")
    focus: FocusOut
    dates: list[DateAheadOut] = Field(description="dates scheduled in the next seven days")
    rituals: list[RitualAheadOut] = Field(description="rituals in the next seven days")
    promises: list[PromiseDueOut] = Field(description="open promises due in the next seven days")


def _ritual(item: Coming) -> dict:
    return {"id": item.pk, "title": item.title, "next_at": item.starts_at, "rule": item.detail}


@router.get(
    "/week",
    response={200: WeekOut, 409: ErrorOut},
    summary='Our week: the weekly "State of us", for me',
)
def week(request: ApiRequest):
    couple = couple_required_for(request.user)
    report = weekly_report(couple=couple, user=request.user)
    return {
        "week": report.week,
        "starts_on": report.starts_on,
        "ends_on": report.ends_on,
        "overall": report.overall,
        "highlights": list(report.highlights),
        "went_well": list(report.went_well),
        "focus": {
            "pillar": report.focus.pillar,
            "name": report.focus.name,
            "lead": report.focus.lead,
            "actions": list(report.focus.actions),
            "styles": list(report.focus.styles),
        },
        "dates": [
            {"id": item.pk, "title": item.title, "starts_at": item.starts_at}
            for item in report.dates
        ],
        "rituals": [_ritual(item) for item in report.rituals],
        "promises": [
            {"id": item.pk, "text": item.title, "due_on": item.due_on, "mine": item.mine}
            for item in report.promises
        ],
    }
