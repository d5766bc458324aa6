"""The language switch: a plain GET link that stores the reader's choice in a cookie and
goes back to the page it was on (docs/decisions.md, 75). A link, unlike Django's POST
form, needs no CSRF token, so every reader's page stays the same and can be cached."""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.views.decorators.http import require_GET

from core.bilingual import reader_language


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


class ReaderLanguageMiddleware:
    """After LocaleMiddleware: `?lang=ko` / `?lang=en` shows one page in that language
    without changing the reader's choice (the addresses of the hreflang alternates in every
    page's <head>), and a browser whose first language is neither Korean nor English gets
    Korean (core.bilingual.reader_language; the page cache keys on the same choice).
    LocaleMiddleware's response handling (Content-Language, Vary) then reports it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = reader_language(request)
        if language != translation.get_language():
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
