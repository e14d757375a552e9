from django.apps import AppConfig


class TalkConfig(AppConfig):
    name = "hearth.talk"
    label = "talk"
    verbose_name = "Talk"
    nav = {
        "label": "Talk",
        "url": "talk:home",
        "order": 10,
        "description": "Listen, be heard, and find words for the hard moments.",
    }
