"""What every framework importer shares: the parsed shape, limits, keys and messages.

An importer only reads; it returns a ParsedChecklist or raises ValidationError with one
message that names where in the file the problem is (a line, or a JSON path). Writing
happens in governance.services.checklist_import, in one transaction, after the whole
file has been read and checked, so a bad file leaves nothing behind.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from governance.models import ChecklistItem, ChecklistSection

# The largest real file we know of (the AIA survey) is about 0.25 MB; 5 MB leaves room
# and keeps a hostile upload from tying up a worker.
MAX_BYTES = 5 * 1024 * 1024
MAX_ITEMS = 2000
MAX_DEPTH = 32
MAX_WEIGHT = 1000
PROMPT_MAX = ChecklistItem._meta.get_field("prompt").max_length
SECTION_TITLE_MAX = ChecklistSection._meta.get_field("title").max_length
REF_MAX = ChecklistItem._meta.get_field("source_ref").max_length
KEY_MAX = ChecklistItem._meta.get_field("key").max_length
GUIDANCE_MAX = 20_000


@dataclass
class ParsedItem:
    ref: str  # the framework's id, as written in the file
    prompt: str
    where: str  # where the item is in the file, for messages
    guidance: str = ""
    weight: int = 1
    required: bool = False
    key: str = ""  # filled in by check()


@dataclass
class ParsedSection:
    title: str
    where: str
    items: list[ParsedItem] = field(default_factory=list)


@dataclass
class ParsedChecklist:
    format: str
    title: str
    sections: list[ParsedSection]
    skipped: int = 0  # entries of the file that are not checklist items (AIA's free text)

    @property
    def item_count(self) -> int:
        return sum(len(section.items) for section in self.sections)


def fail(where: str, problem: str):
    raise ValidationError(_("%(where)s: %(problem)s") % {"where": where, "problem": problem})


def read_text(raw: bytes) -> str:
    """The file as text: UTF-8 only (a byte-order mark is allowed), within the size limit."""
    if len(raw) > MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(limit)s MB.") % {"limit": MAX_BYTES // (1024 * 1024)}
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ValidationError(
            _("Line %(line)s is not UTF-8 text; save the file as UTF-8 and try again.")
            % {"line": line}
        ) from error


def expect(value, kind: type | tuple, where: str, what: str):
    """`value` if it is of `kind`, else a message saying what was expected there."""
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        fail(where, _("expected %(what)s.") % {"what": what})
    return value


def text(value, where: str, *, required=True, limit=None) -> str:
    if value is None and not required:
        return ""
    value = expect(value, str, where, _("text")).strip()
    if required and not value:
        fail(where, _("this text is empty."))
    if limit is not None and len(value) > limit:
        fail(where, _("longer than %(limit)s characters.") % {"limit": limit})
    return value


def weight(value, where: str) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_WEIGHT:
        fail(
            where,
            _("the weight must be a whole number from 1 to %(limit)s.") % {"limit": MAX_WEIGHT},
        )
    return value


def key_for(ref: str) -> str:
    """A stable key from the framework's id: "A.1" -> "a-1", "GOVERN 1.1" -> "govern-1-1"."""
    return re.sub(r"[^a-z0-9_]+", "-", ref.lower()).strip("-")[:KEY_MAX]


def check(parsed: ParsedChecklist) -> ParsedChecklist:
    """Whole-file rules: something to import, not too much, every id and key unique.
    Sections without items (an OSCAL group of prose only) are left out."""
    parsed.sections = [section for section in parsed.sections if section.items]
    if parsed.item_count == 0:
        raise ValidationError(_("The file has no checklist items."))
    if parsed.item_count > MAX_ITEMS:
        raise ValidationError(_("The file has more than %(limit)s items.") % {"limit": MAX_ITEMS})
    first_at: dict[str, ParsedItem] = {}
    for section in parsed.sections:
        for item in section.items:
            if len(item.ref) > REF_MAX:
                fail(
                    item.where,
                    _("the id is longer than %(limit)s characters.") % {"limit": REF_MAX},
                )
            item.key = key_for(item.ref)
            if not item.key:
                fail(item.where, _("the id %(ref)s has no letters or digits.") % {"ref": item.ref})
            earlier = first_at.setdefault(item.key, item)
            if earlier is not item:
                fail(
                    item.where,
                    _("the id %(ref)s repeats %(first)s (at %(at)s).")
                    % {"ref": item.ref, "first": earlier.ref, "at": earlier.where},
                )
    return parsed
