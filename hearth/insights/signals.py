"""The signals the Connection Index reads, summed from the couple's daily roll-ups.

One query per figure or per series, over at most a few hundred DayTally rows: the cost never
depends on how long the couple has used Hearth. hearth/insights/tallies.py keeps the roll-ups
equal to a recount of the pillars' own rows.
"""

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from datetime import date, timedelta
from operator import add, sub

from hearth.couples.models import Couple
from hearth.insights.index import WINDOW_DAYS, Signals
from hearth.insights.models import COLUMNS, DayTally


def _pair(totals: Mapping[str, int | None], name: str) -> tuple[int, int]:
    return totals[f"{name}_1"] or 0, totals[f"{name}_2"] or 0


def signals_from_totals(totals: Mapping[str, int | None]) -> Signals:
    """Signals from summed roll-up columns (`missed_1`/`missed_2`: open promises whose day
    has passed)."""
    ended, kept, missed = _pair(totals, "ended"), _pair(totals, "kept"), _pair(totals, "missed")
    return Signals(
        answered=_pair(totals, "answered"),
        both_answered=totals["both_answered"] or 0,
        replies=_pair(totals, "replies"),
        present_minutes=totals["present_minutes"] or 0,
        dates_kept=totals["dates_kept"] or 0,
        notes_sent=_pair(totals, "notes"),
        gestures_noticed=_pair(totals, "noticed"),
        positive_moments=totals["positive"] or 0,
        harsh_moments=totals["harsh"] or 0,
        promises_kept=kept,
        promises_due=(ended[0] + missed[0], ended[1] + missed[1]),
        rounds_completed=totals["rounds"] or 0,
        bids_received=_pair(totals, "bids_received"),
        bids_turned_toward=_pair(totals, "bids_turned"),
        check_ins_received=_pair(totals, "check_ins_received"),
        check_ins_answered=_pair(totals, "check_ins_answered"),
    )


class Tallies:
    """A couple's roll-up rows from one read, with running totals by day: the totals of any
    window of days then take two lookups, however many rows or windows a page asks about.
    Rows are tuples, (day, *COLUMNS): a few hundred of them are read on each Insights page."""

    def __init__(self, rows: list[tuple]):
        self.rows = sorted(rows)
        self._days = [row[0] for row in self.rows]
        running = [(0,) * len(COLUMNS)]
        for row in self.rows:
            running.append(tuple(map(add, running[-1], row[1:])))
        self._running = running

    def totals(self, first: date, last: date) -> dict[str, int]:
        """Each column summed over the days from `first` to `last`, both included."""
        start, end = bisect_left(self._days, first), bisect_right(self._days, last)
        if end <= start:
            return dict.fromkeys(COLUMNS, 0)
        return dict(zip(COLUMNS, map(sub, self._running[end], self._running[start]), strict=True))


def tally_rows(couple: Couple, first: date, last: date) -> Tallies:
    """The couple's roll-ups from `first` to `last` (days with nothing have no row)."""
    rows = DayTally.objects.filter(couple=couple, day__gte=first, day__lte=last)
    return Tallies(list(rows.values_list("day", *COLUMNS)))


def signals_in(tallies: Tallies, *, last: date, today: date, days: int = WINDOW_DAYS) -> Signals:
    """The signals of the `days` days ending `last`, from roll-ups that cover them.
    Dates count on their day once scheduled (a date later today counts already: planning it
    together is what the figure rewards); a promise counts as due once its day has passed or
    it ended."""
    start = last - timedelta(days=days - 1)
    totals: dict[str, int | None] = {**tallies.totals(start, last)}
    before_today = tallies.totals(start, min(last, today - timedelta(days=1)))
    for seat in (1, 2):
        totals[f"missed_{seat}"] = before_today[f"open_due_{seat}"]
    return signals_from_totals(totals)


def signals_for(couple: Couple, *, days: int = WINDOW_DAYS, end: date | None = None) -> Signals:
    """What the couple did on the `days` local days ending with `end` (today by default),
    from one read of at most `days` roll-up rows."""
    today = couple.local_today()
    last = end or today
    tallies = tally_rows(couple, last - timedelta(days=days - 1), last)
    return signals_in(tallies, last=last, today=today, days=days)


def week_ends(today: date, weeks: int) -> list[date]:
    """The last day of each of the last `weeks` weeks, oldest first, the last one today."""
    return [today - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]


def weekly_signals(couple: Couple, *, weeks: int) -> list[tuple[date, Signals]]:
    """The 28-day signals as they stood at the end of each of the last `weeks` weeks,
    oldest first, from one query."""
    today = couple.local_today()
    ends = week_ends(today, weeks)
    tallies = tally_rows(couple, ends[0] - timedelta(days=WINDOW_DAYS - 1), today)
    return [(last, signals_in(tallies, last=last, today=today)) for last in ends]
