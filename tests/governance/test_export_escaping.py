"""Everything written into the Markdown exports is escaped: what a reader typed (subject,
notes, reasons, evidence links) cannot become a link, an image or HTML wherever the
Markdown is rendered (issue 11, finding 10)."""

import re

import markdown
import pytest
from django.urls import reverse

from governance.models import Answer, Assessment
from tests.governance.helpers import answer, items_of, start

pytestmark = pytest.mark.django_db

HOSTILE_URL = "https://ok.example/>[x](javascript:alert(1))"
HOSTILE_TEXT = "[x](javascript:alert(1)) <img src=x onerror=alert(1)> ![i](http://e/i.png)"


def rendered(text: str) -> str:
    """The export rendered as another site would (Python-Markdown, no sanitiser)."""
    return markdown.markdown(text, extensions=["extra"])


def links_and_tags(html: str):
    return re.findall(r'href="([^"]*)"', html), re.findall(r"<(img|script)\b", html)


def test_a_hostile_evidence_link_stays_one_http_link(client):
    assessment = start(client, subject="증거")
    key = items_of(assessment.checklist_version)[0].key
    response = answer(client, assessment, key, evidence_url=HOSTILE_URL)
    assert response.status_code in {200, 302}
    assert Answer.objects.get(assessment=assessment).evidence_url == HOSTILE_URL
    text = client.get(reverse("governance:export-md", args=[assessment.pk])).content.decode()
    hrefs, tags = links_and_tags(rendered(text))
    assert not [h for h in hrefs if not h.startswith(("http://", "https://"))], hrefs
    assert any(h.startswith("https://ok.example/%3E") for h in hrefs)
    assert not tags


def test_typed_text_stays_text(client):
    assessment = start(client, subject="# 제목 " + HOSTILE_TEXT)
    key = items_of(assessment.checklist_version)[0].key
    answer(client, assessment, key, note=HOSTILE_TEXT + "\n1. 목록\n- 항목\n# 머리")
    text = client.get(reverse("governance:export-md", args=[assessment.pk])).content.decode()
    html = rendered(text)
    hrefs, tags = links_and_tags(html)
    assert not [h for h in hrefs if "javascript" in h or h.startswith("http://e/")]
    assert not tags
    assert html.count("<h1>") == 1 and "<h1># 제목" in html  # the typed # stays a character
    assert "<ol>" not in html  # "1. 목록" inside the note is not a list


def test_the_comparison_escapes_too(client):
    first = start(client, subject=HOSTILE_TEXT)
    second = start(client, subject="둘째 [a](javascript:x)")
    url = reverse("governance:compare-md", args=[second.pk])
    text = client.get(url, {"with": str(first.pk)}).content.decode()
    assert Assessment.objects.count() == 2
    hrefs, tags = links_and_tags(rendered(text))
    assert not [h for h in hrefs if "javascript" in h], hrefs
    assert not tags
