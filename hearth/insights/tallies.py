"""Keeping the daily roll-ups (DayTally) equal to what the couple did.

Each *count* below says how one group of columns is counted from the pillars' rows, grouped
by the couple's local day. The same counts serve two ways:

* `tallies_refresh(couple=…, of=obj)`: a service calls it inside its transaction right after
  changing `obj`; the groups `obj` feeds are recounted for the days it touches. Recounting a
  day (rather than adding one) keeps the roll-up exact whatever the change was: a reaction
  taken back, a date moved to another day, a promise kept late.
* `tallies_rebuild(couples)`: recounts everything from scratch, set-based (a few queries per
  time zone, whatever the number of couples), for seeding and for checking.
"""

import zoneinfo
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import TruncDate

from hearth.appreciate.models import Gesture, Note
from hearth.couples.models import Couple, Membership
from hearth.insights.models import COLUMNS, DayTally
from hearth.support.models import Bid, CheckIn, Cheer
from hearth.talk.models import Answer, DailyQuestion, HarshMoment, Reaction, Reply
from hearth.together.models import DatePlan, PresentSession
from hearth.trust.models import Promise, Round

Row = tuple[int, date, str, int]  # couple id, local day, column, count
BATCH = 2000


@dataclass(frozen=True)
class Span:
    """Which rows to count: some couples, all in one time zone, optionally only the rows of
    a range of local days."""

    couples: Q
    zone: zoneinfo.ZoneInfo
    first: date | None = None
    last: date | None = None

    def instants(self, field: str) -> Q:
        if self.first is None or self.last is None:
            return Q()
        start = datetime.combine(self.first, time(), tzinfo=self.zone)
        end = datetime.combine(self.last + timedelta(days=1), time(), tzinfo=self.zone)
        return Q(**{f"{field}__gte": start, f"{field}__lt": end})

    def days(self, field: str) -> Q:
        if self.first is None or self.last is None:
            return Q()
        return Q(**{f"{field}__gte": self.first, f"{field}__lte": self.last})


def _seat(person: str) -> Subquery:
    return Subquery(
        Membership.objects.filter(couple_id=OuterRef("couple_id"), user_id=OuterRef(person)).values(
            "seat"
        )[:1]
    )


def _grouped(
    queryset: models.QuerySet,
    span: Span,
    when: str,
    column: str,
    *,
    person: str | None = None,
    received: bool = False,
    value: models.Aggregate | None = None,
    is_date: bool = False,
) -> Iterator[Row]:
    """Count `queryset`'s rows per couple and local day of `when` (and per seat of `person`;
    `received` credits the other seat, for things one partner receives from the other)."""
    rows = queryset.filter(
        span.couples,
        span.days(when) if is_date else span.instants(when),
        **{f"{when}__isnull": False},
    )
    day = F(when) if is_date else TruncDate(when, tzinfo=span.zone)
    rows = rows.annotate(tally_day=day)
    keys = ["couple_id", "tally_day"]
    if person:
        rows = rows.annotate(tally_seat=_seat(person))
        keys.append("tally_seat")
    for row in rows.values(*keys).annotate(n=value or Count("pk")).order_by():
        if not row["n"]:
            continue
        name = column
        if person:
            seat = row["tally_seat"]
            if seat is None:  # someone no longer in the couple's seats
                continue
            name = f"{column}_{3 - seat if received else seat}"
        yield row["couple_id"], row["tally_day"], name, row["n"]


def _talk_answered(span: Span) -> Iterator[Row]:
    yield from _grouped(Answer.objects.all(), span, "created_at", "answered", person="author_id")


def _talk_revealed(span: Span) -> Iterator[Row]:
    yield from _grouped(DailyQuestion.objects.all(), span, "revealed_at", "both_answered")


def _talk_replies(span: Span) -> Iterator[Row]:
    for model in (Reply, Reaction):
        yield from _grouped(model.objects.all(), span, "created_at", "replies", person="author_id")


def _together_present(span: Span) -> Iterator[Row]:
    yield from _grouped(
        PresentSession.objects.all(), span, "ended_at", "present_minutes", value=Sum("minutes")
    )


def _together_dates(span: Span) -> Iterator[Row]:
    scheduled = DatePlan.objects.filter(status=DatePlan.Status.SCHEDULED)
    yield from _grouped(scheduled, span, "starts_at", "dates_kept")


def _appreciate_notes(span: Span) -> Iterator[Row]:
    yield from _grouped(Note.objects.all(), span, "created_at", "notes", person="author_id")


def _appreciate_noticed(span: Span) -> Iterator[Row]:
    yield from _grouped(Gesture.objects.all(), span, "noticed_at", "noticed", person="author_id")


def _appreciate_positive(span: Span) -> Iterator[Row]:
    """Kind moments: notes, reactions to notes, gestures noticed, cheers for good news."""
    yield from _grouped(Note.objects.all(), span, "created_at", "positive")
    yield from _grouped(Note.objects.exclude(reaction=""), span, "created_at", "positive")
    yield from _grouped(Gesture.objects.all(), span, "noticed_at", "positive")
    yield from _grouped(Cheer.objects.all(), span, "created_at", "positive")


def _appreciate_harsh(span: Span) -> Iterator[Row]:
    yield from _grouped(HarshMoment.objects.all(), span, "created_at", "harsh")


def _trust_promises(span: Span) -> Iterator[Row]:
    ended = Promise.objects.filter(status__in=[Promise.Status.KEPT, Promise.Status.RENEGOTIATED])
    on_time = ended.exclude(status=Promise.Status.KEPT, kept_on__gt=F("due_on"))
    open_ = Promise.objects.filter(status=Promise.Status.OPEN)
    yield from _grouped(ended, span, "ended_at", "ended", person="author_id")
    yield from _grouped(on_time, span, "ended_at", "kept", person="author_id")
    yield from _grouped(open_, span, "due_on", "open_due", person="author_id", is_date=True)


def _trust_rounds(span: Span) -> Iterator[Row]:
    yield from _grouped(Round.objects.all(), span, "completed_at", "rounds")


def _support_bids(span: Span) -> Iterator[Row]:
    bids = Bid.objects.all()
    answered = bids.filter(answered_at__isnull=False)
    yield from _grouped(
        bids, span, "created_at", "bids_received", person="author_id", received=True
    )
    yield from _grouped(
        answered, span, "created_at", "bids_turned", person="author_id", received=True
    )


def _support_check_ins(span: Span) -> Iterator[Row]:
    shared = CheckIn.objects.filter(shared=True)
    answered = shared.filter(replied_at__isnull=False)
    for rows, column in ((shared, "check_ins_received"), (answered, "check_ins_answered")):
        yield from _grouped(rows, span, "created_at", column, person="author_id", received=True)


@dataclass(frozen=True)
class Group:
    columns: tuple[str, ...]
    count: Callable[[Span], Iterator[Row]]


def _pair(name: str) -> tuple[str, str]:
    return f"{name}_1", f"{name}_2"


GROUPS = {
    "answered": Group(_pair("answered"), _talk_answered),
    "both_answered": Group(("both_answered",), _talk_revealed),
    "replies": Group(_pair("replies"), _talk_replies),
    "present": Group(("present_minutes",), _together_present),
    "dates": Group(("dates_kept",), _together_dates),
    "notes": Group(_pair("notes"), _appreciate_notes),
    "noticed": Group(_pair("noticed"), _appreciate_noticed),
    "positive": Group(("positive",), _appreciate_positive),
    "harsh": Group(("harsh",), _appreciate_harsh),
    "promises": Group((*_pair("ended"), *_pair("kept"), *_pair("open_due")), _trust_promises),
    "rounds": Group(("rounds",), _trust_rounds),
    "bids": Group((*_pair("bids_received"), *_pair("bids_turned")), _support_bids),
    "check_ins": Group(
        (*_pair("check_ins_received"), *_pair("check_ins_answered")), _support_check_ins
    ),
}
assert sorted(c for group in GROUPS.values() for c in group.columns) == sorted(COLUMNS)

# Which groups a change to each kind of row feeds, and the fields that place it on a day.
FEEDS: dict[type[models.Model], tuple[tuple[str, ...], tuple[str, ...]]] = {
    Answer: (("answered",), ("created_at",)),
    DailyQuestion: (("both_answered",), ("revealed_at",)),
    Reply: (("replies",), ("created_at",)),
    Reaction: (("replies",), ("created_at",)),
    PresentSession: (("present",), ("ended_at",)),
    DatePlan: (("dates",), ("starts_at",)),
    Note: (("notes", "positive"), ("created_at",)),
    Gesture: (("noticed", "positive"), ("noticed_at",)),
    Cheer: (("positive",), ("created_at",)),
    HarshMoment: (("harsh",), ("created_at",)),
    Promise: (("promises",), ("ended_at", "due_on")),
    Round: (("rounds",), ("completed_at",)),
    Bid: (("bids",), ("created_at",)),
    CheckIn: (("check_ins",), ("created_at",)),
}


def _local_day(value: date | datetime | None, zone: zoneinfo.ZoneInfo) -> date | None:
    if isinstance(value, datetime):
        return value.astimezone(zone).date()
    return value


def tallies_refresh(
    *, couple: Couple, of: models.Model, also: Iterable[date | datetime | None] = ()
) -> None:
    """Recount the roll-ups `of` feeds on the days it touches (and on the days in `also`,
    e.g. where a moved date used to be). Call inside the service's transaction, after the
    change: the couple's row is locked first, so two partners acting at once are counted
    one after the other and neither count is lost (on SQLite, IMMEDIATE transactions do
    the same)."""
    group_names, day_fields = FEEDS[type(of)]
    zone = zoneinfo.ZoneInfo(couple.time_zone)
    touched = [_local_day(getattr(of, name), zone) for name in day_fields]
    touched += [_local_day(value, zone) for value in also]
    days = {day for day in touched if day is not None}
    if not days:
        return
    list(Couple.objects.select_for_update().filter(pk=couple.pk).values_list("pk"))
    groups = [GROUPS[name] for name in group_names]
    columns = [column for group in groups for column in group.columns]
    counts: dict[date, dict[str, int]] = {day: dict.fromkeys(columns, 0) for day in days}
    for day in days:
        span = Span(Q(couple_id=couple.pk), zone, day, day)
        for group in groups:
            for _, row_day, column, n in group.count(span):
                counts[row_day][column] += n
    DayTally.objects.bulk_create(
        [DayTally(couple=couple, day=day, **values) for day, values in counts.items()],
        update_conflicts=True,
        unique_fields=["couple", "day"],
        update_fields=columns,
    )


def tallies_rebuild(couples: models.QuerySet[Couple], *, progress=None) -> int:
    """Recount every roll-up of `couples` from their whole history; return rows written."""
    written = 0
    zones = couples.order_by().values_list("time_zone", flat=True).distinct()
    for zone_name in sorted(zones):
        ids = couples.filter(time_zone=zone_name).values("pk")
        span = Span(Q(couple_id__in=ids), zoneinfo.ZoneInfo(zone_name))
        counts: dict[tuple[int, date], dict[str, int]] = defaultdict(dict)
        for group in GROUPS.values():
            for couple_id, day, column, n in group.count(span):
                values = counts[couple_id, day]
                values[column] = values.get(column, 0) + n
        DayTally.objects.filter(couple_id__in=ids).delete()
        rows = [DayTally(couple_id=c, day=d, **values) for (c, d), values in counts.items()]
        for start in range(0, len(rows), BATCH):
            DayTally.objects.bulk_create(rows[start : start + BATCH])
            written += len(rows[start : start + BATCH])
            if progress:
                progress(written)
    return written
