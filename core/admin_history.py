"""Comparing any two versions of an object in the admin, beside django-simple-history's
own list (which shows each version against the one before) and its revert."""

import difflib

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from core.bilingual import LANGUAGE_CODES, column


def text_diff(old, new) -> list[tuple[str, str]]:
    """Line-by-line differences as (kind, line) with kind in {"same", "removed", "added"}."""
    kinds = {" ": "same", "-": "removed", "+": "added"}
    lines = difflib.ndiff(str(old or "").splitlines(), str(new or "").splitlines())
    return [(kinds[line[0]], line[2:]) for line in lines if line[0] in kinds]


class HistoryCompareAdmin(SimpleHistoryAdmin):
    object_history_template = "admin/history_with_compare.html"

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.history_compare_view),
                name=f"{opts.app_label}_{opts.model_name}_history_compare",
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        versions = self.model.history.filter(id=object_id).values_list("history_id", "history_date")
        extra = {"compare_versions": list(versions), **(extra_context or {})}
        return super().history_view(request, object_id, extra_context=extra)

    def history_compare_view(self, request, object_id):
        records = self.model.history.filter(id=object_id).select_related("history_user")
        try:
            older = get_object_or_404(records, history_id=int(request.GET.get("older", "")))
            newer = get_object_or_404(records, history_id=int(request.GET.get("newer", "")))
        except ValueError:
            older = newer = None
        if older is None:
            raise PermissionDenied(_("Choose two versions to compare."))
        obj = older.instance
        if not self.has_view_history_or_change_history_permission(request, obj):
            raise PermissionDenied
        if older.history_date > newer.history_date:
            older, newer = newer, older
        # A translated field's own column only repeats one of its language columns
        # (core.bilingual), which are compared each under its language.
        names = {field.name for field in self.model._meta.concrete_fields}
        originals = {name for name in names if column(name, LANGUAGE_CODES[0]) in names}
        delta = newer.diff_against(older, excluded_fields=sorted(originals))
        changes = [
            {
                "field": self.model._meta.get_field(change.field).verbose_name,
                "lines": text_diff(change.old, change.new),
            }
            for change in delta.changes
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Compare versions of %(object)s") % {"object": obj},
            "opts": self.model._meta,
            "object": obj,
            "older": older,
            "newer": newer,
            "changes": changes,
        }
        return TemplateResponse(request, "admin/history_compare.html", context)
