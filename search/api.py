"""Search in the JSON API (/api/v1/search/): the same engine and ranking as /search/.

The API itself (api/) mounts this router (config/urls.py): search and api are peers and
do not import each other, so the answer's shape is declared here."""

from typing import Literal

from django.utils import translation
from ninja import Query, Router, Schema
from pydantic import Field

from core.kinds import content_url
from search.engine import Search
from search.query import MAX_PAGE, MAX_QUERY_LENGTH, PAGE_SIZE, parse_query
from search.snippets import snippet
from search.sources import Filters, sources

router = Router(tags=["search"])
SLUG = r"^[-a-zA-Z0-9_]+$"


class SearchParams(Schema):
    q: str = Field(
        min_length=1,
        max_length=MAX_QUERY_LENGTH,
        description='Words; "quoted words" must appear together, -word leaves out.',
    )
    kind: str | None = Field(
        None, max_length=40, pattern=SLUG, description="principle, team, talk, …"
    )
    section: str | None = Field(None, max_length=100, pattern=SLUG, description="A section's slug.")
    tag: str | None = Field(None, max_length=100, pattern=SLUG, description="A tag's slug.")
    page: int = Field(1, ge=1, le=MAX_PAGE)
    lang: Literal["ko", "en"] = Field("ko", description="The language of titles and labels.")


class Hit(Schema):
    kind: str
    kind_label: str
    title: str
    subtitle: str
    section: str
    snippet_html: str = Field(description="Escaped text around the match, with <mark>.")
    url: str


class Facet(Schema):
    value: str
    label: str
    count: int


class Facets(Schema):
    kind: list[Facet]
    section: list[Facet]
    tag: list[Facet]


class SearchPage(Schema):
    count: int
    next: str | None
    previous: str | None
    query: str
    results: list[Hit]
    facets: Facets


class SearchError(Schema):
    message: str
    status: int
    errors: list[dict] = Field(default_factory=list)


ERRORS = {400: SearchError, 404: SearchError, 429: SearchError}


def _url(request, page: int) -> str:
    params = request.GET.copy()
    params["page"] = str(page)
    return request.build_absolute_uri(request.path + "?" + params.urlencode())


@router.get("/search/", response={200: SearchPage, **ERRORS}, url_name="search")
def search(request, params: Query[SearchParams]):
    """Principles, teams, talks, checklist questions and live updates, ranked together."""
    with translation.override(params.lang):
        return _search(request, params)


def _search(request, params: SearchParams) -> dict:
    all_sources = sources()
    labels = {source.kind: str(source.label) for source in all_sources}
    parsed = parse_query(params.q)
    filters = Filters(
        kind=params.kind if params.kind in labels else None,
        section=params.section,
        tag=params.tag,
    )
    empty = {"kind": [], "section": [], "tag": []}
    if not parsed.has_positive:
        return {"count": 0, "next": None, "previous": None, "query": parsed.text,
                "results": [], "facets": empty}  # fmt: skip
    rows, facets = Search(all_sources, parsed, filters).run(params.page)
    kind_counts = {key: count for key, _label, count in facets["kind"]}
    total = kind_counts.get(filters.kind, 0) if filters.kind else sum(kind_counts.values())
    needles = parsed.needles
    results = [
        {
            "kind": row["hit_kind"],
            "kind_label": labels[row["hit_kind"]],
            "title": row["hit_title"] if row["hit_kind"] != "update" else "",
            "subtitle": row["hit_subtitle"] or "",
            "section": row["hit_section"] or "",
            "snippet_html": str(snippet(row["hit_text"], needles)),
            "url": request.build_absolute_uri(
                content_url(row["hit_kind"], row["hit_link_a"], row["hit_link_b"])
            ),
        }
        for row in rows
    ]
    last_page = max(1, -(-total // PAGE_SIZE))
    return {
        "count": total,
        "next": _url(request, params.page + 1) if params.page < last_page else None,
        "previous": _url(request, params.page - 1) if params.page > 1 else None,
        "query": parsed.text,
        "results": results,
        "facets": {
            "kind": [{"value": k, "label": labels[k], "count": n} for k, _l, n in facets["kind"]],
            "section": [
                {"value": s, "label": label, "count": n} for s, label, n in facets["section"]
            ],
            "tag": [{"value": t, "label": label, "count": n} for t, label, n in facets["tag"]],
        },
    }
