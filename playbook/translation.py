"""Which fields of the playbook's models have a Korean and an English column
(django-modeltranslation), and their version history, registered after the columns exist
so that it keeps both languages."""

from modeltranslation.translator import TranslationOptions, translator
from simple_history import register as register_history

from core.bilingual import columns
from playbook.models import Event, LiveUpdate, LiveUpdateImage, Page, Principle, Section, Tag


class PageOptions(TranslationOptions):
    fields = ("title", "lead", "body", "body_html")


class TagOptions(TranslationOptions):
    fields = ("name",)


class EventOptions(TranslationOptions):
    fields = ("name", "dates", "place", "focus", "summary", "summary_html", "source")


class SectionOptions(TranslationOptions):
    fields = (
        "title", "intro", "intro_html", "coverage_summary", "coverage_summary_html",
        "event_note",
    )  # fmt: skip


class PrincipleOptions(TranslationOptions):
    fields = ("title", "summary", "summary_html", "responsible_ai", "responsible_ai_html")


class LiveUpdateOptions(TranslationOptions):
    fields = ("body", "body_html")


translator.register(Page, PageOptions)
translator.register(Tag, TagOptions)
translator.register(Event, EventOptions)
translator.register(Section, SectionOptions)
translator.register(Principle, PrincipleOptions)
translator.register(LiveUpdate, LiveUpdateOptions)


class LiveUpdateImageOptions(TranslationOptions):
    fields = ("alt",)  # in the update's language, like its text


translator.register(LiveUpdateImage, LiveUpdateImageOptions)

SEARCH_COLUMNS = ["search_vector", "search_trigram"]
register_history(
    Principle,
    excluded_fields=[
        *columns("summary_html", "responsible_ai_html"),
        "summary_html",
        "responsible_ai_html",
        "live_revision",
        *SEARCH_COLUMNS,
    ],
)
register_history(
    LiveUpdate,
    excluded_fields=[
        *columns("body_html"),
        "body_html",
        "live_revision",
        "created_revision",
        *SEARCH_COLUMNS,
    ],
)
