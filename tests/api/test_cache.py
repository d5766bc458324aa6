"""The API's answers from the shared cache (api/cached.py): a warm answer and a 304 cost
no query, and the next answer after a write shows it."""

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from playbook import services
from playbook.models import LiveUpdate, Principle, Section
from tests.api.helpers import api, endpoints

pytestmark = pytest.mark.django_db


def cached_endpoints():
    return {name: url for name, url in endpoints().items() if not name.startswith("search")}


def test_a_warm_answer_and_a_revalidation_run_no_query(django_assert_num_queries):
    for name, url in cached_endpoints().items():
        first = Client().get(url)
        assert first.status_code == 200, name
        with django_assert_num_queries(0):
            again = Client().get(url)
        assert again.status_code == 200 and again.content == first.content, name
        assert again["ETag"] == first["ETag"]
        assert again["Access-Control-Allow-Origin"] == "*"
        assert "public" in again["Cache-Control"] and again["X-RateLimit-Limit"]
        with django_assert_num_queries(0):
            not_modified = Client().get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert not_modified.status_code == 304 and not_modified["ETag"] == first["ETag"], name


def test_a_cold_revalidation_answers_304_before_any_query(django_assert_num_queries):
    url = api("principles") + "?limit=100"
    etag = Client().get(url)["ETag"]
    from django.core.cache import cache

    from core.page_cache import recent_pages
    from core.revision import REVISION_KEY, site_revision

    revision = site_revision()
    cache.clear()
    recent_pages.clear()
    cache.set(REVISION_KEY, revision)
    with django_assert_num_queries(0):
        assert Client().get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_the_etag_names_the_revision_the_language_and_the_address():
    korean = Client().get(api("principles"))
    english = Client().get(api("principles"), HTTP_ACCEPT_LANGUAGE="en")
    other_page = Client().get(api("principles") + "?offset=20")
    assert len({korean["ETag"], english["ETag"], other_page["ETag"]}) == 3
    # Parameters in another order and tracking ones are the same answer.
    a = Client().get(api("principles") + "?limit=5&offset=5")
    b = Client().get(api("principles") + "?offset=5&utm_source=talk&limit=5")
    assert a["ETag"] == b["ETag"] and a.content == b.content


def test_an_edit_is_in_the_next_answer(editor):
    url = api("principle", slug="work-trials")
    listing = api("principles") + "?limit=100"
    before, before_list = Client().get(url), Client().get(listing)
    principle = Principle.objects.get(slug="work-trials")
    principle.title_en = "Work trials, paid by the day"
    principle.save()
    after = Client().get(url)
    assert after["ETag"] != before["ETag"]
    assert json.loads(after.content)["title"]["en"] == "Work trials, paid by the day"
    assert "Work trials, paid by the day" in Client().get(listing).content.decode()
    assert before_list.status_code == 200


def test_a_live_post_and_a_retraction_are_in_the_next_cursor_answer(editor):
    live = Section.objects.get(is_live=True)
    url = api("section-updates", slug=live.slug) + "?since=0"
    assert json.loads(Client().get(url).content)["results"] == []
    update = services.live_update_create(section=live, author=editor, body="API 캐시 소식")
    [posted] = json.loads(Client().get(url).content)["results"]
    assert posted["id"] == update.pk and not posted["retracted"]
    services.live_update_retract(update=update, editor=editor, expected_version=update.version)
    [retracted] = json.loads(Client().get(url).content)["results"]
    assert retracted["retracted"] is True


def test_a_scheduled_update_whose_time_came_is_released_on_a_warm_answer(editor):
    live = Section.objects.get(is_live=True)
    url = api("section-updates", slug=live.slug) + "?since=0"
    due = services.live_update_create(section=live, author=editor, body="때가 된 소식")
    LiveUpdate.objects.filter(pk=due.pk).update(scheduled_for=timezone.now() + timedelta(days=1))
    Section.objects.filter(pk=live.pk).update(next_scheduled_at=timezone.now() + timedelta(days=1))
    from playbook.scheduling import remember_next_due

    remember_next_due(live.slug, timezone.now() + timedelta(days=1))
    services.live_update_create(section=live, author=editor, body="다른 소식")  # a new revision
    warm = Client().get(url)
    assert due.pk not in [u["id"] for u in json.loads(warm.content)["results"]]
    assert Client().get(url).content == warm.content  # from the cache
    # Its time comes: the next answer, warm as it is, releases it first.
    LiveUpdate.objects.filter(pk=due.pk).update(scheduled_for=timezone.now() - timedelta(seconds=1))
    Section.objects.filter(pk=live.pk).update(next_scheduled_at=timezone.now())
    remember_next_due(live.slug, timezone.now() - timedelta(seconds=1))
    assert due.pk in [u["id"] for u in json.loads(Client().get(url).content)["results"]]


def test_errors_are_not_kept():
    url = api("principle", slug="no-such-principle")
    assert Client().get(url).status_code == 404
    assert Client().get(url).status_code == 404
    assert "ETag" not in Client().get(url)


def test_the_cache_can_be_turned_off(settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_ENABLED = False
    url = api("principles")
    first = Client().get(url)
    again = Client().get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304  # the body's hash, after rendering
