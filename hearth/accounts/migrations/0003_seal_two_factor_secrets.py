"""Encrypt two-factor secrets stored in the clear before Hearth sealed them."""

from django.db import migrations


def seal_existing(apps, schema_editor):
    from hearth.accounts.encryption import reseal_authenticator_data

    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.exclude(type="webauthn"):
        authenticator.data = reseal_authenticator_data(authenticator.type, authenticator.data)
        authenticator.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_session_generation"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(seal_existing, migrations.RunPython.noop)]
