from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "hearth.core"
    label = "core"
    verbose_name = "Hearth"

    def ready(self) -> None:
        from hearth.core import mail  # noqa: F401 (registers the e-mail check)
