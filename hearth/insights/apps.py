from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "hearth.insights"
    label = "insights"
    verbose_name = "Insights"
    nav = {
        "label": "Insights",
        "url": "insights:home",
        "order": 60,
        "description": "How your connection is growing, in plain words and how it's worked out.",
    }
