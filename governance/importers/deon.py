"""deon's checklist.yml: `title`, then `sections` (title, section_id) of `lines`
(line_id, line_summary, line). The deon project publishes its checklist in this shape.

`weight` and `required` on a line are ours: deon has neither, and our export writes them
only where they differ from deon's implicit 1 / not required, so a round trip keeps them.
"""

import yaml
from django.utils.translation import gettext as _

from governance.importers.base import (
    GUIDANCE_MAX,
    PROMPT_MAX,
    SECTION_TITLE_MAX,
    ParsedChecklist,
    ParsedItem,
    ParsedSection,
    expect,
    fail,
    read_text,
    text,
    weight,
)

FORMAT = "deon"


class _Mapping(dict):
    """A YAML mapping that remembers its line, so that messages can name it."""

    line = 0


class _Loader(yaml.SafeLoader):
    """SafeLoader (plain data only, no Python tags) that also refuses aliases: a few
    nested aliases expand into billions of nodes ("billion laughs"), and a checklist
    never needs one."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            line = self.peek_event().start_mark.line + 1
            fail(_at(line), _("YAML aliases (*name) are not accepted."))
        return super().compose_node(parent, index)


def _construct_mapping(loader, node):
    mapping = _Mapping(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _at(line: int, ref: str = "") -> str:
    where = _("line %(line)s") % {"line": line}
    return f"{where} ({ref})" if ref else where


def _load(source: str):
    try:
        return yaml.load(source, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        fail(
            _at(mark.line + 1 if mark else 1),
            _("not valid YAML: %(problem)s") % {"problem": error.problem or error.context},
        )
    except yaml.YAMLError as error:
        fail(_at(1), _("not valid YAML: %(problem)s") % {"problem": str(error)})
    except RecursionError:
        fail(_at(1), _("nested too deeply."))


def _field(mapping: _Mapping, name: str, where: str):
    if name not in mapping:
        fail(where, _("the key %(key)s is missing.") % {"key": name})
    return mapping[name]


def parse(raw: bytes) -> ParsedChecklist:
    document = _load(read_text(raw))
    document = expect(document, _Mapping, _at(1), _("a mapping with title and sections"))
    top = _at(document.line)
    title = text(_field(document, "title", top), f"{top} title", limit=SECTION_TITLE_MAX)
    entries = expect(_field(document, "sections", top), list, f"{top} sections", _("a list"))
    sections = []
    for entry in entries:
        entry = expect(entry, _Mapping, f"{top} sections", _("a mapping per section"))
        here = _at(entry.line)
        section = ParsedSection(
            title=text(_field(entry, "title", here), f"{here} title", limit=SECTION_TITLE_MAX),
            where=here,
        )
        lines = expect(_field(entry, "lines", here), list, f"{here} lines", _("a list"))
        for line in lines:
            line = expect(line, _Mapping, f"{here} lines", _("a mapping per line"))
            ref = _field(line, "line_id", _at(line.line))
            ref = text(str(ref) if isinstance(ref, int | float) else ref, _at(line.line))
            where = _at(line.line, ref)
            section.items.append(
                ParsedItem(
                    ref=ref,
                    prompt=text(_field(line, "line", where), f"{where} line", limit=PROMPT_MAX),
                    guidance=text(
                        line.get("line_summary"),
                        f"{where} line_summary",
                        required=False,
                        limit=GUIDANCE_MAX,
                    ),
                    weight=weight(line.get("weight", 1), f"{where} weight"),
                    required=expect(
                        line.get("required", False), bool, f"{where} required", "true / false"
                    ),
                    where=where,
                )
            )
        sections.append(section)
    return ParsedChecklist(format=FORMAT, title=title, sections=sections)


def _section_id(section, position: int) -> str:
    """deon names sections by the part of their lines' ids before the dot (A for A.1)."""
    prefixes = {item.source_ref.split(".")[0] for item in section.items.all() if item.source_ref}
    return prefixes.pop() if len(prefixes) == 1 else str(position)


def dump(version, sections) -> str:
    def line(item):
        entry = {
            "line_id": item.source_ref or item.key,
            "line_summary": item.guidance,
            "line": item.prompt,
        }
        if item.weight != 1:
            entry["weight"] = item.weight
        if item.required:
            entry["required"] = True
        return entry

    document = {
        "title": version.checklist.title,
        "sections": [
            {
                "title": section.title,
                "section_id": _section_id(section, position),
                "lines": [line(item) for item in section.items.all()],
            }
            for position, section in enumerate(sections, start=1)
        ],
    }
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
