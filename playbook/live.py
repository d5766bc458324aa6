"""What a live section page shows, for the page itself and for readers' polls."""

from django.conf import settings

from core.access import LIVE_EDITING_PERMISSIONS, can_edit_live, can_edit_principles
from playbook.forms import LiveUpdateEditForm, LiveUpdateForm, PrincipleEditForm
from playbook.models import Principle
from playbook.revisions import remember_revision
from playbook.structured_data import live_blog_posting

UPDATES_PER_PAGE = 20
KEY_EVENTS_SHOWN = 20
# A reader further behind than this reloads the page instead of receiving a huge answer.
MAX_CHANGES_PER_POLL = 100


def update_page(request, section, before: int | None = None) -> dict:
    """Twenty updates, newest first, older than `before` when given."""
    updates = section.updates.for_display().newest_first()
    if before is not None:
        updates = updates.filter(pk__lt=before)
    page = list(updates[: UPDATES_PER_PAGE + 1])
    shown = page[:UPDATES_PER_PAGE]
    return {
        "updates": shown,
        "older_before": shown[-1].pk if len(page) > UPDATES_PER_PAGE else None,
        "can_edit": can_edit_live(request.user),
    }


COVERAGE_PERMISSIONS = (*LIVE_EDITING_PERMISSIONS, "playbook.change_section")


def can_manage_coverage(user) -> bool:
    """Pinning an update and ending the coverage change the section itself."""
    return user.is_authenticated and user.has_perms(COVERAGE_PERMISSIONS)


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
    before = _int_or_none(request.GET.get("before"))
    context.update(update_page(request, section, before=before))
    context["structured_data"] = live_blog_posting(request, section, context["updates"])
    context["showing_older"] = before is not None
    if context["can_edit"]:
        context["post_form"] = LiveUpdateForm()
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


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
