"""The reader's dilemma form: what it accepts and the message for each thing it refuses."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.markdown import render_markdown
from discussions import defences
from discussions.models import NAME_MAX_LENGTH, TEXT_MAX_LENGTH
from discussions.selectors import discussable_item

ABOUT_MAX_LENGTH = 40


def parse_about(value: str) -> tuple[str, int] | None:
    """ "principle:12" → ("principle", 12); None for anything else."""
    kind, _sep, number = (value or "").partition(":")
    if not kind or not number.isascii() or not number.isdigit() or len(number) > 18:
        return None
    return kind, int(number)


class DilemmaForm(forms.Form):
    about = forms.CharField(widget=forms.HiddenInput, max_length=ABOUT_MAX_LENGTH)
    text = forms.CharField(
        label=_("Your dilemma"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "What should a tiny team do, and why is it hard? Markdown, at most "
            "%(max)s characters and %(links)s links, no images."
        )
        % {"max": TEXT_MAX_LENGTH, "links": defences.MAX_LINKS},
        error_messages={"required": _("Write your dilemma first.")},
    )
    display_name = forms.CharField(
        label=_("Name to show (optional)"),
        max_length=NAME_MAX_LENGTH,
        required=False,
        help_text=_("Leave it empty to stay anonymous."),
    )
    # The honeypot: hidden from people (CSS and aria-hidden), filled in by bots.
    website = forms.CharField(label=_("Leave this empty"), required=False, max_length=200)
    started = forms.CharField(widget=forms.HiddenInput, max_length=200)

    too_fast = False
    is_bot = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = None
        self.fields["text"].widget.attrs.update({"maxlength": TEXT_MAX_LENGTH})
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean_about(self):
        about = parse_about(self.cleaned_data["about"])
        item = discussable_item(kind=about[0], item_id=about[1]) if about else None
        if item is None:
            raise ValidationError(
                _("This page does not take dilemmas, or it does not exist."), code="no_target"
            )
        self.item = item
        return about

    def clean_text(self):
        text = defences.without_invisible(self.cleaned_data["text"]).strip()
        if not text:
            raise ValidationError(_("Write your dilemma first."), code="required")
        if defences.has_control_characters(text):
            raise ValidationError(_("The text holds control characters."), code="control")
        if defences.has_direction_controls(text):
            raise ValidationError(
                _("The text holds direction-control characters, which can hide what it says."),
                code="direction",
            )
        if defences.has_image(text):
            raise ValidationError(_("Images are not accepted."), code="image")
        if defences.link_count(text, render_markdown(text)) > defences.MAX_LINKS:
            raise ValidationError(
                _("At most %(max)s links, please."),
                code="links",
                params={"max": defences.MAX_LINKS},
            )
        return text

    def clean_display_name(self):
        raw = self.cleaned_data["display_name"]
        if defences.has_control_characters(raw) or defences.has_direction_controls(raw):
            raise ValidationError(_("The name holds control characters."), code="control")
        name = defences.clean_name(raw)
        if len(name) > NAME_MAX_LENGTH:
            raise ValidationError(_("The name is too long."), code="max_length")
        if defences.looks_like_link(name):
            raise ValidationError(_("A name cannot be a web address."), code="link")
        if name and (defences.is_reserved_name(name) or defences.is_an_editors_name(name)):
            raise ValidationError(
                _("This name is kept for the playbook's editors; choose another."),
                code="reserved",
            )
        return name

    def clean_website(self):
        if self.cleaned_data["website"]:
            self.is_bot = True
            raise ValidationError(_("This submission cannot be accepted."), code="honeypot")
        return ""

    def clean_started(self):
        age = defences.form_age(self.cleaned_data["started"])
        if age is None or age < -5:
            raise ValidationError(
                _("The form is not valid any more; reload the page and try again."), code="stale"
            )
        if age < defences.MIN_SECONDS:
            self.too_fast = True
            raise ValidationError(
                _("That was very quick. Read it over and send it again."), code="too_fast"
            )
        if age > defences.MAX_SECONDS:
            raise ValidationError(
                _("The form was open for more than two hours; send it again."), code="stale"
            )
        return self.cleaned_data["started"]
