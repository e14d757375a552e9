from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppreciateConfig(AppConfig):
    name = "hearth.appreciate"
    label = "appreciate"
    verbose_name = "Appreciate"
    nav = {
        "label": _("Appreciate"),
        "url": "appreciate:home",
        "order": 30,
        "description": _("Specific thanks, gestures that land, and a journal of good things."),
    }
