"""The Insights page (PRODUCT I1): the Connection Index with what drove each figure."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from hearth.couples.decorators import CoupleRequest, couple_required
from hearth.insights.index import WINDOW_DAYS, connection_index
from hearth.insights.signals import signals_for

PILLAR_NAMES = {
    "talk": "Talk",
    "together": "Together",
    "appreciate": "Appreciate",
    "trust": "Trust",
    "support": "Support",
}
COMPONENT_NAMES = {
    "reveals": "Answering the daily question on the same days",
    "replies": "Replying to each other's answers",
    "presence": "Time together with the phones away",
    "dates": "Dates that happened",
    "notes": "Specific thank-yous, both ways",
    "noticed": "Gestures noticed",
    "ratio": "Kind moments against harsh ones (5 to 1)",
    "reliability": "Promises kept or renegotiated in good time",
    "rounds": "Sharing rounds completed",
    "turn_toward": "Bids turned toward (86% is the goal)",
    "check_ins": "Shared check-ins answered",
}


@require_GET
@login_required
@couple_required
def home(request: CoupleRequest) -> HttpResponse:
    index = connection_index(signals_for(request.couple))
    pillars = [
        {
            "name": PILLAR_NAMES[key],
            "score": score.score,
            "raise_it": score.raise_it,
            "components": [
                {"name": COMPONENT_NAMES[name], "percent": round(100 * value)}
                for name, value in score.components.items()
            ],
        }
        for key, score in index.pillars.items()
    ]
    context = {"index": index, "pillars": pillars, "days": WINDOW_DAYS}
    return render(request, "insights/home.html", context)
