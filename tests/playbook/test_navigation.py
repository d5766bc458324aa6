"""A reader's way through the playbook: the sections sidebar, previous/next at the bottom of
every principle, tables of contents on long pages, and tags that lead to their own page."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from governance.models import Checklist
from playbook.models import Principle, Section, Tag

pytestmark = pytest.mark.django_db


def body(client, url, language="ko"):
    response = client.get(url, {"lang": language})
    assert response.status_code == 200, url
    return response.content.decode()


def sidebar(html):
    start = html.index('<details class="section-nav"')
    return html[start : html.index("</details>", start)]


def in_reading_order():
    return list(Principle.objects.published().order_by("section__order", "order", "id"))


def test_the_sidebar_lists_every_section_and_its_published_principles(client):
    hidden = Principle.objects.get(title_en="Model Evaluations")
    hidden.is_published = False
    hidden.save()
    html = sidebar(body(client, Principle.objects.get(title_en="Work Trials").get_absolute_url()))
    for section in Section.objects.all():
        assert f'href="{section.get_absolute_url()}"' in html
    links = re.findall(r'<a href="(/principles/[^"]+)"', html)
    assert links == [p.get_absolute_url() for p in in_reading_order()]
    assert hidden.get_absolute_url() not in html
    # A <details> works with the keyboard and without JavaScript; closed in the HTML, so a
    # phone shows a drawer (sidebar.js opens it on wide screens).
    assert "<summary>" in html and " open" not in html.split(">", 1)[0]


def test_the_current_principle_and_section_are_marked(client):
    principle = Principle.objects.get(title_en="Work Trials")
    html = sidebar(body(client, principle.get_absolute_url()))
    current = re.findall(r'<a href="([^"]+)" aria-current="page">', html)
    assert current == [principle.get_absolute_url()]
    assert '<li class="is-current">' in html
    section = principle.section
    html = sidebar(body(client, section.get_absolute_url(), "en"))
    assert re.findall(r'<a href="([^"]+)" aria-current="page">', html) == [
        section.get_absolute_url()
    ]
    assert escape(section.title_en) in html  # the English page names sections in English


def test_previous_and_next_follow_the_reading_order_across_sections(client):
    order = in_reading_order()
    for index in (0, 1, len(order) - 1):
        principle = order[index]
        html = body(client, principle.get_absolute_url())
        nav = re.search(r'<nav class="prev-next".*?</nav>', html, re.S).group()
        previous = re.search(r'href="([^"]+)" rel="prev"', nav)
        following = re.search(r'href="([^"]+)" rel="next"', nav)
        expected_previous = order[index - 1].get_absolute_url() if index > 0 else None
        expected_next = order[index + 1].get_absolute_url() if index + 1 < len(order) else None
        assert (previous and previous.group(1)) == expected_previous
        assert (following and following.group(1)) == expected_next
    # The last principle of a section leads to the first of the next section.
    first_section, second_section = Section.objects.order_by("order")[:2]
    last = first_section.principles.published().order_by("order").last()
    first = second_section.principles.published().order_by("order").first()
    assert f'href="{first.get_absolute_url()}" rel="next"' in body(client, last.get_absolute_url())


def test_the_principles_page_has_a_table_of_contents_of_its_sections(client):
    html = body(client, reverse("playbook:principles"))
    toc = re.search(r'<nav class="toc" aria-labelledby="toc-heading">.*?</nav>', html, re.S).group()
    for slug in re.findall(r'href="#section-([\w-]+)"', toc):
        assert f'id="section-{slug}"' in html
    assert (
        len(re.findall(r'href="#section-', toc))
        == Section.objects.filter(principles__is_published=True).distinct().count()
    )


def test_a_principle_page_has_a_table_of_contents_whose_links_land(client):
    html = body(client, Principle.objects.get(title_en="Work Trials").get_absolute_url(), "en")
    toc = re.search(r'<nav class="toc toc--page".*?</nav>', html, re.S).group()
    targets = re.findall(r'href="#([\w-]+)"', toc)
    assert {"evidence", "checklist-items", "framework-items", "dilemmas"} <= set(targets)
    for target in targets:
        assert f'id="{target}"' in html


def test_the_checklist_page_has_a_table_of_contents_of_its_sections(client):
    checklist = Checklist.objects.get(slug="responsible-ai-development")
    html = body(client, checklist.get_absolute_url())
    toc = re.search(r'aria-labelledby="checklist-toc-heading">.*?</nav>', html, re.S).group()
    targets = re.findall(r'href="#([\w-]+)"', toc)
    assert len(targets) > 2
    for target in targets:
        assert f'id="{target}"' in html


def test_tags_on_a_principle_are_links_to_the_tag_page(client):
    principle = Principle.objects.filter(tags__isnull=False).first()
    html = body(client, principle.get_absolute_url())
    for tag in principle.tags.all():
        assert f'<a href="/tags/{tag.slug}/">' in html


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_tag_page_lists_the_published_principles_that_carry_it(client, language):
    tag = Tag.objects.get(slug="ethics")
    tagged = list(tag.principles.published())
    assert tagged
    hidden = tagged[0]
    hidden.is_published = False
    hidden.save()
    html = body(client, reverse("playbook:tag", args=[tag.slug]), language)
    name = tag.name_en if language == "en" else tag.name_ko
    assert f'<h1><span class="meta">{"Tag" if language == "en" else "태그"}</span> {name}' in html
    for principle in tagged[1:]:
        assert principle.get_absolute_url() in html
    assert hidden.get_absolute_url() not in re.sub(r"<nav.*?</nav>", "", html, flags=re.S)
    assert f'<html lang="{language}">' in html


def test_an_unknown_tag_is_a_404(client):
    assert client.get("/tags/no-such-tag/").status_code == 404


def test_tag_pages_are_in_the_sitemap(client):
    xml = client.get("/sitemap.xml").content.decode()
    for tag in Tag.objects.filter(principles__is_published=True).distinct():
        assert f"/tags/{tag.slug}/</loc>" in xml
