from django.apps import AppConfig


class NudgesConfig(AppConfig):
    """Notifications by e-mail and in Hearth (PRODUCT N1, N2). No main-menu tab: the list
    is reached from Today and from Settings."""

    name = "hearth.nudges"
    label = "nudges"
    verbose_name = "Nudges"
