from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrustConfig(AppConfig):
    name = "hearth.trust"
    label = "trust"
    verbose_name = "Trust"
    nav = {
        "label": _("Trust"),
        "url": "trust:home",
        "order": 40,
        "description": _("Promises kept, tender things shared in turn, and repair after a hurt."),
    }
