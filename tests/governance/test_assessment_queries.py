"""Assessment pages run a constant number of queries, however many items and answers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance import services
from governance.models import ChecklistItem
from tests.content_growth import grow_content
from tests.governance.helpers import answer, items_of, start

pytestmark = pytest.mark.django_db

BUDGET = {"page": 8, "save": 16, "export-md": 6, "export-csv": 6, "export-json": 6}


def measure(client, assessment, key):
    counts = {}
    for name, call in {
        "page": lambda: client.get(assessment.get_absolute_url()),
        "save": lambda: answer(client, assessment, key, htmx=True, status="partial", note="n"),
        "export-md": lambda: client.get(reverse("governance:export-md", args=[assessment.pk])),
        "export-csv": lambda: client.get(reverse("governance:export-csv", args=[assessment.pk])),
        "export-json": lambda: client.get(reverse("governance:export-json", args=[assessment.pk])),
    }.items():
        with CaptureQueriesContext(connection) as queries:
            response = call()
        assert response.status_code == 200, name
        counts[name] = len(queries)
    return counts


def test_query_counts_do_not_grow_with_items_or_answers(client):
    assessment = start(client)
    items = items_of(assessment.checklist_version)
    for item in [*items[:3], items[5]]:  # the measured save then updates, before and after
        answer(client, assessment, item.key, status="yes", evidence_url="https://e.example/")
    client.get(assessment.get_absolute_url())  # warm per-process caches
    before = measure(client, assessment, items[5].key)

    grow_content(factor=10)
    grown = ChecklistItem.objects.filter(section__version=assessment.checklist_version)
    assert grown.count() == 25 + 9 * 3
    for item in grown.exclude(pk__in=[i.pk for i in items[:6]]):
        services.answer_save(
            assessment=assessment, item=item, data={"status": "no", "note": "생성된 답"}
        )
    after = measure(client, assessment, items[5].key)
    assert after == before
    over = {name: n for name, n in after.items() if n > BUDGET[name]}
    assert not over, f"over budget: {over}"
    print("queries per assessment request:", after)
