from django.apps import AppConfig


class AppreciateConfig(AppConfig):
    name = "hearth.appreciate"
    label = "appreciate"
    verbose_name = "Appreciate"
    nav = {
        "label": "Appreciate",
        "url": "appreciate:home",
        "order": 30,
        "description": "Specific thanks, gestures that land, and a journal of good things.",
    }
