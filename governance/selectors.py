"""Reads of checklists that pages share (the checklist pages, assessments, the principle
page, search)."""

from django.db.models import Count, Prefetch

from governance.models import Checklist, ChecklistItem, ChecklistSection, ChecklistVersion
from playbook.models import Principle


def published_checklist_versions():
    """Published versions, newest first."""
    return ChecklistVersion.objects.published().order_by("-number")


def newest_published_version(*, checklist) -> ChecklistVersion | None:
    """The newest published version of a checklist, or None before the first is
    published. The one answer to that question: pages, assessments and upgrades ask here."""
    return published_checklist_versions().filter(checklist=checklist).first()


def checklists_with_published_versions():
    """Every checklist with `published_versions` (newest first, each with `item_count`)."""
    return Checklist.objects.prefetch_related(
        Prefetch(
            "versions",
            queryset=published_checklist_versions().annotate(item_count=Count("sections__items")),
            to_attr="published_versions",
        )
    )


def checklist_items(*, version_id: int | None):
    """A version's items with their section and each item's published principles."""
    return (
        ChecklistItem.objects.filter(section__version=version_id)
        .select_related("section")
        .prefetch_related(Prefetch("principles", queryset=Principle.objects.published()))
    )


def checklist_sections(*, version_id: int) -> list[ChecklistSection]:
    """A version's sections with their items and each item's published principles."""
    items = ChecklistItem.objects.prefetch_related(
        Prefetch("principles", queryset=Principle.objects.published())
    )
    return list(
        ChecklistSection.objects.filter(version=version_id).prefetch_related(
            Prefetch("items", queryset=items)
        )
    )


def current_checklist_items():
    """Items of the newest published version of each checklist (older versions' items
    would repeat the same questions, and drafts are not public)."""
    return ChecklistItem.objects.in_current_versions()
