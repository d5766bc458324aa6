"""Copies each crosswalk link's note into its Korean column (0011 added the columns).

A migration of its own, as 0010: PostgreSQL refuses to alter a table in the transaction
that updated its rows."""

from django.db import migrations

from core.bilingual_migrations import copy_columns

COPIES = {"governance.CrosswalkLink": {"note_ko": "note"}}


class Migration(migrations.Migration):
    dependencies = [("governance", "0011_crosswalk_note_in_two_languages")]

    operations = [migrations.RunPython(copy_columns(COPIES), migrations.RunPython.noop)]
