""" "Related" items on principle, team and talk pages: the nearest items by meaning (the
same sentence vectors as search), of every kind, leaving out the item itself and what it
links to directly (its teams, talks, principles, checklist questions: the page lists
those already).

The block is kept in the cache per item, language and content revision, so a page
rendered again (an editor's, or after the page cache lost it) costs no query for it; a
reader's page from the page cache (core.page_cache) costs none anyway."""

from django.core.cache import cache
from django.db.models import F, Value

from core.bilingual import active_language
from core.kinds import content_url, get_kind, searchable_kinds
from core.revision import site_revision
from search.candidates import vector_index
from search.sources import plain, rows_by_key, shown_language, sources, text

COUNT = 5
# Fetched beyond COUNT: some of the nearest may be unpublished or retracted.
SPARE = 10
CACHE_SECONDS = 24 * 3600


def _searchable_models() -> dict:
    return {kind.model_class: kind.name for kind in searchable_kinds()}


def direct_links(kind_name: str, pk: int) -> set[tuple[str, int]]:
    """(kind, id) of every searchable item the item points at, or that points at it,
    through a foreign key or a many-to-many relation of its model (in either direction):
    one query, a union of one join per relation."""
    model = get_kind(kind_name).model_class
    searchable = _searchable_models()
    parts = []
    for field in model._meta.get_fields():
        target = getattr(field, "related_model", None)
        if not field.is_relation or target not in searchable:
            continue
        # `name` is the lookup from this model: the field, or a reverse relation's
        # query name; F() of it is the related row's id.
        parts.append(
            plain(model._default_manager.filter(pk=pk, **{f"{field.name}__isnull": False}))
            .annotate(link_kind=text(Value(searchable[target])), link_id=F(field.name))
            .values_list("link_kind", "link_id")
            .order_by()
        )
    if not parts:
        return set()
    combined = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return {(kind, int(link)) for kind, link in combined.order_by()}


def _shown_columns(source) -> dict:
    columns = source.columns
    return {
        "r_title": text(columns["title"]),
        "r_link_a": text(columns["link_a"]),
        "r_link_b": text(columns.get("link_b", Value(""))),
        "r_lang": text(shown_language(source.title_fields)),
    }


def _shown(candidates: list[tuple[str, int]]) -> list[dict]:
    """Title, link and language of the candidates readers may see, nearest first: one
    query."""
    rows = rows_by_key(sources(), candidates, "r", _shown_columns)
    labels = {source.kind: str(source.label) for source in sources()}
    language = active_language()
    shown = []
    for key in candidates:
        row = rows.get(key)
        if row is None:
            continue
        shown.append(
            {
                "kind": row["r_kind"],
                "kind_label": labels[row["r_kind"]],
                "title": row["r_title"],
                "url": content_url(row["r_kind"], row["r_link_a"], row["r_link_b"] or None),
                "lang": row["r_lang"] if row["r_lang"] and row["r_lang"] != language else "",
            }
        )
    return shown


def related_items(kind_name: str, pk: int) -> list[dict]:
    """The COUNT nearest items readers may see, as dicts for the template."""
    key = f"related:{kind_name}:{pk}:{active_language()}:{site_revision()}"
    found = cache.get(key)
    if found is not None:
        return found
    index = vector_index()
    vector = index.vector_of(kind_name, pk)
    found = []
    if vector is not None:
        exclude = {(kind_name, pk), *direct_links(kind_name, pk)}
        nearest = index.nearest(vector, COUNT + SPARE, exclude=exclude)
        found = _shown([(kind, item) for kind, item, _score in nearest])[:COUNT]
    cache.set(key, found, CACHE_SECONDS)
    return found
