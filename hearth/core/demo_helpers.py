"""Small tools the apps' demo.py modules share (not itself a demo module: the registry
looks for `demo.py`)."""

import random
import zoneinfo
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.utils import timezone


class Deck:
    """Lines dealt without repeats until every one has been used, then shuffled again."""

    def __init__(self, lines: Sequence[Any], rng: random.Random):
        self.lines, self.rng, self.left = list(lines), rng, list[Any]()

    def deal(self, fits=lambda line: True) -> Any:
        """The next line that fits, if any does (else the next line)."""
        for _ in range(2):
            if not self.left:
                self.left = self.lines[:]
                self.rng.shuffle(self.left)
            for index in range(len(self.left) - 1, -1, -1):
                if fits(self.left[index]):
                    return self.left.pop(index)
            self.left = []  # none fits in what is left: deal from all of them again
        return self.deal()


def other_person(people, person):
    """The other one of the two."""
    return people[1] if person == people[0] else people[0]


def local_instant(day: date, at: time, zone: zoneinfo.ZoneInfo) -> datetime:
    """The instant of a local wall-clock time (a time the clock skips moves an hour on)."""
    return datetime.combine(day, at).replace(tzinfo=zone, fold=0).astimezone(UTC)


def moment(couple, day: date, hours: tuple[int, int], rng: random.Random) -> datetime | None:
    """A time on that day between the hours, or None if the couple was not yet or it has
    not happened yet."""
    at = local_instant(
        day,
        time(rng.randint(*hours), rng.randint(0, 59)),
        zoneinfo.ZoneInfo(couple.time_zone),
    )
    return at if couple.created_at <= at <= timezone.now() else None


def past_days(couple, weeks: int, per_week: Sequence[int], rng: random.Random) -> list[date]:
    """Some days of each past week (not today; as many as one of per_week), oldest first."""
    today = couple.local_today()
    days = [
        today - timedelta(days=week * 7 + offset)
        for week in range(weeks)
        for offset in rng.sample(range(1, 8), rng.choice(per_week))
    ]
    return sorted(days)


def seed_every_pillar(*, couple, first, second, weeks: int, rng: random.Random) -> None:
    """`weeks` of every app's demo activity for one couple (each app's demo.py)."""
    from hearth.core.registry import hearth_app_modules

    for module in hearth_app_modules("demo"):
        module.seed_demo_couple(couple=couple, first=first, second=second, weeks=weeks, rng=rng)


def bench_figures_merge(path, figures: dict) -> None:
    """Add `figures` to the JSON file `make bench` fills (var/bench.json), keeping the rest."""
    import json

    current = json.loads(path.read_text()) if path.exists() else {}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({**current, **figures}, indent=2, sort_keys=True) + "\n")
