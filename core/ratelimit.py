"""Per-address (or per-anything) rate limits, counted in the shared cache.

    from core.ratelimit import per_address

    @per_address("assessment-start", limit=lambda: settings.X, window=3600)
    def assessment_start(request, slug): ...

A limit counts events in fixed windows (`window` seconds) under one key of the cache, so
every app process sees the same count (Redis, or the database cache: see settings.CACHES;
never per-process memory under several workers). When the cache cannot answer, requests are
let through and a warning is logged: an outage of the cache must not lock people out.
Counting is exact on Redis and local memory; the database cache's `incr` is a read and a
write, so two processes counting the very same instant may count one event less.
"""

import functools
import hashlib
import logging
import threading
import time

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.redis import RedisCache
from django.http import HttpResponse
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def client_address(request) -> str:
    """The client's address. Behind N proxies that each append to X-Forwarded-For
    (PLAYBOOK_PROXY_COUNT=N), it is the N-th entry from the right: entries further left
    were written by the client itself and cannot be trusted."""
    proxies = settings.PROXY_COUNT
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "unknown")


def _cache_key(scope: str, key: str, window: int) -> str:
    # Hashed: a key may be any text a client sent (a user name, an address); cache keys
    # must stay short and free of spaces and control characters.
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"ratelimit:{scope}:{int(time.time() // window)}:{digest}"


def seconds_left(window: int) -> int:
    """Seconds until the current window ends (the Retry-After of a refused request)."""
    return max(1, int(window - time.time() % window))


def count(scope: str, key: str, *, window: int) -> int:
    """Events counted so far in the current window, without counting one."""
    try:
        return cache.get(_cache_key(scope, key, window), 0)
    except Exception:
        logger.warning("cache unavailable; rate limit %s not checked", scope, exc_info=True)
        return 0


def _redis_record(cache_key: str, window: int, amount: int = 1) -> int | None:
    """On Redis, one round trip (INCRBY, and EXPIRE only when the key is new) instead of
    add-then-incr's three; None on any other cache."""
    backend = caches[DEFAULT_CACHE_ALIAS]
    if not isinstance(backend, RedisCache):
        return None
    name = backend.make_and_validate_key(cache_key)
    # Django's Redis cache has no public pipeline; its client is the documented redis-py one.
    pipe = backend._cache.get_client(name, write=True).pipeline(transaction=False)
    pipe.incr(name, amount)
    pipe.expire(name, window + 1, nx=True)
    count, _ = pipe.execute()
    return count


def record(scope: str, key: str, *, window: int) -> int:
    """Counts one event and returns the count in the current window (0 if the cache failed)."""
    return _add(_cache_key(scope, key, window), 1, scope=scope, window=window)


def _add(cache_key: str, amount: int, *, scope: str, window: int) -> int:
    try:
        counted = _redis_record(cache_key, window, amount)
        if counted is not None:
            return counted
        if cache.add(cache_key, amount, window + 1):
            return amount
        return cache.incr(cache_key, amount)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, amount, window + 1)
        return amount
    except Exception:
        logger.warning("cache unavailable; an event of %s was not counted", scope, exc_info=True)
        return 0


def hit(scope: str, key: str, *, limit: int, window: int) -> bool:
    """Counts one event; True while the count stays within `limit`."""
    return record(scope, key, window=window) <= limit


# hit_in_batches: a process adds its events to the shared count every BATCH events or
# BATCH_SECONDS, and at every event once the count is within BATCH of the limit.
BATCH = 10
BATCH_SECONDS = 1.0
_batches: dict[str, list] = {}  # cache key -> [events not yet added, shared count, when]
_batches_lock = threading.Lock()


def hit_in_batches(scope: str, key: str, *, limit: int, window: int) -> bool:
    """Like `hit`, for limits against floods that count every request (the API's): exact
    within one process and near the limit, and otherwise a round trip to the shared cache
    every BATCH events instead of every event, so that across N processes a flood is
    refused at most N x BATCH events late. Never for sign-in or other guesses at secrets."""
    cache_key = _cache_key(scope, key, window)
    now = time.monotonic()
    with _batches_lock:
        batch = _batches.get(cache_key)
        if batch is None:
            if len(_batches) > 10_000:  # the keys of windows that are over
                _batches.clear()
            batch = _batches[cache_key] = [0, 0, now]
        batch[0] += 1
        estimate = batch[1] + batch[0]
        if batch[0] < BATCH and now - batch[2] < BATCH_SECONDS and estimate + BATCH <= limit:
            return True
        pending, batch[0], batch[2] = batch[0], 0, now
    total = _add(cache_key, pending, scope=scope, window=window)  # 0: the cache failed
    if total:
        with _batches_lock:
            batch[1] = total
    return total <= limit


def too_many_requests(retry_after: int, message: str | None = None) -> HttpResponse:
    """A plain 429 with Retry-After, for clients and for people."""
    text = message or _("Too many requests from your address. Try again in a few minutes.")
    response = HttpResponse(text, status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def per_address(scope: str, *, limit, window: int, methods=("POST",)):
    """A view decorator: at most `limit` requests (an int, or a callable read per request so
    that settings can change in tests) per client address per `window` seconds; the others
    get 429. Only `methods` count."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods:
                allowed = limit() if callable(limit) else limit
                if not hit(scope, client_address(request), limit=allowed, window=window):
                    return too_many_requests(seconds_left(window))
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
