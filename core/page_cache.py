"""Readers' pages from the shared cache (DESIGN.md "Readers' pages from a shared cache").

A view takes part only when it says so with `@reader_page(...)`: its answer must be the
same for every anonymous reader of a language, given the path and the query parameters it
names. The middleware then

- answers `If-None-Match` with 304 from the content revision alone (core.revision);
- answers from the cache under (path, named parameters, language, revision, htmx headers),
  without touching the database, when the page was rendered before at this revision;
- otherwise lets the view render, and keeps the answer if it carries no per-reader state
  (no cookie set, no CSRF token asked for).

Requests that may be signed in (a session cookie), carry a message, or authenticate
otherwise bypass it and are answered `private, no-store`. Tracking parameters
(`utm_source`…) are dropped before the view sees them, so they share the entry; any
other parameter the page does not name makes the request render as asked, unstored.
"""

import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified, QueryDict
from django.urls import Resolver404, get_urlconf, resolve
from django.utils.cache import patch_cache_control, patch_vary_headers

from core import shared_reads
from core.bilingual import reader_language
from core.revision import REVISION_KEY, site_revision

logger = logging.getLogger(__name__)

VARY = ("Cookie", "Accept-Language", "HX-Request", "HX-History-Restore-Request")
# Besides the session cookie (signed in), a cookie that means the answer is per reader:
# a pending message (django.contrib.messages' cookie storage).
MESSAGES_COOKIE = "messages"
# Headers of a stored answer that must never be replayed to another reader.
NOT_STORED_HEADERS = {"set-cookie", "x-page-cache"}


@dataclass(frozen=True)
class ReaderPage:
    query: tuple[str, ...] = ()
    # Called with the request and the URL's arguments before the cache is asked, on a hit
    # too: for changes that time alone makes due (a live update scheduled for now), which
    # bump the revision and so the key. It must cost nothing when there is nothing to do.
    before: Callable | None = None


def reader_page(view=None, *, query: tuple[str, ...] = (), before: Callable | None = None):
    """Declare a view's answer the same for every anonymous reader of a language, for the
    path and the `query` parameters named (all others are dropped before the view)."""

    def mark(func):
        func.reader_page = ReaderPage(query=tuple(query), before=before)
        return func

    return mark(view) if view is not None else mark


def reader_page_of(view) -> ReaderPage | None:
    return getattr(view, "reader_page", None)


def is_per_reader(request) -> bool:
    """Whether the answer may depend on who asks (signed in, a pending message…)."""
    if settings.SESSION_COOKIE_NAME in request.COOKIES or MESSAGES_COOKIE in request.COOKIES:
        return True
    return "Authorization" in request.headers


def htmx_variant(request) -> str:
    """Which representation the htmx headers ask for: a whole page or a part."""
    part = "part" if request.headers.get("HX-Request") == "true" else "page"
    if request.headers.get("HX-History-Restore-Request") == "true":
        part += "-restore"
    return part


# Parameters that links from elsewhere add and no page reads: dropped before the view.
TRACKING_PARAMETERS = ("fbclid", "gclid", "mc_cid", "mc_eid", "ref")


# `?lang=ko|en` shows a page in one language (the hreflang alternates, core.bilingual).
LANGUAGE_PARAMETER = ("lang",)


def is_tracking(name: str) -> bool:
    return name.startswith("utm_") or name in TRACKING_PARAMETERS


def has_unnamed_parameters(request, page: ReaderPage) -> bool:
    """A parameter the page neither names nor ignores might change what the view does, so
    such a request is rendered as asked and not stored: slower, never wrong."""
    names = (*page.query, *LANGUAGE_PARAMETER)
    return any(name not in names and not is_tracking(name) for name in request.GET)


def normalised_query(request, names: tuple[str, ...]) -> str:
    """The named parameters only (and `lang`, which every page takes), in name order,
    values in their order."""
    kept = QueryDict(mutable=True)
    for name in sorted({*names, *LANGUAGE_PARAMETER}):
        values = request.GET.getlist(name)
        if values:
            kept.setlist(name, values)
    return kept.urlencode()


@dataclass(frozen=True)
class Lookup:
    key: str
    etag: str
    language: str


def lookup_for(request, page: ReaderPage) -> Lookup:
    # The language the page is rendered in (pages.language), so Korean for "fr, en;q=0.8".
    language = reader_language(request)
    query = normalised_query(request, page.query)
    revision = site_revision()
    variant = htmx_variant(request)
    release = settings.PAGE_CACHE_RELEASE
    # Scheme and host too: feeds and structured data carry absolute addresses.
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    key = f"page:{release}:{revision}:{language}:{variant}:{digest}"
    etag = f'"{release}r{revision}-{language}-{variant}"'
    return Lookup(key=key, etag=etag, language=language)


def etag_matches(request, etag: str) -> bool:
    header = request.headers.get("If-None-Match", "")
    if not header or not etag:
        return False
    candidates = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return "*" in candidates or etag.removeprefix("W/") in candidates


def shared_headers(response, etag: str) -> None:
    """Validators and caching rules of a page any reader may be given."""
    if not response.has_header("ETag"):
        response["ETag"] = etag
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_S_MAXAGE)
    patch_vary_headers(response, VARY)


def not_modified(etag: str, like=None) -> HttpResponse:
    """304, with the validators and caching rules of the answer it stands for."""
    response = HttpResponseNotModified()
    response["ETag"] = etag
    if like is not None and like.has_header("Cache-Control"):
        response["Cache-Control"] = like["Cache-Control"]
    else:
        patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_S_MAXAGE)
    patch_vary_headers(response, VARY)
    return response


def storable(request, response, language: str) -> bool:
    if response.status_code not in {200, 204} or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        # A page that asked for a CSRF token (or set a cookie) is one reader's page.
        logger.info("reader page %s carries per-reader state; not cached", request.path)
        return False
    if "no-store" in response.get("Cache-Control", ""):
        return False
    # The language the page was rendered in must be the one it is filed under.
    return response.get("Content-Language", language) == language


def freeze(response) -> tuple:
    headers = [(k, v) for k, v in response.items() if k.lower() not in NOT_STORED_HEADERS]
    return (response.status_code, headers, response.content)


def thaw(entry) -> HttpResponse:
    status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


class RecentPages:
    """The pages this process answered last, by key. A key holds the revision, so an
    entry can never be stale: it only saves the shared cache's round trip (and the
    unpickling) for the pages that a crowd asks for again and again."""

    def __init__(self, size: int):
        self.size = size
        self.entries: OrderedDict = OrderedDict()
        self.lock = threading.Lock()  # gthread workers answer in several threads

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()

    def put(self, key, entry) -> None:
        if self.size <= 0:
            return
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


recent_pages = RecentPages(settings.PAGE_CACHE_LOCAL_ENTRIES)


def cache_get(key):
    entry = recent_pages.get(key)
    if entry is not None:
        return entry
    try:
        entry = cache.get(key)
    except Exception:  # a cache outage must never break a page: render instead
        logger.warning("cache unavailable while reading a page", exc_info=True)
        return None
    if entry is not None:
        recent_pages.put(key, entry)
    return entry


def cache_set(key, entry) -> None:
    recent_pages.put(key, entry)
    try:
        cache.set(key, entry, settings.PAGE_CACHE_TIMEOUT)
    except Exception:
        logger.warning("cache unavailable while storing a page", exc_info=True)


@lru_cache(maxsize=2048)
def reader_page_at(path: str, urlconf) -> tuple[ReaderPage | None, tuple]:
    """Which reader page a path is, and the URL's arguments (the URLconf does not change
    while serving)."""
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None, ()
    return reader_page_of(match.func), tuple(match.kwargs.items())


class PageCacheMiddleware:
    """Placed before the session, locale and CSRF middleware, so that a hit skips them
    all and a stored answer already has every header they add."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        page = self.reader_page(request)
        if page is None:
            return self.private(request, self.get_response(request))
        if request.method != "GET" or is_per_reader(request):
            response = self.get_response(request)
            if request.method == "GET":
                patch_cache_control(response, private=True, no_store=True)
                patch_vary_headers(response, ("Cookie",))
                response["X-Page-Cache"] = "bypass"
            return response
        if has_unnamed_parameters(request, page):
            response = self.get_response(request)
            patch_cache_control(response, private=True, no_store=True)
            response["X-Page-Cache"] = "unnamed-parameter"
            return response
        return self.from_cache(request, page)

    def reader_page(self, request) -> ReaderPage | None:
        if not settings.PAGE_CACHE_ENABLED:
            return None
        page, arguments = reader_page_at(request.path_info, get_urlconf())
        request.page_cache_arguments = dict(arguments)
        return page

    def private(self, request, response):
        """What no view declared shareable is one reader's answer."""
        if (
            settings.PAGE_CACHE_ENABLED
            and request.method == "GET"
            and not response.has_header("Cache-Control")
        ):
            patch_cache_control(response, private=True, no_store=True)
        return response

    def from_cache(self, request, page: ReaderPage):
        # The revision and what the hook reads (a live section's next due time), together:
        # with Redis no round trip while they are unchanged, else one (core.shared_reads).
        keys = [REVISION_KEY]
        hook_keys = getattr(page.before, "cache_keys", None)
        if hook_keys is not None:
            keys += hook_keys(**request.page_cache_arguments)
        with shared_reads.read_together(keys):
            if page.before is not None:
                page.before(request, **request.page_cache_arguments)
            lookup = lookup_for(request, page)
        return self.answer(request, page, lookup)

    def answer(self, request, page: ReaderPage, lookup: Lookup):
        if etag_matches(request, lookup.etag):
            return not_modified(lookup.etag)
        entry = cache_get(lookup.key)
        if entry is not None:
            response = thaw(entry)
            if etag_matches(request, response.get("ETag", "")):
                return not_modified(response["ETag"], like=response)
            response["X-Page-Cache"] = "hit"
            return response

        # The view sees only what the key holds.
        query = normalised_query(request, page.query)
        request.GET = QueryDict(query)
        request.META["QUERY_STRING"] = query
        request.reader_page = True
        response = self.get_response(request)
        if storable(request, response, lookup.language):
            shared_headers(response, lookup.etag)
            cache_set(lookup.key, freeze(response))
            response["X-Page-Cache"] = "miss"
        else:
            patch_cache_control(response, private=True, no_store=True)
            response["X-Page-Cache"] = "not-stored"
        return response
