"""The registry of content kinds: each app registers the kinds it owns in its
`AppConfig.ready()`, and every page that lists several kinds together (search, /changes/,
the map, backups) iterates this registry instead of naming the kinds.

A new kind of content is one `register(Kind(...))` call in its app.
"""

from collections.abc import Callable
from dataclasses import dataclass, fields

from django.apps import apps


@dataclass(frozen=True)
class SearchSpec:
    """How a kind is searched (see search.engine).

    `queryset` returns what readers may find (published, not retracted…); `columns` maps
    the result columns (title, subtitle, text, link_a, link_b, section_title) to
    expressions; `title_fields` and `text_fields` are what SQLite's fallback looks in."""

    queryset: Callable
    columns: dict
    title_fields: tuple
    text_fields: tuple
    section_field: str | None = None
    tag_field: str | None = None
    # Multiplies the rank: with equal matches, a principle comes before a checklist
    # question that only mentions the same word.
    boost: float = 1.0
    # Whether typos are looked for in `search_trigram` (short titles; not long bodies,
    # where word similarity costs a lot and finds little).
    trigrams: bool = True

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class ChangesSpec:
    """How a kind's saved versions are listed on /changes/: expressions over its history
    rows for the label shown and the slug its page is found by."""

    label: object
    slug: object
    # Which history rows may be listed, as a callable returning a Q over them: None for
    # every row. Readers' dilemmas list only approved versions of still-public ones.
    public: Callable | None = None


@dataclass(frozen=True)
class EvidenceSpec:
    """A kind that evidences principles: `links` is the related name of its link rows on
    Principle, `target` the link's field pointing at the item itself."""

    links: str
    target: str


@dataclass(frozen=True)
class FeedEntry:
    """An entry another kind adds to a live section's Atom feed (playbook.feeds), beside
    the section's own updates. `description` is sanitised HTML (a `*_html` field)."""

    title: str
    description: str
    link: str
    guid: str
    published: object  # an aware datetime
    updated: object = None
    author: str | None = None


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    plural: str
    model: str  # "app_label.ModelName", resolved when asked for
    # (slug, anchor_id) -> the page: `slug` is the page's own slug; for an item shown on
    # another item's page (a live update, a checklist item) the page's slug, and
    # `anchor_id` the item's id or key on it.
    url: Callable[[str, object], str]
    order: int
    search: SearchSpec | None = None
    changes: ChangesSpec | None = None
    evidence: EvidenceSpec | None = None
    # The items of this kind readers may put a dilemma to (a callable returning a
    # queryset: published principles, live sections…); None when they may not.
    discussable: Callable | None = None
    # section -> the FeedEntry list this kind adds to that live section's feed.
    section_feed: Callable | None = None

    @property
    def model_class(self):
        return apps.get_model(self.model)

    @property
    def app_label(self) -> str:
        return self.model.split(".")[0]


_registry: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    if kind.name in _registry and _registry[kind.name] != kind:
        raise ValueError(f"kind {kind.name!r} is registered twice")
    _registry[kind.name] = kind


def all_kinds() -> list[Kind]:
    return sorted(_registry.values(), key=lambda kind: kind.order)


def get_kind(name: str) -> Kind:
    return _registry[name]


def searchable_kinds() -> list[Kind]:
    return [kind for kind in all_kinds() if kind.search]


def kinds_with_history() -> list[Kind]:
    return [kind for kind in all_kinds() if kind.changes]


def evidence_kinds() -> list[Kind]:
    return [kind for kind in all_kinds() if kind.evidence]


def discussable_kinds() -> list[Kind]:
    return [kind for kind in all_kinds() if kind.discussable]


def section_feed_entries(section) -> list[FeedEntry]:
    return [
        entry for kind in all_kinds() if kind.section_feed for entry in kind.section_feed(section)
    ]


def content_app_labels() -> list[str]:
    """The apps that own content, in the order of their first kind."""
    return list(dict.fromkeys(kind.app_label for kind in all_kinds()))


def content_url(name: str, slug: str, anchor_id=None) -> str:
    return get_kind(name).url(slug, anchor_id)
