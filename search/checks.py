"""The reindex warning: vectors stored by another model (or another version of it) cannot
be compared with the loaded model's, so search ignores them until `manage.py reindex`
has made new ones. The check runs with `manage.py check --database default` (and
`migrate`); the search logs the same warning once per process when it loads vectors."""

import logging

from django.core import checks
from django.db import DatabaseError

from search import semantic

logger = logging.getLogger(__name__)
_logged = False


def stale_vectors() -> int:
    """How many stored vectors another model or version made."""
    from search.models import SearchEntry

    return (
        SearchEntry.objects.exclude(
            model_name=semantic.MODEL_NAME, model_version=semantic.MODEL_VERSION
        )
        .order_by()
        .count()
    )


def reindex_message(count: int) -> str:
    return (
        f"{count} stored search vectors were made by another model than "
        f"{semantic.MODEL_NAME} {semantic.MODEL_VERSION}; run `manage.py reindex`."
    )


def vector_version_check(app_configs=None, databases=None, **kwargs):
    if not databases:
        return []
    try:
        count = stale_vectors()
    except DatabaseError:  # not migrated yet
        return []
    if not count:
        return []
    return [checks.Warning(reindex_message(count), id="search.W001")]


def warn_once(count: int) -> None:
    global _logged
    if count and not _logged:
        _logged = True
        logger.warning(reindex_message(count))


def register_checks() -> None:
    checks.register(vector_version_check, checks.Tags.database)
