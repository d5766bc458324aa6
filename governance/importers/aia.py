"""Canada's Algorithmic Impact Assessment survey (`survey-enfr.json`, a SurveyJS survey):
`pages[]`, each with `elements[]` that are questions or panels holding more elements.

Texts are either a string or {"default": English, "fr": French}. A question is scored
when its `choices` carry values `item<n>-<points>`; its weight is the most points it can
give (one choice) or, for a `checkbox` (several choices), the points of all choices
together. Questions that give no points (free text, project details) are not checklist
items and are counted as skipped. `isRequired` marks required questions. Each page with
scored questions becomes a section.
"""

import json
import re

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

FORMAT = "aia"
# The framework's own name; the survey file itself carries no title field.
DEFAULT_TITLE = "Algorithmic Impact Assessment"
SCORED_VALUE = re.compile(r"^item\d+-(\d+)$")


def _localised(value, where: str, *, required=True, limit=None) -> str:
    if isinstance(value, dict):
        value = value.get("default", next(iter(value.values()), None))
    return text(value, where, required=required, limit=limit)


def _points(question: dict, where: str) -> int:
    points = []
    for i, choice in enumerate(expect(question.get("choices", []), list, where, _("a list"))):
        value = choice.get("value") if isinstance(choice, dict) else choice
        match = SCORED_VALUE.match(value) if isinstance(value, str) else None
        if match:
            points.append(int(match.group(1)))
        elif not isinstance(value, str | int):
            fail(child(child(where, "choices"), i), _("expected %(what)s.") % {"what": "value"})
    if not points:
        return 0
    return sum(points) if question.get("type") == "checkbox" else max(points)


def _questions(elements: list, path: str, depth: int, section: ParsedSection) -> int:
    """Adds the scored questions under `elements` to `section`; returns how many were not."""
    depth = deeper(path, depth)
    skipped = 0
    for i, element in enumerate(elements):
        where = child(path, i)
        element = expect(element, dict, where, _("an object"))
        if "elements" in element:
            inner = expect(element["elements"], list, child(where, "elements"), _("a list"))
            skipped += _questions(inner, child(where, "elements"), depth, section)
            continue
        if element.get("type") == "html":
            continue  # explanatory text between questions
        points = _points(element, where)
        if not points:
            skipped += 1
            continue
        ref = text(element.get("name"), child(where, "name"))
        named = f"{where} ({ref})"
        section.items.append(
            ParsedItem(
                ref=ref,
                prompt=_localised(element.get("title"), child(named, "title"), limit=PROMPT_MAX),
                guidance=_localised(
                    element.get("help", element.get("description")),
                    child(named, "help"),
                    required=False,
                    limit=GUIDANCE_MAX,
                ),
                weight=weight(points, child(named, "choices")),
                required=expect(
                    element.get("isRequired", False),
                    bool,
                    child(named, "isRequired"),
                    "true / false",
                ),
                where=named,
            )
        )
    return skipped


def parse(raw: bytes) -> ParsedChecklist:
    document = expect(load(raw), dict, "$", _("an object with pages"))
    if "pages" not in document:
        fail("$", _("the key %(key)s is missing.") % {"key": "pages"})
    pages = expect(document["pages"], list, "pages", _("a list"))
    sections, skipped = [], 0
    for i, page in enumerate(pages):
        where = child("pages", i)
        page = expect(page, dict, where, _("an object"))
        heading = page.get("title", page.get("name"))
        section = ParsedSection(
            title=_localised(heading, child(where, "title"), limit=SECTION_TITLE_MAX),
            where=where,
        )
        elements = expect(page.get("elements", []), list, child(where, "elements"), _("a list"))
        skipped += _questions(elements, child(where, "elements"), 1, section)
        sections.append(section)
    return ParsedChecklist(format=FORMAT, title=DEFAULT_TITLE, sections=sections, skipped=skipped)


def dump(version, sections) -> str:
    """Each item as a yes/no question whose yes gives its weight in points, so that the
    file reads back with the same weights."""

    def question(item):
        entry = {
            "type": "radiogroup",
            "name": item.source_ref or item.key,
            "title": {"default": item.prompt},
            "isRequired": item.required,
            "choices": [
                {"value": f"item1-{item.weight}", "text": {"default": "Yes", "fr": "Oui"}},
                {"value": "item2-0", "text": {"default": "No", "fr": "Non"}},
            ],
        }
        if item.guidance:
            entry["help"] = {"default": item.guidance}
        return entry

    document = {
        "pages": [
            {
                "name": f"section{position}",
                "title": {"default": section.title},
                "elements": [question(item) for item in section.items.all()],
            }
            for position, section in enumerate(sections, start=1)
        ]
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
