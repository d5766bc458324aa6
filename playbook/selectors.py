"""Reads of sections and live updates that pages share."""

from django.db.models import Count, Q

from playbook.models import LiveUpdate, Page, Section


def sections_with_principle_counts():
    return Section.objects.annotate(
        principle_count=Count("principles", filter=Q(principles__is_published=True))
    )


def latest_updates(*, limit: int):
    """The newest live updates of every section, retracted ones left out."""
    return (
        LiveUpdate.objects.visible()
        .filter(retracted_at__isnull=True)
        .select_related("section")
        .newest_first()[:limit]
    )


def introduction() -> Page | None:
    return Page.objects.filter(slug="introduction").first()
