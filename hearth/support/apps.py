from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "hearth.support"
    label = "support"
    verbose_name = "Support"
    nav = {
        "label": "Support",
        "url": "support:home",
        "order": 50,
        "description": "How I feel and what I need; bids answered; good news met well.",
    }
