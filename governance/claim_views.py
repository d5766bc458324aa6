"""The private edit link, without the edit token in any URL a server sees.

The link is `…/assessments/<id>/claim/#<token>`: the part after `#` stays in the browser,
so access logs, proxies and Referer headers never carry it. The claim page's script
(static/js/claim.js) removes it from the address and posts it; without JavaScript the
reader pastes it into the same form. The owner can replace the token at any time: the old
link and every browser that held the old token lose the right to edit.
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from governance import services, tokens
from governance.access import editable_assessment
from governance.models import Assessment

TEMPLATE = "governance/assessment_claim.html"
LEGACY_TEMPLATE = "governance/assessment_link_replaced.html"


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


@never_cache
@require_http_methods(["GET", "POST"])
def assessment_claim_legacy(request, pk, token):
    """Edit links made before the token moved after `#` (`…/edit/<token>/`). Such a link
    has put its token in the access logs of every server it passed, so it opens the
    assessment only by replacing the token: the GET asks (a link preview or prefetch must
    not replace anyone's link), the POST replaces it, lets this browser edit and shows the
    new private link once. Until then the old link keeps working, so nobody is locked out."""
    assessment = Assessment.objects.filter(pk=pk).first()
    if assessment is None or not tokens.token_matches(assessment, token):
        raise Http404("No such assessment.")
    context = {"assessment": assessment, "token": token}
    if request.method == "POST":
        new_token = services.assessment_rotate_token(assessment=assessment)
        context["edit_link"] = tokens.edit_link(assessment, new_token, request)
    response = render(request, LEGACY_TEMPLATE, context)
    if request.method == "POST":
        tokens.remember_token(response, assessment, new_token)
        # (Not on the GET: its form must post with a same-origin Referer for CSRF.)
        response["Referrer-Policy"] = "no-referrer"
    return response
