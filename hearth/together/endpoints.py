"""API for Together (PRODUCT Q1–Q7), mounted under /api/v1/together: date ideas, dates,
rituals, the calendar address, phones-away time, the bucket list and memories.

The endpoints stay thin: the services check and clean everything, and refuse with a
message for the person and a code for scripts."""

import zoneinfo
from datetime import date, datetime, time
from typing import Literal

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from pydantic import Field

from hearth.api.auth import ApiRequest
from hearth.api.schemas import ErrorOut
from hearth.couples.models import Membership
from hearth.couples.selectors import couple_required_for
from hearth.together.endpoints_memories import LIST_LIMIT, ReflectionOut
from hearth.together.endpoints_memories import router as memories_router
from hearth.together.feed import feed_issue, feed_revoke, feed_url
from hearth.together.ideas import IdeaFilters, idea_surprise, ideas_matching
from hearth.together.memories import (
    REFLECTION_MAX,
    date_reflect,
)
from hearth.together.models import (
    CalendarFeed,
    DateIdea,
    DatePlan,
    Ritual,
    RitualIdea,
)
from hearth.together.services import (
    DETAILS_MAX,
    NOTES_MAX,
    TITLE_MAX,
    TogetherError,
    date_accept,
    date_cancel,
    date_decline,
    date_propose,
    date_suggest_time,
    dates_for,
    get_date_for_user,
    get_ritual_for_user,
    local_datetime,
    ritual_create,
    ritual_end,
    ritual_rule,
    ritual_skip,
    ritual_unskip,
    ritual_upcoming,
)

router = Router(tags=["together"])
ROUTERS = [("/together", router), ("/together", memories_router)]

# A ritual shows this many of its next occurrences.
ZONE_MAX = 64


def _members(couple_id: int) -> list[int]:
    return list(
        Membership.objects.filter(couple_id=couple_id, left_at__isnull=True).values_list(
            "user_id", flat=True
        )
    )


# Date ideas -----------------------------------------------------------------------------


class IdeaFiltersIn(Schema):
    cost: Literal["free", "low", "medium", "high"] | None = Field(
        default=None, description="the most you want to spend"
    )
    setting: Literal["home", "out"] | None = None
    energy: Literal["low", "medium", "high"] | None = None
    novelty: Literal["familiar", "new", "adventurous"] | None = None
    place: Literal["indoor", "outdoor"] | None = None
    season: Literal["spring", "summer", "autumn", "winter"] | None = None
    max_minutes: int | None = Field(default=None, ge=1, le=24 * 60)

    def to_filters(self) -> IdeaFilters:
        return IdeaFilters(
            cost=self.cost or "",
            setting=self.setting or "",
            energy=self.energy or "",
            novelty=self.novelty or "",
            place=self.place or "",
            season=self.season or "",
            max_minutes=self.max_minutes,
        )


class IdeaOut(Schema):
    id: int
    key: str
    title: str
    description: str
    cost: str
    duration_minutes: int
    setting: str
    energy: str
    novelty: str
    place: str
    seasons: list[str]


@router.get(
    "/ideas",
    response=list[IdeaOut],
    summary="Date ideas that fit what we feel like",
)
def idea_list(request: ApiRequest, filters: Query[IdeaFiltersIn]):
    return ideas_matching(filters.to_filters())[:LIST_LIMIT]


@router.get(
    "/ideas/surprise",
    response={200: IdeaOut, 404: ErrorOut, 409: ErrorOut},
    summary="Surprise us: one idea we haven't done lately",
)
def idea_surprise_me(request: ApiRequest, filters: Query[IdeaFiltersIn]):
    idea = idea_surprise(couple=couple_required_for(request.user), filters=filters.to_filters())
    if idea is None:
        return Status(
            404,
            {
                "detail": _(
                    "Nothing in the library fits all of that just now. "
                    "Try loosening a filter or two."
                ),
                "code": "no_idea",
            },
        )
    return idea


# Dates ----------------------------------------------------------------------------------


class DateOut(Schema):
    id: int
    title: str
    details: str
    idea_id: int | None
    status: str
    starts_at: datetime = Field(description="in the date's own time zone, with its offset")
    time_zone: str
    duration_minutes: int
    proposed_by_id: int
    waiting_for_id: int | None = Field(
        description="the partner who should answer; null unless the date is proposed"
    )
    is_over: bool
    memory_id: int | None
    created_at: datetime
    updated_at: datetime


class DateIn(Schema):
    title: str = Field(default="", max_length=TITLE_MAX * 2, description="optional with an idea")
    details: str = Field(default="", max_length=DETAILS_MAX * 2)
    idea_id: int | None = None
    starts_at: datetime = Field(
        description="ISO date and time; without an offset it is read in time_zone"
    )
    time_zone: str | None = Field(
        default=None, max_length=ZONE_MAX * 2, description="defaults to my own time zone"
    )
    duration_minutes: int | None = None


class NewTimeIn(Schema):
    starts_at: datetime = Field(
        description="ISO date and time; without an offset it is read in time_zone"
    )
    time_zone: str | None = Field(
        default=None, max_length=ZONE_MAX * 2, description="defaults to my own time zone"
    )


class DateReflectionIn(Schema):
    rating: int | None = Field(default=None, ge=1, le=5, description="1 to 5 stars")
    text: str = Field(default="", max_length=REFLECTION_MAX * 2)


def _date_out(plan: DatePlan, members: list[int]) -> dict:
    waiting_for = None
    if plan.status == DatePlan.Status.PROPOSED:
        waiting_for = next((pk for pk in members if pk != plan.asked_by_id), None)
    memory = getattr(plan, "memory", None)
    return {
        "id": plan.pk,
        "title": plan.title,
        "details": plan.details,
        "idea_id": plan.idea_id,
        "status": plan.status,
        "starts_at": plan.starts_at.astimezone(zoneinfo.ZoneInfo(plan.time_zone)),
        "time_zone": plan.time_zone,
        "duration_minutes": plan.duration_minutes,
        "proposed_by_id": plan.proposed_by_id,
        "waiting_for_id": waiting_for,
        "is_over": plan.is_over,
        "memory_id": memory.pk if memory else None,
        "created_at": plan.created_at,
        "updated_at": plan.updated_at,
    }


def _one_date(plan: DatePlan) -> dict:
    return _date_out(plan, _members(plan.couple_id))


def _when(starts_at: datetime, time_zone: str) -> datetime:
    """A time with no offset is a wall-clock time in the chosen zone."""
    if timezone.is_naive(starts_at):
        return local_datetime(starts_at, time_zone)
    return starts_at


def _library_item[T: (DateIdea, RitualIdea)](model: type[T], pk: int | None) -> T | None:
    if pk is None:
        return None
    item = model.objects.filter(pk=pk, active=True).first()
    if item is None:
        raise TogetherError(_("That idea isn't in the library any more."), code="unknown_idea")
    return item


@router.get("/dates", response={200: list[DateOut], 409: ErrorOut}, summary="Our dates")
def date_list(request: ApiRequest):
    couple = couple_required_for(request.user)
    plans = dates_for(couple).select_related("memory")
    open_statuses = (DatePlan.Status.PROPOSED, DatePlan.Status.SCHEDULED)
    now = timezone.now()
    upcoming = list(
        plans.filter(status__in=open_statuses, starts_at__gte=now).order_by("starts_at", "pk")[
            :LIST_LIMIT
        ]
    )
    rest = list(
        plans.exclude(pk__in=[plan.pk for plan in upcoming]).order_by("-starts_at", "-pk")[
            : LIST_LIMIT - len(upcoming)
        ]
    )
    members = _members(couple.pk)
    return [_date_out(plan, members) for plan in upcoming + rest]


@router.post(
    "/dates",
    response={201: DateOut, 400: ErrorOut, 409: ErrorOut},
    summary="Ask my partner out",
)
def date_create(request: ApiRequest, payload: DateIn):
    couple = couple_required_for(request.user)
    time_zone = payload.time_zone or request.user.time_zone
    plan = date_propose(
        user=request.user,
        couple=couple,
        starts_at=_when(payload.starts_at, time_zone),
        time_zone=time_zone,
        title=payload.title,
        details=payload.details,
        idea=_library_item(DateIdea, payload.idea_id),
        duration_minutes=payload.duration_minutes,
    )
    return Status(201, _one_date(plan))


@router.get("/dates/{int:date_id}", response=DateOut, summary="One date")
def date_detail(request: ApiRequest, date_id: int):
    return _one_date(get_date_for_user(request.user, date_id))


@router.post(
    "/dates/{int:date_id}/accept",
    response={200: DateOut, 409: ErrorOut},
    summary="Yes, let's go!",
)
def date_accept_it(request: ApiRequest, date_id: int):
    plan = date_accept(user=request.user, plan=get_date_for_user(request.user, date_id))
    return _one_date(plan)


@router.post(
    "/dates/{int:date_id}/decline",
    response={200: DateOut, 409: ErrorOut},
    summary="Not this time",
)
def date_decline_it(request: ApiRequest, date_id: int):
    plan = date_decline(user=request.user, plan=get_date_for_user(request.user, date_id))
    return _one_date(plan)


@router.post(
    "/dates/{int:date_id}/cancel",
    response={200: DateOut, 409: ErrorOut},
    summary="Call off a date that hasn't happened yet",
)
def date_cancel_it(request: ApiRequest, date_id: int):
    plan = date_cancel(user=request.user, plan=get_date_for_user(request.user, date_id))
    return _one_date(plan)


@router.post(
    "/dates/{int:date_id}/suggest-time",
    response={200: DateOut, 400: ErrorOut, 409: ErrorOut},
    summary="How about another time?",
)
def date_suggest_another_time(request: ApiRequest, date_id: int, payload: NewTimeIn):
    plan = get_date_for_user(request.user, date_id)
    time_zone = payload.time_zone or request.user.time_zone
    plan = date_suggest_time(
        user=request.user,
        plan=plan,
        starts_at=_when(payload.starts_at, time_zone),
        time_zone=time_zone,
    )
    return _one_date(plan)


@router.put(
    "/dates/{int:date_id}/reflection",
    response={200: ReflectionOut, 400: ErrorOut, 409: ErrorOut},
    summary="How was it? Stars and what I loved",
)
def date_reflection(request: ApiRequest, date_id: int, payload: DateReflectionIn):
    plan = get_date_for_user(request.user, date_id)
    return date_reflect(user=request.user, plan=plan, rating=payload.rating, text=payload.text)


# Rituals --------------------------------------------------------------------------------


class OccurrenceOut(Schema):
    starts_at: datetime = Field(description="in the ritual's time zone, with its offset")
    skipped: bool


class RitualOut(Schema):
    id: int
    kind: str
    title: str
    notes: str
    idea_id: int | None
    created_by_id: int
    frequency: str
    interval: int
    weekdays: list[int]
    starts_on: date
    at: time
    time_zone: str
    duration_minutes: int
    until: date | None
    ended_at: datetime | None
    created_at: datetime
    description: str = Field(description="the rule in words, e.g. “Every other week on Friday”")
    upcoming: list[OccurrenceOut]


class RitualIn(Schema):
    kind: str = Field(
        default="", max_length=24, description="date_night, check_in or daily; from the idea"
    )
    title: str = Field(default="", max_length=80 * 2, description="optional with an idea")
    notes: str = Field(default="", max_length=NOTES_MAX * 2)
    frequency: str = Field(
        default="", max_length=16, description="daily, weekly or monthly; from the idea"
    )
    interval: int | None = Field(default=None, description="every 1 to 12 periods")
    weekdays: list[int] = Field(
        default_factory=list, max_length=7, description="for weekly rituals, Monday 0"
    )
    starts_on: date
    at: time = Field(description="local wall-clock time, e.g. 19:00")
    time_zone: str | None = Field(
        default=None, max_length=ZONE_MAX * 2, description="defaults to my own time zone"
    )
    duration_minutes: int | None = None
    until: date | None = Field(default=None, description="the last day it may happen")
    idea_id: int | None = None


class SkipIn(Schema):
    day: date


class SkipOut(Schema):
    ritual_id: int
    day: date
    skipped_by_id: int


def _ritual_out(ritual: Ritual) -> dict:
    return {
        "id": ritual.pk,
        "kind": ritual.kind,
        "title": ritual.title,
        "notes": ritual.notes,
        "idea_id": ritual.idea_id,
        "created_by_id": ritual.created_by_id,
        "frequency": ritual.frequency,
        "interval": ritual.interval,
        "weekdays": ritual.weekdays,
        "starts_on": ritual.starts_on,
        "at": ritual.at,
        "time_zone": ritual.time_zone,
        "duration_minutes": ritual.duration_minutes,
        "until": ritual.until,
        "ended_at": ritual.ended_at,
        "created_at": ritual.created_at,
        "description": ritual_rule(ritual).describe(),
        "upcoming": [
            {"starts_at": instant, "skipped": skipped}
            for instant, _, skipped in ritual_upcoming(ritual, skips=ritual.skips.all())
        ],
    }


@router.get("/rituals", response={200: list[RitualOut], 409: ErrorOut}, summary="Our rituals")
def ritual_list(request: ApiRequest):
    couple = couple_required_for(request.user)
    rituals = (
        Ritual.objects.filter(couple=couple)
        .prefetch_related("skips")
        .order_by(F("ended_at").desc(nulls_first=True), "-created_at", "-pk")[:LIST_LIMIT]
    )
    return [_ritual_out(ritual) for ritual in rituals]


@router.post(
    "/rituals",
    response={201: RitualOut, 400: ErrorOut, 409: ErrorOut},
    summary="Start a ritual of our own",
)
def ritual_start(request: ApiRequest, payload: RitualIn):
    couple = couple_required_for(request.user)
    idea = _library_item(RitualIdea, payload.idea_id)
    ritual = ritual_create(
        user=request.user,
        couple=couple,
        kind=payload.kind or (idea.kind if idea else ""),
        title=payload.title or (idea.title if idea else ""),
        notes=payload.notes,
        frequency=payload.frequency or (idea.frequency if idea else ""),
        interval=payload.interval or (idea.interval if idea else 1),
        weekdays=payload.weekdays,
        starts_on=payload.starts_on,
        at=payload.at,
        time_zone=payload.time_zone or request.user.time_zone,
        duration_minutes=payload.duration_minutes or (idea.duration_minutes if idea else 60),
        until=payload.until,
        idea=idea,
    )
    return Status(201, _ritual_out(ritual))


@router.get("/rituals/{int:ritual_id}", response=RitualOut, summary="One ritual")
def ritual_detail(request: ApiRequest, ritual_id: int):
    return _ritual_out(get_ritual_for_user(request.user, ritual_id))


@router.post(
    "/rituals/{int:ritual_id}/skips",
    response={201: SkipOut, 400: ErrorOut, 409: ErrorOut},
    summary="Not this time: skip one day",
)
def ritual_skip_day(request: ApiRequest, ritual_id: int, payload: SkipIn):
    ritual = get_ritual_for_user(request.user, ritual_id)
    return Status(201, ritual_skip(user=request.user, ritual=ritual, day=payload.day))


@router.delete(
    "/rituals/{int:ritual_id}/skips/{day}",
    response={204: None},
    summary="We're on after all: undo a skip",
)
def ritual_unskip_day(request: ApiRequest, ritual_id: int, day: date):
    ritual_unskip(user=request.user, ritual=get_ritual_for_user(request.user, ritual_id), day=day)
    return Status(204, None)


@router.post(
    "/rituals/{int:ritual_id}/end",
    response=RitualOut,
    summary="Let a ritual rest (its past stays)",
)
def ritual_stop(request: ApiRequest, ritual_id: int):
    return _ritual_out(
        ritual_end(user=request.user, ritual=get_ritual_for_user(request.user, ritual_id))
    )


# Calendar address -----------------------------------------------------------------------


class CalendarOut(Schema):
    active: bool
    created_at: datetime | None


class CalendarUrlOut(Schema):
    url: str = Field(description="the secret address, shown only this once")


@router.get("/calendar", response=CalendarOut, summary="Is my calendar address on?")
def calendar_status(request: ApiRequest):
    feed = CalendarFeed.objects.filter(user=request.user).first()
    return {"active": feed is not None, "created_at": feed.created_at if feed else None}


@router.post(
    "/calendar",
    response={201: CalendarUrlOut},
    summary="A new secret calendar address (the old one stops working)",
)
def calendar_issue(request: ApiRequest):
    return Status(201, {"url": feed_url(feed_issue(user=request.user))})


@router.delete("/calendar", response={204: None}, summary="Turn my calendar address off")
def calendar_revoke(request: ApiRequest):
    feed_revoke(user=request.user)
    return Status(204, None)
