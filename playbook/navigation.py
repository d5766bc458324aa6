"""The reader's way through the playbook: every section with its published principles in
reading order (the sidebar), and the principle before and after the current one (the
previous/next links at the bottom of a principle). Two queries, whatever the amount of
content; the reader pages that show it are cached per content revision."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from playbook.models import Principle, Section


@dataclass
class SectionNavigation:
    sections: list
    current_section: Section | None = None
    current_principle: Principle | None = None
    previous: Principle | None = field(default=None)
    next: Principle | None = field(default=None)


def section_navigation(*, section=None, principle=None) -> SectionNavigation:
    sections = list(
        Section.objects.order_by("order", "id").prefetch_related(
            Prefetch(
                "principles",
                queryset=Principle.objects.published().order_by("order", "id"),
                to_attr="nav_principles",
            )
        )
    )
    if principle is not None:
        section = next((s for s in sections if s.pk == principle.section_id), section)
    navigation = SectionNavigation(sections, current_section=section, current_principle=principle)
    if principle is not None:
        in_order = [p for s in sections for p in s.nav_principles]
        position = next((i for i, p in enumerate(in_order) if p.pk == principle.pk), None)
        if position is not None:
            navigation.previous = in_order[position - 1] if position > 0 else None
            navigation.next = in_order[position + 1] if position + 1 < len(in_order) else None
    return navigation
