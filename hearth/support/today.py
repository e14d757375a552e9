"""Support's card on the Today page: a partner's check-in or bid waiting to be turned toward."""

from django.template.loader import render_to_string
from django.utils import timezone

from hearth.couples.decorators import CoupleRequest
from hearth.support.models import Bid, CheckIn
from hearth.support.services import STILL_FRESH


def today_card(request: CoupleRequest, couple) -> str:
    check_in = (
        CheckIn.objects.filter(
            couple=couple,
            shared=True,
            replied_at__isnull=True,
            created_at__gte=timezone.now() - STILL_FRESH,
        )
        .exclude(author=request.user)
        .select_related("feeling", "author")
        .order_by("-created_at")
        .first()
    )
    bid = (
        Bid.objects.filter(
            couple=couple, answered_at__isnull=True, created_at__gte=timezone.now() - STILL_FRESH
        )
        .exclude(author=request.user)
        .select_related("author")
        .order_by("-created_at")
        .first()
    )
    if check_in is None and bid is None:
        return ""
    context = {"check_in": check_in, "bid": bid}
    return render_to_string("support/_today_card.html", context, request=request)
