"""The Insights page (PRODUCT I1): the Connection Index with what drove each figure."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from hearth.couples.decorators import CoupleRequest, couple_required
from hearth.insights.charts import PILLARS, charts_for
from hearth.insights.index import WINDOW_DAYS

PILLAR_NAMES = {
    "talk": _("Talk"),
    "together": _("Together"),
    "appreciate": _("Appreciate"),
    "trust": _("Trust"),
    "support": _("Support"),
}
COMPONENT_NAMES = {
    "reveals": _("Answering the daily question on the same days"),
    "replies": _("Replying to each other's answers"),
    "presence": _("Time together with the phones away"),
    "dates": _("Dates that happened"),
    "notes": _("Specific thank-yous, both ways"),
    "noticed": _("Gestures noticed"),
    "ratio": _("Kind moments against harsh ones (5 to 1)"),
    "reliability": _("Promises kept or renegotiated in good time"),
    "rounds": _("Sharing rounds completed"),
    # xgettext:no-python-format
    "turn_toward": _("Bids turned toward (86% is the goal)"),
    "check_ins": _("Shared check-ins answered"),
}


def chart_words() -> dict:
    """The charts' own words (legends, weekdays, tooltips) in the page's language, for the
    script that draws them; `%(count)s` stands for a number."""
    return {
        "month_ago": gettext("A month ago"),
        "now": gettext("Now"),
        "overall": gettext("Overall"),
        "moments_together": gettext("Moments together"),
        "moment_one": ngettext("%(count)s moment together", "%(count)s moments together", 1),
        "moment_many": ngettext("%(count)s moment together", "%(count)s moments together", 2),
        "weekdays": [
            gettext("Mon"),
            gettext("Tue"),
            gettext("Wed"),
            gettext("Thu"),
            gettext("Fri"),
            gettext("Sat"),
            gettext("Sun"),
        ],
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
            # Written in index.py (plain Python) and marked there with gettext_noop.
            "raise_it": gettext(score.raise_it) if score.raise_it else "",
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
        "chart_json": {
            **charts.as_json(),
            "names": {key: str(name) for key, name in PILLAR_NAMES.items()},
            "words": chart_words(),
        },
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
