"""The Insights page (PRODUCT I1): the Connection Index with what drove each figure."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from hearth.couples.decorators import CoupleRequest, couple_required
from hearth.insights.charts import PILLARS, charts_for
from hearth.insights.index import WINDOW_DAYS

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
    charts = charts_for(request.couple)
    index = charts.index
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
    context = {
        "index": index,
        "pillars": pillars,
        "days": WINDOW_DAYS,
        "chart_json": {**charts.as_json(), "names": PILLAR_NAMES},
        "chart_pillars": [PILLAR_NAMES[key] for key in PILLARS],
        "trend_rows": [
            (point.week_ending, point.overall, [point.pillars[key] for key in PILLARS])
            for point in charts.trend
        ],
        "overview_rows": [
            (PILLAR_NAMES[key], charts.now.pillars[key], charts.month_ago.pillars[key])
            for key in PILLARS
        ],
        "calendar_weeks": [charts.calendar[n : n + 7] for n in range(0, len(charts.calendar), 7)],
    }
    return render(request, "insights/home.html", context)
