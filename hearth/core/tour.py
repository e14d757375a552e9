"""The welcome tour (PRODUCT A5): five short steps, one per pillar, read once per process
from hearth/core/content/tour.toml. Skippable at every step; finishing or skipping it is
remembered on the person (User.tour_done_at), so Today stops offering it."""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from hearth.core.libraries import ContentError

TOUR_FILE = Path(__file__).parent / "content" / "tour.toml"
PILLARS = ("talk", "together", "appreciate", "trust", "support")


@dataclass(frozen=True)
class TourStep:
    key: str
    title: str
    why: str
    try_it: str
    url_name: str
    example: str = ""


@cache
def tour_steps() -> tuple[TourStep, ...]:
    data = tomllib.loads(TOUR_FILE.read_text(encoding="utf-8"))
    steps = tuple(
        TourStep(
            key=row["key"],
            title=row["title"],
            why=row["why"],
            try_it=row["try"],
            url_name=row["url"],
            example=row.get("example", ""),
        )
        for row in data["step"]
    )
    if tuple(step.key for step in steps) != PILLARS:
        raise ContentError(f"{TOUR_FILE.name}: one step per pillar, in the order {PILLARS}")
    return steps


def tour_finish(*, user) -> None:
    """Finished or skipped: either way, Today stops offering the tour."""
    with transaction.atomic():
        get_user_model().objects.filter(pk=user.pk, tour_done_at__isnull=True).update(
            tour_done_at=timezone.now()
        )
