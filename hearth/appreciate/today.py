"""Appreciate's card on the Today page: a note that just arrived, and one idea for the partner."""

from datetime import timedelta

from django.template.loader import render_to_string
from django.utils import timezone

from hearth.appreciate.services import AppreciateError, notes_received, suggestions_today
from hearth.couples.decorators import CoupleRequest

FRESH = timedelta(days=3)


def today_card(request: CoupleRequest, couple) -> str:
    note = (
        notes_received(request.user, couple)
        .filter(created_at__gte=timezone.now() - FRESH)
        .order_by("-created_at")
        .first()
    )
    try:
        suggestion = next(iter(suggestions_today(user=request.user, couple=couple)), None)
    except AppreciateError:  # no partner to suggest for
        suggestion = None
    if note is None and suggestion is None:
        return ""
    context = {"note": note, "suggestion": suggestion}
    return render_to_string("appreciate/_today_card.html", context, request=request)
