"""The table of the shared database cache (settings.CACHE_TABLE), created whatever cache is
configured now, so that switching from Redis to the database cache needs no extra step."""

from django.conf import settings
from django.db import migrations


def create_cache_table(apps, schema_editor):
    from django.core.management.commands.createcachetable import Command

    command = Command()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, settings.CACHE_TABLE, dry_run=False)


def drop_cache_table(apps, schema_editor):
    table = schema_editor.quote_name(settings.CACHE_TABLE)
    schema_editor.execute(f"DROP TABLE IF EXISTS {table}")


class Migration(migrations.Migration):
    dependencies = []
    operations = [migrations.RunPython(create_cache_table, drop_cache_table)]
