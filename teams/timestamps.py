"""Moments in a video, as editors type them and readers see them.

Editors copy times from a video player, which shows `1:23:45` or `83:45`; the database
keeps whole seconds so that links can start the video at that second."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# h:mm:ss, m:ss (minutes may exceed 59, as players show long videos) or plain seconds.
_CLOCK = re.compile(r"^(?:(?:(?P<h>\d{1,3}):)?(?P<m>\d{1,4}):)?(?P<s>\d{1,6})$")
# Longer than any talk; a bigger number is a typing mistake.
MAX_SECONDS = 24 * 3600


def parse_timestamp(text: str) -> int | None:
    """Seconds from "1:23:45", "83:45" or "5025"; None for an empty value."""
    text = (text or "").strip()
    if not text:
        return None
    match = _CLOCK.match(text)
    if match is None:
        raise ValidationError(
            _("Enter a time as 1:23:45, 83:45 or a number of seconds."), code="invalid"
        )
    hours = int(match["h"] or 0)
    minutes = int(match["m"] or 0)
    seconds = int(match["s"])
    if match["m"] is not None and seconds > 59:
        raise ValidationError(_("Seconds after a colon go up to 59."), code="invalid")
    if match["h"] is not None and minutes > 59:
        raise ValidationError(_("Minutes after the hours go up to 59."), code="invalid")
    total = hours * 3600 + minutes * 60 + seconds
    if total > MAX_SECONDS:
        raise ValidationError(_("That is longer than a day; check the time."), code="invalid")
    return total


def format_timestamp(seconds: int | None) -> str:
    """The way video players show a time: 1:23:45 or 3:05."""
    if seconds is None:
        return ""
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"


class TimestampField(forms.Field):
    """A form field for a moment in a video, cleaned to whole seconds."""

    widget = forms.TextInput(attrs={"size": 9, "maxlength": 12})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("1:23:45, 83:45 or seconds"))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        # Initial values come from the model as seconds; typed values stay as typed.
        return format_timestamp(value) if isinstance(value, int) else value

    def to_python(self, value):
        return parse_timestamp(str(value) if value is not None else "")
