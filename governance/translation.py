"""The governance checklists' fields with a Korean and an English column."""

from modeltranslation.translator import TranslationOptions, translator

from governance.models import Checklist, ChecklistItem, ChecklistSection, ChecklistVersion


class ChecklistOptions(TranslationOptions):
    fields = ("title", "description", "description_html")


class ChecklistVersionOptions(TranslationOptions):
    fields = ("changelog",)


class ChecklistSectionOptions(TranslationOptions):
    fields = ("title",)


class ChecklistItemOptions(TranslationOptions):
    fields = ("prompt", "guidance", "guidance_html")


translator.register(Checklist, ChecklistOptions)
translator.register(ChecklistVersion, ChecklistVersionOptions)
translator.register(ChecklistSection, ChecklistSectionOptions)
translator.register(ChecklistItem, ChecklistItemOptions)
