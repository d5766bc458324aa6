"""The live section's own state, set by editors (the pinned update, the end of the
coverage), and the page of one update (its permalink).

The editors' forms are plain POSTs that come back to the section page: open readers'
pages receive the change through their poll, like any edit."""

from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from core.access import editor_required
from core.page_cache import reader_page
from playbook import scheduling, services
from playbook.live import COVERAGE_PERMISSIONS as SECTION_EDITING
from playbook.models import LiveUpdate, Section

NEIGHBOURS = 2  # updates shown before and after the one a permalink opens


def _refused(error: ValidationError):
    return HttpResponseBadRequest(" ".join(error.messages))


def _live_or_404(slug) -> Section:
    # Any section: one that is not live is refused by the service with a message (400).
    return get_object_or_404(Section, slug=slug)


@require_POST
@editor_required(*SECTION_EDITING)
def update_pin(request, slug, pk):
    section = _live_or_404(slug)
    update = get_object_or_404(LiveUpdate, pk=pk, section=section)
    try:
        services.section_pin(section=section, update=update)
    except ValidationError as error:
        return _refused(error)
    return redirect(f"{section.get_absolute_url()}#pinned")


@require_POST
@editor_required(*SECTION_EDITING)
def section_unpin(request, slug):
    section = _live_or_404(slug)
    try:
        services.section_pin(section=section, update=None)
    except ValidationError as error:
        return _refused(error)
    return redirect(f"{section.get_absolute_url()}#live-updates")


@require_POST
@editor_required(*SECTION_EDITING)
def coverage_end(request, slug):
    section = _live_or_404(slug)
    try:
        services.section_end_coverage(section=section, summary=request.POST.get("summary", ""))
    except ValidationError as error:
        return _refused(error)
    return redirect(f"{section.get_absolute_url()}#coverage")


@require_POST
@editor_required(*SECTION_EDITING)
def coverage_reopen(request, slug):
    section = _live_or_404(slug)
    try:
        services.section_reopen_coverage(section=section)
    except ValidationError as error:
        return _refused(error)
    return redirect(f"{section.get_absolute_url()}#live-updates")


@reader_page(before=scheduling.release_if_due_for)
@require_GET
def update_detail(request, slug, pk):
    """One update on a page of its own, between the updates posted just before and after."""
    # The page cache runs this hook before the cache; run here too when it is bypassed
    # (editors, cache off). It reads the cached due time: no query while nothing is due.
    scheduling.release_if_due_for(request, slug)
    update = get_object_or_404(
        LiveUpdate.objects.for_display().select_related("section"),
        pk=pk,
        section__slug=slug,
        section__is_live=True,
    )
    shown = LiveUpdate.objects.for_display().filter(section=update.section_id)
    newer = list(shown.filter(pk__gt=update.pk).order_by("pk")[:NEIGHBOURS])
    older = list(shown.filter(pk__lt=update.pk).order_by("-pk")[:NEIGHBOURS])
    context = {
        "section": update.section,
        "update": update,
        "newer": newer[::-1],
        "older": older,
    }
    return render(request, "playbook/update_detail.html", context)
