"""The private edit link, without the edit token in any URL a server sees.

The link is `…/assessments/<id>/claim/#<token>`: the part after `#` stays in the browser,
so access logs, proxies and Referer headers never carry it. The claim page's script
(static/js/claim.js) removes it from the address and posts it; without JavaScript the
reader pastes it into the same form. The owner can replace the token at any time: the old
link and every browser that held the old token lose the right to edit.
"""

from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from governance import services, tokens
from governance.access import editable_assessment
from governance.models import Assessment

TEMPLATE = "governance/assessment_claim.html"


@never_cache
@require_http_methods(["GET", "POST"])
def assessment_claim(request, pk):
    if request.method == "GET":
        # The same page for any id: it tells nobody whether the assessment exists. (The
        # site's same-origin Referrer-Policy stays: with no-referrer the browser would post
        # the form with `Origin: null`, which the CSRF check refuses.)
        return render(request, TEMPLATE, {"pk": pk})
    token = request.POST.get("token", "").strip()
    assessment = Assessment.objects.filter(pk=pk).first()
    if assessment is None or not tokens.token_matches(assessment, token):
        return render(request, TEMPLATE, {"pk": pk, "refused": True}, status=400)
    response = redirect(assessment)
    response.status_code = 303
    tokens.remember_token(response, assessment, token)
    response["Referrer-Policy"] = "no-referrer"
    return response


@never_cache
@require_POST
def rotate_token(request, pk):
    """A new edit token: the page shows the new private link once."""
    assessment = editable_assessment(request, pk)
    token = services.assessment_rotate_token(assessment=assessment)
    response = redirect(assessment.get_absolute_url() + "#edit-link")
    tokens.remember_token(response, assessment, token, just_created=True)
    return response
