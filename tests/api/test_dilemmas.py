"""Approved dilemmas in the API; pending and rejected ones and their submitters never."""

import json

import pytest

from playbook.models import Principle
from teams.models import Team
from tests.api.helpers import all_items, api, get_json
from tests.discussions.helpers import approved, make_dilemma

pytestmark = pytest.mark.django_db


def test_only_approved_dilemmas_appear_featured_first(client, editor):
    principle = Principle.objects.published().first()
    team = Team.objects.get(slug="gamma")
    plain = approved("principle", principle, editor, text="승인된 딜레마 하나")
    featured = approved("team", team, editor, text="돋보이는 딜레마", status="featured")
    make_dilemma("principle", principle, text="기다리는 딜레마 PENDING-77")
    approved("team", team, editor, text="거절된 딜레마 REJECTED-78", status="rejected")

    items = all_items(client, api("dilemmas"))
    assert [d["id"] for d in items] == [featured.pk, plain.pk]
    assert items[0]["featured"] is True
    assert items[1]["text"] == {"ko": "승인된 딜레마 하나", "en": None}
    assert items[1]["about"]["url"].endswith(principle.get_absolute_url())
    text = json.dumps(items, ensure_ascii=False)
    assert "PENDING-77" not in text and "REJECTED-78" not in text
    assert "a" * 64 not in text  # the submitter's hashed address

    detail = get_json(client, api("dilemma", pk=plain.pk))
    assert detail["id"] == plain.pk
    assert client.get(detail["url"].split("testserver")[-1]).status_code == 200
    pending = make_dilemma("principle", principle, text="또 기다리는 딜레마")
    assert client.get(api("dilemma", pk=pending.pk)).status_code == 404

    teams_only = all_items(client, api("dilemmas") + "?kind=team")
    assert [d["id"] for d in teams_only] == [featured.pk]


def test_dilemma_lists_cost_the_same_queries_for_many(client, editor):
    """One query per kind of item they are about (a handful), not per dilemma."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    principle = Principle.objects.published().first()
    approved("principle", principle, editor)
    approved("team", Team.objects.get(slug="gamma"), editor)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(api("dilemmas") + "?limit=100").status_code == 200
        return len(queries)

    before = count()
    for n in range(15):
        approved("team", Team.objects.get(slug="gamma"), editor, text=f"딜레마 {n}")
        approved("principle", principle, editor, text=f"딜레마 원칙 {n}")
    assert count() == before
