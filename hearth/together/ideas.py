"""Finding a date idea (PRODUCT Q1): filters, and "surprise us"."""

import random
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from hearth.couples.models import Couple
from hearth.together.models import Cost, DateIdea, DatePlan

COST_ORDER = list(Cost.values)  # free, low, medium, high
# "Not what they did last month": ideas planned within this window are left out.
RECENT = timedelta(days=45)
# Ideas the couple has never planned are this many times likelier than ones they have.
UNTRIED_WEIGHT = 3


@dataclass(frozen=True)
class IdeaFilters:
    """Empty means "any". `cost` is the most the couple wants to spend."""

    cost: str = ""
    setting: str = ""
    energy: str = ""
    novelty: str = ""
    place: str = ""
    season: str = ""
    max_minutes: int | None = None


def ideas_matching(filters: IdeaFilters) -> list[DateIdea]:
    ideas = DateIdea.objects.filter(active=True).order_by("key")
    if filters.cost:
        ideas = ideas.filter(cost__in=COST_ORDER[: COST_ORDER.index(filters.cost) + 1])
    for name in ("setting", "energy", "novelty"):
        if value := getattr(filters, name):
            ideas = ideas.filter(**{name: value})
    if filters.place:
        ideas = ideas.filter(place__in=[filters.place, "either"])
    if filters.max_minutes:
        ideas = ideas.filter(duration_minutes__lte=filters.max_minutes)
    found = list(ideas)
    if filters.season:
        # Few enough ideas to check in Python, and JSON lookups differ between databases.
        found = [idea for idea in found if idea.fits_season(filters.season)]
    return found


def idea_surprise(
    *, couple: Couple, filters: IdeaFilters, rng: random.Random | None = None
) -> DateIdea | None:
    """One idea that fits the filters and not the couple's recent dates; untried ones first."""
    candidates = ideas_matching(filters)
    planned = DatePlan.objects.filter(couple=couple, idea__isnull=False)
    recent = set(
        planned.filter(created_at__gte=timezone.now() - RECENT).values_list("idea_id", flat=True)
    )
    tried = set(planned.values_list("idea_id", flat=True))
    candidates = [idea for idea in candidates if idea.pk not in recent]
    if not candidates:
        return None
    weights = [1 if idea.pk in tried else UNTRIED_WEIGHT for idea in candidates]
    return (rng or random.SystemRandom()).choices(candidates, weights=weights)[0]
