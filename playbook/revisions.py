"""Section revisions: a counter per section, bumped in the same transaction as any change
inside the section, and mirrored in the cache so that readers polling for changes are
answered without touching the database.

The cache is only a mirror: a miss or a cache error falls back to the database, and the
entry expires after REVISION_TTL seconds so that a value written out of order by two
racing commits heals by itself.
"""

import logging

from django.core.cache import cache
from django.db import transaction
from django.db.models import F

logger = logging.getLogger(__name__)

REVISION_TTL = 30


def revision_cache_key(slug: str) -> str:
    return f"section-revision:{slug}"


def cached_revision(slug: str) -> int | None:
    """The mirrored revision, or None when the cache has none or cannot answer."""
    try:
        return cache.get(revision_cache_key(slug))
    except Exception:  # a cache outage must never break a page
        logger.warning("cache unavailable while reading the revision of %s", slug, exc_info=True)
        return None


def remember_revision(slug: str, revision: int) -> None:
    try:
        cache.set(revision_cache_key(slug), revision, REVISION_TTL)
    except Exception:
        logger.warning("cache unavailable while storing the revision of %s", slug, exc_info=True)


def bump_section_revision(section_id: int) -> int:
    """Increment a section's revision inside the current transaction and return it.

    After the commit, the cache is refreshed from the database (not from this value), so
    the last commit to finish always leaves the newest revision behind.
    """
    from playbook.models import Section  # models imports this module

    # No savepoint: inside the caller's transaction the two statements need none.
    with transaction.atomic(savepoint=False):
        Section.objects.filter(pk=section_id).update(revision=F("revision") + 1)
        slug, revision = Section.objects.values_list("slug", "revision").get(pk=section_id)

    def refresh_cache():
        committed = Section.objects.filter(pk=section_id).values_list("revision", flat=True)
        remember_revision(slug, committed.first() or revision)

    transaction.on_commit(refresh_cache)
    return revision
