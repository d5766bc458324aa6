"""Framework importers: one module per published file format, each with `parse(raw)`
(bytes of the file -> a checked ParsedChecklist, or ValidationError naming the place)
and `dump(version, sections)` (a checklist version written back in that format)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

import governance.importers.aia as aia
import governance.importers.deon as deon
import governance.importers.oscal as oscal
from governance.importers.base import ParsedChecklist, check
from governance.selectors import checklist_sections

FORMATS = {deon.FORMAT: deon, oscal.FORMAT: oscal, aia.FORMAT: aia}
EXTENSIONS = {deon.FORMAT: "yml", oscal.FORMAT: "json", aia.FORMAT: "json"}


def _module(fmt: str):
    if fmt not in FORMATS:
        raise ValidationError(
            _("Unknown format %(format)s; use one of: %(choices)s.")
            % {"format": fmt, "choices": ", ".join(FORMATS)}
        )
    return FORMATS[fmt]


def parse(raw: bytes, fmt: str) -> ParsedChecklist:
    return check(_module(fmt).parse(raw))


def dump(version, fmt: str) -> str:
    return _module(fmt).dump(version, checklist_sections(version_id=version.pk))
