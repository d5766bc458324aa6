"""Provenance as a reader sees it (DESIGN.md "Provenance"; issue 12): on the pages, in both
languages, our editorial ethics notes are marked, the seven pairs the source gives link to
each other, evidence links say where the source ties them, and the links the source does
not support are not there. Also the feed's and /changes/' language."""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.html import escape

from playbook import services as playbook_services
from playbook.models import Principle, Section
from teams.models import Team
from tests.playbook.test_seed_fidelity import PAIRS

pytestmark = pytest.mark.django_db

EDITORIAL_NOTE = {
    "en": "Our note: the playbook does not spell out an ethics counterpart",
    "ko": "우리의 메모",
}


def get(client, url, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def pair_paragraph(html: str) -> str:
    found = re.search(r'<p class="pair">.*?</p>', html, re.S)
    return found.group(0) if found else ""


@pytest.mark.parametrize("language", ["ko", "en"])
def test_an_editorial_ethics_note_is_marked_and_a_sourced_one_is_not(client, language):
    editorial = Principle.objects.filter(responsible_ai_editorial=True).exclude(
        responsible_ai_ko=""
    )
    assert editorial.exists()
    for principle in editorial:
        html = get(client, principle.get_absolute_url(), language)
        assert 'class="meta editorial-note"' in html, principle.slug
    sourced = Principle.objects.get(slug="work-trials")
    assert not sourced.responsible_ai_editorial
    assert 'class="meta editorial-note"' not in get(client, sourced.get_absolute_url(), language)


def test_the_editorial_note_reads_in_the_readers_language(client):
    principle = Principle.objects.filter(responsible_ai_editorial=True).first()
    assert EDITORIAL_NOTE["en"] in get(client, principle.get_absolute_url(), "en")
    korean = get(client, principle.get_absolute_url(), "ko")
    assert EDITORIAL_NOTE["en"] not in korean and "editorial-note" in korean


@pytest.mark.parametrize("language", ["ko", "en"])
def test_each_of_the_seven_pairs_links_both_ways_on_the_pages(client, language):
    for first, second in PAIRS:
        one, other = Principle.objects.get(slug=first), Principle.objects.get(slug=second)
        assert other.get_absolute_url() in pair_paragraph(
            get(client, one.get_absolute_url(), language)
        ), (first, second)
        assert one.get_absolute_url() in pair_paragraph(
            get(client, other.get_absolute_url(), language)
        ), (second, first)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_evidence_links_say_where_the_source_ties_them(client, language):
    audit = Principle.objects.get(slug="ai-audit")
    html = get(client, audit.get_absolute_url(), language)
    gumloop = Team.objects.get(slug="gumloop")
    teams = html[html.index('id="teams-heading"') :]
    assert gumloop.get_absolute_url() in teams
    assert 'class="meta link-source"' in teams
    link = gumloop.principle_links.get(principle=audit)
    expected = link.source_en if language == "en" else link.source_ko
    assert expected and escape(expected) in html


def test_links_the_source_does_not_support_are_not_on_the_pages(client):
    for slug in ("ai-governance-officer", "simple-governance-model"):
        html = get(client, Principle.objects.get(slug=slug).get_absolute_url(), "en")
        assert Team.objects.get(slug="cognition").get_absolute_url() not in html, slug
    hire = Principle.objects.get(slug="hire-and-build-right-or-not-at-all")
    html = get(client, hire.get_absolute_url(), "en")
    assert Team.objects.get(slug="datalab").get_absolute_url() not in html


def test_the_feed_is_in_the_readers_language(client):
    live = Section.objects.get(is_live=True)
    url = reverse("playbook:section-feed", args=[live.slug])
    english, korean = get(client, url + "?lang=en", "en"), get(client, url, "ko")
    assert 'xml:lang="en"' in english and 'xml:lang="ko"' in korean
    english_title = re.search(r"<title>(.*?)</title>", english).group(1)
    korean_title = re.search(r"<title>(.*?)</title>", korean).group(1)
    assert live.title_en in english_title and "live updates" in english_title
    assert live.title_ko in korean_title and english_title != korean_title


def test_changes_labels_follow_the_language_and_mark_a_fallback(
    client, editor, django_capture_on_commit_callbacks
):
    principle = Principle.objects.get(slug="work-trials")
    principle.summary_ko = principle.summary_ko + " (고침)"
    playbook_services.principle_admin_save(
        principle=principle, editor=editor, expected_version=principle.version
    )
    english = get(client, reverse("changes"), "en")
    korean = get(client, reverse("changes"), "ko")
    assert f">{principle.title_en}</a>" in english
    assert f">{principle.title_ko}</a>" in korean
    with django_capture_on_commit_callbacks(execute=True):  # the pages' revision moves on
        Principle.objects.create(  # its history row ("created") is on /changes/
            section=principle.section, slug="only-korean", title_ko="한국어로만 된 원칙", order=98
        )
    english = get(client, reverse("changes"), "en")
    assert 'lang="ko">한국어로만 된 원칙</a>' in english
    assert 'lang="ko">한국어로만 된 원칙</a>' not in get(client, reverse("changes"), "ko")
