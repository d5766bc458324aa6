"""The teams app's fields with a Korean and an English column, and their history
(registered after the columns exist, so that it keeps both languages)."""

from modeltranslation.translator import TranslationOptions, translator
from simple_history import register as register_history

from core.bilingual import columns
from teams.models import Person, Talk, TalkPrinciple, Team, TeamPrinciple


class TeamOptions(TranslationOptions):
    fields = (
        "name", "tagline", "leader", "headcount_note", "headcount_qualifier", "arr_note",
        "funding_note", "source_note", "summary", "summary_html",
    )  # fmt: skip


class PersonOptions(TranslationOptions):
    fields = ("name", "role", "note")


class TeamPrincipleOptions(TranslationOptions):
    fields = ("note", "source")


class TalkOptions(TranslationOptions):
    fields = ("title", "source_section", "event", "summary", "summary_html")


class TalkPrincipleOptions(TranslationOptions):
    fields = ("quote", "note", "source")


translator.register(Team, TeamOptions)
translator.register(Person, PersonOptions)
translator.register(TeamPrinciple, TeamPrincipleOptions)
translator.register(Talk, TalkOptions)
translator.register(TalkPrinciple, TalkPrincipleOptions)

for model in (Team, Talk):
    register_history(
        model,
        excluded_fields=[
            *columns("summary_html"),
            "summary_html",
            "search_vector",
            "search_trigram",
        ],
    )
