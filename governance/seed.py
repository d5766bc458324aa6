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
from playbook.seed import SeedRun, loader, pick, texts


@loader(order=30)
def load_checklists(data: dict, run: SeedRun) -> None:
    for checklist in data.get("checklists", []):
        slug = checklist["slug"]
        run.create_once(
            f"checklist:{slug}",
            lambda s=slug: Checklist.objects.filter(slug=s).exists(),
            lambda c=checklist: Checklist.objects.create(
                **pick(c, "slug", "order"),
                is_editorial=c.get("editorial", False),
                **texts(c, "title", "description"),
            ),
        )
        run.fill_once(
            f"checklist:{slug}",
            lambda s=slug: Checklist.objects.filter(slug=s).first(),
            {
                **texts(checklist, "title", "description"),
                "is_editorial": checklist.get("editorial"),
            },
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
        _fill_version(checklist, number, run)


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
            order=section_data.get("order", section_order),
            **texts(section_data, "title"),
        )
        for item_order, item_data in enumerate(section_data.get("items", []), start=1):
            item = ChecklistItem.objects.create(
                section=section,
                order=item_order,
                **pick(item_data, "key", "weight", "required"),
                **texts(item_data, "prompt", "guidance"),
            )
            item.principles.set(
                [principles[s] for s in item_data.get("principles", []) if s in principles]
            )


def _fill_version(data: dict, number: int, run: SeedRun) -> None:
    """English for a published version made before the seed had it. Assessments are
    pinned to a published version, which stays read-only for what it asks; adding the
    translation of its own texts changes no question, so the seed may add it (once, into
    empty columns only)."""
    slug = data["slug"]
    sections = ChecklistSection.objects.filter(
        version__checklist__slug=slug, version__number=number
    )
    for section_order, section_data in enumerate(data.get("sections", []), start=1):
        order = section_data.get("order", section_order)
        run.fill_once(
            f"checklist-section:{slug}/{number}/{order}",
            lambda o=order: sections.filter(order=o).first(),
            texts(section_data, "title"),
        )
        for item_data in section_data.get("items", []):
            run.fill_once(
                f"checklist-item:{slug}/{number}/{item_data['key']}",
                lambda k=item_data["key"]: ChecklistItem.objects.filter(
                    section__in=sections, key=k
                ).first(),
                texts(item_data, "prompt", "guidance"),
            )
