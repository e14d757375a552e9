"""Trust's card on the Today page: a sharing turn, an apology to answer, promises due soon."""

from datetime import timedelta

from django.template.loader import render_to_string

from hearth.couples.decorators import CoupleRequest
from hearth.trust.models import Apology, Promise
from hearth.trust.sharing import open_round, round_view


def today_card(request: CoupleRequest, couple) -> str:
    round_ = open_round(couple)
    my_turn = round_ is not None and round_view(round_, request.user).my_turn
    today = couple.local_today()
    context = {
        "round": round_ if my_turn else None,
        "apology": Apology.objects.filter(couple=couple, answer="")
        .exclude(author=request.user)
        .select_related("author")
        .order_by("-created_at")
        .first(),
        "due": list(
            Promise.objects.filter(
                couple=couple,
                author=request.user,
                status=Promise.Status.OPEN,
                due_on__gte=today,
                due_on__lte=today + timedelta(days=1),
            ).order_by("due_on")[:3]
        ),
        "today": today,
    }
    if not (context["round"] or context["apology"] or context["due"]):
        return ""
    return render_to_string("trust/_today_card.html", context, request=request)
