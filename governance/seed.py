"""The governance checklists of the seed file; see playbook.seed."""

from django.utils import timezone

from governance.models import (
    Checklist,
    ChecklistItem,
    ChecklistSection,
    ChecklistVersion,
    VersionStatus,
)
from playbook.models import Principle
from playbook.seed import SeedRun, loader, pick


@loader(order=30)
def load_checklists(data: dict, run: SeedRun) -> None:
    for checklist in data.get("checklists", []):
        slug = checklist["slug"]
        run.create_once(
            f"checklist:{slug}",
            lambda s=slug: Checklist.objects.filter(slug=s).exists(),
            lambda c=checklist: Checklist.objects.create(
                **pick(c, "slug", "title", "title_en", "description", "order")
            ),
        )
        number = checklist.get("version", 1)
        # A published version is one read-only snapshot, so it is created whole or not at all.
        run.create_once(
            f"checklist-version:{slug}/{number}",
            lambda s=slug, n=number: ChecklistVersion.objects.filter(
                checklist__slug=s, number=n
            ).exists(),
            lambda c=checklist, n=number: _create_version(c, n),
        )


def _create_version(data: dict, number: int) -> None:
    checklist = Checklist.objects.filter(slug=data["slug"]).first()
    if checklist is None:
        return
    version = ChecklistVersion.objects.create(
        checklist=checklist,
        number=number,
        status=VersionStatus.PUBLISHED,
        published_at=timezone.now(),
    )
    principles = {p.slug: p for p in Principle.objects.all()}
    for section_order, section_data in enumerate(data.get("sections", []), start=1):
        section = ChecklistSection.objects.create(
            version=version,
            title=section_data["title"],
            title_en=section_data.get("title_en", ""),
            order=section_data.get("order", section_order),
        )
        for item_order, item_data in enumerate(section_data.get("items", []), start=1):
            item = ChecklistItem.objects.create(
                section=section,
                order=item_order,
                **pick(item_data, "key", "prompt", "guidance", "weight", "required"),
            )
            item.principles.set(
                [principles[s] for s in item_data.get("principles", []) if s in principles]
            )
