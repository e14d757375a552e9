"""Trust's card on the Today page: a sharing turn, an apology to answer, promises due soon."""

from datetime import timedelta

from django.db.models import Exists, F
from django.db.models.functions import JSONObject

from hearth.core.cards import card_render
from hearth.core.queries import first_as_json
from hearth.core.waiting import On
from hearth.couples.decorators import CoupleRequest
from hearth.trust.models import Apology, Promise
from hearth.trust.sharing import my_turn_in, open_round_state


def _apologies(couple, user):
    return Apology.objects.filter(couple=couple, answer="").exclude(author=user)


def _due(couple, user, today):
    return Promise.objects.filter(
        couple=couple,
        author=user,
        status=Promise.Status.OPEN,
        due_on__gte=today,
        due_on__lte=today + timedelta(days=1),
    )


def waiting(on: On) -> dict:
    return {
        "trust_round": open_round_state(on.couple),
        "trust_apology": first_as_json(
            _apologies(on.couple, on.user).order_by("-created_at"),
            pk=F("pk"),
            author=JSONObject(display_name=F("author__display_name")),
        ),
        "trust_due": Exists(_due(on.couple, on.user, on.today)),
    }


def today_card(request: CoupleRequest, couple, waiting: dict) -> str:
    # The sharing turn and the apology come whole from `waiting`: no more reads for them.
    round_, today = waiting["trust_round"], couple.local_today()
    due = _due(couple, request.user, today) if waiting["trust_due"] else None
    context = {
        "round": round_ if my_turn_in(round_, request.user) else None,
        "apology": waiting["trust_apology"],
        "due": list(due.order_by("due_on")[:3]) if due is not None else [],
        "today": today,
    }
    if not (context["round"] or context["apology"] or context["due"]):
        return ""
    return card_render(request, "trust/_today_card.html", context)
