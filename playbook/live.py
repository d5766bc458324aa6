"""What a live section page shows, for the page itself and for readers' polls."""

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Q, Subquery

from core.access import LIVE_EDITING_PERMISSIONS, can_edit_live, can_edit_principles
from playbook import scheduling
from playbook.forms import LiveUpdateEditForm, NewUpdateForm, PrincipleEditForm
from playbook.models import Principle
from playbook.revisions import remember_revision
from playbook.structured_data import live_blog_posting

UPDATES_PER_PAGE = 20
KEY_EVENTS_SHOWN = 20
# A reader further behind than this reloads the page instead of receiving a huge answer.
MAX_CHANGES_PER_POLL = 100


@dataclass(frozen=True)
class ReaderView:
    """How a reader reads a live section: newest or oldest first, every update or the key
    events only. It lives in the URL (`?order=oldest`, `?show=key`), so it survives a
    reload, can be shared, and works without JavaScript; the poll stays the same for
    every reader and live.js places what it brings by the same choice."""

    oldest_first: bool = False
    key_only: bool = False

    @classmethod
    def from_query(cls, query) -> "ReaderView":
        return cls(oldest_first=query.get("order") == "oldest", key_only=query.get("show") == "key")

    @property
    def cursor_name(self) -> str:
        """The page cursor's parameter: the next page is older, or later when oldest first."""
        return "after" if self.oldest_first else "before"

    def query(self, **cursor) -> str:
        """The query string of this view (empty for the default), plus a page cursor."""
        params = {"order": "oldest" if self.oldest_first else None}
        params["show"] = "key" if self.key_only else None
        params.update(cursor)
        kept = {name: value for name, value in params.items() if value is not None}
        return "?" + urlencode(kept) if kept else ""

    def choices(self) -> dict:
        """The other views a reader can switch to, as query strings."""
        return {
            "newest": replace(self, oldest_first=False).query(),
            "oldest": replace(self, oldest_first=True).query(),
            "all": replace(self, key_only=False).query(),
            "key": replace(self, key_only=True).query(),
        }


def update_page(request, section, cursor: int | None = None, view: ReaderView | None = None):
    """Twenty updates in the reader's order, after the update `cursor` when given (older
    than it when newest come first, newer when oldest do)."""
    view = view or ReaderView()
    updates = section.updates.for_display()
    if view.key_only:
        updates = updates.filter(is_key_event=True)
    updates = updates.order_by(
        *(("created_at", "id") if view.oldest_first else ("-created_at", "-id"))
    )
    if cursor is not None:
        updates = updates.filter(_beyond(section, cursor, later=view.oldest_first))
    page = list(updates[: UPDATES_PER_PAGE + 1])
    shown = page[:UPDATES_PER_PAGE]
    more = shown[-1].pk if len(page) > UPDATES_PER_PAGE else None
    return {
        "updates": shown,
        "reader_view": view,
        "more_cursor": more,
        "more_query": view.query(**{view.cursor_name: more}),
        "can_edit": can_edit_live(request.user),
    }


def _beyond(section, cursor: int, *, later: bool) -> Q:
    """Updates after the cursor update in time order (ties broken by id), in one query."""
    at = Subquery(section.updates.filter(pk=cursor).values("created_at")[:1])
    if later:
        return Q(created_at__gt=at) | Q(created_at=at, pk__gt=cursor)
    return Q(created_at__lt=at) | Q(created_at=at, pk__lt=cursor)


COVERAGE_PERMISSIONS = (*LIVE_EDITING_PERMISSIONS, "playbook.change_section")


def can_manage_coverage(user) -> bool:
    """Pinning an update and ending the coverage change the section itself."""
    return user.is_authenticated and user.has_perms(COVERAGE_PERMISSIONS)


def scheduled_updates(section):
    """What editors have written ahead, soonest first (readers never see these)."""
    return list(section.updates.scheduled().select_related("author"))


def pinned_update(section):
    if section.pinned_update_id is None:
        return None
    return section.updates.for_display().filter(pk=section.pinned_update_id).first()


def live_section_context(request, section, since: int | None = None) -> dict:
    context = {
        "section": section,
        "can_edit": can_edit_live(request.user),
        "can_edit_principles": can_edit_principles(request.user),
        "key_events": list(
            section.updates.key_events()
            .newest_first()
            .only("pk", "body_html", "created_at")[:KEY_EVENTS_SHOWN]
        ),
        "revision": section.revision,
        "poll_seconds": settings.LIVE_POLL_SECONDS,
        "can_manage_coverage": can_manage_coverage(request.user),
        "pinned": pinned_update(section),
    }
    if since is not None:
        changed = list(
            section.updates.for_display()
            .changed_since(since)
            .newest_first()[: MAX_CHANGES_PER_POLL + 1]
        )
        context["too_far_behind"] = len(changed) > MAX_CHANGES_PER_POLL
        context["new_updates"] = [u for u in changed if u.is_new_since(since)]
        context["changed_updates"] = [u for u in changed if not u.is_new_since(since)]
        context["changed_principles"] = list(
            Principle.objects.filter(section=section).changed_since(since).prefetch_related("tags")
        )
        return context

    remember_revision(section.slug, section.revision)
    scheduling.remember_next_due(section.slug, section.next_scheduled_at)
    view = ReaderView.from_query(request.GET)
    cursor = page_cursor(request.GET, view)
    context.update(update_page(request, section, cursor=cursor, view=view))
    newest = context["updates"]
    if view != ReaderView() or cursor is not None:
        newest = update_page(request, section)["updates"]
    context["structured_data"] = live_blog_posting(request, section, newest)
    context["showing_older"] = cursor is not None
    if context["can_edit"]:
        context["post_form"] = NewUpdateForm()
        context["scheduled_updates"] = scheduled_updates(section)
        context.update(_edit_mode(request, section))
    return context


def _edit_mode(request, section) -> dict:
    """Without JavaScript, an edit link reloads the page with one item as a form."""
    update_id = _int_or_none(request.GET.get("edit_update"))
    if update_id is not None:
        update = section.updates.filter(pk=update_id).first()
        if update is not None:
            return {"edit_update_id": update.pk, "form": LiveUpdateEditForm.for_update(update)}
    slug = request.GET.get("edit_principle")
    principle = section.principles.filter(slug=slug).first() if slug else None
    if principle is not None:
        return {
            "edit_principle": principle.slug,
            "form": PrincipleEditForm.for_principle(principle),
        }
    return {}


def page_cursor(query, view: ReaderView) -> int | None:
    return _int_or_none(query.get(view.cursor_name))


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
