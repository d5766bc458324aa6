"""Every list and detail page runs a constant number of queries, whatever the amount of
content: measured on the seed, then again with ten times as many rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance.models import Checklist
from playbook import services
from playbook.models import Principle, Section
from search.templatetags import related_tags
from teams.models import Talk, Team
from tests.content_growth import grow_content

pytestmark = pytest.mark.django_db

# The most queries any page may run (anonymous reader, rendering; the page cache answers a
# reader's repeat visit with none). 10 since the sections sidebar (playbook.navigation: the
# sections and their principles) joined the principle and section pages.
BUDGET = 10


def page_urls():
    return {
        "home": reverse("home"),
        "section": Section.objects.get(title_en="Core Principles & Development").get_absolute_url(),
        "principles": reverse("playbook:principles"),
        "principle": Principle.objects.get(title_en="Work Trials").get_absolute_url(),
        "teams": reverse("teams:teams"),
        "teams sorted": reverse("teams:teams") + "?sort=-arr-per-person",
        "teams sorted (htmx)": (
            reverse("teams:teams") + "?sort=users",
            {"HTTP_HX_REQUEST": "true"},
        ),
        "team": Team.objects.get(slug="gamma").get_absolute_url(),
        "talks": reverse("teams:talks"),
        "talk": Talk.objects.filter(team__slug="gamma").first().get_absolute_url(),
        "checklists": reverse("governance:checklists"),
        "checklist": Checklist.objects.first().get_absolute_url(),
        "live section": Section.objects.get(is_live=True).get_absolute_url(),
        "live poll from the start": reverse(
            "playbook:section-changes", args=[Section.objects.get(is_live=True).slug]
        )
        + "?since=0",
        "changes": reverse("changes"),
        "map": reverse("map"),
        "tag": reverse("playbook:tag", args=["ethics"]),
        "search": reverse("search") + "?q=%EC%9C%A4%EB%A6%AC",  # 윤리
        "search, filtered, second page": reverse("search")
        + "?q=%EC%9C%A4%EB%A6%AC&type=principle&tag=ethics&page=2",
        "search, mixed with a phrase and a minus": reverse("search")
        + "?q=AI+%22%EB%AA%A8%EB%8D%B8+%ED%8F%89%EA%B0%80%22+-Gumloop",
    }


def count_queries(client, url):
    url, headers = url if isinstance(url, tuple) else (url, {})
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    assert response.status_code == 200, url
    return len(queries)


def test_query_counts_do_not_grow_with_content(client, settings, editor, monkeypatch):
    # What rendering costs: the page cache (tests/core/test_page_cache.py) would answer
    # every second request with no query at all.
    settings.PAGE_CACHE_ENABLED = False
    # The "Related" block of principle, team and talk pages is kept in the cache per
    # revision and has its own budget (tests/search/test_related_and_explain.py: none once
    # cached, at most three when made, the same with ten times the content).
    monkeypatch.setattr(related_tags, "related_items", lambda kind, pk: [])
    # One live update first: a prefetch (the updates' pictures) runs only when there is
    # something to prefetch for, and the seed's live section starts empty.
    services.live_update_create(
        section=Section.objects.get(is_live=True), author=editor, body="첫 소식"
    )
    urls = page_urls()
    client.get(urls["home"])  # warm per-process caches (content types, translations)
    before = {name: count_queries(client, url) for name, url in urls.items()}
    grow_content(factor=10)
    after = {name: count_queries(client, url) for name, url in urls.items()}
    assert after == before
    over_budget = {name: n for name, n in after.items() if n > BUDGET}
    assert not over_budget, f"pages over the budget of {BUDGET} queries: {over_budget}"
    print("queries per page:", after)
