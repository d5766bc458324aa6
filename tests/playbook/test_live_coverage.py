"""Live coverage beyond the stream: a pinned update, the end of the coverage, each update's
own page, and the LiveBlogPosting structured data."""

import json
import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core.templatetags.content_tags import json_ld as json_ld_filter
from playbook import services
from playbook.models import LiveUpdate, Section
from tests.playbook.live_helpers import poll, revision_of
from tests.security.safety import unsafe_parts

pytestmark = pytest.mark.django_db


def pin(client, update):
    return client.post(reverse("playbook:update-pin", args=[update.section.slug, update.pk]))


def json_ld(html: str) -> dict:
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert block, "no JSON-LD on the page"
    return json.loads(block.group(1))


@pytest.fixture
def posted(editor, live):
    first = services.live_update_create(section=live, author=editor, body="첫 소식 **굵게**")
    second = services.live_update_create(section=live, author=editor, body="둘째 소식")
    return first, second


def test_an_editor_pins_an_update_and_open_pages_receive_it(
    editor_client, client, live, posted, committed
):
    first, _ = posted
    since = revision_of(live)
    with committed():
        assert pin(editor_client, first).status_code == 302
    page = client.get(live.get_absolute_url()).content.decode()
    pinned = page[page.index('id="pinned"') : page.index("</div>", page.index('id="pinned"'))]
    assert "첫 소식" in pinned and "<details open>" in pinned
    answer = poll(client, live, since).content.decode()
    assert 'id="pinned" class="pinned" data-hx-swap-oob="true"' in answer and "첫 소식" in answer

    since = revision_of(live)
    with committed():
        editor_client.post(reverse("playbook:section-unpin", args=[live.slug]))
    answer = poll(client, live, since).content.decode()
    assert "첫 소식" not in answer.split('id="pinned"')[1].split("</div>")[0]


def test_pinning_is_refused_with_a_message_where_it_makes_no_sense(editor_client, editor, live):
    retracted = services.live_update_create(section=live, author=editor, body="철회될 소식")
    services.live_update_retract(update=retracted, editor=editor, expected_version=1)
    response = pin(editor_client, retracted)
    assert response.status_code == 400 and "철회" in response.content.decode()
    quiet = Section.objects.filter(is_live=False).first()
    response = editor_client.post(reverse("playbook:section-unpin", args=[quiet.slug]))
    assert response.status_code == 400
    assert Section.objects.get(pk=live.pk).pinned_update is None


def test_retracting_the_pinned_update_unpins_it(editor_client, editor, live, posted):
    first, _ = posted
    pin(editor_client, first)
    first.refresh_from_db()
    services.live_update_retract(update=first, editor=editor, expected_version=first.version)
    assert Section.objects.get(pk=live.pk).pinned_update is None


def test_ending_the_coverage_stops_polling_and_shows_the_summary(
    editor_client, client, live, posted, committed
):
    since = revision_of(live)
    url = reverse("playbook:coverage-end", args=[live.slug])
    with committed():
        assert editor_client.post(url, {"summary": "행사가 **끝났습니다**"}).status_code == 302
    answer = poll(client, live, since)
    assert answer.status_code == 200 and answer["X-Live-Ended"] == "1"
    page = client.get(live.get_absolute_url()).content.decode()
    assert "data-live-ended" in page
    assert "<strong>끝났습니다</strong>" in page
    assert json_ld(page)["coverageEndTime"].startswith(str(timezone.now().year))
    feed = client.get(reverse("playbook:section-feed", args=[live.slug])).content.decode()
    assert "<subtitle>실시간 중계는 " in feed

    with committed():
        editor_client.post(reverse("playbook:coverage-reopen", args=[live.slug]))
    page = client.get(live.get_absolute_url()).content.decode()
    assert "data-live-ended" not in page and "coverageEndTime" not in page


def test_coverage_without_updates_for_long_ends_by_itself(editor, live, posted):
    LiveUpdate.objects.filter(section=live).update(created_at=timezone.now() - timedelta(hours=13))
    out = StringIO()
    call_command("end_stale_coverage", "--hours", "12", stdout=out)
    assert live.slug in out.getvalue()
    assert Section.objects.get(pk=live.pk).coverage_has_ended
    call_command("end_stale_coverage", "--hours", "12", stdout=StringIO())  # idempotent


def test_each_update_has_a_page_of_its_own_in_context(client, live, posted):
    first, second = posted
    page = client.get(live.get_absolute_url()).content.decode()
    assert first.get_permalink() in page
    response = client.get(first.get_permalink())
    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-current="true"' in html and "둘째 소식" in html  # its neighbour
    assert '<meta property="og:description" content="첫 소식 굵게' in html
    other = Section.objects.filter(is_live=False).first()
    wrong = reverse("playbook:update", args=[other.slug, first.pk])
    assert client.get(wrong).status_code == 404


def test_the_live_page_carries_live_blog_posting_data(client, live, editor):
    services.live_update_create(section=live, author=editor, body="오늘의 **소식**")
    html = client.get(live.get_absolute_url()).content.decode()
    data = json_ld(html)
    assert data["@type"] == "LiveBlogPosting" and data["headline"] == live.title
    assert data["coverageStartTime"] and "coverageEndTime" not in data
    latest = data["liveBlogUpdate"][0]
    assert latest["@type"] == "BlogPosting"
    for key in ("headline", "datePublished", "dateModified", "articleBody", "url"):
        assert latest[key], key
    assert latest["articleBody"] == "오늘의 소식"  # plain text, no Markdown or HTML
    timezone.datetime.fromisoformat(latest["datePublished"])


def test_json_ld_text_cannot_close_its_element():
    hostile = {"articleBody": "</script><script>alert(1)</script>&"}
    block = json_ld_filter(hostile)
    assert "</script><script>" not in block
    assert json_ld(block) == hostile
    assert unsafe_parts(block) == []
    closed_early = '<script type="application/ld+json">{"a": "</script><script>alert(1)</script>'
    assert unsafe_parts(closed_early) != []
