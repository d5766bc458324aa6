from urllib.parse import urlsplit

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from governance.models import (
    EVIDENCE_URL_MAX,
    JUSTIFICATION_MAX,
    NOTE_MAX,
    SUBJECT_MAX,
    AnswerStatus,
)

IMPORT_MAX_BYTES = 2 * 1024 * 1024


class StartForm(forms.Form):
    subject = forms.CharField(
        label=_("What are you assessing?"),
        help_text=_("A system, model or product, e.g. “Support chatbot v2”."),
        max_length=SUBJECT_MAX,
    )


class EvidenceURLField(forms.CharField):
    """An http(s) link only: anything else (javascript:, data:, file:) could run or leak
    something when a reader of the report clicks it."""

    default_error_messages = {
        "scheme": _("Only links starting with http:// or https:// are accepted."),
        "invalid": _("Enter a valid web address."),
    }

    def validate(self, value):
        super().validate(value)
        if not value:
            return
        if urlsplit(value).scheme.lower() not in {"http", "https"}:
            raise forms.ValidationError(self.error_messages["scheme"], code="scheme")
        URLValidator(schemes=["http", "https"], message=self.error_messages["invalid"])(value)


class AnswerForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Answer"),
        choices=AnswerStatus.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose an answer."),
            "invalid_choice": _("Choose one of yes, partly, no or not applicable."),
        },
    )
    justification = forms.CharField(
        label=_("Why it does not apply"),
        max_length=JUSTIFICATION_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    evidence_url = EvidenceURLField(
        label=_("Evidence link"),
        max_length=EVIDENCE_URL_MAX,
        required=False,
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == AnswerStatus.NOT_APPLICABLE and not cleaned.get(
            "justification"
        ):
            self.add_error(
                "justification", _("Say why this item does not apply to what you assess.")
            )
        return cleaned


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Assessment file (export.json)"),
        error_messages={"required": _("Choose an export.json file to import.")},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > IMPORT_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        return upload
