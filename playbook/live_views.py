"""The live section: the readers' poll, and the editors' inline writes.

Every write answers an HTMX request with the changed fragment (a partial of
playbook/section_detail.html) and a plain POST with a redirect back to the section.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.access import LIVE_EDITING_PERMISSIONS, editor_required
from core.page_cache import reader_page
from playbook import scheduling, services
from playbook.forms import KeyEventForm, LiveUpdateEditForm, NewUpdateForm, PrincipleEditForm
from playbook.live import (
    ReaderView,
    live_section_context,
    page_cursor,
    scheduled_updates,
    update_page,
)
from playbook.models import LiveUpdate, Principle, Section
from playbook.revisions import cached_revision, remember_revision

PAGE = "playbook/section_detail.html"


def poll_headers(response, revision: int):
    response["X-Live-Revision"] = str(revision)
    response["X-Poll-Interval"] = str(settings.LIVE_POLL_SECONDS)
    return response


@reader_page(query=("since",), before=scheduling.release_if_due_for)
@require_GET
def section_changes(request, slug):
    """What changed in a live section after `since`. The common answer, nothing, comes
    from the cached revision alone: no session, no user, no database."""
    try:
        since = int(request.GET.get("since", ""))
    except ValueError:
        return HttpResponseBadRequest(_("`since` must be a revision number."))
    revision, due = cached_revision(slug), scheduling.cached_next_due(slug)
    if revision is None or due is None:
        revision, next_at = get_object_or_404(
            Section.objects.values_list("revision", "next_scheduled_at"), slug=slug, is_live=True
        )
        remember_revision(slug, revision)
        scheduling.remember_next_due(slug, next_at)
        due = scheduling.as_timestamp(next_at)
    if scheduling.is_due(due):  # an update written ahead: its time has come
        section = get_object_or_404(Section, slug=slug, is_live=True)
        scheduling.release_if_due(section)
        revision = Section.objects.values_list("revision", flat=True).get(pk=section.pk)
    if since >= revision:
        response = HttpResponse(status=204)
        response["ETag"] = f'"{slug}-{revision}"'
        # Identical for every reader, so a shared cache may answer it for a few seconds.
        patch_cache_control(response, public=True, max_age=settings.LIVE_POLL_CACHE_SECONDS)
        return poll_headers(response, revision)

    section = get_object_or_404(Section, slug=slug, is_live=True)
    context = live_section_context(request, section, since=since)
    if context["too_far_behind"]:
        response = HttpResponse()
        response["HX-Refresh"] = "true"  # htmx reloads the whole page
    else:
        response = render(request, f"{PAGE}#live-changes", context)
    if section.coverage_has_ended:
        response["X-Live-Ended"] = "1"  # live.js stops polling
    patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ["HX-Request", "Cookie"])
    return poll_headers(response, section.revision)


@reader_page(query=("before", "after", "order", "show"), before=scheduling.release_if_due_for)
@require_GET
def older_updates(request, slug):
    """The next page of updates in the reader's order (older ones, or later ones when
    oldest come first), appended to the list by live.js."""
    section = get_object_or_404(Section, slug=slug, is_live=True)
    view = ReaderView.from_query(request.GET)
    cursor = page_cursor(request.GET, view)
    if cursor is None:
        message = _("`%(name)s` must be an update number.") % {"name": view.cursor_name}
        return HttpResponseBadRequest(message)
    if not request.htmx:
        query = view.query(**{view.cursor_name: cursor})
        return redirect(f"{section.get_absolute_url()}{query}#live-updates")
    page = update_page(request, section, cursor=cursor, view=view)
    context = {"section": section, "showing_older": True, **page}
    response = render(request, f"{PAGE}#older-updates", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _respond(request, section, fragment, context, status=200):
    """A fragment for HTMX, or back to the section page for a plain form post."""
    if request.htmx:
        response = render(request, f"{PAGE}#{fragment}", context, status=status)
        patch_vary_headers(response, ["HX-Request"])
        return response
    if status >= 400:
        # The whole page again, with the refused form in it and the message beside it.
        section = Section.objects.with_published_principles().get(pk=section.pk)
        page_context = live_section_context(request, section)
        page_context.update({k: v for k, v in context.items() if k != "section"})
        return render(request, PAGE, page_context, status=status)
    anchor = context.get("anchor", "")
    return redirect(f"{section.get_absolute_url()}{anchor}")


@require_POST
@editor_required(*LIVE_EDITING_PERMISSIONS)
def update_create(request, slug):
    section = get_object_or_404(Section, slug=slug, is_live=True)
    form = NewUpdateForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            update = services.live_update_create(
                section=section,
                author=request.user,
                body=form.cleaned_data["body"],
                is_key_event=form.cleaned_data["is_key_event"],
                scheduled_for=form.cleaned_data["scheduled_for"],
                picture=form.cleaned_data["picture"],
                picture_alt=form.cleaned_data["picture_alt"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            context = {
                "section": section,
                "update": update,
                "post_form": NewUpdateForm(),
                "can_edit": True,
                "anchor": f"#update-{update.pk}",
            }
            if update.scheduled_for is not None:
                context["scheduled_updates"] = scheduled_updates(section)
                context["anchor"] = "#scheduled-updates"
                return _respond(request, section, "update-scheduled", context)
            return _respond(request, section, "update-posted", context)
    return _respond(request, section, "post-form", {"post_form": form, "section": section}, 422)


@require_POST
@editor_required(*LIVE_EDITING_PERMISSIONS)
def update_cancel(request, slug, pk):
    """Withdraws an update scheduled for later, before any reader saw it."""
    section = get_object_or_404(Section, slug=slug, is_live=True)
    update = get_object_or_404(LiveUpdate, pk=pk, section=section)
    context, status = {"section": section, "anchor": "#scheduled-updates"}, 200
    try:
        services.live_update_cancel_scheduled(update=update, editor=request.user)
    except ValidationError as error:  # released meanwhile: it is a posted update now
        context["scheduled_error"], status = error.messages[0], 409
    context["scheduled_updates"] = scheduled_updates(section)
    return _respond(request, section, "scheduled", context, status)


def _update_or_404(slug, pk):
    return get_object_or_404(
        LiveUpdate.objects.for_display().select_related("section"),
        pk=pk,
        section__slug=slug,
        section__is_live=True,
    )


@require_http_methods(["GET", "POST"])
@editor_required(*LIVE_EDITING_PERMISSIONS)
def update_edit(request, slug, pk):
    update = _update_or_404(slug, pk)
    section = update.section
    if request.method == "GET":
        form = LiveUpdateEditForm.for_update(update)
        if not request.htmx:
            return redirect(f"{section.get_absolute_url()}?edit_update={pk}#update-{pk}")
        return _respond(request, section, "update-form", {"update": update, "form": form})

    form = LiveUpdateEditForm(request.POST)
    # edit_update_id shows the form in place when the whole page is sent back (no htmx).
    refused = {"update": update, "form": form, "edit_update_id": update.pk}
    if not form.is_valid():
        return _respond(request, section, "update-form", refused, 422)
    try:
        update = services.live_update_edit(
            update=update,
            editor=request.user,
            body=form.cleaned_data["body"],
            is_key_event=form.cleaned_data["is_key_event"],
            expected_version=form.cleaned_data["version"],
        )
    except services.EditConflict as conflict:
        return _update_conflict(request, section, conflict.current, form)
    except ValidationError as error:
        form.add_error(None, error)
        return _respond(request, section, "update-form", refused, 422)
    context = {"update": update, "can_edit": True, "anchor": f"#update-{update.pk}"}
    return _respond(request, section, "update", context)


def _update_conflict(request, section, current, form):
    """409: show the stored text beside the editor's own, which stays in the form with
    the current version, so saving again is a deliberate choice and nothing is lost."""
    context = {
        "update": current,
        "form": form.rebased_on(current),
        "conflict": current,
        "edit_update_id": current.pk,
    }
    return _respond(request, section, "update-form", context, 409)


def _versioned_write(request, slug, pk, write):
    update = _update_or_404(slug, pk)
    form = KeyEventForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("The form was incomplete; reload the page."))
    try:
        update = write(update, form.cleaned_data)
    except services.EditConflict as conflict:
        context = {"update": conflict.current, "can_edit": True, "stale": True}
        return _respond(request, update.section, "update", context, 409)
    context = {"update": update, "can_edit": True, "anchor": f"#update-{update.pk}"}
    return _respond(request, update.section, "update", context)


@require_POST
@editor_required(*LIVE_EDITING_PERMISSIONS)
def update_key_event(request, slug, pk):
    return _versioned_write(
        request,
        slug,
        pk,
        lambda update, data: services.live_update_set_key_event(
            update=update,
            editor=request.user,
            is_key_event=data["is_key_event"],
            expected_version=data["version"],
        ),
    )


@require_POST
@editor_required(*LIVE_EDITING_PERMISSIONS)
def update_retract(request, slug, pk):
    return _versioned_write(
        request,
        slug,
        pk,
        lambda update, data: services.live_update_retract(
            update=update, editor=request.user, expected_version=data["version"]
        ),
    )


@require_http_methods(["GET", "POST"])
@editor_required("playbook.change_principle")
def principle_edit(request, slug):
    principle = get_object_or_404(Principle.objects.select_related("section"), slug=slug)
    section = principle.section
    if request.method == "GET":
        form = PrincipleEditForm.for_principle(principle)
        if not request.htmx:
            return redirect(f"{section.get_absolute_url()}?edit_principle={slug}#principle-{slug}")
        return _respond(request, section, "principle-form", {"principle": principle, "form": form})

    form = PrincipleEditForm(request.POST)
    context = {"principle": principle, "form": form, "edit_principle": slug}
    if not form.is_valid():
        return _respond(request, section, "principle-form", context, 422)
    data = form.cleaned_data
    try:
        principle = services.principle_edit(
            principle=principle,
            editor=request.user,
            title=data["title"],
            title_en=data["title_en"],
            summary=data["summary"],
            responsible_ai=data["responsible_ai"],
            expected_version=data["version"],
            # A form sent without the English fields (an older page) leaves them alone.
            summary_en=data["summary_en"] if "summary_en" in request.POST else None,
            responsible_ai_en=(
                data["responsible_ai_en"] if "responsible_ai_en" in request.POST else None
            ),
        )
    except services.EditConflict as conflict:
        context.update(form=form.rebased_on(conflict.current), conflict=conflict.current)
        return _respond(request, section, "principle-form", context, 409)
    except ValidationError as error:
        form.add_error(None, error)
        return _respond(request, section, "principle-form", context, 422)
    context = {"principle": principle, "can_edit_principles": True, "anchor": f"#principle-{slug}"}
    return _respond(request, section, "principle-card", context)
