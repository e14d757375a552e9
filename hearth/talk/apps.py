from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TalkConfig(AppConfig):
    name = "hearth.talk"
    label = "talk"
    verbose_name = "Talk"
    nav = {
        "label": _("Talk"),
        "url": "talk:home",
        "order": 10,
        "description": _("Listen, be heard, and find words for the hard moments."),
    }
