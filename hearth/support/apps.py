from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "hearth.support"
    label = "support"
    verbose_name = "Support"
    nav = {
        "label": _("Support"),
        "url": "support:home",
        "order": 50,
        "description": _("How I feel and what I need; bids answered; good news met well."),
    }
