"""The admin's forms for live updates and principles: the limits of the live page for each
language's column, and the version check of core.admin_versioning."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext as _

from core.admin_versioning import VersionCheckedAdminForm
from core.bilingual import columns
from core.markdown import validate_markdown
from playbook.models import LiveUpdate, Principle, Section
from playbook.services import MAX_PRINCIPLE_TEXT_CHARS, MAX_UPDATE_CHARS


def _limit(form, names, limit):
    for name in names:
        if name in form.fields:
            form.fields[name].validators += [MaxLengthValidator(limit), validate_markdown]
            form.fields[name].widget.attrs["maxlength"] = limit


class LiveUpdateAdminForm(VersionCheckedAdminForm):
    conflict_fields = tuple(columns("body"))

    class Meta:
        model = LiveUpdate
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _limit(self, columns("body"), MAX_UPDATE_CHARS)

    def clean(self):
        cleaned = super().clean()
        stored = self.stored() if self.instance.pk else None
        if stored is not None and stored.is_retracted:
            raise forms.ValidationError(_("A retracted update cannot be edited."))
        section = cleaned.get("section") if self.instance.pk is None else self.instance.section
        if isinstance(section, Section) and not section.is_live:
            self.add_error("section", _("Updates can only be posted to a live section."))
        return cleaned


class PrincipleAdminForm(VersionCheckedAdminForm):
    conflict_fields = tuple(columns("summary", "responsible_ai"))

    class Meta:
        model = Principle
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _limit(self, columns("summary", "responsible_ai"), MAX_PRINCIPLE_TEXT_CHARS)


class PrincipleRowForm(VersionCheckedAdminForm):
    """A principle's row in the section's inline table: its title is checked against the
    version the editor started from, as on the principle's own form, so that a stale
    section page cannot silently undo another editor's newer title."""

    conflict_fields = tuple(columns("title"))

    class Meta:
        model = Principle
        fields = "__all__"
