"""The signals the Connection Index reads, summed from the couple's daily roll-ups.

One query per figure or per series, over at most a few hundred DayTally rows: the cost never
depends on how long the couple has used Hearth. hearth/insights/tallies.py keeps the roll-ups
equal to a recount of the pillars' own rows.
"""

from collections.abc import Mapping
from datetime import date, timedelta

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


def tally_rows(couple: Couple, first: date, last: date) -> list[dict]:
    """The couple's roll-ups from `first` to `last` (days with nothing have no row)."""
    rows = DayTally.objects.filter(couple=couple, day__gte=first, day__lte=last)
    return list(rows.values("day", *COLUMNS))


def signals_in(rows: list[dict], *, last: date, today: date, days: int = WINDOW_DAYS) -> Signals:
    """The signals of the `days` days ending `last`, from roll-up rows that cover them.
    Dates count on their day once scheduled (a date later today counts already: planning it
    together is what the figure rewards); a promise counts as due once its day has passed or
    it ended."""
    start = last - timedelta(days=days - 1)
    window = [row for row in rows if start <= row["day"] <= last]
    totals: dict[str, int | None] = {
        column: sum(row[column] for row in window) for column in COLUMNS
    }
    for seat in (1, 2):
        totals[f"missed_{seat}"] = sum(
            row[f"open_due_{seat}"] for row in window if row["day"] < today
        )
    return signals_from_totals(totals)


def signals_for(couple: Couple, *, days: int = WINDOW_DAYS, end: date | None = None) -> Signals:
    """What the couple did on the `days` local days ending with `end` (today by default),
    from one read of at most `days` roll-up rows."""
    today = couple.local_today()
    last = end or today
    rows = tally_rows(couple, last - timedelta(days=days - 1), last)
    return signals_in(rows, last=last, today=today, days=days)


def week_ends(today: date, weeks: int) -> list[date]:
    """The last day of each of the last `weeks` weeks, oldest first, the last one today."""
    return [today - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]


def weekly_signals(couple: Couple, *, weeks: int) -> list[tuple[date, Signals]]:
    """The 28-day signals as they stood at the end of each of the last `weeks` weeks,
    oldest first, from one query."""
    today = couple.local_today()
    ends = week_ends(today, weeks)
    rows = tally_rows(couple, ends[0] - timedelta(days=WINDOW_DAYS - 1), today)
    return [(last, signals_in(rows, last=last, today=today)) for last in ends]
