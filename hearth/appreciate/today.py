"""Appreciate's card on the Today page: a note that just arrived, and one idea for the partner.

Both come from the page's one `waiting` query; only the first visit of a day draws ideas."""

from datetime import timedelta

from django.db.models import Exists, F
from django.db.models.functions import JSONObject

from hearth.appreciate.models import Suggestion
from hearth.appreciate.services import AppreciateError, notes_received, suggestions_today
from hearth.core.cards import card_render
from hearth.core.queries import first_as_json
from hearth.core.waiting import On
from hearth.couples.decorators import CoupleRequest

FRESH = timedelta(days=3)


def waiting(on: On) -> dict:
    fresh = notes_received(on.user, on.couple).filter(created_at__gte=on.now - FRESH)
    drawn = Suggestion.objects.filter(couple=on.couple, user=on.user, day=on.today)
    return {
        "appreciate_note": first_as_json(
            fresh.order_by("-created_at"),
            author=JSONObject(display_name=F("author__display_name")),
            did=F("did"),
            felt=F("felt"),
            mattered=F("mattered"),
        ),
        "appreciate_drawn": Exists(drawn),
        "appreciate_idea": first_as_json(
            drawn.filter(status=Suggestion.Status.OPEN).order_by("pk"),
            idea=JSONObject(text=F("idea__text")),
        ),
    }


def today_card(request: CoupleRequest, couple, waiting: dict) -> str:
    note, suggestion = waiting["appreciate_note"], waiting["appreciate_idea"]
    if not waiting["appreciate_drawn"]:
        try:
            suggestion = next(iter(suggestions_today(user=request.user, couple=couple)), None)
        except AppreciateError:  # no partner to suggest for
            suggestion = None
    if note is None and suggestion is None:
        return ""
    context = {"note": note, "suggestion": suggestion}
    return card_render(request, "appreciate/_today_card.html", context)
