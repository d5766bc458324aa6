"""Updates written ahead: hidden from readers until their time, then released into the
live stream as new updates, through the same poll as any other.

Nothing runs in the background. Each section keeps the time its next scheduled update is
due (`Section.next_scheduled_at`, mirrored in the cache beside its revision), and the
first request about the section after that time (a reader's poll, the page, the feed, an
update's page) releases what is due, in one transaction that bumps the section's
revision. Pages read the time from the section row they load anyway, and a warm poll from
the cache, so neither costs a query while nothing is due.
"""

import logging

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from core import shared_reads
from playbook.models import LiveUpdate, Section

logger = logging.getLogger(__name__)

NEXT_DUE_TTL = 30  # seconds; like the revision mirror, a stale value heals by itself
NOTHING_DUE = 0.0


def _key(slug: str) -> str:
    return f"section-next-due:{slug}"


def as_timestamp(when) -> float:
    return when.timestamp() if when else NOTHING_DUE


def is_due(due: float) -> bool:
    return due != NOTHING_DUE and due <= timezone.now().timestamp()


def cached_next_due(slug: str) -> float | None:
    """The mirrored due time (NOTHING_DUE when none), or None when the cache has none."""
    try:
        # Tracked (no round trip while unchanged), and read together with the content
        # revision on a reader page (core.page_cache).
        return shared_reads.read([_key(slug)])[_key(slug)]
    except Exception:  # a cache outage must never break a page
        logger.warning("cache unavailable while reading the next due time of %s", slug)
        return None


def remember_next_due(slug: str, when) -> None:
    try:
        cache.set(_key(slug), as_timestamp(when), NEXT_DUE_TTL)
    except Exception:
        logger.warning("cache unavailable while storing the next due time of %s", slug)


def note_schedule_change(*, slug: str, section_id: int) -> None:
    """After an update was scheduled, cancelled or released (inside that transaction):
    the section's next due time, in its row and, after the commit, in the cache."""
    next_at = (
        LiveUpdate.objects.filter(section_id=section_id)
        .scheduled()
        .values_list("scheduled_for", flat=True)
        .first()
    )
    Section.objects.filter(pk=section_id).update(next_scheduled_at=next_at)
    transaction.on_commit(lambda: remember_next_due(slug, next_at))


def release_if_due(section: Section) -> bool:
    """With the section row at hand: releases what is due; True if anything was."""
    if not is_due(as_timestamp(section.next_scheduled_at)):
        return False
    return release_due(slug=section.slug, section_id=section.pk) > 0


def release_if_due_for(request, slug: str, **_arguments) -> None:
    """The page cache's `before` hook of the section's pages: while nothing is due, one
    cache read (one query when the mirror is cold, then remembered)."""
    due = cached_next_due(slug)
    if due is None:
        found = Section.objects.filter(slug=slug).values_list("next_scheduled_at", flat=True)
        found = list(found[:1])
        if not found:  # no such section: the view answers 404
            return
        remember_next_due(slug, found[0])
        due = as_timestamp(found[0])
    if is_due(due):
        section = Section.objects.filter(slug=slug).first()
        if section is not None:
            release_if_due(section)


def cache_keys_of_release_if_due_for(slug: str, **_arguments) -> list[str]:
    return [_key(slug)]


# What the hook reads, so that the page cache reads it with the revision in one go.
release_if_due_for.cache_keys = cache_keys_of_release_if_due_for


def release_due(*, slug: str, section_id: int) -> int:
    """Every update of the section whose time has come joins the stream, as new: its
    time is the time it was scheduled for, its revision the one that releases it. Two
    processes never release the same update twice (the rows are locked, skipped by the
    other)."""
    with transaction.atomic():
        due = list(
            LiveUpdate.objects.select_for_update(skip_locked=True)
            .filter(section_id=section_id, scheduled_for__lte=timezone.now())
            .order_by("scheduled_for", "id")
        )
        for update in due:
            update.created_at = update.scheduled_for
            update.scheduled_for = None
            update.releasing = True
            update._history_user = update.author
            update.save()
            update.releasing = False
        note_schedule_change(slug=slug, section_id=section_id)
    return len(due)
