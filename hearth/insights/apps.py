from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "hearth.insights"
    label = "insights"
    verbose_name = "Insights"
    nav = {
        "label": _("Insights"),
        "url": "insights:home",
        "order": 60,
        "description": _("How your connection is growing, in plain words and how it's worked out."),
    }
