"""Copies each row's texts into the per-language columns that 0004_two_languages added.

A migration of its own: PostgreSQL refuses to alter a table in the transaction that
updated its rows (pending trigger events)."""

from django.db import migrations

from core.bilingual_migrations import copy_columns

# Nothing is lost: a team's and a person's `name` was the name the source gives (in
# English) and goes into name_en beside the Korean name_ko they had; every other text goes
# into its Korean column, the English talk titles stay in title_en. The version history
# gets the same copies.
TEAM = {
    "name_en": "name", "tagline_ko": "tagline", "leader_ko": "leader",
    "headcount_note_ko": "headcount_note", "arr_note_ko": "arr_note",
    "funding_note_ko": "funding_note", "source_note_ko": "source_note", "summary_ko": "summary",
}
TALK = {"title_ko": "title", "event_ko": "event", "summary_ko": "summary"}
COPIES = {
    "teams.Team": {**TEAM, "summary_html_ko": "summary_html"},
    "teams.HistoricalTeam": TEAM,
    "teams.Person": {"name_en": "name", "role_ko": "role", "note_ko": "note"},
    "teams.TeamPrinciple": {"note_ko": "note"},
    "teams.Talk": {**TALK, "summary_html_ko": "summary_html"},
    "teams.HistoricalTalk": TALK,
    "teams.TalkPrinciple": {"quote_ko": "quote", "note_ko": "note"},
}


class Migration(migrations.Migration):
    dependencies = [("teams", "0004_two_languages")]

    operations = [migrations.RunPython(copy_columns(COPIES), migrations.RunPython.noop)]
