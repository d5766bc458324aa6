"""Only approved (and featured) dilemmas reach readers: their item's page, /dilemmas/, the
dilemma's own page, search and /changes/. Pending and rejected ones reach none of them."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from discussions.models import Dilemma
from discussions.services import dilemmas_moderate
from pages.backup import export_content
from playbook.models import Section
from tests.discussions.helpers import approved, make_dilemma

pytestmark = pytest.mark.django_db


def public_pages(kind, item, dilemma_pk):
    live = Section.objects.get(is_live=True)
    return [
        reverse("playbook:section-feed", args=[live.slug]),
        item.get_absolute_url(),
        reverse("discussions:dilemmas"),
        reverse("discussions:dilemmas") + f"?kind={kind}",
        reverse("home"),
        reverse("changes"),
        reverse("search") + "?q=숨은딜레마",
    ]


def test_nothing_pending_or_rejected_is_visible_anywhere_public(items, editor):
    for kind, item in items:
        pending = make_dilemma(kind, item, f"숨은딜레마 대기 {kind}")
        rejected = make_dilemma(kind, item, f"숨은딜레마 거절 {kind}")
        dilemmas_moderate(dilemmas=[rejected], status="rejected", moderator=editor)
        # approved once, then rejected: its approved version must not linger anywhere
        withdrawn = approved(kind, item, editor, f"숨은딜레마 철회 {kind}")
        dilemmas_moderate(dilemmas=[withdrawn], status="rejected", moderator=editor)
        reader = Client()
        for url in public_pages(kind, item, pending.pk):
            html = reader.get(url).content.decode()
            assert "숨은딜레마 대기" not in html, url
            assert "숨은딜레마 거절" not in html, url
            assert "숨은딜레마 철회" not in html, url
        for dilemma in (pending, rejected, withdrawn):
            assert reader.get(dilemma.get_absolute_url()).status_code == 404


def test_approved_ones_are_on_their_page_in_search_and_changes(items, editor):
    urls = []
    for kind, item in items:
        dilemma = approved(kind, item, editor, f"공개딜레마 {kind} 이야기")
        urls.append(dilemma.get_absolute_url())
        reader = Client()
        assert f"공개딜레마 {kind}" in reader.get(item.get_absolute_url()).content.decode()
        assert f"공개딜레마 {kind}" in reader.get(dilemma.get_absolute_url()).content.decode()
        listing = reader.get(reverse("discussions:dilemmas"), {"kind": kind}).content.decode()
        assert f"공개딜레마 {kind}" in listing and item.get_absolute_url() in listing
    found = Client().get(reverse("search"), {"q": "공개딜레마"}).content.decode()
    assert all(f'href="{url}"' in found for url in urls)
    changes = Client().get(reverse("changes")).content.decode()
    assert "공개딜레마" in changes
    assert Dilemma.objects.first().get_absolute_url() in changes


def test_featured_first_then_newest_with_a_badge(principle, editor):
    older = approved("principle", principle, editor, "오래된 승인")
    featured = approved("principle", principle, editor, "스티커 딜레마", status="featured")
    newer = approved("principle", principle, editor, "새 승인")
    for url in (reverse("discussions:dilemmas"), principle.get_absolute_url()):
        html = Client().get(url).content.decode()
        positions = [html.index(f'id="dilemma-{d.pk}"') for d in (featured, newer, older)]
        assert positions == sorted(positions), url
        assert (
            "badge--sticker" in html.split(f'id="dilemma-{featured.pk}"')[1].split("</article>")[0]
        )
        assert (
            "badge--sticker" not in html.split(f'id="dilemma-{newer.pk}"')[1].split("</article>")[0]
        )


def test_the_list_filters_by_kind_and_paginates(items, editor):
    for kind, item in items:
        approved(kind, item, editor, f"종류별 {kind}")
    for n in range(25):
        approved("principle", items[0][1], editor, f"페이지 {n:02d}")
    reader = Client()
    teams_only = reader.get(reverse("discussions:dilemmas"), {"kind": "team"}).content.decode()
    assert "종류별 team" in teams_only and "종류별 talk" not in teams_only
    first = reader.get(reverse("discussions:dilemmas")).content.decode()
    second = reader.get(reverse("discussions:dilemmas"), {"page": 2}).content.decode()
    assert "페이지 24" in first and "페이지 24" not in second
    assert "종류별 principle" in second or "페이지 00" in second
    assert (
        reader.get(reverse("discussions:dilemmas"), {"page": "junk", "kind": "junk"}).status_code
        == 200
    )


def test_backups_carry_the_dilemmas(principle, editor):
    approved("principle", principle, editor, "백업될 딜레마")
    objects = export_content()["objects"]
    kept = [o for o in objects if o["model"] == "discussions.dilemma"]
    assert [o["fields"]["text"] for o in kept] == ["백업될 딜레마"]
    assert kept[0]["fields"]["status"] == "approved"


def test_featured_dilemmas_are_on_the_home_page(principle, editor):
    approved("principle", principle, editor, "홈의 스티커", status="featured")
    approved("principle", principle, editor, "홈에 없는 승인")
    html = Client().get(reverse("home")).content.decode()
    assert "홈의 스티커" in html and "홈에 없는 승인" not in html


@pytest.mark.parametrize("kind_index", [0, 1, 2, 3])
def test_query_budgets_with_fifty_dilemmas(
    items, editor, django_assert_max_num_queries, kind_index, settings
):
    settings.PAGE_CACHE_ENABLED = False  # what rendering costs, not the page cache's answer
    kind, item = items[kind_index]
    reader = Client()
    with CaptureQueriesContext(connection) as without:
        reader.get(item.get_absolute_url())
    for n in range(50):
        approved(kind, item, editor, f"예산 {n}", status="featured" if n % 7 == 0 else "approved")
    # The item's page: the dilemmas cost one query, however many there are.
    with django_assert_max_num_queries(len(without) + 1):
        assert "예산 49" in reader.get(item.get_absolute_url()).content.decode()
    with django_assert_max_num_queries(4):
        assert reader.get(reverse("discussions:dilemmas")).status_code == 200
    with django_assert_max_num_queries(4):
        assert (
            reader.get(reverse("discussions:dilemmas"), {"kind": kind, "page": 2}).status_code
            == 200
        )
    with django_assert_max_num_queries(3):
        assert reader.get(Dilemma.objects.first().get_absolute_url()).status_code == 200


def test_featured_dilemmas_about_a_live_section_are_in_its_feed(live_section, editor):
    featured = approved("section", live_section, editor, "피드의 스티커 딜레마", status="featured")
    approved("section", live_section, editor, "피드에 없는 승인 딜레마")
    make_dilemma("section", live_section, "피드에 없는 대기 딜레마")
    feed = Client().get(reverse("playbook:section-feed", args=[live_section.slug]))
    assert feed.status_code == 200
    xml = feed.content.decode()
    assert "피드의 스티커 딜레마" in xml and featured.get_absolute_url() in xml
    assert f":{featured.get_absolute_url()}</id>" in xml  # its tag: URI (playbook.feeds)
    assert "피드에 없는" not in xml
