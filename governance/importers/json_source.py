"""Reading a JSON framework file, with messages that name the line or the path."""

import json

from django.utils.translation import gettext as _

from governance.importers.base import MAX_DEPTH, fail, read_text


def load(raw: bytes):
    source = read_text(raw)
    try:
        document = json.loads(source)
    except json.JSONDecodeError as error:
        fail(
            _("line %(line)s, column %(column)s") % {"line": error.lineno, "column": error.colno},
            _("not valid JSON: %(problem)s") % {"problem": error.msg},
        )
    except RecursionError:
        fail("$", _("nested too deeply."))
    return document


def child(path: str, name: str | int) -> str:
    return f"{path}[{name}]" if isinstance(name, int) else f"{path}.{name}"


def deeper(path: str, depth: int) -> int:
    if depth > MAX_DEPTH:
        fail(path, _("nested deeper than %(limit)s levels.") % {"limit": MAX_DEPTH})
    return depth + 1
