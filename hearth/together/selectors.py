"""Reads shared by Together's pages, the Today card and the API."""

from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef
from django.utils import timezone

from hearth.couples.models import Couple
from hearth.together.models import DatePlan, Reflection, Ritual, RitualSkip
from hearth.together.services import PRESENT_MAX, present_current, ritual_rule

# A date is "to look back on" for this long after it happened.
REFLECT_WITHIN = timedelta(days=14)


def next_occurrence(ritual: Ritual, skipped: set, *, within: timedelta) -> datetime | None:
    now = timezone.now()
    rule = ritual_rule(ritual)
    for instant in rule.occurrences(start=now, end=now + within):
        if instant.astimezone(rule.tz).date() not in skipped:
            return instant
    return None


def rituals_with_next(couple: Couple, *, within=timedelta(days=62)) -> list[tuple]:
    """Active rituals with their next occurrence (skips honoured), soonest first. 2 queries."""
    rituals = list(Ritual.objects.filter(couple=couple, ended_at__isnull=True).order_by("pk"))
    skips: dict[int, set] = {}
    today = couple.local_today()
    for ritual_id, day in RitualSkip.objects.filter(couple=couple, day__gte=today).values_list(
        "ritual_id", "day"
    ):
        skips.setdefault(ritual_id, set()).add(day)
    found = [
        (ritual, next_occurrence(ritual, skips.get(ritual.pk, set()), within=within))
        for ritual in rituals
    ]
    return sorted(found, key=lambda pair: (pair[1] is None, pair[1] or timezone.now()))


def together_overview(couple: Couple, user) -> dict:
    """What the Together page leads with: answers owed, dates ahead, dates to look back on."""
    now = timezone.now()
    plans = DatePlan.objects.filter(couple=couple).select_related("asked_by")
    mine_reflected = Reflection.objects.filter(memory__plan=OuterRef("pk"), author=user)
    return {
        "waiting": list(
            plans.filter(status=DatePlan.Status.PROPOSED, starts_at__gt=now).order_by("starts_at")
        ),
        "upcoming": list(
            plans.filter(status=DatePlan.Status.SCHEDULED, starts_at__gt=now).order_by("starts_at")[
                :3
            ]
        ),
        "to_reflect": [
            plan
            for plan in plans.filter(
                status=DatePlan.Status.SCHEDULED,
                starts_at__lte=now,
                starts_at__gt=now - REFLECT_WITHIN,
            )
            .exclude(Exists(mine_reflected))
            .order_by("-starts_at")[:6]
            if plan.is_over
        ][:3],
        "rituals": rituals_with_next(couple),
        "present": present_current(couple),
        "present_max_hours": int(PRESENT_MAX.total_seconds() // 3600),
    }
