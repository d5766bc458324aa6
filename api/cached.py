"""The API's answers from the shared cache, keyed by the site-wide content revision
(core.revision), as the readers' pages are (core.page_cache, docs/decisions.md 74).

The ETag names the release, the revision, the language and the address, so `If-None-Match`
is answered 304 before the view runs (no query), and an answer rendered once at a revision
is given again from the cache until the next content write. Search is left out: its hits
are another room's work (search/), and its index may change without a content write."""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import get_language

from core.page_cache import cache_get, cache_set, etag_matches, freeze, is_tracking, thaw
from core.revision import site_revision

# URL names (api-v1:<name>) whose answers are not cached: see the docstring.
UNCACHED = frozenset({"search"})


def address_of(request) -> str:
    """Scheme, host, path and every parameter but the tracking ones, sorted by name (the
    answers hold absolute links, so the host is part of it)."""
    kept = sorted((k, v) for k, vs in request.GET.lists() if not is_tracking(k) for v in vs)
    return f"{request.scheme}://{request.get_host()}{request.path}?{urlencode(kept)}"


class Lookup:
    def __init__(self, request):
        release = settings.PAGE_CACHE_RELEASE
        revision = site_revision()
        language = get_language() or settings.LANGUAGE_CODE
        digest = hashlib.sha256(address_of(request).encode()).hexdigest()[:32]
        self.key = f"api:{release}:{revision}:{language}:{digest}"
        self.etag = f'"api-{release}r{revision}-{language}-{digest[:16]}"'


def enabled() -> bool:
    # The benchmark's "off" run (PLAYBOOK_PAGE_CACHE=0) turns the API's cache off too.
    return settings.PAGE_CACHE_ENABLED


def cached_answer(request, lookup: Lookup) -> HttpResponse | None:
    entry = cache_get(lookup.key)
    return thaw(entry) if entry is not None else None


def keep(lookup: Lookup, response: HttpResponse) -> None:
    if response.status_code == 200 and not response.streaming and not response.cookies:
        cache_set(lookup.key, freeze(response))


def matches(request, etag: str) -> bool:
    return etag_matches(request, etag)
