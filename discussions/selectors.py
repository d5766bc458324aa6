"""Reads of readers' dilemmas shared by the pages (and the API to come). Everything a
reader may see goes through `Dilemma.objects.public()`."""

from core.kinds import discussable_kinds, get_kind
from discussions.models import Dilemma


def discussable_kind_names() -> list[str]:
    return [kind.name for kind in discussable_kinds()]


def discussable_item(*, kind: str, item_id: int):
    """The item a dilemma may be put to, or None (unknown kind, no such item, or one that
    readers may not discuss: an unpublished principle, a section that is not live)."""
    if kind not in discussable_kind_names():
        return None
    return get_kind(kind).discussable().filter(pk=item_id).first()


def public_dilemmas(*, kind: str | None = None):
    """Approved dilemmas for /dilemmas/: featured first, then newest."""
    dilemmas = Dilemma.objects.public()
    if kind:
        dilemmas = dilemmas.filter(about_kind=kind)
    return dilemmas.in_reading_order()


def dilemmas_about(*, kind: str, item_id: int):
    return Dilemma.objects.public().about(kind, item_id).in_reading_order()


def featured_dilemmas(*, limit: int):
    return Dilemma.objects.filter(status=Dilemma.Status.FEATURED).order_by("-moderated_at")[:limit]


def pending_count() -> int:
    return Dilemma.objects.pending().count()


def own_pending(*, ids: list[int], kind: str | None = None, item_id: int | None = None):
    """The browser's own dilemmas still waiting (their ids come from its signed cookie)."""
    dilemmas = Dilemma.objects.pending().filter(pk__in=ids)
    if kind is not None:
        dilemmas = dilemmas.about(kind, item_id)
    return dilemmas.order_by("-created_at")


def with_items(dilemmas) -> list[Dilemma]:
    """The dilemmas as a list, each with `item` (what it is about, None if that is no
    longer public) and `kind_label`: one query per kind present, whatever their number."""
    dilemmas = list(dilemmas)
    wanted: dict[str, set[int]] = {}
    for dilemma in dilemmas:
        wanted.setdefault(dilemma.about_kind, set()).add(dilemma.about_id)
    items = {}
    known = set(discussable_kind_names())
    for name, ids in wanted.items():
        if name in known:
            for item in get_kind(name).discussable().filter(pk__in=ids):
                items[name, item.pk] = item
    for dilemma in dilemmas:
        dilemma.item = items.get((dilemma.about_kind, dilemma.about_id))
        dilemma.kind_label = (
            get_kind(dilemma.about_kind).label if dilemma.about_kind in known else ""
        )
    return dilemmas


def discussable_kinds_with_labels() -> list[tuple[str, str]]:
    return [(kind.name, kind.plural) for kind in discussable_kinds()]
