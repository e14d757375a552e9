"""The figures behind the Insights charts (PRODUCT I3), as plain data.

Everything comes from one read of the couple's roll-ups: a trend of the Connection Index at
the end of each of the last weeks, the pillars now and a month ago, and a calendar of the
days the two of them reached for each other. The page draws them with Chart.js and gives each
one as a table too, for screen readers and for anyone who prefers numbers.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from operator import itemgetter

from hearth.couples.models import Couple
from hearth.insights.index import WINDOW_DAYS, ConnectionIndex, connection_index
from hearth.insights.models import COLUMNS
from hearth.insights.signals import signals_in, tally_rows, week_ends

TREND_WEEKS = 26
CALENDAR_WEEKS = 12
PILLARS = ("talk", "together", "appreciate", "trust", "support")

# What counts as a moment on the calendar: each thing either partner did for or with the
# other that day. (Minutes together count once a day, however long.)
MOMENT_COLUMNS = (
    "answered_1",
    "answered_2",
    "replies_1",
    "replies_2",
    "notes_1",
    "notes_2",
    "noticed_1",
    "noticed_2",
    "kept_1",
    "kept_2",
    "bids_turned_1",
    "bids_turned_2",
    "check_ins_answered_1",
    "check_ins_answered_2",
    "rounds",
    "dates_kept",
)


@dataclass(frozen=True)
class TrendPoint:
    week_ending: date
    overall: int
    pillars: dict[str, int]


@dataclass(frozen=True)
class CalendarDay:
    day: date
    moments: int


@dataclass(frozen=True)
class Charts:
    index: ConnectionIndex  # today's, with what drove each figure
    trend: list[TrendPoint]
    calendar: list[CalendarDay]

    @property
    def now(self) -> TrendPoint:
        return self.trend[-1]

    @property
    def month_ago(self) -> TrendPoint:
        return self.trend[-5]

    def as_json(self) -> dict:
        """What the page's script draws (json_script), keyed by chart."""
        return {
            "pillars": list(PILLARS),
            "trend": [
                {"week": point.week_ending.isoformat(), "overall": point.overall, **point.pillars}
                for point in self.trend
            ],
            "overview": {"now": self.now.pillars, "month_ago": self.month_ago.pillars},
            "calendar": [
                {"day": cell.day.isoformat(), "weekday": cell.day.isoweekday(), "n": cell.moments}
                for cell in self.calendar
            ],
        }


# Positions in a roll-up row, (day, *COLUMNS).
_moments = itemgetter(*(1 + COLUMNS.index(column) for column in MOMENT_COLUMNS))
_present = 1 + COLUMNS.index("present_minutes")


def moments_on(row: tuple) -> int:
    return sum(_moments(row)) + (1 if row[_present] else 0)


def charts_for(couple: Couple) -> Charts:
    """One query, whatever the couple's history: only the weeks the charts show are read."""
    today = couple.local_today()
    ends = week_ends(today, TREND_WEEKS)
    calendar_first = today - timedelta(days=today.weekday() + 7 * (CALENDAR_WEEKS - 1))
    first = min(ends[0] - timedelta(days=WINDOW_DAYS - 1), calendar_first)
    tallies = tally_rows(couple, first, today)
    trend, index = [], None
    for last in ends:
        index = connection_index(signals_in(tallies, last=last, today=today))
        pillars = {name: index.pillars[name].score for name in PILLARS}
        trend.append(TrendPoint(week_ending=last, overall=index.overall, pillars=pillars))
    assert index is not None  # the last week ends today
    by_day = {row[0]: moments_on(row) for row in tallies.rows}
    days = (calendar_first + timedelta(days=n) for n in range((today - calendar_first).days + 1))
    calendar = [CalendarDay(day=day, moments=by_day.get(day, 0)) for day in days]
    return Charts(index=index, trend=trend, calendar=calendar)
