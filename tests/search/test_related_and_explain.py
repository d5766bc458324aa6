""" "Related" items on principle, team and talk pages; `?explain=1` for editors; results
in the other language marked with their `lang` (issue 12)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from playbook.models import Principle
from teams.models import Talk, Team
from tests.search.helpers import result_urls, search

pytestmark = pytest.mark.django_db

RELATED_LINK = re.compile(r'<li data-kind="(\w+)">.*?href="([^"]+)"', re.S)


def related_urls(response) -> list[str]:
    body = response.content.decode()
    start = body.find('class="related"')
    assert start != -1, "no related block"
    block = body[start : body.index("</section>", start)]
    return [url for _kind, url in RELATED_LINK.findall(block)]


def english(client):
    client.cookies["django_language"] = "en"
    return client


@pytest.mark.parametrize(
    "page",
    [
        lambda: Principle.objects.get(slug="work-trials"),
        lambda: Team.objects.get(slug="gumloop"),
        lambda: Talk.objects.get(slug="gumloop-extreme-hiring-no-meetings-automation"),
    ],
    ids=["principle", "team", "talk"],
)
def test_five_related_items_without_the_item_and_its_direct_links(client, page):
    item = page()
    urls = related_urls(english(client).get(item.get_absolute_url()))
    assert len(urls) == 5 and len(set(urls)) == 5
    assert item.get_absolute_url() not in urls
    if isinstance(item, Principle):
        linked = [*item.teams.all(), *item.talks.all()]
    elif isinstance(item, Team):
        linked = [*item.principles.all(), *item.talks.all()]
    else:
        linked = [*item.principles.all(), *([item.team] if item.team else [])]
    assert linked, "the example has direct links"
    assert not {obj.get_absolute_url() for obj in linked} & set(urls)


def test_related_items_are_of_several_kinds(client):
    body = english(client).get("/teams/gumloop/").content.decode()
    start = body.find('class="related"')
    kinds = {kind for kind, _url in RELATED_LINK.findall(body[start:])[:5]}
    assert len(kinds) >= 2


def test_an_unpublished_item_is_never_related(client, django_capture_on_commit_callbacks):
    urls = related_urls(english(client).get("/teams/gumloop/"))
    slug = next(url.split("/")[2] for url in urls if url.startswith("/principles/"))
    hidden = Principle.objects.get(slug=slug)
    hidden.is_published = False
    with django_capture_on_commit_callbacks(execute=True):
        hidden.save()  # bumps the content revision, as any edit does
    after = related_urls(client.get("/teams/gumloop/"))
    assert hidden.get_absolute_url() not in after and len(after) == 5


def test_the_related_block_costs_no_query_once_cached(client, settings, monkeypatch):
    """Rendered again (the page cache off, as for an editor), the block comes from the
    cache per revision: the page runs exactly the queries it runs with no block at all;
    the first rendering costs at most three (new vectors, direct links, titles)."""
    settings.PAGE_CACHE_ENABLED = False
    url = "/principles/work-trials/"
    english(client).get(url)
    with CaptureQueriesContext(connection) as cached:
        client.get(url)
    from search.templatetags import related_tags

    monkeypatch.setattr(related_tags, "related_items", lambda kind, pk: [])
    with CaptureQueriesContext(connection) as without:
        client.get(url)
    assert len(cached) == len(without)

    monkeypatch.undo()
    Principle.objects.get(slug="benchmarks").save()  # a new revision: the block is made anew
    with CaptureQueriesContext(connection) as fresh:
        client.get(url)
    assert len(fresh) <= len(without) + 3


def test_the_related_block_costs_the_same_with_ten_times_the_content(client, settings):
    from django.core.cache import cache

    from search import semantic
    from tests.content_growth import grow_content

    settings.PAGE_CACHE_ENABLED = False
    english(client).get("/")

    def made_anew(url):
        cache.clear()  # the block is made, not read from the cache
        semantic.forget_index()  # and every vector read again
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        return len(queries)

    talk = Talk.objects.first().get_absolute_url()
    urls = ["/principles/work-trials/", "/teams/gamma/", talk]
    before = [made_anew(url) for url in urls]
    grow_content(factor=10)
    assert [made_anew(url) for url in urls] == before


def test_a_reader_page_from_the_page_cache_runs_no_query_with_the_block(client):
    url = "/teams/gumloop/"
    english(client).get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    assert 'class="related"' in response.content.decode()
    assert len(queries) == 0


def test_editors_see_each_results_signals(editor_client):
    english(editor_client)
    body = editor_client.get("/search/", {"q": "윤리를", "explain": "1"}).content.decode()
    assert body.count('class="search-signals"') >= 3
    for name in ("lexical", "lemma", "trigram", "semantic", "cosine", "rank"):
        assert f"<dt>{name}</dt>" in body


def test_readers_ask_for_signals_in_vain_and_no_page_keeps_them(client, editor_client):
    english(editor_client).get("/search/", {"q": "윤리를", "explain": "1"})
    for params in ({"q": "윤리를", "explain": "1"}, {"q": "윤리를"}):
        from django.test import Client

        reader = english(Client())
        body = reader.get("/search/", params).content.decode()
        assert "search-signals" not in body
        assert "search-result__link" in body


def test_an_english_search_finds_english_content(client):
    """Issue 12: with the English interface, and with ?lang=en."""
    urls = result_urls(search(client, "customer support"))
    assert "/principles/ai-support/" in urls[:3]
    from django.test import Client

    other = Client()
    body = other.get("/search/", {"q": "Hire and Build Right", "lang": "en"}).content.decode()
    assert 'href="/principles/hire-and-build-right-or-not-at-all/"' in body
    assert '<html lang="en"' in body


def test_a_result_in_the_other_language_says_its_language(client):
    """Issue 12: a result whose English is missing shows its Korean inside lang="ko"."""
    principle = Principle.objects.get(slug="top-of-market-pay")
    principle.title_en = ""
    principle.summary_en = ""
    principle.responsible_ai_en = ""
    principle.save()
    body = search(client, "급여").content.decode()
    link = re.search(
        r'class="search-result__link" href="/principles/top-of-market-pay/">(.*?)</a>', body
    )
    assert link and link.group(1).startswith('<span lang="ko">'), link and link.group(1)
    assert re.search(r'<p class="snippet" lang="ko">', body)
    # A result that has its English is not marked.
    other = re.search(r'class="search-result__link" href="/principles/[^"]+">(.*?)</a>', body)
    assert other
