from django.apps import AppConfig


class TrustConfig(AppConfig):
    name = "hearth.trust"
    label = "trust"
    verbose_name = "Trust"
    nav = {
        "label": "Trust",
        "url": "trust:home",
        "order": 40,
        "description": "Promises kept, tender things shared in turn, and repair after a hurt.",
    }
