from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "hearth.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from hearth.accounts import signals  # noqa: F401
