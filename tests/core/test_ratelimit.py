"""core/ratelimit.py: counting in the cache, failing open when the cache is gone."""

from django.test import RequestFactory

from core import ratelimit


def test_counts_per_key_and_scope():
    assert [ratelimit.hit("s", "a", limit=2, window=60) for _ in range(3)] == [True, True, False]
    assert ratelimit.hit("s", "b", limit=2, window=60)
    assert ratelimit.hit("other", "a", limit=2, window=60)
    assert ratelimit.count("s", "a", window=60) == 3


def test_any_key_text_is_safe_in_the_cache():
    for key in ["", " ", "\x00", "\ud800", "가" * 10_000, "a b\nc"]:
        assert ratelimit.hit("odd", key, limit=1, window=60)


def test_a_cache_outage_lets_requests_through(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }
    assert all(ratelimit.hit("s", "a", limit=1, window=60) for _ in range(3))


def test_the_decorator_answers_429_with_retry_after():
    view = ratelimit.per_address("d", limit=1, window=60)(lambda request: "ok")
    request = RequestFactory().post("/", REMOTE_ADDR="10.9.9.9")
    assert view(request) == "ok"
    refused = view(request)
    assert refused.status_code == 429 and 0 < int(refused["Retry-After"]) <= 60
    assert view(RequestFactory().get("/", REMOTE_ADDR="10.9.9.9")) == "ok"  # GETs not counted


def test_on_redis_one_round_trip_counts_and_the_window_expires(settings):
    import uuid

    import redis

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": "test-" + uuid.uuid4().hex,  # other checkouts share this Redis
        }
    }
    assert [ratelimit.hit("s", "a", limit=2, window=60) for _ in range(3)] == [True, True, False]
    assert ratelimit.count("s", "a", window=60) == 3
    from django.core.cache import caches

    backend = caches["default"]
    name = backend.make_and_validate_key(ratelimit._cache_key("s", "a", 60))
    ttl = redis.Redis.from_url("redis://127.0.0.1:6379/15").ttl(name)
    assert 0 < ttl <= 61  # set by the first count, not pushed back by the later ones


def test_in_batches_a_process_counts_exactly_near_the_limit():
    assert [ratelimit.hit_in_batches("b", "a", limit=3, window=60) for _ in range(5)] == [
        True,
        True,
        True,
        False,
        False,
    ]
    assert ratelimit.count("b", "a", window=60) == 5


def test_in_batches_the_shared_count_is_added_to_every_batch():
    for _ in range(ratelimit.BATCH * 2 + 3):
        assert ratelimit.hit_in_batches("b", "many", limit=1000, window=60)
    # Two batches are in the cache, the last three wait for the next batch or second.
    assert ratelimit.count("b", "many", window=60) == ratelimit.BATCH * 2


def test_in_batches_another_process_s_count_is_seen_at_the_next_batch():
    for _ in range(ratelimit.BATCH):
        ratelimit.hit_in_batches("b", "shared", limit=30, window=60)
    # Another process counted 25 of its own meanwhile.
    from django.core.cache import cache

    cache.incr(ratelimit._cache_key("b", "shared", 60), 25)
    answers = [ratelimit.hit_in_batches("b", "shared", limit=30, window=60) for _ in range(12)]
    # Seen when this process adds its next batch (its 20th event): refused from then on,
    # each event asking, as the count is past the limit.
    assert answers == [True] * (ratelimit.BATCH - 1) + [False] * 3
