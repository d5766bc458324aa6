"""Korean and English side by side in the admin (django-modeltranslation's admin, with
its columns grouped on one row instead of its jQuery UI tabs, which load from a CDN).

An English text that is missing while the Korean one is there is marked on the form, and
the change list can show how many English texts an item lacks."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from modeltranslation.translator import NotRegistered, translator

from core.bilingual import LANGUAGE_CODES, column

SECOND_LANGUAGE = LANGUAGE_CODES[1]


def translated_fields(model) -> tuple[str, ...]:
    """The translated fields of a model that an editor types (not the rendered *_html)."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return ()
    return tuple(name for name in options.all_fields if not name.endswith("_html"))


def missing_translations(obj) -> list[str]:
    """The fields whose Korean text is there and whose English text is not."""
    return [
        name
        for name in translated_fields(type(obj))
        if getattr(obj, column(name, LANGUAGE_CODES[0]), None)
        and not getattr(obj, column(name, SECOND_LANGUAGE), None)
    ]


def _side_by_side(entries) -> list:
    """["title_ko", "title_en", "summary_preview"] -> [("title_ko", "title_en"), …]: the
    language columns of a field on one row, and its previews on the row below."""
    grouped, entries = [], list(entries)
    index = 0
    while index < len(entries):
        entry = entries[index]
        name = entry[: -len(LANGUAGE_CODES[0]) - 1] if isinstance(entry, str) else None
        row = [column(name, code) for code in LANGUAGE_CODES] if name else []
        if name and entry == row[0] and entries[index : index + len(row)] == row:
            grouped.append(tuple(row))
            index += len(row)
            if index < len(entries) and entries[index] == f"{name}_preview":
                grouped.append(tuple(f"{c}_preview" for c in row))
                index += 1
            continue
        grouped.append(entry)
        index += 1
    return grouped


class BilingualAdmin(TranslationAdmin):
    """A ModelAdmin whose translated fields show as Korean | English on one row."""

    def get_fieldsets(self, request, obj=None):
        return [
            (name, {**options, "fields": _side_by_side(options.get("fields", ()))})
            for name, options in super().get_fieldsets(request, obj)
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        missing = set(missing_translations(obj)) if obj is not None else set()
        for name in missing:
            field = form.base_fields.get(column(name, SECOND_LANGUAGE))
            if field is not None:
                field.help_text = _(
                    "English text missing: readers of the English site see the Korean."
                )
                classes = field.widget.attrs.get("class", "")
                field.widget.attrs["class"] = f"{classes} translation-missing".strip()
        return form

    def get_list_display(self, request):
        return [*super().get_list_display(request), "english_missing"]

    # A method with admin.display: a label set on a staticmethod object never reached the
    # change list, which showed the English "English missing" in the Korean admin.
    @admin.display(description=_("English texts missing"))
    def english_missing(self, obj):
        return len(missing_translations(obj)) or "—"


class BilingualTabularInline(TranslationTabularInline):
    """A tabular inline: each language's column is a column of the table."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)

        class NamedInputs(formset):
            # A table names its columns once, in its heading, and its inputs (the delete
            # box too) have no label of their own: each takes its column's name, so that
            # a screen reader says what it is.
            def add_fields(self, form, index):
                super().add_fields(form, index)
                for field in form.fields.values():
                    field.widget.attrs.setdefault("aria-label", str(field.label))

        NamedInputs.__name__ = formset.__name__
        return NamedInputs
