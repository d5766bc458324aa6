"""The language switch: a plain GET link that stores the reader's choice in a cookie and
goes back to the page it was on (docs/decisions.md, 75). A link, unlike Django's POST
form, needs no CSRF token, so every reader's page stays the same and can be cached."""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.views.decorators.http import require_GET


def safe_next(request) -> str:
    """The page to go back to: a path on this site, else the home page."""
    target = request.GET.get("next", "")
    if (
        target.startswith("/")
        and not target.startswith("//")
        and "\\" not in target
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return "/"


@require_GET
def switch_language(request, code):
    if code not in dict(settings.LANGUAGES) or not check_for_language(code):
        raise Http404("No such language.")
    response = HttpResponseRedirect(safe_next(request))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
