"""Comparing two assessments: a page and its Markdown export. Both assessments must be
readable by whoever asks (their edit token, or shared), like each one's own page."""

import re
import uuid

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from governance import compare
from governance.access import may_read
from governance.models import Assessment

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)


def _comparison(request, pk):
    """(assessment, comparison or None, error message or None) for `?with=`, which may be
    the other assessment's id or its whole address."""
    wanted = request.GET.get("with", "").strip()
    match = UUID.search(wanted)
    other_pk = match.group(0).lower() if match else None
    # Both in one query; each must be readable here, like its own page.
    found = Assessment.objects.for_page().in_bulk([pk, other_pk] if other_pk else [pk])
    assessment = found.get(pk)
    if assessment is None or not may_read(request, assessment):
        raise Http404("No such assessment.")
    if not wanted:
        return assessment, None, None
    other = found.get(uuid.UUID(other_pk)) if other_pk else None
    if other is None or not may_read(request, other):
        # Unknown and unreadable look the same: an address must not reveal an assessment.
        return assessment, None, _("No assessment you can read has this address or id.")
    try:
        return assessment, compare.compare(assessment, other), None
    except ValidationError as error:
        return assessment, None, error.messages[0]


@never_cache
@require_GET
def compare_page(request, pk):
    assessment, comparison, error = _comparison(request, pk)
    context = {
        "assessment": assessment,
        "checklist": assessment.checklist_version.checklist,
        "comparison": comparison,
        "other": comparison
        and (comparison.now if comparison.then == assessment else comparison.then),
        "error": error,
        "wanted": request.GET.get("with", ""),
    }
    return render(request, "governance/compare.html", context, status=400 if error else 200)


@never_cache
@require_GET
def compare_markdown(request, pk):
    _assessment, comparison, error = _comparison(request, pk)
    if comparison is None:
        return HttpResponse(
            error or _("Name the other assessment with ?with=."),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    body = compare.as_markdown(
        comparison,
        request.build_absolute_uri(comparison.then.get_absolute_url()),
        request.build_absolute_uri(comparison.now.get_absolute_url()),
    )
    response = HttpResponse(body, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="comparison.md"'
    response["Cache-Control"] = "private, no-store"
    return response
