"""Readers' pages from the shared cache (core.page_cache): a warm page costs no query,
carries nothing of one reader, and is never given in the wrong language or shape."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from core.page_cache import VARY
from playbook import services
from playbook.models import Principle, Section
from tests.core.reader_pages import HTMX_ONLY, reader_page_urls, reader_routes
from tests.discussions.helpers import approved

pytestmark = pytest.mark.django_db

# Every reader page of the URLconf, by URL name (checked below against the URLconf).
READER_PAGES = [
    "home",
    "playbook:section",
    "playbook:section-changes",
    "playbook:older-updates",
    "playbook:update",
    "playbook:section-feed",
    "playbook:event",
    "playbook:principles",
    "playbook:tag",
    "playbook:principle",
    "teams:teams",
    "teams:team",
    "teams:talks",
    "teams:talk",
    "governance:checklists",
    "governance:crosswalk",
    "governance:checklist",
    "governance:checklist-item",
    "changes",
    "map",
    "search",
    "discussions:dilemmas",
    "discussions:dilemma",
]


@pytest.fixture
def urls(editor, django_capture_on_commit_callbacks):
    live = Section.objects.get(is_live=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.live_update_create(section=live, author=editor, body="캐시 시험 소식")
        approved("principle", Principle.objects.get(title_en="Work Trials"), editor)
    return reader_page_urls()


def get(client, url, **extra):
    address, headers = url
    return client.get(address, **headers, **extra)


def test_the_list_of_reader_pages_is_the_urlconfs():
    assert sorted(name for _, name in reader_routes()) == sorted(READER_PAGES)


@pytest.mark.parametrize("name", READER_PAGES)
def test_a_warm_reader_page_answers_without_queries(urls, name, django_assert_num_queries):
    reader = Client()
    first = get(reader, urls[name])
    assert first.status_code in {200, 204}, name
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        again = get(reader, urls[name])
    assert again["X-Page-Cache"] == "hit"
    assert again.status_code == first.status_code
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]


@pytest.mark.parametrize("name", READER_PAGES)
def test_no_reader_page_carries_a_token_or_sets_a_cookie(urls, name):
    reader = Client()
    for response in [get(reader, urls[name]), get(reader, urls[name])]:
        body = response.content.decode()
        assert "csrfmiddlewaretoken" not in body and "X-CSRFToken" not in body, name
        assert not response.cookies, (name, list(response.cookies))
        assert "Set-Cookie" not in response


@pytest.mark.parametrize("name", READER_PAGES)
def test_every_reader_page_revalidates_with_its_etag(urls, name, django_assert_num_queries):
    reader = Client()
    response = get(reader, urls[name])
    etag = response["ETag"]
    with django_assert_num_queries(0):
        not_modified = get(reader, urls[name], HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified["ETag"] == etag
    assert not_modified.content == b""
    for header in VARY:
        assert header in not_modified["Vary"]


def test_an_etag_names_the_revision_and_the_language(urls):
    korean = get(Client(), urls["home"])
    english = get(Client(), urls["home"], HTTP_ACCEPT_LANGUAGE="en")
    assert korean["ETag"] != english["ETag"]
    # A Korean copy is not confirmed to an English reader.
    answer = get(
        Client(), urls["home"], HTTP_ACCEPT_LANGUAGE="en", HTTP_IF_NONE_MATCH=korean["ETag"]
    )
    assert answer.status_code == 200 and '<html lang="en">' in answer.content.decode()


def test_a_reader_page_may_be_held_by_a_shared_cache_for_seconds(urls):
    response = get(Client(), urls["playbook:principle"])
    control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=0", f"s-maxage={settings.PAGE_CACHE_S_MAXAGE}"} <= control
    for header in VARY:
        assert header in response["Vary"]


def test_two_languages_never_share_an_entry(urls):
    url = urls["teams:teams"]
    korean = get(Client(), url)
    by_cookie = Client()
    by_cookie.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = get(by_cookie, url)
    by_header = get(Client(), url, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="ko">' in korean.content.decode()
    for response in [english, by_header]:
        assert '<html lang="en">' in response.content.decode()
        assert response["Content-Language"] == "en"
    assert by_header["X-Page-Cache"] == "hit"  # the English entry, not the Korean one
    assert '<html lang="ko">' in get(Client(), url).content.decode()


def test_htmx_and_whole_pages_are_never_mixed(urls):
    address = reverse("teams:teams") + "?sort=users"
    whole = Client().get(address)
    part = Client().get(address, HTTP_HX_REQUEST="true")
    restore = Client().get(address, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert "<html" in whole.content.decode()
    assert "<html" not in part.content.decode() and 'id="teams-table"' in part.content.decode()
    assert "<html" in restore.content.decode()  # a history restore needs the whole page
    assert part["X-Page-Cache"] == "miss" and restore["X-Page-Cache"] == "miss"
    assert Client().get(address)["X-Page-Cache"] == "hit"
    assert "<html" in Client().get(address).content.decode()
    assert "<html" not in Client().get(address, HTTP_HX_REQUEST="true").content.decode()


@pytest.mark.parametrize("name", sorted(set(READER_PAGES) - HTMX_ONLY))
def test_no_reader_page_shares_an_entry_between_htmx_and_a_whole_page(urls, name):
    address, _ = urls[name]
    whole = Client().get(address)
    part = Client().get(address, HTTP_HX_REQUEST="true")
    if part.status_code in {200, 204}:
        assert part["X-Page-Cache"] == "miss", name  # its own entry, never the whole page's
    again = Client().get(address)
    assert again["X-Page-Cache"] == "hit" and again.content == whole.content, name
    assert Client().get(address, HTTP_HX_REQUEST="true").content == part.content, name


def test_search_answers_are_kept_per_query_filters_and_language(urls, django_assert_num_queries):
    search = reverse("search")
    first = Client().get(search, {"q": "윤리", "type": "principle"})
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        again = Client().get(search + "?type=principle&q=%EC%9C%A4%EB%A6%AC&utm_source=x")
    assert again["X-Page-Cache"] == "hit" and again.content == first.content
    for other in [
        {"q": "윤리", "type": "principle", "tag": "ethics"},
        {"q": "윤리", "type": "team"},
        {"q": "윤리 모델", "type": "principle"},
        {"q": "윤리", "type": "principle", "page": "2"},
    ]:
        assert Client().get(search, other)["X-Page-Cache"] == "miss", other
    english = Client().get(search, {"q": "윤리", "type": "principle"}, HTTP_ACCEPT_LANGUAGE="en")
    assert english["X-Page-Cache"] == "miss" and '<html lang="en">' in english.content.decode()


def test_tracking_parameters_share_the_entry_and_unnamed_ones_are_not_stored(urls):
    reader = Client()
    first = reader.get(reverse("teams:teams") + "?sort=users")
    tracked = reader.get(reverse("teams:teams") + "?utm_source=talk&sort=users&fbclid=x")
    assert tracked["X-Page-Cache"] == "hit"
    assert tracked.content == first.content
    other_sort = reader.get(reverse("teams:teams") + "?sort=-users")
    assert other_sort["X-Page-Cache"] == "miss"
    # A parameter the page does not name might change the answer: rendered, not stored.
    for _ in range(2):
        unnamed = reader.get(reverse("teams:teams") + "?sort=users&view=compact")
        assert unnamed["X-Page-Cache"] == "unnamed-parameter"
        assert "no-store" in unnamed["Cache-Control"]


def test_an_editor_gets_a_fresh_private_page(urls, editor_client, django_assert_max_num_queries):
    live = urls["playbook:section"]
    get(Client(), live)
    response = get(editor_client, live)
    assert response["X-Page-Cache"] == "bypass"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    body = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in body  # the editor's own forms
    assert 'name="csrfmiddlewaretoken"' not in get(Client(), live).content.decode()


def test_a_signed_in_reader_and_a_pending_message_bypass_the_cache(urls):
    get(Client(), urls["home"])
    reader_client = Client()
    reader_client.force_login(get_user_model().objects.create_user("a-reader"))
    assert get(reader_client, urls["home"])["X-Page-Cache"] == "bypass"
    with_message = Client()
    with_message.cookies["messages"] = "something"
    assert get(with_message, urls["home"])["X-Page-Cache"] == "bypass"


def test_pages_no_view_declared_shareable_are_private(client):
    response = client.get(
        reverse("governance:assessment-start", args=["responsible-ai-development"])
    )
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


def test_the_cache_can_be_turned_off(urls, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_ENABLED = False
    get(Client(), urls["home"])
    response = get(Client(), urls["home"])
    assert "X-Page-Cache" not in response and "ETag" not in response


def test_a_cache_outage_renders_the_page(urls, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }
    response = get(Client(), urls["home"])
    assert response.status_code == 200
    assert "<html" in response.content.decode()


def test_a_cache_inside_each_process_reads_the_revision_from_the_database(
    urls, settings, django_assert_num_queries
):
    """Local memory under several gunicorn workers: a write in one would not reach the
    copy of the revision in another, so each hit asks the database for it (one query).
    (The test run itself is one process and says so: CACHE_BACKEND "local".)"""
    settings.CACHE_BACKEND = "some other"
    get(Client(), urls["home"])
    with django_assert_num_queries(1):
        assert get(Client(), urls["home"])["X-Page-Cache"] == "hit"


def test_a_process_answers_its_recent_pages_without_the_shared_cache(urls):
    """Keyed by revision, a page kept in the process is never stale; it saves the shared
    cache's round trip, and a write still makes the next request render afresh."""
    from core.page_cache import RecentPages

    reader = Client()
    get(reader, urls["teams:team"])
    cache.clear()  # the shared cache forgets the page (and the revision)
    assert get(reader, urls["teams:team"])["X-Page-Cache"] == "hit"

    kept = RecentPages(2)
    for key in "abc":
        kept.put(key, key)
    assert kept.get("a") is None and kept.get("c") == "c"


def test_each_language_alternate_is_cached_under_its_own_language(urls):
    """`?lang=` (the hreflang alternates) and a browser whose first language is neither
    Korean nor English (Korean) are keyed on the language the page is rendered in."""
    address = urls["playbook:principle"][0]
    reader = Client()
    english = reader.get(address, {"lang": "en"})
    assert english["X-Page-Cache"] == "miss" and '<html lang="en">' in english.content.decode()
    again = reader.get(address, {"lang": "en"})
    assert again["X-Page-Cache"] == "hit" and again.content == english.content
    korean = reader.get(address, {"lang": "ko"}, HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="ko">' in korean.content.decode()
    french = reader.get(address, HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9,en;q=0.8")
    assert french["X-Page-Cache"] in {"miss", "hit"}
    assert '<html lang="ko">' in french.content.decode()
