"""What every answer under /api/ shares: a rate limit per address, an ETag with 304,
public caching for a short while, CORS for reading from any origin, and errors as JSON.

The API's views are wrapped with `api_view` where their URLs are made (api/urls.py)."""

import functools
import hashlib
import json

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from api import cached
from core.ratelimit import client_address, hit_in_batches, seconds_left

RATE_LIMIT_WINDOW = 60
EXPOSED_HEADERS = "ETag, Retry-After, X-RateLimit-Limit"


def json_response(data, status: int = 200) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False)
    return HttpResponse(body, status=status, content_type="application/json; charset=utf-8")


def error_response(status: int, message: str, errors=None) -> HttpResponse:
    return json_response(
        {"message": message, "status": status, "errors": list(errors or [])}, status
    )


def _allow_any_origin(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    return response


def _preflight() -> HttpResponse:
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response["Access-Control-Allow-Headers"] = "If-None-Match, Accept, Accept-Language"
    response["Access-Control-Max-Age"] = "86400"
    return _allow_any_origin(response)


def _etag(response: HttpResponse) -> str:
    # Uncached answers only (search): a hash of the body, the same in every process.
    return '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'


def _matches(if_none_match: str, etag: str) -> bool:
    tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in tags or etag in tags


def _too_many() -> HttpResponse:
    response = error_response(429, _("Too many requests from your address. Wait and try again."))
    response["Retry-After"] = str(seconds_left(RATE_LIMIT_WINDOW))
    response["Cache-Control"] = "no-store"
    return response


def api_view(view, *, cache: bool = True, before=None):
    """`cache`: answer from the shared cache by content revision (api/cached.py);
    `before(request, **url_arguments)` runs first, on a hit too (scheduled updates)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            return _preflight()
        limit = settings.API_REQUESTS_PER_MINUTE
        # Counted in batches (core.ratelimit): a round trip per request would cost more
        # than a cached answer itself.
        if not hit_in_batches(
            "api", client_address(request), limit=limit, window=RATE_LIMIT_WINDOW
        ):
            response = _too_many()
        elif request.method not in {"GET", "HEAD"}:
            response = error_response(405, _("The API is read-only: only GET is answered."))
            response["Allow"] = "GET, HEAD, OPTIONS"
        elif cache and cached.enabled():
            response = _from_cache(view, before, request, *args, **kwargs)
        else:
            response = _conditional(request, _get(view, request, *args, **kwargs))
        response["X-RateLimit-Limit"] = str(limit)
        return _allow_any_origin(response)

    wrapped.csrf_exempt = True
    return wrapped


def _get(view, request, *args, **kwargs) -> HttpResponse:
    """The view's answer to GET; to HEAD the same headers without the body."""
    head = request.method == "HEAD"
    if head:
        request.method = "GET"
    try:
        return view(request, *args, **kwargs)
    finally:
        if head:
            request.method = "HEAD"


def _from_cache(view, before, request, *args, **kwargs) -> HttpResponse:
    """304 from the revision alone, else the answer kept at this revision, else the view's
    (kept when it is a 200): neither of the first two runs a query."""
    if before is not None:
        before(request, **kwargs)
    lookup = cached.Lookup(request)
    if cached.matches(request, lookup.etag):
        response = HttpResponse(status=304)
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
        response["ETag"] = lookup.etag
        return response
    response = cached.cached_answer(request, lookup)
    if response is None:
        response = _get(view, request, *args, **kwargs)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
            response["ETag"] = lookup.etag
            cached.keep(lookup, response)
        elif response.status_code >= 400 and "Cache-Control" not in response:
            response["Cache-Control"] = "no-cache"
    if request.method == "HEAD" and response.status_code == 200:
        response["Content-Length"] = str(len(response.content))
        response.content = b""
    return response


def _conditional(request, response: HttpResponse) -> HttpResponse:
    if response.status_code != 200 or request.method not in {"GET", "HEAD"}:
        if response.status_code >= 400 and "Cache-Control" not in response:
            response["Cache-Control"] = "no-cache"
        return response
    etag = _etag(response)
    patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
    if _matches(request.headers.get("If-None-Match", ""), etag):
        not_modified = HttpResponse(status=304)
        for header in ("Cache-Control", "Vary"):
            if header in response:
                not_modified[header] = response[header]
        response = not_modified
    response["ETag"] = etag
    if request.method == "HEAD" and response.status_code == 200:
        response["Content-Length"] = str(len(response.content))
        response.content = b""
    return response
