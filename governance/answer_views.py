"""Saving one answer, from the page's autosave (HTMX) or from its plain form.

With JavaScript the page saves each answer as it changes and swaps nothing but small
out-of-band parts (the saved state, the answer's version, the problems box, the scores),
so that what the reader is typing is never replaced under the cursor. Without it the form
posts, and the reader comes back to the page (POST/redirect/GET), or sees the page again
with the refused input and its message.

Every save names the answer's version the page showed: an answer changed meanwhile in
another tab or browser is reported with what is saved there, never overwritten silently.
"""

from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from governance import services
from governance.access import editable_assessment
from governance.assessment_views import PAGE, page_context, results_of, sections_of
from governance.forms import AnswerForm


def expected_version(post) -> int | None:
    """The version the reader means to replace: the conflict box's "keep mine" button
    names the version saved elsewhere, the form's hidden field the one it was shown. A
    post without either (an old page) is not checked. Raises ValueError on junk."""
    raw = post.get("replace") or post.get("version")
    if raw in (None, ""):
        return None
    value = int(raw)
    if value < 0:
        raise ValueError(raw)
    return value


def _fragment(request, name, context, status=200):
    response = render(request, f"{PAGE}#{name}", context, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response


@never_cache
@require_POST
def answer_save(request, pk, key):
    assessment = editable_assessment(request, pk)
    sections = sections_of(assessment)
    results = results_of(assessment, sections)
    found = results.row(key)
    if found is None:
        raise Http404("No such item in this checklist version.")
    result, row = found
    try:
        expected = expected_version(request.POST)
    except ValueError:
        return HttpResponseBadRequest(_("The answer's version must be a whole number."))
    form = AnswerForm(request.POST)
    status = 422
    if form.is_valid():
        try:
            services.answer_save(
                assessment=assessment,
                item=row.item,
                data=form.cleaned_data,
                expected_version=expected,
            )
        except services.AnswerConflict as conflict:
            row.conflict, row.has_conflict, status = conflict.current, True, 409
        except services.AssessmentLocked:
            row.locked, status = True, 409
        else:
            if not request.htmx:
                return redirect(f"{assessment.get_absolute_url()}#item-{key}")
            results = results_of(assessment, sections)
            result, row = results.row(key)
            context = page_context(assessment, True, results, result=result, row=row)
            return _fragment(request, "answer-saved", {**context, "just_saved": True})
    # Only this row shows the refused input; every other answer stays as saved.
    row.form = form
    context = page_context(assessment, True, results, result=result, row=row)
    if request.htmx:
        return _fragment(request, "answer-refused", context, status)
    assessment.refresh_from_db(fields=["completed_at"])
    response = render(request, PAGE, {**context, "assessment": assessment}, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response
