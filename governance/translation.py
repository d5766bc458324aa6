"""The governance checklists' fields with a Korean and an English column."""

from modeltranslation.translator import TranslationOptions, translator

from governance.models import (
    Checklist,
    ChecklistItem,
    ChecklistSection,
    ChecklistVersion,
    CrosswalkLink,
)


class ChecklistOptions(TranslationOptions):
    fields = ("title", "description", "description_html")


class ChecklistVersionOptions(TranslationOptions):
    fields = ("changelog",)


class ChecklistSectionOptions(TranslationOptions):
    fields = ("title",)


class ChecklistItemOptions(TranslationOptions):
    fields = ("prompt", "guidance", "guidance_html")


class CrosswalkLinkOptions(TranslationOptions):
    # An editor's note on a mapping is editorial text shown on the pages: in both languages.
    fields = ("note",)


translator.register(Checklist, ChecklistOptions)
translator.register(ChecklistVersion, ChecklistVersionOptions)
translator.register(ChecklistSection, ChecklistSectionOptions)
translator.register(ChecklistItem, ChecklistItemOptions)
translator.register(CrosswalkLink, CrosswalkLinkOptions)
