"""The cache mirror of section revisions. The counter itself is bumped by
playbook.models.bump_section_revision, in the same transaction as any change inside the
section; it is mirrored here so that readers polling for changes are answered without
touching the database.

The cache is only a mirror: a miss or a cache error falls back to the database, and the
entry expires after REVISION_TTL seconds so that a value written out of order by two
racing commits heals by itself.
"""

import logging

from django.core.cache import cache

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
