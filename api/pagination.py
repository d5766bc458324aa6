"""Pages of a list: `limit` and `offset` over a stable order (every list's order ends in
a unique column), with the addresses of the next and previous pages."""

from django.http import QueryDict
from ninja import Schema
from pydantic import Field

# What a slug filter accepts; anything else is a 400 before the database sees it.
SLUG = r"^[-a-zA-Z0-9_]+$"
MAX_LIMIT = 100
DEFAULT_LIMIT = 20


class PageParams(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Objects per page.")
    offset: int = Field(0, ge=0, le=1_000_000, description="Objects to skip.")


def page_url(request, **change) -> str:
    params = QueryDict(mutable=True)
    params.update(request.GET)
    for name, value in change.items():
        params[name] = str(value)
    return request.build_absolute_uri(request.path + "?" + params.urlencode())


def paginate(request, queryset, params: PageParams, present) -> dict:
    """One page of `queryset` (already in a stable order), each row through `present`."""
    count = queryset.count()
    rows = list(queryset[params.offset : params.offset + params.limit])
    end = params.offset + len(rows)
    return {
        "count": count,
        "next": page_url(request, offset=end, limit=params.limit) if end < count else None,
        "previous": (
            page_url(request, offset=max(0, params.offset - params.limit), limit=params.limit)
            if params.offset > 0
            else None
        ),
        "results": [present(row) for row in rows],
    }
