"""The site-wide content revision.

Every write to content (any model of an app that registers kinds in core.kinds, through a
service, the admin or a command) bumps one counter row in the same transaction, and the
commit copies it to the shared cache. Readers' pages are cached under the revision
(core.page_cache), so the next request after a commit renders the change, and a request
before it is answered without the database.

The row lock of the counter orders the writers: revisions rise in commit order. The copy
in the cache only ever rises too (see `_refresh_cached_revision`), so a commit that
finishes late never puts an older revision back.
"""

import logging
import time

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.db import router, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save

from core import shared_reads
from core.kinds import content_app_labels
from core.models import ContentRevision

logger = logging.getLogger(__name__)

# Per release too, like the pages (core.page_cache): a new deploy starts afresh.
REVISION_KEY = f"content-revision:{settings.PAGE_CACHE_RELEASE}"
# Caches that live inside one process: a write in one gunicorn worker would not reach
# the copy of another, so with these the revision is read from the database each time,
# unless the settings say that one process serves everything (PLAYBOOK_CACHE=local).
PROCESS_LOCAL_CACHES = ("LocMemCache", "DummyCache")
# Only for the day the database goes back (a restore): the cached copy then heals by
# itself. A copy that is merely late cannot happen (the writers refresh it in order).
REVISION_TTL = 300

# Models of content apps whose rows no shared page shows (private assessments…).
_private_models: set[str] = set()


def keep_out_of_site_revision(*model_labels: str) -> None:
    """Writes to these models ("app_label.ModelName") do not bump the revision: call it
    only for rows that no cacheable page shows."""
    _private_models.update(label.lower() for label in model_labels)


def _counter():
    return ContentRevision.objects.using(router.db_for_write(ContentRevision))


def _stored_revision() -> int:
    value = _counter().filter(pk=1).values_list("value", flat=True).first()
    return value or 0


def _refresh_cached_revision() -> None:
    """After a commit: copy the committed revision to the cache, and read it again after
    writing, so that of two racing commits the last cache write is the newest value."""
    try:
        value = _stored_revision()
        for _ in range(5):
            cache.set(REVISION_KEY, value, REVISION_TTL)
            shared_reads.forget(REVISION_KEY)
            latest = _stored_revision()
            if latest == value:
                return
            value = latest
    except Exception:  # a cache outage must never fail a write that has committed
        logger.warning("could not refresh the cached content revision", exc_info=True)


def bump_site_revision() -> None:
    """Increment the revision inside the current transaction; the commit copies it to the
    cache. A transaction that writes several rows bumps it several times: the row is
    already locked by then, so the further bumps cost one short UPDATE each."""
    using = router.db_for_write(ContentRevision)
    with transaction.atomic(using=using, savepoint=False):
        if not _counter().filter(pk=1).update(value=F("value") + 1):
            # As the migration does: from the time, never repeating an older database's.
            _counter().get_or_create(pk=1, defaults={"value": int(time.time() * 1000)})
    transaction.on_commit(_refresh_cached_revision, using=using)


def cache_is_shared() -> bool:
    if getattr(settings, "CACHE_BACKEND", None) == "local":
        return True  # chosen only where one process serves everything (settings.CACHES)
    return type(caches[DEFAULT_CACHE_ALIAS]).__name__ not in PROCESS_LOCAL_CACHES


def site_revision() -> int:
    """The current revision: from a shared cache (no query; with Redis, no round trip
    while it is unchanged, core.shared_reads), else from the primary database."""
    if not cache_is_shared():
        return _stored_revision()
    try:
        value = shared_reads.read([REVISION_KEY])[REVISION_KEY]
    except Exception:
        logger.warning("cache unavailable while reading the content revision", exc_info=True)
        return _stored_revision()
    if value is not None:
        return value
    value = _stored_revision()
    try:
        # add, not set: a writer's newer copy written meanwhile must win.
        cache.add(REVISION_KEY, value, REVISION_TTL)
        shared_reads.forget(REVISION_KEY)
    except Exception:
        logger.warning("cache unavailable while storing the content revision", exc_info=True)
    return value


def is_content_model(model) -> bool:
    if model.__module__ == "__fake__":  # a migration's historical model
        return False
    if hasattr(model, "instance_type"):
        # django-simple-history's record of a save: the save itself has bumped.
        return False
    meta = model._meta
    if meta.label_lower in _private_models:
        return False
    return meta.app_label in content_app_labels()


def _on_write(sender, **kwargs):
    if is_content_model(sender):
        bump_site_revision()


def _on_m2m(sender, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and is_content_model(sender):
        bump_site_revision()


def connect_content_signals() -> None:
    post_save.connect(_on_write, dispatch_uid="core.revision.save")
    post_delete.connect(_on_write, dispatch_uid="core.revision.delete")
    m2m_changed.connect(_on_m2m, dispatch_uid="core.revision.m2m")
