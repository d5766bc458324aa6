from django import forms
from django.utils.translation import gettext_lazy as _

from playbook.models import LiveUpdateImage, Principle
from playbook.services import MAX_PRINCIPLE_TEXT_CHARS, MAX_UPDATE_CHARS


class LiveUpdateForm(forms.Form):
    body = forms.CharField(
        label=_("Update (Markdown)"),
        max_length=MAX_UPDATE_CHARS,
        widget=forms.Textarea(attrs={"rows": 4}),
        strip=True,
    )
    is_key_event = forms.BooleanField(label=_("Key event"), required=False)


class NewUpdateForm(LiveUpdateForm):
    """The compose box: an update posted now, or scheduled for a time (the site's time
    zone; a browser's datetime-local input sends 2026-11-21T09:30)."""

    scheduled_for = forms.DateTimeField(
        label=_("Post later, at"),
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    picture = forms.FileField(
        label=_("Picture (JPEG, PNG, GIF or WebP)"),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}
        ),
    )
    picture_alt = forms.CharField(
        label=_("What the picture shows (for readers who cannot see it)"),
        required=False,
        max_length=LiveUpdateImage.ALT_MAX,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("picture") and not (cleaned.get("picture_alt") or "").strip():
            self.add_error("picture_alt", _("Describe the picture for readers who cannot see it."))
        return cleaned


class VersionedForm(forms.Form):
    """Carries the version an edit was made against (optimistic locking)."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)

    def rebased_on(self, current):
        """The editor's own input again, now against the stored object's version: after a
        conflict, saving it is a deliberate overwrite and nothing typed is lost."""
        data = self.data.copy()
        data["version"] = current.version
        return type(self)(data)


class LiveUpdateEditForm(VersionedForm, LiveUpdateForm):
    @classmethod
    def for_update(cls, update):
        return cls(
            initial={
                "body": update.body,
                "is_key_event": update.is_key_event,
                "version": update.version,
            }
        )


class KeyEventForm(VersionedForm):
    is_key_event = forms.BooleanField(required=False)


class PrincipleEditForm(VersionedForm):
    title = forms.CharField(
        label=_("Title"), max_length=Principle._meta.get_field("title").max_length
    )
    title_en = forms.CharField(
        label=_("English title"),
        max_length=Principle._meta.get_field("title_en").max_length,
        required=False,
    )
    summary = forms.CharField(
        label=_("Summary (Markdown)"),
        max_length=MAX_PRINCIPLE_TEXT_CHARS,
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )
    summary_en = forms.CharField(
        label=_("Summary in English (Markdown)"),
        widget=forms.Textarea(attrs={"rows": 5, "lang": "en"}),
        required=False,
    )
    responsible_ai = forms.CharField(
        label=_("Responsible-AI note (Markdown)"),
        max_length=MAX_PRINCIPLE_TEXT_CHARS,
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    responsible_ai_en = forms.CharField(
        label=_("Responsible-AI note in English (Markdown)"),
        widget=forms.Textarea(attrs={"rows": 4, "lang": "en"}),
        required=False,
    )
    # The Korean texts and their English twins, whatever the editor's interface language.
    COLUMNS = {
        "title": "title_ko",
        "title_en": "title_en",
        "summary": "summary_ko",
        "summary_en": "summary_en",
        "responsible_ai": "responsible_ai_ko",
        "responsible_ai_en": "responsible_ai_en",
        "version": "version",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].widget.attrs["lang"] = "ko"
        self.fields["title_en"].widget.attrs["lang"] = "en"
        self.fields["summary"].widget.attrs["lang"] = "ko"
        self.fields["responsible_ai"].widget.attrs["lang"] = "ko"

    @classmethod
    def for_principle(cls, principle):
        return cls(
            initial={name: getattr(principle, col) or "" for name, col in cls.COLUMNS.items()}
        )
