"""Together's workflows: planning dates, keeping rituals, and phones-away time.

Every change to a date happens on the locked row, so when both partners act at the same
moment (one accepts as the other cancels) the second sees what the first did instead of
overwriting it.
"""

import zoneinfo
from datetime import date, datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _

from hearth.core.errors import Refusal, text_or_refusal
from hearth.core.models import Event, event_emit
from hearth.core.queries import Param
from hearth.couples.models import Couple
from hearth.couples.selectors import get_for_user, partner_of
from hearth.insights.tallies import tallies_refresh
from hearth.together.models import (
    DateIdea,
    DatePlan,
    PresentSession,
    Ritual,
    RitualIdea,
    RitualKind,
    RitualSkip,
)
from hearth.together.recurrence import RecurrenceError, Rule, aware

TITLE_MAX = 120
DETAILS_MAX = 2000
NOTES_MAX = 1000
DURATION_RANGE = (15, 24 * 60)
# How far ahead a date can be planned.
PLAN_AHEAD = timedelta(days=2 * 365)
# A reminder the day before, or a couple of hours before when it is planned at short notice.
REMIND_BEFORE = (timedelta(hours=24), timedelta(hours=2))
# A phones-away session left open counts at most this long.
PRESENT_MAX = timedelta(hours=6)


class TogetherError(Refusal):
    """A Together action could not be done."""


def clean(value: object, max_length: int, *, required: bool = True, multiline=False) -> str:
    return text_or_refusal(
        value,
        max_length,
        refusal=TogetherError,
        required=required,
        multiline=multiline,
        empty=_("Give it a short title first."),
    )


def zone_named(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise TogetherError(
            _("Choose a time zone from the list."), code="invalid_time_zone"
        ) from None


def _check_duration(minutes: int) -> int:
    low, high = DURATION_RANGE
    if not isinstance(minutes, int) or not low <= minutes <= high:
        raise TogetherError(
            _("A date lasts from %(low)d minutes to %(high)d hours.")
            % {"low": low, "high": high // 60},
            code="invalid_duration",
        )
    return minutes


def _check_start(starts_at: datetime) -> datetime:
    if timezone.is_naive(starts_at):
        raise TogetherError(_("Give the time with its time zone."), code="invalid_time")
    now = timezone.now()
    if starts_at <= now:
        raise TogetherError(
            _("That time has passed: choose one still to come."), code="in_the_past"
        )
    if starts_at > now + PLAN_AHEAD:
        raise TogetherError(_("Plan up to two years ahead."), code="too_far_ahead")
    return starts_at


# Dates ----------------------------------------------------------------------------------


def get_date_for_user(user, pk) -> DatePlan:
    return get_for_user(DatePlan, user, pk)


def dates_for(couple: Couple) -> QuerySet[DatePlan]:
    return DatePlan.objects.filter(couple=couple).select_related("asked_by", "proposed_by")


def date_propose(
    *,
    user,
    couple: Couple,
    starts_at: datetime,
    time_zone: str,
    title: object = "",
    details: object = "",
    idea: DateIdea | None = None,
    duration_minutes: int | None = None,
) -> DatePlan:
    """Suggest a date (an idea from the library, or their own plan) at a time."""
    zone_named(time_zone)
    title = clean(title or (idea.title if idea else ""), TITLE_MAX)
    details = clean(details, DETAILS_MAX, required=False, multiline=True)
    duration = _check_duration(duration_minutes or (idea.duration_minutes if idea else 120))
    _check_start(starts_at)
    with transaction.atomic():
        plan = DatePlan.objects.create(
            couple=couple,
            idea=idea,
            title=title,
            details=details,
            proposed_by=user,
            asked_by=user,
            starts_at=starts_at,
            time_zone=time_zone,
            duration_minutes=duration,
        )
        _tell_partner(plan, user, Event.Kind.DATE_PROPOSED)
    return plan


def _locked(plan: DatePlan) -> DatePlan:
    return DatePlan.objects.select_for_update().get(pk=plan.pk)


def _tell_partner(plan: DatePlan, user, kind: str) -> None:
    partner = partner_of(user, plan.couple)
    if partner is not None:
        event_emit(couple=plan.couple, kind=kind, recipient=partner, subject=plan)


def _withdraw_reminders(plan: DatePlan) -> None:
    Event.objects.filter(
        kind=Event.Kind.DATE_SOON, subject=f"together.dateplan:{plan.pk}", delivered_at__isnull=True
    ).delete()


def _remind_both(plan: DatePlan) -> None:
    now = timezone.now()
    due = next((plan.starts_at - b for b in REMIND_BEFORE if plan.starts_at - b > now), None)
    if due is None:
        return
    for membership in plan.couple.memberships.filter(left_at__isnull=True).select_related("user"):
        event_emit(
            couple=plan.couple,
            kind=Event.Kind.DATE_SOON,
            recipient=membership.user,
            subject=plan,
            due_at=due,
        )


def _waiting_for_answer(plan: DatePlan, user) -> None:
    if plan.status != DatePlan.Status.PROPOSED:
        raise TogetherError(
            _("This date is no longer waiting for an answer (%(status)s).")
            % {"status": plan.get_status_display().lower()},
            code="not_proposed",
            status=409,
        )
    if plan.asked_by_id == user.pk:
        raise TogetherError(
            _("You suggested this one; your partner answers it."), code="your_own", status=409
        )


def date_accept(*, user, plan: DatePlan) -> DatePlan:
    with transaction.atomic():
        plan = _locked(plan)
        _waiting_for_answer(plan, user)
        if plan.starts_at <= timezone.now():
            raise TogetherError(
                _("That time has passed: suggest another one instead."),
                code="in_the_past",
                status=409,
            )
        plan.status = DatePlan.Status.SCHEDULED
        plan.updated_at = timezone.now()
        plan.save(update_fields=["status", "updated_at"])
        tallies_refresh(couple=plan.couple, of=plan)
        _tell_partner(plan, user, Event.Kind.DATE_ANSWERED)
        _remind_both(plan)
    return plan


def date_decline(*, user, plan: DatePlan) -> DatePlan:
    with transaction.atomic():
        plan = _locked(plan)
        _waiting_for_answer(plan, user)
        plan.status = DatePlan.Status.DECLINED
        plan.updated_at = timezone.now()
        plan.save(update_fields=["status", "updated_at"])
        _tell_partner(plan, user, Event.Kind.DATE_ANSWERED)
    return plan


def date_suggest_time(*, user, plan: DatePlan, starts_at: datetime, time_zone: str) -> DatePlan:
    """Another time for a date still to come. It goes back to the other partner to answer."""
    zone_named(time_zone)
    _check_start(starts_at)
    with transaction.atomic():
        plan = _locked(plan)
        if plan.status not in (DatePlan.Status.PROPOSED, DatePlan.Status.SCHEDULED):
            raise TogetherError(
                _("This date was declined or cancelled; suggest a new one instead."),
                code="closed",
                status=409,
            )
        if plan.status == DatePlan.Status.SCHEDULED and plan.ends_at <= timezone.now():
            raise TogetherError(_("This date has happened already."), code="over", status=409)
        was_on = plan.starts_at
        plan.starts_at = starts_at
        plan.time_zone = time_zone
        plan.status = DatePlan.Status.PROPOSED
        plan.asked_by = user
        plan.updated_at = timezone.now()
        plan.save(update_fields=["starts_at", "time_zone", "status", "asked_by", "updated_at"])
        tallies_refresh(couple=plan.couple, of=plan, also=[was_on])
        _withdraw_reminders(plan)
        _tell_partner(plan, user, Event.Kind.DATE_PROPOSED)
    return plan


def date_cancel(*, user, plan: DatePlan) -> DatePlan:
    """Either partner can call off a date that has not happened yet."""
    with transaction.atomic():
        plan = _locked(plan)
        if plan.status not in (DatePlan.Status.PROPOSED, DatePlan.Status.SCHEDULED):
            return plan
        if plan.starts_at <= timezone.now() and plan.status == DatePlan.Status.SCHEDULED:
            raise TogetherError(
                _("This date has begun or happened already."), code="over", status=409
            )
        plan.status = DatePlan.Status.CANCELLED
        plan.updated_at = timezone.now()
        plan.save(update_fields=["status", "updated_at"])
        tallies_refresh(couple=plan.couple, of=plan)
        _withdraw_reminders(plan)
        _tell_partner(plan, user, Event.Kind.DATE_ANSWERED)
    return plan


def local_datetime(naive: datetime, time_zone: str) -> datetime:
    """A date-and-time someone typed, in their zone; refuses a time the clocks skip."""
    from hearth.together.recurrence import NonexistentTime, aware_exact

    try:
        return aware_exact(naive, zone_named(time_zone))
    except NonexistentTime as error:
        raise TogetherError(str(error), code="nonexistent_time") from None


# Rituals --------------------------------------------------------------------------------


def get_ritual_for_user(user, pk) -> Ritual:
    return get_for_user(Ritual, user, pk)


def ritual_rule(ritual: Ritual) -> Rule:
    return Rule(
        frequency=ritual.frequency,
        interval=ritual.interval,
        weekdays=tuple(ritual.weekdays),
        starts_on=ritual.starts_on,
        at=ritual.at,
        zone=ritual.time_zone,
        until=ritual.until,
    )


def ritual_create(
    *,
    user,
    couple: Couple,
    kind: str,
    title: object,
    frequency: str,
    starts_on: date,
    at: time,
    time_zone: str,
    interval: int = 1,
    weekdays: list[int] | tuple[int, ...] = (),
    duration_minutes: int = 60,
    until: date | None = None,
    notes: object = "",
    idea: RitualIdea | None = None,
) -> Ritual:
    if kind not in RitualKind.values:
        raise TogetherError(_("Choose a kind of ritual."), code="invalid_kind")
    ritual = Ritual(
        couple=couple,
        kind=kind,
        title=clean(title, 80),
        notes=clean(notes, NOTES_MAX, required=False, multiline=True),
        idea=idea,
        created_by=user,
        frequency=frequency,
        interval=interval,
        weekdays=sorted(set(weekdays)),
        starts_on=starts_on,
        at=at.replace(second=0, microsecond=0),
        time_zone=time_zone,
        duration_minutes=_check_duration_ritual(duration_minutes),
        until=until,
    )
    try:
        ritual_rule(ritual)
    except RecurrenceError as error:
        raise TogetherError(str(error), code="invalid_rule") from None
    if until is not None and until < starts_on:
        raise TogetherError(_("The end date comes before the first day."), code="invalid_rule")
    if starts_on < couple.local_today() - timedelta(days=1):
        raise TogetherError(_("Start today or on a day still to come."), code="in_the_past")
    ritual.save()
    return ritual


def _check_duration_ritual(minutes: int) -> int:
    if not isinstance(minutes, int) or not 1 <= minutes <= 24 * 60:
        raise TogetherError(_("A ritual lasts from 1 minute to 24 hours."), code="invalid_duration")
    return minutes


def ritual_upcoming(ritual: Ritual, *, count: int = 8, skips=None) -> list[tuple]:
    """The next occurrences however far ahead the ritual starts, as (instant, the ritual's
    local day, skipped?): skipped ones stay in the list, marked, so they can be put back."""
    if ritual.ended_at is not None:
        return []
    rule = ritual_rule(ritual)
    now = timezone.now()
    first = max(now, aware(ritual.starts_on, ritual.at, rule.tz))
    period = {"daily": 1, "weekly": 7, "monthly": 31}[ritual.frequency] * ritual.interval
    end = first + timedelta(days=period * (count + 1))
    skipped = {skip.day for skip in (ritual.skips.all() if skips is None else skips)}
    days = [(at, at.astimezone(rule.tz).date()) for at in rule.occurrences(start=now, end=end)]
    return [(at, day, day in skipped) for at, day in days[:count]]


def ritual_skip(*, user, ritual: Ritual, day: date) -> RitualSkip:
    """Skip one occurrence ("not this Friday"). Skipping twice is fine."""
    rule = ritual_rule(ritual)
    if ritual.ended_at is not None:
        raise TogetherError(_("This ritual has ended."), code="ended", status=409)
    if day < ritual.couple.local_today() - timedelta(days=1):
        raise TogetherError(_("That day has passed."), code="in_the_past")
    if not rule.happens_on(day):
        raise TogetherError(
            _("%(title)s doesn't happen on %(day)s.")
            % {"title": ritual.title, "day": dateformat.format(day, _("j F"))},
            code="not_a_day",
        )
    try:
        with transaction.atomic():
            return RitualSkip.objects.create(
                couple=ritual.couple, ritual=ritual, day=day, skipped_by=user
            )
    except IntegrityError:  # the partner skipped it at the same moment
        return RitualSkip.objects.get(ritual=ritual, day=day)


def ritual_unskip(*, user, ritual: Ritual, day: date) -> None:
    RitualSkip.objects.filter(ritual=ritual, day=day).delete()


def ritual_end(*, user, ritual: Ritual) -> Ritual:
    """Stop a ritual from today. Its past stays (in calendars too); nothing comes after."""
    with transaction.atomic():
        ritual = Ritual.objects.select_for_update().get(pk=ritual.pk)
        if ritual.ended_at is not None:
            return ritual
        yesterday = ritual.couple.local_today() - timedelta(days=1)
        ritual.ended_at = timezone.now()
        ritual.until = min(ritual.until or yesterday, yesterday)
        ritual.save(update_fields=["ended_at", "until"])
    return ritual


# Present mode ---------------------------------------------------------------------------


def get_present_for_user(user, pk) -> PresentSession:
    return get_for_user(PresentSession, user, pk)


def present_sessions_on(couple: Couple | Param, now: datetime | Param) -> QuerySet[PresentSession]:
    """Phones-away sessions on at `now` (one left open too long no longer counts)."""
    return PresentSession.objects.filter(
        couple=couple, ended_at__isnull=True, started_at__gt=now - PRESENT_MAX
    )


def present_current(couple: Couple) -> PresentSession | None:
    """The phones-away session now on, if any."""
    return present_sessions_on(couple, timezone.now()).select_related("started_by").first()


def _close(session: PresentSession, at: datetime) -> None:
    if session.joined_at is not None:
        counted = min(at, session.joined_at + PRESENT_MAX) - session.joined_at
        session.minutes = max(0, int(counted.total_seconds() // 60))
    session.ended_at = at
    session.save(update_fields=["ended_at", "minutes"])
    tallies_refresh(couple=session.couple, of=session)


def present_start(*, user, couple: Couple) -> PresentSession:
    """Put my phone away: start a session, or join the one my partner started."""
    with transaction.atomic():
        Couple.objects.select_for_update().filter(pk=couple.pk).first()
        open_session = PresentSession.objects.filter(couple=couple, ended_at__isnull=True).first()
        now = timezone.now()
        if open_session is not None and open_session.started_at <= now - PRESENT_MAX:
            _close(open_session, now)  # forgotten long ago
            open_session = None
        if open_session is not None:
            if open_session.started_by_id != user.pk and open_session.joined_at is None:
                open_session.joined_at = now
                open_session.save(update_fields=["joined_at"])
            return open_session
        session = PresentSession.objects.create(couple=couple, started_by=user, started_at=now)
        partner = partner_of(user, couple)
        if partner is not None:
            event_emit(
                couple=couple, kind=Event.Kind.PRESENT_STARTED, recipient=partner, subject=session
            )
        return session


def present_end(*, user, session: PresentSession) -> PresentSession:
    """Either can end it; the minutes both were in count."""
    with transaction.atomic():
        session = PresentSession.objects.select_for_update().get(pk=session.pk)
        if session.ended_at is None:
            _close(session, timezone.now())
            Event.objects.filter(
                kind=Event.Kind.PRESENT_STARTED,
                subject=f"together.presentsession:{session.pk}",
                delivered_at__isnull=True,
            ).delete()
    return session
