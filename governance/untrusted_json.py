"""Reading a JSON file that anyone may have crafted (the assessment import): every way it
can be odd ends as a ValidationError naming the problem, never as an exception deeper down
(a 500) or as text the database refuses. Checked here: UTF-8, JSON syntax, nesting depth,
the size of numbers, NaN/Infinity, NUL characters and lone surrogates in any string."""

import json

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_DEPTH = 32
MAX_NUMBER_DIGITS = 30


class _Refused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _number(text: str):
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _Refused(_("The file holds a number with too many digits."))
    return int(text) if text.lstrip("-").isdigit() else float(text)


def _constant(name: str):
    raise _Refused(_("The file holds %(name)s, which is not a JSON number.") % {"name": name})


def _check_text(text: str, where: str) -> None:
    if "\x00" in text:
        raise ValidationError(_("%(where)s contains a NUL character.") % {"where": where})
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValidationError(
            _("%(where)s contains a lone surrogate (\\u%(code)s), which is not text.")
            % {"where": where, "code": f"{ord(text[error.start]):04x}"}
        ) from error


def _check_strings(document) -> None:
    """Every string and key, without recursion (the depth is limited too)."""
    pending = [(document, "$", 0)]
    while pending:
        value, where, depth = pending.pop()
        if depth > MAX_DEPTH:
            raise ValidationError(
                _("The file nests deeper than %(limit)s levels.") % {"limit": MAX_DEPTH}
            )
        if isinstance(value, str):
            _check_text(value, where)
        elif isinstance(value, dict):
            for key, item in value.items():
                _check_text(key, where)
                pending.append((item, f"{where}.{key}"[:80], depth + 1))
        elif isinstance(value, list):
            pending.extend((item, f"{where}[{i}]", depth + 1) for i, item in enumerate(value))


def load(raw: bytes | str):
    """The parsed document, or a ValidationError saying what is wrong with the file."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise ValidationError(_("The file is not UTF-8 text.")) from error
    try:
        document = json.loads(raw, parse_int=_number, parse_float=_number, parse_constant=_constant)
    except _Refused as refused:
        raise ValidationError(refused.message) from refused
    except json.JSONDecodeError as error:
        raise ValidationError(
            _("The file is not valid JSON (line %(line)s, column %(column)s).")
            % {"line": error.lineno, "column": error.colno}
        ) from error
    except RecursionError as error:
        raise ValidationError(
            _("The file nests deeper than %(limit)s levels.") % {"limit": MAX_DEPTH}
        ) from error
    _check_strings(document)
    return document


def is_int(value) -> bool:
    """An integer, and not a boolean (JSON's true is not 1)."""
    return isinstance(value, int) and not isinstance(value, bool)
