"""Choosing the day's question: plain Python, no database, so it is easy to test.

The sequence mixes depths in a weekly rhythm (mostly light, a deep one twice a
week) and rotates categories so that the one asked longest ago comes next.
"""

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

# Monday … Sunday: easy on weekdays, deeper when there may be time to talk.
DEPTH_RHYTHM = ("light", "medium", "light", "deep", "light", "medium", "deep")


@dataclass(frozen=True)
class Candidate:
    id: int
    category: str
    depth: str


def choose_question(
    *,
    day: date,
    seed: int,
    candidates: Sequence[Candidate],
    last_asked_by_category: Mapping[str, date],
    exclude: Iterable[int] = (),
) -> Candidate | None:
    """The question for `day` among `candidates` (already free of the last year's questions)."""
    excluded = set(exclude)
    pool = [c for c in candidates if c.id not in excluded]
    if not pool:
        return None
    rng = random.Random(f"{seed}:{day.isoformat()}:{len(excluded)}")  # noqa: S311 (not secret)
    categories = sorted({c.category for c in pool})
    rng.shuffle(categories)  # ties between never-asked categories fall differently per couple
    category = min(categories, key=lambda name: last_asked_by_category.get(name, date.min))
    depth = DEPTH_RHYTHM[day.weekday()]
    for options in (
        [c for c in pool if c.category == category and c.depth == depth],
        [c for c in pool if c.category == category],
        pool,
    ):
        if options:
            return rng.choice(sorted(options, key=lambda c: c.id))
    return None
