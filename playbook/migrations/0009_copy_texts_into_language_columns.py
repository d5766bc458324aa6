"""Copies each row's texts into the per-language columns that 0008_two_languages added.

A migration of its own: PostgreSQL refuses to alter a table in the transaction that
updated its rows (pending trigger events)."""

from django.db import migrations

from core.bilingual_migrations import copy_columns

# Nothing is lost: each row's text goes into its Korean column, the English titles and
# names the rows had stay in their `_en` column, and so do the rendered texts. The version
# history gets the same copies, so that an old version compared or reverted keeps its text.
COPIES = {
    "playbook.Page": {"title_ko": "title", "lead_ko": "lead", "body_ko": "body", "body_html_ko": "body_html"},
    "playbook.Tag": {"name_ko": "name"},
    "playbook.Section": {
        "title_ko": "title", "intro_ko": "intro", "intro_html_ko": "intro_html",
        "coverage_summary_ko": "coverage_summary", "coverage_summary_html_ko": "coverage_summary_html",
    },
    "playbook.Principle": {
        "title_ko": "title", "summary_ko": "summary", "summary_html_ko": "summary_html",
        "responsible_ai_ko": "responsible_ai", "responsible_ai_html_ko": "responsible_ai_html",
    },
    "playbook.HistoricalPrinciple": {
        "title_ko": "title", "summary_ko": "summary", "responsible_ai_ko": "responsible_ai",
    },
    "playbook.LiveUpdate": {"body_ko": "body", "body_html_ko": "body_html"},
    "playbook.HistoricalLiveUpdate": {"body_ko": "body"},
}


class Migration(migrations.Migration):
    dependencies = [("playbook", "0008_two_languages")]

    operations = [migrations.RunPython(copy_columns(COPIES), migrations.RunPython.noop)]
