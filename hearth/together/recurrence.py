"""Recurring rituals and local times, without Django's models (only its translations).

A ritual happens at a wall-clock time in its time zone ("Fridays at 19:00 in Berlin"),
so the instant moves with daylight saving and the clock time does not. Occurrences are
computed on naive local datetimes with dateutil's RFC 5545 rules and only then placed
in the zone.
"""

import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from dateutil import rrule
from django.utils import dateformat
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

FREQUENCIES = {"daily": rrule.DAILY, "weekly": rrule.WEEKLY, "monthly": rrule.MONTHLY}
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MAX_INTERVAL = 12
# Monthly rituals repeat on the start date's day; after the 28th some months have none.
LAST_MONTHLY_DAY = 28


class RecurrenceError(ValueError):
    """The rule cannot be kept; the message says what to change."""


class NonexistentTime(ValueError):
    """The clock skips this local time (the night daylight saving starts)."""


def aware(day: date, at: time, zone: zoneinfo.ZoneInfo) -> datetime:
    """The instant of a local wall-clock time. A time the clock skips moves an hour on,
    as phones do; an hour that happens twice means its first time."""
    local = datetime.combine(day, at).replace(tzinfo=zone, fold=0)
    return local.astimezone(UTC).astimezone(zone)


def aware_exact(naive: datetime, zone: zoneinfo.ZoneInfo) -> datetime:
    """Like aware(), but a time the clock skips is refused, for a single date someone picks."""
    local = naive.replace(tzinfo=zone, fold=0)
    if local.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        raise NonexistentTime(
            _(
                "%(time)s does not exist on %(day)s in %(zone)s: the clocks skip it. "
                "Please pick another time."
            )
            % {
                "time": f"{naive:%H:%M}",
                "day": dateformat.format(naive, _("j F")),
                "zone": zone.key,
            }
        )
    return local


@dataclass(frozen=True)
class Rule:
    frequency: str
    interval: int
    weekdays: tuple[int, ...]
    starts_on: date
    at: time
    zone: str
    # The last day it may happen. Before starts_on it never happens (a ritual ended early).
    until: date | None = None

    def __post_init__(self):
        if self.frequency not in FREQUENCIES:
            raise RecurrenceError(_("Choose every day, every week or every month."))
        if not 1 <= self.interval <= MAX_INTERVAL:
            raise RecurrenceError(_("Repeat every 1 to %(max)d periods.") % {"max": MAX_INTERVAL})
        if any(day not in range(7) for day in self.weekdays):
            raise RecurrenceError(_("Weekdays go from Monday to Sunday."))
        if self.frequency == "monthly" and self.starts_on.day > LAST_MONTHLY_DAY:
            raise RecurrenceError(
                _(
                    "Monthly rituals repeat on the same date; please start on the 28th or "
                    "earlier so that every month has one."
                )
            )
        try:
            zoneinfo.ZoneInfo(self.zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise RecurrenceError(_("Choose a time zone from the list.")) from None

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.zone)

    def _days(self) -> tuple[int, ...]:
        if self.frequency == "weekly":
            return self.weekdays or (self.starts_on.weekday(),)
        return ()

    def _rrule(self) -> rrule.rrule:
        return rrule.rrule(
            FREQUENCIES[self.frequency],
            dtstart=datetime.combine(self.starts_on, self.at),
            interval=self.interval,
            byweekday=self._days() or None,
            until=datetime.combine(self.until, self.at) if self.until else None,
        )

    def occurrences(
        self, *, start: datetime, end: datetime, skips: Iterable[date] = ()
    ) -> list[datetime]:
        """The ritual's instants from start to end (aware datetimes), without skipped days."""
        skipped = set(skips)
        # Local days in a window one day wider, so zone offsets cannot lose an edge.
        local_start = start.astimezone(self.tz).replace(tzinfo=None) - timedelta(days=1)
        local_end = end.astimezone(self.tz).replace(tzinfo=None) + timedelta(days=1)
        found = []
        for local in self._rrule().between(local_start, local_end, inc=True):
            if local.date() in skipped:
                continue
            instant = aware(local.date(), self.at, self.tz)
            if start <= instant <= end:
                found.append(instant)
        return found

    def first_day(self) -> date | None:
        """The first day it happens (DTSTART must be an occurrence), or None if never."""
        first = next(iter(self._rrule()), None)
        return first.date() if first else None

    def happens_on(self, day: date) -> bool:
        start = datetime.combine(day, time.min)
        return bool(self._rrule().between(start, start + timedelta(days=1), inc=False))

    def ical_rule(self) -> dict:
        """The RRULE as the icalendar library takes it. UNTIL is in UTC, as RFC 5545 asks
        when DTSTART carries a time zone."""
        rule: dict = {"freq": self.frequency.upper(), "interval": self.interval}
        if days := self._days():
            rule["byday"] = [WEEKDAY_CODES[day] for day in days]
        if self.until is not None:
            rule["until"] = aware(self.until, self.at, self.tz).astimezone(UTC)
        return rule

    def describe(self) -> str:
        """In words, in the active language: "Every other week on Friday at 19:00"."""
        words = _every(self.frequency, self.interval)
        if days := self._days():
            words = _("%(every)s on %(days)s") % {
                "every": words,
                "days": _join([str(WEEKDAYS[day]) for day in days]),
            }
        elif self.frequency == "monthly":
            # Translators: %(ordinal)s is an English ordinal ("5th"); %(day)s is the number.
            words = _("%(every)s on the %(ordinal)s") % {
                "every": words,
                "ordinal": _ordinal(self.starts_on.day),
                "day": self.starts_on.day,
            }
        words = _("%(rule)s at %(time)s") % {"rule": words, "time": f"{self.at:%H:%M}"}
        if self.until and self.until >= self.starts_on:
            words = _("%(rule)s, until %(day)s") % {
                "rule": words,
                "day": dateformat.format(self.until, _("j F Y")),
            }
        return words


def _every(frequency: str, interval: int) -> str:
    """ "Every week", "Every other week", "Every 3 weeks"."""
    if interval == 1:
        return {"daily": _("Every day"), "weekly": _("Every week"), "monthly": _("Every month")}[
            frequency
        ]
    if interval == 2:
        return {
            "daily": _("Every other day"),
            "weekly": _("Every other week"),
            "monthly": _("Every other month"),
        }[frequency]
    plural = {
        "daily": ngettext("Every %(count)d day", "Every %(count)d days", interval),
        "weekly": ngettext("Every %(count)d week", "Every %(count)d weeks", interval),
        "monthly": ngettext("Every %(count)d month", "Every %(count)d months", interval),
    }[frequency]
    return plural % {"count": interval}


def _join(words: list[str]) -> str:
    if len(words) == 1:
        return words[0]
    return _("%(list)s and %(last)s") % {"list": ", ".join(words[:-1]), "last": words[-1]}


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"
