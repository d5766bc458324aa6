"""OSCAL catalogs in JSON (the form NIST publishes its frameworks in, e.g. community
catalogs of the AI RMF): `catalog.groups[]` of `controls[]`, groups and controls nested.

Each top-level group becomes a section (the AI RMF's functions); every control with no
controls inside becomes an item (the AI RMF's subcategories), so categories that hold
subcategories are walked through rather than asked. An item's id is its `label` prop
("GOVERN 1.1") when it has one, else its `id`; its question is the `statement` part's
prose, else its title; its guidance the `guidance` part's prose. OSCAL has no weights:
props in our own namespace carry them (`weight`, `required`), written by our export.
"""

import json
import uuid

from django.utils import timezone
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
    text,
    weight,
)
from governance.importers.json_source import child, deeper, load

FORMAT = "oscal"
NAMESPACE = "urn:tiny-teams-playbook:checklist"
OSCAL_VERSION = "1.1.2"


def _list(node: dict, name: str, path: str) -> list:
    return expect(node.get(name, []), list, child(path, name), _("a list"))


def _props(node: dict, path: str) -> dict[tuple[str, str], str]:
    found = {}
    for i, prop in enumerate(_list(node, "props", path)):
        where = child(child(path, "props"), i)
        prop = expect(prop, dict, where, _("an object with name and value"))
        name = text(prop.get("name"), child(where, "name"))
        found[(prop.get("ns", ""), name)] = text(prop.get("value"), child(where, "value"))
    return found


def _prose(node: dict, part_name: str, path: str, depth: int = 0) -> str:
    """The prose of the node's parts called `part_name`, with the prose of their `item`
    parts (the lettered sub-statements OSCAL nests inside a statement)."""
    depth = deeper(path, depth)
    pieces = []
    for i, part in enumerate(_list(node, "parts", path)):
        where = child(child(path, "parts"), i)
        part = expect(part, dict, where, _("an object"))
        if part.get("name") == part_name:
            pieces.append(text(part.get("prose"), child(where, "prose"), required=False))
            pieces.append(_prose(part, "item", where, depth))
    return "\n\n".join(piece for piece in pieces if piece)


def _item(control: dict, path: str) -> ParsedItem:
    props = _props(control, path)
    ident = text(control.get("id"), child(path, "id"))
    ref = props.get(("", "label"), ident)
    where = f"{path} ({ref})"
    title = text(control.get("title"), child(path, "title"), limit=PROMPT_MAX)
    prompt = _prose(control, "statement", path) or title
    if len(prompt) > PROMPT_MAX:
        fail(where, _("the statement is longer than %(limit)s characters.") % {"limit": PROMPT_MAX})
    guidance = _prose(control, "guidance", path)
    if len(guidance) > GUIDANCE_MAX:
        fail(
            where, _("the guidance is longer than %(limit)s characters.") % {"limit": GUIDANCE_MAX}
        )
    required = props.get((NAMESPACE, "required"), "false")
    if required not in {"true", "false"}:
        fail(f"{where} required", _("expected %(what)s.") % {"what": "true / false"})
    return ParsedItem(
        ref=ref,
        prompt=prompt,
        guidance=guidance,
        weight=weight(props.get((NAMESPACE, "weight"), 1), f"{where} weight"),
        required=required == "true",
        where=where,
    )


def _leaves(node: dict, path: str, depth: int, into: list) -> None:
    """Every control without controls inside, in document order, under `node`."""
    depth = deeper(path, depth)
    for name in ("groups", "controls"):
        for i, inner in enumerate(_list(node, name, path)):
            where = child(child(path, name), i)
            inner = expect(inner, dict, where, _("an object"))
            if name == "controls" and not inner.get("controls"):
                into.append(_item(inner, where))
            else:
                _leaves(inner, where, depth, into)


def parse(raw: bytes) -> ParsedChecklist:
    document = expect(load(raw), dict, "$", _("an object with a catalog"))
    if "catalog" not in document:
        fail("$", _("the key %(key)s is missing.") % {"key": "catalog"})
    catalog = expect(document["catalog"], dict, "catalog", _("an object"))
    metadata = expect(catalog.get("metadata"), dict, "catalog.metadata", _("an object"))
    title = text(metadata.get("title"), "catalog.metadata.title", limit=SECTION_TITLE_MAX)
    sections = []
    loose = ParsedSection(title=title, where="catalog.controls")
    _leaves({"controls": _list(catalog, "controls", "catalog")}, "catalog", 0, loose.items)
    if loose.items:
        sections.append(loose)
    for i, group in enumerate(_list(catalog, "groups", "catalog")):
        where = child("catalog.groups", i)
        group = expect(group, dict, where, _("an object"))
        section = ParsedSection(
            title=text(group.get("title"), child(where, "title"), limit=SECTION_TITLE_MAX),
            where=where,
        )
        _leaves(group, where, 1, section.items)
        sections.append(section)
    return ParsedChecklist(format=FORMAT, title=title, sections=sections)


def _token(text_: str, fallback: str) -> str:
    """OSCAL ids are tokens: a letter or underscore first, then letters, digits, . - _."""
    return text_ if text_[:1].isalpha() else f"{fallback}{text_}"


def dump(version, sections) -> str:
    def control(item):
        ident = _token(item.key, "item-")
        props = [
            {"name": "label", "value": item.source_ref or item.key},
            {"name": "weight", "ns": NAMESPACE, "value": str(item.weight)},
            {"name": "required", "ns": NAMESPACE, "value": "true" if item.required else "false"},
        ]
        parts = [{"id": f"{ident}_smt", "name": "statement", "prose": item.prompt}]
        if item.guidance:
            parts.append({"id": f"{ident}_gdn", "name": "guidance", "prose": item.guidance})
        return {
            "id": ident,
            "title": item.source_ref or item.key,
            "props": props,
            "parts": parts,
        }

    document = {
        "catalog": {
            "uuid": str(uuid.uuid4()),
            "metadata": {
                "title": version.checklist.title,
                "last-modified": timezone.now().isoformat(timespec="seconds"),
                "version": str(version.number),
                "oscal-version": OSCAL_VERSION,
            },
            "groups": [
                {
                    "id": f"section-{position}",
                    "title": section.title,
                    "controls": [control(item) for item in section.items.all()],
                }
                for position, section in enumerate(sections, start=1)
            ],
        }
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
