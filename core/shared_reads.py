"""Reads of the few small keys of the shared cache that nearly every reader's request
makes and that change only on a write: the content revision (core.revision) and a live
section's next due time (playbook.scheduling).

With Redis, each process keeps the values it read and Redis tells it when one changes
(client-side caching: `CLIENT TRACKING` on a RESP3 connection of its own, so the
invalidation arrives on the connection that read the key, after the reply it
invalidates). A request then reads them with one non-blocking look at that socket and no
round trip; after a write, the first request reads them again. Redis sends the
invalidation while it runs the writer's SET, before it answers the writer, so by the time
the writer's commit has returned a page to anyone, it waits in every process's socket:
the next request of any reader sees the new revision, as before.

Any error (Redis gone, a reconnect) forgets every value: they are read again from the
cache, and each reconnect turns tracking on again before the first read. Without Redis
(the database cache, local memory) the keys are read with one `get_many`.
"""

import logging
import os
import threading
from contextlib import contextmanager

from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache.backends.redis import RedisCache, RedisSerializer

logger = logging.getLogger(__name__)


class Tracker:
    """One process's tracked copy of some keys of one Redis server."""

    def __init__(self, url: str):
        self.url = url
        self.lock = threading.Lock()  # gthread workers read in several threads
        self.client = None
        self.pid = None
        self.values: dict[bytes, bytes | None] = {}
        self.round_trips = 0  # for tests: reads that went to Redis

    def _connect(self):
        import redis

        client = redis.Redis.from_url(
            self.url,
            protocol=3,
            single_connection_client=True,
            socket_timeout=2,
            socket_connect_timeout=2,
        )
        connection = client.connection
        connection._parser.set_invalidation_push_handler(self._invalidated)
        # On this connect and any reconnect redis-py makes by itself: what was kept may
        # have changed unseen, and tracking belongs to the connection.
        connection.register_connect_callback(self._on_connect)
        self._on_connect(connection)
        return client

    def _on_connect(self, connection) -> None:
        self.values.clear()
        connection.send_command("CLIENT", "TRACKING", "ON")
        connection.read_response()

    def _invalidated(self, message) -> None:
        keys = message[1]
        if keys is None:  # the database was flushed
            self.values.clear()
            return
        for key in keys:
            self.values.pop(key if isinstance(key, bytes) else key.encode(), None)

    def get_many(self, keys: list[bytes]) -> dict[bytes, bytes | None]:
        with self.lock:
            try:
                return self._get_many(keys)
            except Exception:
                # A dropped connection (a Redis restart, an idle timeout): once more on a
                # new one, which reads everything again.
                self.forget()
            try:
                return self._get_many(keys)
            except Exception:
                self.forget()
                raise

    def _get_many(self, keys):
        if self.client is None or self.pid != os.getpid():  # none yet, or forked since
            self.client, self.pid = self._connect(), os.getpid()
        connection = self.client.connection
        while connection.can_read(timeout=0):  # invalidations that arrived meanwhile
            connection.read_response(push_request=True)
        missing = [key for key in keys if key not in self.values]
        if missing:
            self.round_trips += 1
            connection.send_command("MGET", *missing)
            # An invalidation read before this reply is of a write the reply already
            # holds; one of a later write comes after it, and is handled next time.
            self.values.update(zip(missing, connection.read_response(), strict=True))
        return {key: self.values[key] for key in keys}

    def forget(self) -> None:
        client, self.client = self.client, None
        self.values.clear()
        if client is not None:
            try:
                client.close()
            except Exception:  # already broken
                logger.debug("closing a broken tracking connection", exc_info=True)


_trackers: dict[str, Tracker] = {}
_trackers_lock = threading.Lock()
_serializer = RedisSerializer()


def tracker_for(backend) -> Tracker | None:
    """The tracker of a Django Redis cache with one server, else None."""
    if not isinstance(backend, RedisCache) or len(backend._servers) != 1:
        return None
    url = backend._servers[0]
    with _trackers_lock:
        if url not in _trackers:
            _trackers[url] = Tracker(url)
        return _trackers[url]


_request = threading.local()


@contextmanager
def read_together(keys: list[str]):
    """Within it, `read` answers these keys from one read of them all (one round trip when
    nothing is tracked): a reader page reads the revision and its hook's keys so."""
    try:
        _request.values = read(keys)
    except Exception:  # each read then asks (and fails, and falls back) on its own
        logger.warning("cache unavailable while reading %s", keys, exc_info=True)
        _request.values = {}
    try:
        yield
    finally:
        _request.values = {}


def forget(key: str) -> None:
    """After this process wrote `key`: its next read asks the cache (never the value it
    read before, whatever the order the invalidation and the write's reply arrive in)."""
    values = getattr(_request, "values", None)
    if values:
        values.pop(key, None)
    backend = caches[DEFAULT_CACHE_ALIAS]
    tracker = tracker_for(backend)
    if tracker is not None:
        with tracker.lock:
            tracker.values.pop(backend.make_and_validate_key(key).encode(), None)


def read(keys: list[str]) -> dict[str, object]:
    """The values of `keys` in the default cache (None where missing): kept and tracked
    with Redis, else one round trip. Raises what the cache raises."""
    kept = getattr(_request, "values", None)
    if kept and all(key in kept for key in keys):
        return {key: kept[key] for key in keys}
    backend = caches[DEFAULT_CACHE_ALIAS]
    tracker = tracker_for(backend)
    if tracker is None:
        found = backend.get_many(keys)
        return {key: found.get(key) for key in keys}
    names = {backend.make_and_validate_key(key).encode(): key for key in keys}
    raw = tracker.get_many(list(names))
    return {
        names[name]: None if value is None else _serializer.loads(value)
        for name, value in raw.items()
    }
