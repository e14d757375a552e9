"""Recurring rituals and local times, without Django.

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

FREQUENCIES = {"daily": rrule.DAILY, "weekly": rrule.WEEKLY, "monthly": rrule.MONTHLY}
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
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
            f"{naive:%H:%M} does not exist on {naive:%-d %B} in {zone.key}: the clocks "
            "skip it. Please pick another time."
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
            raise RecurrenceError("Choose every day, every week or every month.")
        if not 1 <= self.interval <= MAX_INTERVAL:
            raise RecurrenceError(f"Repeat every 1 to {MAX_INTERVAL} periods.")
        if any(day not in range(7) for day in self.weekdays):
            raise RecurrenceError("Weekdays go from Monday to Sunday.")
        if self.frequency == "monthly" and self.starts_on.day > LAST_MONTHLY_DAY:
            raise RecurrenceError(
                "Monthly rituals repeat on the same date; please start on the 28th or earlier "
                "so that every month has one."
            )
        try:
            zoneinfo.ZoneInfo(self.zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise RecurrenceError("Choose a time zone from the list.") from None

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
        """In words: "Every other week on Friday at 19:00"."""
        every = {1: "Every", 2: "Every other"}.get(self.interval, f"Every {self.interval}")
        unit = {"daily": "day", "weekly": "week", "monthly": "month"}[self.frequency]
        if self.interval > 2:
            unit += "s"
        words = f"{every} {unit}"
        if days := self._days():
            words += " on " + _join([WEEKDAY_NAMES[day] for day in days])
        elif self.frequency == "monthly":
            words += f" on the {_ordinal(self.starts_on.day)}"
        words += f" at {self.at:%H:%M}"
        if self.until and self.until >= self.starts_on:
            words += f", until {self.until:%-d %B %Y}"
        return words


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"
