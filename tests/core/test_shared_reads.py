"""The content revision and a live section's next due time, read from Redis with
client-side caching (core.shared_reads): no round trip while they are unchanged, the new
value on the next read after anyone writes it, and a fresh start after a lost connection."""

import uuid

import pytest
import redis
from django.core.cache import cache, caches
from django.test import Client

from core import shared_reads
from core.page_cache import recent_pages
from core.revision import REVISION_KEY, site_revision
from playbook.models import Section

pytestmark = pytest.mark.django_db
REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def redis_cache(settings):
    """The default cache on Redis, under a prefix of its own (other checkouts share it)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "test-" + uuid.uuid4().hex,
        }
    }
    settings.CACHE_BACKEND = "redis"
    recent_pages.clear()
    tracker = shared_reads.tracker_for(default_cache())
    tracker.forget()
    yield tracker
    tracker.forget()


def default_cache():
    return caches["default"]


def another_process_sets(key, value):
    """A write through a connection of its own, as another gunicorn worker makes it."""
    backend = default_cache()
    other = redis.Redis.from_url(REDIS_URL)
    other.set(backend.make_and_validate_key(key), value)
    other.close()


def test_an_unchanged_value_is_read_without_a_round_trip(redis_cache):
    cache.set(REVISION_KEY, 41)
    assert site_revision() == 41
    trips = redis_cache.round_trips
    for _ in range(5):
        assert site_revision() == 41
    assert redis_cache.round_trips == trips


def test_a_write_elsewhere_is_seen_by_the_next_read(redis_cache):
    cache.set(REVISION_KEY, 41)
    assert site_revision() == 41
    for value in range(42, 52):
        another_process_sets(REVISION_KEY, value)
        assert site_revision() == value  # no waiting: Redis told us before answering the writer


def test_a_missing_key_is_tracked_too(redis_cache):
    key = "section-next-due:nowhere"
    assert shared_reads.read([key]) == {key: None}
    another_process_sets(key, 7)
    assert shared_reads.read([key]) == {key: 7}


def test_a_lost_connection_forgets_what_it_kept(redis_cache):
    cache.set(REVISION_KEY, 41)
    assert site_revision() == 41
    admin = redis.Redis.from_url(REDIS_URL)
    admin.client_kill_filter(_id=redis_cache.client.client_id())
    another_process_sets(REVISION_KEY, 99)  # while no invalidation could reach us
    assert site_revision() == 99
    assert site_revision() == 99
    admin.close()


def test_a_warm_page_and_a_warm_poll_make_no_round_trip(redis_cache, editor):
    live = Section.objects.get(is_live=True)
    cache.set(REVISION_KEY, site_revision())
    page = live.get_absolute_url()
    poll = f"/sections/{live.slug}/changes?since={live.revision}"
    for address in (page, poll, "/teams/"):
        first = Client().get(address)
        assert first.status_code in {200, 204}
    trips = redis_cache.round_trips
    for address in (page, poll, "/teams/"):
        assert Client().get(address)["X-Page-Cache"] == "hit"
    assert redis_cache.round_trips == trips
