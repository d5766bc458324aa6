"""Kept because the search migrations name this path (playbook.search_fields.TrigramText …);
the code lives in core.search_fields. Re-exporting the same classes keeps migration state
equal to the models', so no new migration is made. New code imports from core."""

from core.search_fields import (  # noqa: F401
    DROP_SEARCH_TEXT_FUNCTION,
    SEARCH_TEXT_FUNCTION,
    PostgresOnly,
    TrigramText,
    WeightedSearchDocument,
)
