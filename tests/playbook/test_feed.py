"""The live section's Atom feed as feed readers and browsers see it: plain-text titles,
permanent tag: ids, and a stylesheet that turns it into a page in a browser."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from playbook import services

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
MARKDOWN = "**굵은 소식**: [발표 자료](https://example.com/slides) 공개 — `v2` & <끝>"


def feed_of(client, live, language="ko"):
    response = client.get(reverse("playbook:section-feed", args=[live.slug]), {"lang": language})
    assert response.status_code == 200
    return response.content.decode()


def titles(feed):
    return re.findall(r"<entry><title>(.*?)</title>", feed, re.S)


def test_entry_titles_are_plain_text_without_markdown(client, editor, live):
    services.live_update_create(section=live, author=editor, body=MARKDOWN)
    (title,) = titles(feed_of(client, live))
    assert title == "굵은 소식: 발표 자료 공개 — v2 &amp; &lt;끝&gt;"  # escaped once, by the XML


def test_long_titles_are_cut_with_an_ellipsis(client, editor, live):
    services.live_update_create(section=live, author=editor, body="가나다라 " * 40)
    (title,) = titles(feed_of(client, live))
    assert len(title) == 80 and title.endswith("…")


def test_ids_are_tag_uris_that_stay_when_an_entry_changes(client, editor, live):
    update = services.live_update_create(section=live, author=editor, body="처음 소식")
    feed = feed_of(client, live)
    ids = re.findall(r"<id>(.*?)</id>", feed)
    assert len(ids) == 2  # the feed's and the entry's
    for value in ids:
        assert re.fullmatch(r"tag:[\w.-]+,\d{4}(-\d\d-\d\d)?:/\S+", value), value
    entry_id = ids[1]
    assert entry_id.endswith(f"/sections/{live.slug}/updates/{update.pk}/")
    services.live_update_retract(update=update, editor=editor, expected_version=1)
    assert re.findall(r"<id>(.*?)</id>", feed_of(client, live, "en"))[1] == entry_id


def test_a_browser_is_pointed_to_a_stylesheet_and_the_html_page(client, live):
    feed = feed_of(client, live)
    assert '<?xml-stylesheet href="/static/feeds/atom.xsl" media="screen" type="text/xsl"?>' in feed
    assert f'href="http://testserver{live.get_absolute_url()}" rel="alternate"' in feed
    assert finders.find("feeds/atom.xsl")  # a static file, collected with the others


def test_the_stylesheet_makes_a_readable_page_of_the_feed(client, editor, live, tmp_path):
    if shutil.which("java") is None:
        pytest.skip("Java is missing: it applies the stylesheet here as a browser would")
    services.live_update_create(section=live, author=editor, body=MARKDOWN)
    (tmp_path / "feed.xml").write_text(feed_of(client, live), encoding="utf-8")
    result = subprocess.run(
        ["java", str(ROOT / "tests/tools/Xslt.java"), str(ROOT / "static/feeds/atom.xsl"),
         str(tmp_path / "feed.xml")],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    page = result.stdout
    assert '<html lang="ko">' in page
    assert f"<h1>{live.title} &mdash;" in page or f"<h1>{live.title} —" in page
    assert "굵은 소식: 발표 자료 공개" in page
    assert f'href="http://testserver/sections/{live.slug}/#update-' in page
