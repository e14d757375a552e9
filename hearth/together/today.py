"""Together's card on the Today page: a phones-away invitation, a date to answer, the next date."""

from datetime import timedelta

from django.template.loader import render_to_string
from django.utils import timezone

from hearth.couples.decorators import CoupleRequest
from hearth.together.models import DatePlan
from hearth.together.services import present_current

SOON = timedelta(days=7)


def today_card(request: CoupleRequest, couple) -> str:
    now = timezone.now()
    plans = list(
        DatePlan.objects.select_related("asked_by")
        .filter(
            couple=couple,
            status__in=[DatePlan.Status.PROPOSED, DatePlan.Status.SCHEDULED],
            starts_at__gt=now,
            starts_at__lt=now + SOON,
        )
        .order_by("starts_at")[:5]
    )
    context = {
        "present": present_current(couple),
        "to_answer": [
            p for p in plans if p.status == "proposed" and p.asked_by_id != request.user.pk
        ],
        "next_date": next((p for p in plans if p.status == "scheduled"), None),
    }
    if not any(context.values()):
        return ""
    return render_to_string("together/_today_card.html", context, request=request)
