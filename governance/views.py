from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.page_cache import reader_page
from core.ratelimit import per_address
from governance import crosswalk, exports, services, tokens
from governance.forms import ImportForm, StartForm
from governance.models import Checklist
from governance.selectors import (
    checklist_items,
    checklist_sections,
    checklists_with_published_versions,
    newest_published_version,
)


@reader_page
@require_GET
def checklist_list(request):
    context = {"checklists": checklists_with_published_versions()}
    return render(request, "governance/checklist_list.html", context)


@reader_page
@require_GET
def crosswalk_matrix(request):
    return render(request, "governance/crosswalk.html", {"matrix": crosswalk.matrix()})


@reader_page
@require_GET
def checklist_detail(request, slug):
    checklist = get_object_or_404(Checklist, slug=slug)
    version = newest_published_version(checklist=checklist)
    if version is None:
        raise Http404("This checklist has no published version yet.")
    sections = checklist_sections(version_id=version.pk)
    items = [item for section in sections for item in section.items.all()]
    crosswalk.annotate_items(checklist=checklist, items=items)
    context = {"checklist": checklist, "version": version, "sections": sections}
    return render(request, "governance/checklist_detail.html", context)


START_PAGE = "governance/assessment_start.html"


def _start_page(request, checklist, *, status=200, start_form=None, import_form=None):
    """The forms that start an assessment. They carry a CSRF token, so they are not on the
    (shared, cached) checklist page but here, and inlined there by htmx."""
    version = newest_published_version(checklist=checklist)
    if version is None:
        raise Http404("This checklist has no published version yet.")
    context = {
        "checklist": checklist,
        "version": version,
        "start_form": start_form or StartForm(),
        "import_form": import_form or ImportForm(),
    }
    template = f"{START_PAGE}#start-forms" if request.htmx else START_PAGE
    response = render(request, template, context, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response


@reader_page
@require_GET
def checklist_item(request, slug, key):
    """One question of a checklist's newest published version, with what the crosswalk
    says about it (its principles, and the other frameworks' items on them)."""
    checklist = get_object_or_404(Checklist, slug=slug)
    version = newest_published_version(checklist=checklist)
    if version is None:
        raise Http404("This checklist has no published version yet.")
    item = get_object_or_404(checklist_items(version_id=version.pk), key=key)
    crosswalk.annotate_items(checklist=checklist, items=[item], neighbours=True)
    context = {"checklist": checklist, "version": version, "item": item}
    return render(request, "governance/checklist_item.html", context)


def _created(assessment, token):
    response = redirect(assessment)
    tokens.remember_token(response, assessment, token, just_created=True)
    return response


HOUR = 60 * 60


@require_http_methods(["GET", "POST"])
@per_address("assessment-start", limit=lambda: settings.ASSESSMENT_STARTS_PER_HOUR, window=HOUR)
def assessment_start(request, slug):
    checklist = get_object_or_404(Checklist, slug=slug)
    if request.method == "GET":
        return _start_page(request, checklist)
    version = newest_published_version(checklist=checklist)
    form = StartForm(request.POST)
    if version is None or not form.is_valid():
        return _start_page(request, checklist, status=400, start_form=form)
    assessment, token = services.assessment_start(
        version=version, subject=form.cleaned_data["subject"]
    )
    return _created(assessment, token)


@require_POST
@per_address("assessment-import", limit=lambda: settings.ASSESSMENT_IMPORTS_PER_HOUR, window=HOUR)
def assessment_import(request, slug):
    checklist = get_object_or_404(Checklist, slug=slug)
    form = ImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            data = exports.import_json(form.cleaned_data["file"].read(), checklist=checklist)
        except ValidationError as error:
            for message in error.messages:
                form.add_error("file", message)
    if not form.is_valid():
        return _start_page(request, checklist, status=400, import_form=form)
    assessment, token = services.assessment_import(data=data)
    return _created(assessment, token)
