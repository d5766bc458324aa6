"""Live updates of a section since a cursor, as the live page's poll sees them."""

from django.utils.translation import gettext as _
from ninja import Query, Router
from pydantic import Field

from api import schemas, selectors
from api.errors import ERRORS, not_found
from api.pagination import DEFAULT_LIMIT, MAX_LIMIT, page_url
from api.present import Presenter
from playbook.scheduling import release_if_due

router = Router(tags=["live"])


class Cursor(schemas.Schema):
    since: int = Field(
        0,
        ge=0,
        le=2**62,
        description="A section revision: only what changed after it (0: everything).",
    )
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


@router.get(
    "/sections/{slug:slug}/updates/",
    response={200: schemas.UpdatePage, **ERRORS},
    url_name="section-updates",
)
def section_updates(request, slug: str, cursor: Query[Cursor]):
    """Updates of a live section posted, edited, marked or retracted after revision
    `since`, the oldest change first. A retraction comes back as the same update with
    `retracted` true; nothing is deleted. Follow `next` while it is given, then keep
    `revision` as the next `since`."""
    section = selectors.live_section(slug=slug)
    if section is None:
        raise not_found(_("No live section has this slug."))
    # As the poll does: updates scheduled for a time now past join the stream first.
    if release_if_due(section):
        section = selectors.live_section(slug=slug)
    # The revision is read before the updates: an update changed in between comes again
    # next time (the same id, newer), never not at all.
    revision = section.revision
    changed = selectors.changed_updates(section=section, since=cursor.since)
    count = changed.count()
    rows = list(changed[: cursor.limit])
    more = count > len(rows)
    present = Presenter(request)
    return {
        "count": count,
        "next": page_url(request, since=rows[-1].live_revision) if more else None,
        "previous": None,
        "revision": revision,
        "coverage_ended": section.coverage_has_ended,
        "results": [present.update(row, section, cursor.since) for row in rows],
    }
