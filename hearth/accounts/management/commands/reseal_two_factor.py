from allauth.mfa.models import Authenticator
from django.core.management.base import BaseCommand
from django.db import transaction

from hearth.accounts.encryption import reseal_authenticator_data


class Command(BaseCommand):
    help = (
        "Encrypt every two-factor secret under the current SECRET_KEY (after a key change, "
        "with the old key still in SECRET_KEY_FALLBACKS)."
    )

    def handle(self, *args, **options):
        count = 0
        with transaction.atomic():
            for authenticator in Authenticator.objects.select_for_update().exclude(
                type=Authenticator.Type.WEBAUTHN
            ):
                authenticator.data = reseal_authenticator_data(
                    authenticator.type, authenticator.data
                )
                authenticator.save(update_fields=["data"])
                count += 1
        self.stdout.write(f"Sealed {count} two-factor secret(s) under the current key.")
