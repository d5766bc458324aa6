"""Copies each row's texts into the per-language columns that 0009_two_languages added.

A migration of its own: PostgreSQL refuses to alter a table in the transaction that
updated its rows (pending trigger events)."""

from django.db import migrations

from core.bilingual_migrations import copy_columns

# Nothing is lost: each row's text goes into its Korean column, the English titles the
# rows had stay in their `_en` column.
COPIES = {
    "governance.Checklist": {
        "title_ko": "title", "description_ko": "description", "description_html_ko": "description_html",
    },
    "governance.ChecklistVersion": {"changelog_ko": "changelog"},
    "governance.ChecklistSection": {"title_ko": "title"},
    "governance.ChecklistItem": {"prompt_ko": "prompt", "guidance_ko": "guidance", "guidance_html_ko": "guidance_html"},
}


class Migration(migrations.Migration):
    dependencies = [("governance", "0009_two_languages")]

    operations = [migrations.RunPython(copy_columns(COPIES), migrations.RunPython.noop)]
