"""Rituals keep their wall-clock time; the rules read as people say them. No database."""

import zoneinfo
from datetime import UTC, date, datetime, time, timedelta

import pytest

from hearth.together.recurrence import NonexistentTime, RecurrenceError, Rule, aware, aware_exact

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def every_other_friday(**changes) -> Rule:
    values: dict = {
        "frequency": "weekly",
        "interval": 2,
        "weekdays": (4,),
        "starts_on": date(2027, 3, 5),
        "at": time(19, 0),
        "zone": "Europe/Berlin",
    }
    return Rule(**(values | changes))


def test_it_keeps_seven_pm_across_the_spring_clock_change():
    rule = every_other_friday()
    start = datetime(2027, 3, 1, tzinfo=UTC)
    found = rule.occurrences(start=start, end=start + timedelta(days=40))
    assert [instant.astimezone(BERLIN).strftime("%a %d %H:%M") for instant in found] == [
        "Fri 05 19:00",
        "Fri 19 19:00",
        "Fri 02 19:00",
    ]
    # Summer time began on 28 March: the same 19:00 is an hour earlier in UTC.
    assert [instant.astimezone(UTC).hour for instant in found] == [18, 18, 17]


def test_it_leaves_out_skipped_days_and_stops_at_the_end():
    rule = every_other_friday(until=date(2027, 4, 2))
    start = datetime(2027, 3, 1, tzinfo=UTC)
    found = rule.occurrences(start=start, end=start + timedelta(days=90), skips=[date(2027, 3, 19)])
    assert [instant.date() for instant in found] == [date(2027, 3, 5), date(2027, 4, 2)]


def test_the_calendar_rule_has_until_in_utc():
    rule = every_other_friday(until=date(2027, 4, 2))
    assert rule.ical_rule() == {
        "freq": "WEEKLY",
        "interval": 2,
        "byday": ["FR"],
        "until": datetime(2027, 4, 2, 17, 0, tzinfo=UTC),
    }


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        (every_other_friday(), "Every other week on Friday at 19:00"),
        (
            every_other_friday(interval=1, weekdays=(0, 2), until=date(2027, 6, 30)),
            "Every week on Monday and Wednesday at 19:00, until 30 June 2027",
        ),
        (every_other_friday(frequency="daily", interval=1, weekdays=()), "Every day at 19:00"),
        (
            every_other_friday(frequency="monthly", interval=3, weekdays=()),
            "Every 3 months on the 5th at 19:00",
        ),
    ],
)
def test_it_describes_the_rule_in_words(rule, words):
    assert rule.describe() == words


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"frequency": "hourly"}, "every day, every week or every month"),
        ({"interval": 0}, "Repeat every 1 to 12"),
        ({"weekdays": (7,)}, "Monday to Sunday"),
        ({"frequency": "monthly", "starts_on": date(2027, 1, 31)}, "28th or earlier"),
        ({"zone": "Mars/Olympus"}, "time zone"),
    ],
)
def test_it_refuses_rules_it_cannot_keep(changes, message):
    with pytest.raises(RecurrenceError, match=message):
        every_other_friday(**changes)


def test_a_weekly_rule_starts_on_its_first_matching_day():
    # Started on a Wednesday, for Fridays: the first time is that Friday.
    rule = every_other_friday(starts_on=date(2027, 3, 3))
    assert rule.first_day() == date(2027, 3, 5)
    assert (
        every_other_friday(until=date(2027, 3, 4), starts_on=date(2027, 3, 3)).first_day() is None
    )


def test_a_skipped_hour_moves_on_for_rituals_and_is_refused_for_a_single_date():
    # 28 March 2027, 02:30 does not exist in Berlin.
    assert aware(date(2027, 3, 28), time(2, 30), BERLIN).strftime("%H:%M") == "03:30"
    with pytest.raises(NonexistentTime, match="clocks skip it"):
        aware_exact(datetime(2027, 3, 28, 2, 30), BERLIN)
    # 31 October 2027, 02:30 happens twice: the first one is meant.
    twice = aware_exact(datetime(2027, 10, 31, 2, 30), BERLIN)
    assert twice.astimezone(UTC).hour == 0
