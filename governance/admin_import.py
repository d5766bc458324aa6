"""The admin page where editors upload a framework file (deon, OSCAL, AIA) as a new
draft checklist version: the same importers and service as `manage.py import_checklist`."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from governance import importers, services
from governance.importers.base import MAX_BYTES
from governance.models import Checklist, SourceFormat

# Every row an import writes; an editor needs the right to add each of them.
IMPORT_PERMISSIONS = [
    "governance.add_checklist",
    "governance.add_checklistversion",
    "governance.add_checklistsection",
    "governance.add_checklistitem",
]


class FrameworkImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Framework file"))
    format = forms.ChoiceField(label=gettext_lazy("Format"), choices=SourceFormat.choices)
    checklist = forms.ModelChoiceField(
        label=gettext_lazy("Add a version to"),
        queryset=Checklist.objects.exclude(source_format=""),
        required=False,
        empty_label=gettext_lazy("the checklist named by the file (new if needed)"),
    )
    title = forms.CharField(
        label=gettext_lazy("Title of a new checklist"),
        help_text=gettext_lazy("Leave empty to use the title in the file."),
        max_length=200,
        required=False,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError(
                _("The file is larger than %(limit)s MB.") % {"limit": MAX_BYTES // (1024 * 1024)}
            )
        return upload


class FrameworkImportAdmin:
    """ModelAdmin mixin for the checklist admin: adds …/import/ and a link to it."""

    change_list_template = "admin/governance/checklist/change_list.html"

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.framework_import_view),
                name="governance_checklist_import",
            ),
            *super().get_urls(),
        ]

    def framework_import_view(self, request):
        if not request.user.has_perms(IMPORT_PERMISSIONS):
            raise PermissionDenied
        if request.method == "POST":
            form = FrameworkImportForm(request.POST, request.FILES)
        else:
            form = FrameworkImportForm()
        if form.is_bound and form.is_valid():
            data = form.cleaned_data
            try:
                parsed = importers.parse(data["file"].read(), data["format"])
                version = services.checklist_import(
                    parsed=parsed, checklist=data["checklist"], title=data["title"]
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error("file", message)
            else:
                self.message_user(
                    request,
                    _("Imported %(count)s items as draft %(version)s; check and publish it.")
                    % {"count": parsed.item_count, "version": version},
                    messages.SUCCESS,
                )
                return redirect(
                    reverse("admin:governance_checklistversion_change", args=[version.pk])
                )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import a framework checklist"),
            "opts": self.model._meta,
            "form": form,
        }
        status = 400 if form.errors else 200
        return TemplateResponse(
            request, "admin/governance/checklist/import.html", context, status=status
        )
