"""/search/: every searchable kind of the registry (core.kinds), ranked together.

The engine is search.engine; each kind's app says how it is searched (its `SearchSpec`)."""

from dataclasses import dataclass

from django.http import QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.safestring import SafeString
from django.views.decorators.http import require_GET

from core.access import can_edit_principles
from core.bilingual import active_language
from core.kinds import content_url
from core.page_cache import reader_page
from search.engine import Search
from search.query import MAX_PAGE, MAX_QUERY_LENGTH, PAGE_SIZE, parse_query
from search.snippets import highlight, snippet
from search.sources import Filters, sources

EXAMPLES = ["윤리", "채용", "벤치마크", '"설명 가능성"', "Gumloop", "거버넌스 -모델"]


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    url: str


def _url(q: str, filters: Filters, **change) -> str:
    params = QueryDict(mutable=True)
    params["q"] = q
    values = {"type": filters.kind, "section": filters.section, "tag": filters.tag, **change}
    for name, value in values.items():
        if value:
            params[name] = value
    return reverse("search") + "?" + params.urlencode()


def _slug(value: str | None) -> str | None:
    value = (value or "").strip()
    return value if value and len(value) <= 100 and value.replace("-", "").isalnum() else None


def _page_number(value: str | None) -> int:
    try:
        return min(max(int(value or 1), 1), MAX_PAGE)
    except ValueError:
        return 1


def _other(shown: str, language: str) -> str:
    return shown if shown and shown != language else ""


def search_context(params, *, explain: bool = False) -> dict:
    parsed = parse_query(params.get("q", ""))
    all_sources = sources()
    kind_labels = {source.kind: source.label for source in all_sources}
    kind = params.get("type")
    filters = Filters(
        kind=kind if kind in kind_labels else None,
        section=_slug(params.get("section")),
        tag=_slug(params.get("tag")),
    )
    context = {
        "parsed": parsed,
        "search_text": parsed.text,
        "max_length": MAX_QUERY_LENGTH,
        "examples": [(example, _url(example, Filters())) for example in EXAMPLES],
        "filters": filters,
        "hidden_filters": [
            (name, value)
            for name, value in (
                ("type", filters.kind),
                ("section", filters.section),
                ("tag", filters.tag),
            )
            if value
        ],
        "results": [],
    }
    if not parsed.has_positive:
        return context

    search = Search(all_sources, parsed, filters)
    context["explain"] = explain
    number = _page_number(params.get("page"))
    rows, facets = search.run(number)
    kind_counts = {key: count for key, _label, count in facets["kind"]}
    total = kind_counts.get(filters.kind, 0) if filters.kind else sum(kind_counts.values())
    needles = parsed.needles
    language = active_language()
    results = [
        {
            "kind": row["hit_kind"],
            "kind_label": kind_labels[row["hit_kind"]],
            "url": content_url(row["hit_kind"], row["hit_link_a"], row["hit_link_b"]),
            "title": highlight(row["hit_title"], needles)
            if row["hit_kind"] != "update"
            else SafeString(""),
            "subtitle": highlight(row["hit_subtitle"], needles),
            "section": row["hit_section"],
            "snippet": snippet(row["hit_text"], needles),
            # A text shown in the other language (its translation is missing) says so.
            "title_lang": _other(row["hit_title_lang"], language),
            "snippet_lang": _other(row["hit_text_lang"], language),
            "signals": search.explanations.get((row["hit_kind"], row["hit_id"]))
            if explain
            else None,
        }
        for row in rows
    ]
    q = parsed.text
    kinds = [
        Option(s.kind, s.label, kind_counts[s.kind], s.kind == filters.kind,
               _url(q, filters, type=s.kind))
        for s in all_sources
        if s.kind in kind_counts
    ]  # fmt: skip
    sections = [
        Option(slug, label, count, slug == filters.section, _url(q, filters, section=slug))
        for slug, label, count in facets["section"]
    ]
    tags = [
        Option(slug, label, count, slug == filters.tag, _url(q, filters, tag=slug))
        for slug, label, count in sorted(facets["tag"], key=lambda t: (-t[2], t[1]))
    ]
    last_page = max(1, -(-total // PAGE_SIZE))
    context.update(
        {
            "results": results,
            "total": total,
            "page_number": number,
            "first_position": (number - 1) * PAGE_SIZE + 1,
            "previous_url": _url(q, filters, page=number - 1) if number > 1 else "",
            "next_url": _url(q, filters, page=number + 1) if number < last_page else "",
            "kind_options": kinds,
            "section_options": sections,
            "tag_options": tags,
            "all_kinds_url": _url(q, filters, type=None),
            "all_sections_url": _url(q, filters, section=None),
            "all_tags_url": _url(q, filters, tag=None),
            "is_filtered": bool(filters.kind or filters.section or filters.tag),
            "clear_filters_url": _url(q, Filters()),
            "searched": True,
        }
    )
    return context


@reader_page(query=("q", "type", "section", "tag", "page"))
@require_GET
def search(request):
    # The signals of each result, for editors tuning the ranking. Editors are signed in,
    # so their pages never come from or go to the shared cache (core.page_cache); a
    # reader's ?explain=1 is ignored.
    explain = request.GET.get("explain") == "1" and can_edit_principles(request.user)
    context = search_context(request.GET, explain=explain)
    template = "search.html#results" if request.htmx else "search.html"
    response = render(request, template, context)
    # The same URL answers a whole page or, to htmx, only the results.
    patch_vary_headers(response, ["HX-Request"])
    return response
