"""The assessment pages: reading, answering, completing, sharing, upgrading, exporting.

Whoever holds the edit token (governance.tokens) may change an assessment. Without it a
shared assessment can be read and an unshared one does not exist (404): its URL alone must
reveal nothing.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from core.ratelimit import per_address
from governance import crosswalk, exports, risk_tiers, services, tokens
from governance.access import editable_assessment as _editable
from governance.access import readable_assessment as _readable
from governance.charts import score_chart
from governance.models import JUSTIFICATION_MAX, Answer, AnswerStatus, Checklist
from governance.scoring import compute
from governance.selectors import checklist_sections, newest_published_version

PAGE = "governance/assessment_detail.html"


def sections_of(assessment):
    return checklist_sections(version_id=assessment.checklist_version_id)


def results_of(assessment, sections):
    tier_required = risk_tiers.required_keys(assessment.risk_tier, sections)
    return compute(sections, Answer.objects.filter(assessment=assessment), tier_required)


def page_context(assessment, editable, results, **extra):
    newer = None
    if editable:
        newest = newest_published_version(checklist=assessment.checklist_version.checklist_id)
        if newest is not None and newest.number > assessment.checklist_version.number:
            newer = newest
    return {
        "assessment": assessment,
        "version": assessment.checklist_version,
        "checklist": assessment.checklist_version.checklist,
        "can_edit": editable,
        "results": results,
        "chart": score_chart(results),
        "statuses": AnswerStatus.choices,
        "newer_version": newer,
        "justification_max": JUSTIFICATION_MAX,
        "risk_questions": [
            (question, question.key in assessment.risk_answers) for question in risk_tiers.QUESTIONS
        ],
        **extra,
    }


def page(request, assessment, editable, *, status=200, **extra):
    sections = sections_of(assessment)
    results = results_of(assessment, sections)
    context = page_context(assessment, editable, results, **extra)
    if not assessment.checklist_version.checklist.source_format:
        # Only the playbook's own items test principles, so only its assessments say
        # how far they cover the frameworks mapped to those principles.
        context["coverage"] = crosswalk.coverage(results=results)
    return render(request, PAGE, context, status=status)


@never_cache
@require_GET
def assessment_detail(request, pk):
    assessment, editable = _readable(request, pk)
    edit_link = None
    if editable and request.COOKIES.get(tokens.JUST_CREATED_COOKIE):
        token = tokens.request_token(request, assessment)
        edit_link = tokens.edit_link(assessment, token, request)
    refused = request.GET.get("complete") == "refused" and not assessment.completed_at
    response = page(request, assessment, editable, edit_link=edit_link, complete_refused=refused)
    if edit_link:
        tokens.forget_just_created(response, assessment)
    return response


@never_cache
@require_POST
def assessment_complete(request, pk):
    """POST, then a redirect back to the page (never a page at a POST address): refused
    while required items are open, which the page then lists as an alert."""
    assessment = _editable(request, pk)
    results = results_of(assessment, sections_of(assessment))
    try:
        services.assessment_complete(assessment=assessment, results=results)
    except ValidationError:
        return redirect(f"{assessment.get_absolute_url()}?complete=refused#complete")
    return redirect(f"{assessment.get_absolute_url()}#results")


@never_cache
@require_POST
def assessment_reopen(request, pk):
    assessment = _editable(request, pk)
    services.assessment_reopen(assessment=assessment)
    return redirect(f"{assessment.get_absolute_url()}#results")


@never_cache
@require_POST
def assessment_share(request, pk):
    assessment = _editable(request, pk)
    services.assessment_share(assessment=assessment, shared=request.POST.get("shared") == "1")
    return redirect(f"{assessment.get_absolute_url()}#sharing")


@never_cache
@require_POST
def assessment_upgrade(request, pk):
    assessment = _editable(request, pk)
    try:
        services.assessment_upgrade(assessment=assessment)
    except ValidationError as error:
        return page(request, assessment, True, status=409, upgrade_error=error.messages[0])
    return redirect(f"{assessment.get_absolute_url()}#upgrade")


def _download(request, pk, render_body, extension, content_type):
    assessment, _editable_flag = _readable(request, pk)
    results = results_of(assessment, sections_of(assessment))
    body = render_body(assessment, results)
    response = HttpResponse(body, content_type=content_type)
    name = slugify(assessment.subject, allow_unicode=True) or "assessment"
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{name}.{extension}"
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def export_markdown(request, pk):
    return _download(
        request,
        pk,
        lambda a, r: exports.as_markdown(a, r, request.build_absolute_uri(a.get_absolute_url())),
        "md",
        "text/markdown; charset=utf-8",
    )


@require_GET
def export_csv(request, pk):
    # The byte-order mark makes spreadsheet programs read the Korean text as UTF-8.
    return _download(
        request, pk, lambda a, r: "\ufeff" + exports.as_csv(r), "csv", "text/csv; charset=utf-8"
    )


@require_GET
def export_json(request, pk):
    return _download(
        request, pk, lambda a, r: exports.as_json(a, r), "json", "application/json; charset=utf-8"
    )


@never_cache
@require_POST
# A carried-over assessment is a new one: it counts as a start.
@per_address("assessment-start", limit=lambda: settings.ASSESSMENT_STARTS_PER_HOUR, window=3600)
def carry_over(request, pk, slug):
    """Start an assessment of an imported framework from this playbook assessment."""
    source = _editable(request, pk)
    framework = get_object_or_404(Checklist.objects.exclude(source_format=""), slug=slug)
    version = newest_published_version(checklist=framework)
    if version is None or source.checklist_version.checklist.source_format:
        raise Http404("Nothing to carry over to.")
    assessment, token, _count = services.assessment_carry_over(source=source, version=version)
    response = redirect(assessment)
    tokens.remember_token(response, assessment, token, just_created=True)
    return response


@never_cache
@require_POST
def risk_tier(request, pk):
    """The pre-questionnaire's form: the ticked questions are the ones answered "yes"."""
    assessment = _editable(request, pk)
    try:
        services.assessment_set_risk_tier(assessment=assessment, yes=request.POST.getlist("yes"))
    except ValidationError as error:
        return page(request, assessment, True, status=400, risk_error=error.messages[0])
    return redirect(assessment.get_absolute_url() + "#risk-tier")
