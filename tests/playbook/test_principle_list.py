"""/principles/ stays one light page however many principles there are: a page of them,
grouped by section, under the sections' list with their counts."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from playbook.models import Principle, Section
from playbook.views import PRINCIPLES_PER_PAGE
from tests.content_growth import grow_content

pytestmark = pytest.mark.django_db


def cards(body: str) -> list[str]:
    return re.findall(r'<li class="principle" id="principle-([^"]+)"', body)


def test_every_principle_is_on_exactly_one_page_in_order():
    grow_content(factor=10)
    published = list(Principle.objects.published().values_list("slug", flat=True))
    assert len(published) > 2 * PRINCIPLES_PER_PAGE
    seen, number = [], 1
    while True:
        body = Client().get(reverse("playbook:principles"), {"page": number}).content.decode()
        shown = cards(body)
        assert len(shown) <= PRINCIPLES_PER_PAGE
        seen += shown
        if 'rel="next"' not in body:
            break
        number += 1
    assert seen == published
    assert number == -(-len(published) // PRINCIPLES_PER_PAGE)


def test_the_sections_list_names_every_section_with_its_count():
    body = Client().get(reverse("playbook:principles")).content.decode()
    toc = body[
        body.index('aria-labelledby="toc-heading"') : body.index(
            "</nav>", body.index("toc-heading")
        )
    ]
    entries = re.findall(r"<li><a href=\"([^\"]+)\">.*?</li>", toc, re.S)
    assert len(entries) == Section.objects.count()
    for section in Section.objects.all():
        count = section.principles.filter(is_published=True).count()
        entry = next(
            e for e in re.findall(r"<li>.*?</li>", toc, re.S) if section.get_absolute_url() in e
        )
        assert f"원칙 {count}개" in entry


def test_an_odd_page_number_gives_a_page_not_an_error():
    for value in ["abc", "-1", "99999", ""]:
        response = Client().get(reverse("playbook:principles"), {"page": value})
        assert response.status_code == 200
        assert cards(response.content.decode())
