"""Every endpoint runs a constant number of queries, whatever the amount of content:
measured on the seed, then again with ten times as many rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.helpers import api, endpoints
from tests.content_growth import grow_content

pytestmark = pytest.mark.django_db

# The most queries an endpoint may run (the rate limit's count is in the cache).
BUDGET = 10


def urls():
    found = endpoints()
    # The longest pages the API gives, where an N+1 access would show most.
    for name in ("principles", "teams", "people", "talks", "checklists"):
        found[f"{name}, 100 a page"] = api(name) + "?limit=100"
    found["live updates, 100 a page"] = found["live updates"] + "?limit=100"
    return found


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_query_counts_do_not_grow_with_content(client, editor, settings):
    # What answering costs: the cache (tests/api/test_cache.py) would answer every second
    # request with no query at all.
    settings.PAGE_CACHE_ENABLED = False
    from playbook import services
    from playbook.models import Section

    live = Section.objects.get(is_live=True)
    services.live_update_create(section=live, author=editor, body="첫 소식")
    client.get(api("principles"))  # warm per-process caches (content types)
    before = {name: count_queries(client, url) for name, url in urls().items()}
    grow_content(factor=10)
    after = {name: count_queries(client, url) for name, url in urls().items()}
    assert after == before
    over_budget = {name: n for name, n in after.items() if n > BUDGET}
    assert not over_budget, f"endpoints over the budget of {BUDGET} queries: {over_budget}"
    print("queries per endpoint:", after)
