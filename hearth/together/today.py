"""Together's card on the Today page: a phones-away invitation, a date to answer, the next date."""

from datetime import datetime, timedelta

from django.db.models import Exists, F
from django.db.models.functions import JSONObject
from django.utils import timezone

from hearth.core.cards import card_render
from hearth.core.queries import Param, first_as_json
from hearth.core.waiting import On
from hearth.couples.decorators import CoupleRequest
from hearth.together.models import DatePlan
from hearth.together.services import present_sessions_on

SOON = timedelta(days=7)


def _plans_soon(couple, now: datetime | Param):
    return DatePlan.objects.filter(
        couple=couple,
        status__in=[DatePlan.Status.PROPOSED, DatePlan.Status.SCHEDULED],
        starts_at__gt=now,
        starts_at__lt=now + SOON,
    )


def waiting(on: On) -> dict:
    return {
        "together_present": first_as_json(
            present_sessions_on(on.couple, on.now).order_by("pk"),
            joined_at=F("joined_at"),
            started_by_id=F("started_by_id"),
            started_by=JSONObject(display_name=F("started_by__display_name")),
        ),
        "together_plans": Exists(_plans_soon(on.couple, on.now)),
    }


def today_card(request: CoupleRequest, couple, waiting: dict) -> str:
    plans = []
    if waiting["together_plans"]:
        plans = list(
            _plans_soon(couple, timezone.now()).select_related("asked_by").order_by("starts_at")[:5]
        )
    context = {
        "present": waiting["together_present"],
        "to_answer": [
            p for p in plans if p.status == "proposed" and p.asked_by_id != request.user.pk
        ],
        "next_date": next((p for p in plans if p.status == "scheduled"), None),
    }
    if not any(context.values()):
        return ""
    return card_render(request, "together/_today_card.html", context)
