from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TogetherConfig(AppConfig):
    name = "hearth.together"
    label = "together"
    verbose_name = "Together"
    nav = {
        "label": _("Together"),
        "url": "together:home",
        "order": 20,
        "description": _(
            "Dates, rituals and time with the phones away, and the memories they make."
        ),
    }
