from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    # Throttling counters live in the database cache, shared by every server process.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    initial = True
    dependencies: list = []
    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
