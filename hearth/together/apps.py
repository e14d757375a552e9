from django.apps import AppConfig


class TogetherConfig(AppConfig):
    name = "hearth.together"
    label = "together"
    verbose_name = "Together"
    nav = {
        "label": "Together",
        "url": "together:home",
        "order": 20,
        "description": "Dates, rituals and time with the phones away, and the memories they make.",
    }
