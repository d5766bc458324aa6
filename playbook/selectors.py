"""Reads of sections and live updates that pages share."""

from django.db.models import Count, Q

from playbook.models import LiveUpdate, Page, Principle, Section, Tag


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


def tags_in_use():
    """Every tag that a published principle carries, with how many carry it."""
    published = Q(principles__is_published=True)
    return (
        Tag.objects.annotate(principle_count=Count("principles", filter=published))
        .filter(principle_count__gt=0)
        .order_by("slug")
    )


def principles_tagged(*, tag: Tag):
    return (
        Principle.objects.published()
        .filter(tags=tag)
        .select_related("section")
        .prefetch_related("tags")
        .order_by("section__order", "order", "id")
    )
