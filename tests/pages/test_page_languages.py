"""Every page kind in the reader's language (DESIGN.md "Two languages of content"): the
English pages are English inside <main>, the Korean pages Korean; a text shown in the
other language sits in an element with its `lang`; `<html lang>`, hreflang alternates,
and Korean for a browser whose first language is neither."""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.urls import reverse

from governance import services as governance_services
from governance.models import Checklist, ChecklistItem
from governance.selectors import newest_published_version
from playbook.models import Principle, Section, Tag
from teams.models import Talk, Team

pytestmark = pytest.mark.django_db

HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


class MainText(HTMLParser):
    """The text inside <main>, without scripts and styles."""

    def __init__(self):
        super().__init__()
        self.depth, self.skip, self.parts = 0, 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.depth += 1
        elif tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth -= 1
        elif tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


def main_text(html: str) -> str:
    parser = MainText()
    parser.feed(html)
    return " ".join(parser.parts)


def korean_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    return sum(1 for ch in letters if HANGUL.match(ch)) / max(len(letters), 1)


@pytest.fixture
def page_urls():
    """One URL of every page kind a reader can open."""
    principle = Principle.objects.get(slug="work-trials")
    live = Section.objects.get(is_live=True)
    checklist = Checklist.objects.get(slug="responsible-ai-development")
    version = newest_published_version(checklist=checklist)
    assessment, _token = governance_services.assessment_start(version=version, subject="Acme")
    governance_services.assessment_share(assessment=assessment, shared=True)
    item = ChecklistItem.objects.filter(section__version=version).first()
    return {
        "home": reverse("home"),
        "principles": reverse("playbook:principles"),
        "principle": principle.get_absolute_url(),
        "section": Section.objects.exclude(is_live=True).first().get_absolute_url(),
        "live section": live.get_absolute_url(),
        "event": live.event.get_absolute_url(),
        "teams": reverse("teams:teams"),
        "team": Team.objects.get(slug="gumloop").get_absolute_url(),
        "talks": reverse("teams:talks"),
        "talk": Talk.objects.get(
            slug="gamma-generalists-player-coaches-small-tribe"
        ).get_absolute_url(),
        "checklists": reverse("governance:checklists"),
        "checklist": checklist.get_absolute_url(),
        "checklist item": reverse("governance:checklist-item", args=[checklist.slug, item.key]),
        "assessment": assessment.get_absolute_url(),
        "crosswalk": reverse("governance:crosswalk"),
        "map": reverse("map"),
        "search": reverse("search") + "?q=ethics",
        "changes": reverse("changes"),
    }


def get(client, url, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_english_pages_are_english_inside_main(client, page_urls):
    shares = {
        kind: korean_share(main_text(get(client, url, "en"))) for kind, url in page_urls.items()
    }
    too_korean = {kind: round(share, 3) for kind, share in shares.items() if share > 0.10}
    assert too_korean == {}


def test_korean_pages_are_korean_inside_main(client, page_urls):
    # Korean pages keep the English terms and names in parentheses, as the playbook does.
    for kind, url in page_urls.items():
        if kind in ("search", "assessment", "crosswalk"):
            continue  # an English query, a subject typed in English, framework names
        assert korean_share(main_text(get(client, url, "ko"))) > 0.3, kind
    korean = main_text(get(client, page_urls["principle"], "ko"))
    assert "업무 평가" in korean and "정식 합류 전에" in korean


@pytest.mark.parametrize("language", ["ko", "en"])
def test_html_lang_is_the_active_language_with_hreflang_alternates(client, language):
    url = Principle.objects.get(slug="work-trials").get_absolute_url()
    html = get(client, url, language)
    assert f'<html lang="{language}">' in html
    assert f'<link rel="alternate" hreflang="ko" href="http://testserver{url}?lang=ko">' in html
    assert f'<link rel="alternate" hreflang="en" href="http://testserver{url}?lang=en">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="http://testserver{url}">' in html


def test_an_alternate_url_serves_its_language(client):
    url = Principle.objects.get(slug="work-trials").get_absolute_url()
    english = client.get(url, {"lang": "en"}).content.decode()
    assert '<html lang="en">' in english and "Work Trials" in english
    korean = client.get(url, {"lang": "ko"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="ko">' in korean and "업무 평가" in korean


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("en-US,en;q=0.9", "en"),
        ("ko-KR,ko;q=0.9,en;q=0.5", "ko"),
        ("fr-FR,fr;q=0.9,en;q=0.8", "ko"),  # neither Korean nor English first: Korean
        ("de,en;q=0.5,ko;q=0.3", "ko"),
        ("", "ko"),
    ],
)
def test_a_browser_whose_first_language_is_neither_gets_korean(client, accept, expected):
    html = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE=accept).content.decode()
    assert f'<html lang="{expected}">' in html


def test_a_text_without_english_is_shown_in_korean_inside_lang_ko(client):
    section = Section.objects.get(slug="core-principles-development")
    principle = Principle.objects.create(
        section=section,
        slug="untranslated-principle",
        title_ko="번역되지 않은 원칙",
        summary_ko="아직 **영어** 번역이 없는 요약입니다.",
        order=99,
    )
    principle.tags.add(Tag.objects.get(slug="ethics"))
    html = get(client, principle.get_absolute_url(), "en")
    assert '<span lang="ko">번역되지 않은 원칙</span>' in html
    assert '<div lang="ko"><p>아직 <strong>영어</strong> 번역이 없는 요약입니다.</p></div>' in html
    # Translated texts around it are English and carry no lang of their own.
    assert "Ethics" in html and '<span lang="ko">윤리</span>' not in html
    listing = get(client, reverse("playbook:principles"), "en")
    assert '<span lang="ko">번역되지 않은 원칙</span>' in listing
    korean = get(client, principle.get_absolute_url(), "ko")
    assert 'lang="ko">번역되지 않은 원칙' not in korean and "번역되지 않은 원칙" in korean


def test_a_text_only_in_english_is_marked_english_on_a_korean_page(client):
    team = Team.objects.get(slug="gamma")
    team.tagline_ko = ""
    team.save()
    html = get(client, team.get_absolute_url(), "ko")
    assert '<span lang="en">Generalists + Coaches + Culture</span>' in html


def test_the_introduction_says_once_that_the_english_is_our_translation(client):
    html = main_text(get(client, reverse("home"), "en"))
    assert html.count("our own translation") == 1
