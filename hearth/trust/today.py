"""Trust's card on the Today page: a sharing turn, an apology to answer, promises due soon."""

from datetime import datetime, timedelta

from django.db.models import Exists, F
from django.db.models.functions import JSONObject
from django.template.loader import render_to_string

from hearth.core.queries import first_as_json
from hearth.couples.decorators import CoupleRequest
from hearth.trust.models import Apology, Promise
from hearth.trust.sharing import my_turn_in, open_round_state


def _apologies(request: CoupleRequest, couple):
    return Apology.objects.filter(couple=couple, answer="").exclude(author=request.user)


def _due(request: CoupleRequest, couple):
    today = couple.local_today()
    return Promise.objects.filter(
        couple=couple,
        author=request.user,
        status=Promise.Status.OPEN,
        due_on__gte=today,
        due_on__lte=today + timedelta(days=1),
    )


def waiting(request: CoupleRequest, couple, now: datetime) -> dict:
    return {
        "trust_round": open_round_state(couple),
        "trust_apology": first_as_json(
            _apologies(request, couple).order_by("-created_at"),
            pk=F("pk"),
            author=JSONObject(display_name=F("author__display_name")),
        ),
        "trust_due": Exists(_due(request, couple)),
    }


def today_card(request: CoupleRequest, couple, waiting: dict) -> str:
    # The sharing turn and the apology come whole from `waiting`: no more reads for them.
    round_ = waiting["trust_round"]
    context = {
        "round": round_ if my_turn_in(round_, request.user) else None,
        "apology": waiting["trust_apology"],
        "due": list(_due(request, couple).order_by("due_on")[:3]) if waiting["trust_due"] else [],
        "today": couple.local_today(),
    }
    if not (context["round"] or context["apology"] or context["due"]):
        return ""
    return render_to_string("trust/_today_card.html", context, request=request)
