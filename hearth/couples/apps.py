from django.apps import AppConfig


class CouplesConfig(AppConfig):
    name = "hearth.couples"
    label = "couples"
    verbose_name = "Couples"
