"""The playbook map: sections → principles → the talks and teams that evidence them, with
an overview laid out here and drawn by templates/map.html as SVG."""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from core.kinds import evidence_kinds
from playbook.models import Principle, Section

# How much evidence (distinct talks + teams) a principle has, as the map colours it.
LEVELS = [
    (0, "none", _("no evidence")),
    (1, "thin", _("thin: one source")),
    (2, "some", _("some: two or three sources")),
    (4, "strong", _("strong: four or more sources")),
]
TILE, GAP, PER_ROW = 36, 6, 14
SECTION_TITLE_HEIGHT = 26
SECTION_GAP = 14


def evidence_level(count: int) -> tuple[str, str]:
    name, label = LEVELS[0][1:]
    for threshold, level_name, level_label in LEVELS:
        if count >= threshold:
            name, label = level_name, level_label
    return name, label


@dataclass
class EvidenceGroup:
    label: str  # the kind's plural label
    items: list


@dataclass
class PrincipleEntry:
    principle: Principle
    evidence: list[EvidenceGroup]  # only the kinds that have items, in registry order
    level: str
    level_label: str
    x: int = 0
    y: int = 0

    @property
    def count(self) -> int:
        return sum(len(group.items) for group in self.evidence)


@dataclass
class SectionEntry:
    section: Section
    principles: list = field(default_factory=list)
    title_y: int = 0


def sections_with_evidence():
    """Sections with their published principles, each with the link rows of every kind
    that evidences principles (core.kinds) prefetched with their items."""
    prefetches = []
    for kind in evidence_kinds():
        links = Principle._meta.get_field(kind.evidence.links).related_model
        prefetches.append(
            Prefetch(
                kind.evidence.links, queryset=links.objects.select_related(kind.evidence.target)
            )
        )
    principles = Principle.objects.published().prefetch_related(*prefetches)
    return Section.objects.prefetch_related(Prefetch("principles", queryset=principles))


def _evidence(principle, kind) -> list:
    # A talk can evidence a principle at several moments; the map counts it once.
    target = kind.evidence.target
    links = getattr(principle, kind.evidence.links).all()
    return list({getattr(link, f"{target}_id"): getattr(link, target) for link in links}.values())


def _entry(principle) -> PrincipleEntry:
    groups = [EvidenceGroup(kind.plural, _evidence(principle, kind)) for kind in evidence_kinds()]
    groups = [group for group in groups if group.items]
    level, label = evidence_level(sum(len(group.items) for group in groups))
    return PrincipleEntry(principle, groups, level, label)


def build_map(sections) -> dict:
    entries, y = [], 0
    for section in sections:
        entry = SectionEntry(section, [_entry(p) for p in section.principles.all()])
        entry.title_y = y + 16
        y += SECTION_TITLE_HEIGHT
        for n, principle in enumerate(entry.principles):
            row, column = divmod(n, PER_ROW)
            principle.x = column * (TILE + GAP)
            principle.y = y + row * (TILE + GAP)
        rows = max(1, -(-len(entry.principles) // PER_ROW))
        y += rows * (TILE + GAP) + SECTION_GAP
        entries.append(entry)
    every = [p for s in entries for p in s.principles]
    level_counts = {name: 0 for _, name, _ in LEVELS}
    for principle in every:
        level_counts[principle.level] += 1
    return {
        "sections": entries,
        "principle_count": len(every),
        "levels": [
            {"name": name, "label": label, "count": level_counts[name]} for _, name, label in LEVELS
        ],
        "width": PER_ROW * (TILE + GAP),
        "height": max(y, 1),
        "tile": TILE,
        "half_tile": TILE // 2,
    }
