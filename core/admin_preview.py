"""Markdown preview on admin change pages: the saved rendering is shown at once, and a
small script (static/js/admin-markdown-preview.js) refreshes it while the editor types."""

from django import forms
from django.apps import apps
from django.core.validators import MaxLengthValidator
from django.http import HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.access import editor_required
from core.bilingual import LANGUAGE_CODES, column
from core.markdown import (
    MARKDOWN_MAX_CHARS,
    MarkdownRenderedModel,
    render_markdown,
    validate_markdown,
)

MAX_PREVIEW_CHARS = 100_000


def markdown_editing_permissions() -> tuple[str, ...]:
    """The permissions that let someone write Markdown: adding or changing any model that
    renders Markdown (principles, live updates, teams, talks, checklist items…)."""
    return tuple(
        f"{model._meta.app_label}.{action}_{model._meta.model_name}"
        for model in apps.get_models()
        if issubclass(model, MarkdownRenderedModel)
        for action in ("add", "change")
    )


@require_POST
def markdown_preview(request):
    # Whoever may write Markdown anywhere may preview it: the answer is sanitised HTML of
    # their own text and reveals nothing.
    return _preview(request, *markdown_editing_permissions())


def _preview(request, *permissions):
    return editor_required(*permissions, any_of=True)(_render_preview)(request)


def _render_preview(request):
    # `body` lets a live update form ask for its own preview.
    source = request.POST.get("source", request.POST.get("body", ""))
    if len(source) > MAX_PREVIEW_CHARS:
        return HttpResponseBadRequest(_("The text is too long to preview."))
    # render_markdown sanitises, so the fragment is safe to insert as HTML.
    return HttpResponse(render_markdown(source), content_type="text/html; charset=utf-8")


def _preview_method(field_name: str, language: str = ""):
    """`summary_preview`, or for one language's column `summary_en_preview`."""
    source = column(field_name, language) if language else field_name
    rendered = column(f"{field_name}_html", language) if language else f"{field_name}_html"

    def preview(self, obj):
        # *_html is written only by render_markdown, which sanitises it with nh3.
        html = (getattr(obj, rendered, "") or "") if obj else ""
        return format_html(
            '<div class="markdown-preview" data-preview-for="id_{}" data-preview-url="{}"{}>'
            "{}</div>",
            source,
            reverse("playbook:markdown-preview"),
            format_html(' lang="{}"', language) if language else "",
            mark_safe(html),  # noqa: S308 - sanitised on save, see above
        )

    preview.short_description = (
        _("preview (%(language)s)") % {"language": language} if language else _("preview")
    )
    return preview


class MarkdownPreviewAdmin:
    """Mixin for a ModelAdmin whose model is a MarkdownRenderedModel.

    The admin lists the model's Markdown fields in `markdown_fields`; each gets a read-only
    `<field>_preview` placed right after it.
    """

    markdown_fields: tuple[str, ...] = ()

    class Media:
        js = ["js/admin-markdown-preview.js"]
        css = {"all": ["css/admin.css"]}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for field_name in cls.markdown_fields:
            setattr(cls, f"{field_name}_preview", _preview_method(field_name))
            for code in LANGUAGE_CODES:
                setattr(
                    cls, f"{column(field_name, code)}_preview", _preview_method(field_name, code)
                )

    def preview_names(self, name: str) -> list[str]:
        """One preview per language column of a translated field (core.bilingual)."""
        if hasattr(self.model, column(name, LANGUAGE_CODES[0])):
            return [f"{column(name, code)}_preview" for code in LANGUAGE_CODES]
        return [f"{name}_preview"]

    def get_readonly_fields(self, request, obj=None):
        previews = [p for name in self.markdown_fields for p in self.preview_names(name)]
        return [*super().get_readonly_fields(request, obj), *previews]

    def get_fields(self, request, obj=None):
        if self.fieldsets:
            return super().get_fields(request, obj)
        fields = [f for f in super().get_fields(request, obj) if not f.endswith("_preview")]
        ordered = []
        for name in fields:
            ordered.append(name)
            if name in self.markdown_fields:
                ordered.append(f"{name}_preview")
        return ordered

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        name = getattr(db_field, "translated_field", db_field).name
        if name in self.markdown_fields and formfield is not None:
            # The limits every Markdown field has, in the admin as on the site's own forms.
            formfield.validators += [MaxLengthValidator(MARKDOWN_MAX_CHARS), validate_markdown]
            if isinstance(formfield.widget, forms.Textarea):
                formfield.widget.attrs.setdefault("rows", 8)
        return formfield
