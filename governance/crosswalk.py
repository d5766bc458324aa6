"""Reads of the crosswalk: which framework items editors mapped to which principles.

Links name an item by (framework, key); these functions join them to the items of each
framework's newest published version, so drafts stay private and an old version's
items do not repeat. Each function runs a fixed number of queries, whatever the sizes.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from governance.models import AnswerStatus, Checklist, CrosswalkLink
from governance.selectors import current_checklist_items
from playbook.models import Principle


@dataclass
class MappedItem:
    link: CrosswalkLink
    item: object  # ChecklistItem of the framework's newest published version

    @property
    def framework(self):
        return self.link.checklist


def frameworks() -> list[Checklist]:
    """Imported frameworks that have a published version, in the checklists' order."""
    return list(
        Checklist.objects.exclude(source_format="")
        .filter(versions__status="published")
        .distinct()
        .order_by("order", "title")
    )


def _current_items(checklist_ids) -> dict[tuple[int, str], object]:
    items = current_checklist_items().filter(section__version__checklist_id__in=checklist_ids)
    return {
        (item.section.version.checklist_id, item.key): item
        for item in items.select_related("section__version")
    }


def mapped_items(*, principle_ids) -> dict[int, list[MappedItem]]:
    """For each principle, the framework items mapped to it (published ones only)."""
    links = list(
        CrosswalkLink.objects.filter(principle_id__in=principle_ids).select_related("checklist")
    )
    items = _current_items({link.checklist_id for link in links})
    found = defaultdict(list)
    for link in links:
        item = items.get((link.checklist_id, link.key))
        if item is not None:
            found[link.principle_id].append(MappedItem(link, item))
    return found


def links_by_key(*, checklist) -> dict[str, list[CrosswalkLink]]:
    """A framework's links with their principles, by item key (for its checklist page)."""
    found = defaultdict(list)
    links = CrosswalkLink.objects.filter(checklist=checklist, principle__is_published=True)
    for link in links.select_related("principle").order_by("principle__order"):
        found[link.key].append(link)
    return found


def annotate_items(*, checklist, items, neighbours=False) -> None:
    """Sets on each item of a checklist what the crosswalk says about it: for a
    framework's item, `crosswalk_links` (its principles, with notes); for the playbook's
    own item, `framework_items` (framework items mapped to the principles it tests).
    With `neighbours` (an item's own page), a framework's item also gets the other
    frameworks' items mapped to its principles as `framework_items`."""
    if checklist.source_format:
        links = links_by_key(checklist=checklist)
        for item in items:
            item.crosswalk_links = links.get(item.key, [])
        if not neighbours:
            return
        principles_of = {i.pk: [link.principle_id for link in i.crosswalk_links] for i in items}
    else:
        principles_of = {i.pk: [p.pk for p in i.principles.all()] for i in items}
    by_principle = mapped_items(principle_ids={pk for ids in principles_of.values() for pk in ids})
    for item in items:
        found = {}
        for principle_id in principles_of[item.pk]:
            for mapped in by_principle.get(principle_id, []):
                if mapped.item.pk != item.pk:
                    found.setdefault(mapped.item.pk, mapped)
        item.framework_items = list(found.values())


@dataclass
class Column:
    framework: Checklist
    items: int = 0  # items in its newest published version
    mapped: int = 0  # of those, items mapped to at least one principle


@dataclass
class Row:
    principle: Principle
    counts: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass
class Matrix:
    columns: list[Column]
    rows: list[Row]


def matrix() -> Matrix:
    """Frameworks × published principles: how many items of each framework map to each."""
    columns = [Column(framework) for framework in frameworks()]
    index = {column.framework.pk: i for i, column in enumerate(columns)}
    items = _current_items(list(index))
    for checklist_id, _key in items:
        columns[index[checklist_id]].items += 1
    counts = defaultdict(lambda: [0] * len(columns))
    mapped = set()
    for link in CrosswalkLink.objects.filter(checklist_id__in=list(index)).only(
        "checklist_id", "key", "principle_id"
    ):
        if (link.checklist_id, link.key) in items:
            counts[link.principle_id][index[link.checklist_id]] += 1
            mapped.add((link.checklist_id, link.key))
    for checklist_id, _key in mapped:
        columns[index[checklist_id]].mapped += 1
    principles = Principle.objects.published().select_related("section")
    rows = [Row(p, counts[p.pk] if p.pk in counts else [0] * len(columns)) for p in principles]
    return Matrix(columns=columns, rows=rows)


@dataclass
class Coverage:
    framework: Checklist
    covered: list = field(default_factory=list)  # framework items whose principles are answered
    remaining: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.covered) + len(self.remaining)


def coverage(*, results) -> list[Coverage]:
    """Per framework, which of its items the answers of a playbook assessment cover: an
    item is covered when a principle it is mapped to is tested by an answered item."""
    answered = {
        principle.pk
        for section in results.sections
        for row in section.rows
        if row.answer is not None
        for principle in row.item.principles.all()
    }
    found = {framework.pk: Coverage(framework) for framework in frameworks()}
    items = _current_items(list(found))
    links = defaultdict(set)
    for link in CrosswalkLink.objects.filter(checklist_id__in=list(found)).only(
        "checklist_id", "key", "principle_id"
    ):
        links[(link.checklist_id, link.key)].add(link.principle_id)
    for (checklist_id, key), item in items.items():
        bucket = found[checklist_id]
        (bucket.covered if links[(checklist_id, key)] & answered else bucket.remaining).append(item)
    return [entry for entry in found.values() if entry.total]


ORDER = [AnswerStatus.NO, AnswerStatus.PARTIAL, AnswerStatus.YES]
