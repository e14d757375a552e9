"""The monthly pulse (PRODUCT I2): ten statements rated 1–7 and a closeness picture, each
partner on their own, once a month, trended next to what the couple did.

Private through and through: every read here takes the person and returns only their own
answers, and recording one tells no one (no event, no notification, no mark on the
partner's pages), so a partner can never learn whether or when the other took it.
"""

import calendar
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hearth.core.errors import Refusal
from hearth.couples.models import Couple
from hearth.insights.index import WINDOW_DAYS, connection_index
from hearth.insights.models import PULSE_HIGHEST, PULSE_ITEMS, PULSE_LOWEST, Pulse
from hearth.insights.pulse_content import PILLARS, pulse_content
from hearth.insights.signals import signals_in, tally_rows

# The trend covers this many months by default, and never more than TREND_MONTHS_MAX, so a
# page that shows it reads a bounded window whatever the history.
TREND_MONTHS = 6
TREND_MONTHS_MAX = 12


class PulseError(Refusal):
    """The pulse could not be recorded; nothing was stored."""


def pulse_month(couple: Couple) -> date:
    """The month open for the pulse: the first day of the couple's local month."""
    return couple.local_today().replace(day=1)


def month_shift(month: date, months: int) -> date:
    """The first day of the month `months` after (or before, if negative) `month`."""
    index = month.year * 12 + month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_last_day(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def pulse_of(*, couple: Couple, user, month: date) -> Pulse | None:
    """The person's own pulse for that month with this couple, if they took it."""
    return Pulse.objects.filter(couple=couple, author=user, month=month).first()


def _whole_number(value: object) -> int | None:
    """The value if it is a whole number from 1 to 7 (not a bool, a float or a string)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if PULSE_LOWEST <= value <= PULSE_HIGHEST else None


def _checked_ratings(ratings: object) -> dict[str, int]:
    if not isinstance(ratings, Mapping):
        raise PulseError(
            _("Rate each of the ten statements with a number from 1 to 7."), code="invalid_ratings"
        )
    unknown = [key for key in ratings if key not in PULSE_ITEMS]
    if unknown:
        raise PulseError(
            _("Some answers aren't for this pulse's statements; the keys are: %(keys)s.")
            % {"keys": ", ".join(PULSE_ITEMS)},
            code="unknown_item",
        )
    missing = [key for key in PULSE_ITEMS if key not in ratings]
    if missing:
        raise PulseError(
            _("Rate every statement first (still open: %(keys)s).") % {"keys": ", ".join(missing)},
            code="missing_item",
        )
    checked: dict[str, int] = {}
    for key in PULSE_ITEMS:
        number = _whole_number(ratings[key])
        if number is None:
            raise PulseError(
                _("Rate each statement with a whole number from 1 to 7 (%(key)s isn't one).")
                % {"key": key},
                code="invalid_rating",
            )
        checked[key] = number
    return checked


@transaction.atomic
def pulse_record(
    *, couple: Couple, user, month: date, ratings: Mapping[str, object], closeness: object
) -> Pulse:
    """Record (or change) the person's pulse for the open month. Every value is checked
    before anything is written: a refusal stores nothing."""
    if not isinstance(month, date) or month != pulse_month(couple):
        raise PulseError(
            _("The pulse is open for this month only; the next one opens on the 1st."),
            code="closed_month",
            status=409,
        )
    checked = _checked_ratings(ratings)
    picture = _whole_number(closeness)
    if picture is None:
        raise PulseError(
            _("Choose one of the seven closeness pictures: a whole number from 1 to 7."),
            code="invalid_closeness",
        )
    values: dict[str, object] = {**checked, "closeness": picture, "updated_at": timezone.now()}
    existing = Pulse.objects.select_for_update().filter(author=user, month=month).first()
    if existing is None:
        try:
            with transaction.atomic():
                return Pulse.objects.create(couple=couple, author=user, month=month, **values)
        except IntegrityError:
            # The same person saved twice at once: the other save won; update it instead.
            existing = Pulse.objects.select_for_update().get(author=user, month=month)
    if existing.couple_id != couple.pk:
        raise PulseError(
            _(
                "You took this month's pulse before your couple changed; "
                "the next one opens on the 1st."
            ),
            code="taken_before",
            status=409,
        )
    for field, value in values.items():
        setattr(existing, field, value)
    existing.save(update_fields=list(values))
    return existing


# The trend --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PulseMonth:
    """One month of the trend: the person's own answers beside what the couple did."""

    month: date
    # The person took the pulse that month.
    taken: bool
    # Their own average for each pillar's two statements (1–7), None if not taken.
    pulse: dict[str, float | None]
    pulse_overall: float | None
    closeness: int | None
    # The couple's Connection Index (0–100) for the 28 days ending with the month's last
    # day (today, for the month still going).
    index: dict[str, int]
    index_overall: int


def _averages(pulse: Pulse) -> dict[str, float]:
    ratings = pulse.ratings()
    content = pulse_content()
    return {
        pillar: round(
            sum(ratings[item.key] for item in content.items_of(pillar))
            / len(content.items_of(pillar)),
            1,
        )
        for pillar in PILLARS
    }


def pulse_trend(*, couple: Couple, user, months: int = TREND_MONTHS) -> list[PulseMonth]:
    """The last `months` months (at most TREND_MONTHS_MAX, none before the couple began),
    oldest first, as plain data: the person's own pulse and the couple's Connection Index
    at each month's end (the same figures as `connection_index(signals_for(couple,
    end=month_end))`). Two queries, whatever the history: the pulses and the roll-ups."""
    months = max(1, min(months, TREND_MONTHS_MAX))
    today = couple.local_today()
    current = today.replace(day=1)
    began = (
        timezone.localtime(couple.created_at, zoneinfo.ZoneInfo(couple.time_zone))
        .date()
        .replace(day=1)
    )
    starts = [
        month
        for month in (month_shift(current, -back) for back in reversed(range(months)))
        if month >= began
    ] or [current]
    pulses = {
        pulse.month: pulse
        for pulse in Pulse.objects.filter(
            couple=couple, author=user, month__gte=starts[0], month__lte=current
        )
    }
    # The daily roll-ups for every month's 28-day window, read once.
    tallies = tally_rows(couple, starts[0] - timedelta(days=WINDOW_DAYS - 1), today)
    trend = []
    for month in starts:
        end = min(month_last_day(month), today)
        index = connection_index(signals_in(tallies, last=end, today=today))
        pulse = pulses.get(month)
        averages: dict[str, float | None] = dict.fromkeys(PILLARS)
        if pulse is not None:
            averages.update(_averages(pulse))
        trend.append(
            PulseMonth(
                month=month,
                taken=pulse is not None,
                pulse=averages,
                pulse_overall=round(sum(pulse.ratings().values()) / len(PULSE_ITEMS), 1)
                if pulse is not None
                else None,
                closeness=pulse.closeness if pulse is not None else None,
                index={pillar: index.pillars[pillar].score for pillar in PILLARS},
                index_overall=index.overall,
            )
        )
    return trend
