"""The search page: filters with counts, live updates, what is never found, highlighting
that nothing typed can break out of, bad input, htmx partials."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import services
from governance.models import ChecklistItem, ChecklistSection, ChecklistVersion
from playbook.models import LiveUpdate, Principle, Section
from tests.search.helpers import result_urls, search

pytestmark = pytest.mark.django_db


def body_of(response) -> str:
    return response.content.decode()


def facet_counts(body: str, facet: str) -> dict[str, int]:
    found = re.findall(
        rf'data-facet="{facet}" data-value="([^"]+)"[^>]*>[^<]*<span class="count">(\d+)</span>',
        body,
    )
    return {value: int(count) for value, count in found}


def test_every_result_is_labelled_and_links_to_its_page(client):
    body = body_of(search(client, "Gumloop"))
    assert 'data-kind="team"' in body and 'data-kind="talk"' in body
    assert 'class="badge badge--team">Team<' in body
    assert "/teams/gumloop/" in result_urls(search(client, "Gumloop"))


def test_type_counts_add_up_to_the_total_and_filter(client):
    body = body_of(search(client, "윤리"))
    counts = facet_counts(body, "type")
    total = int(re.search(r'id="search-summary"[^>]*>\s*(\d+)', body).group(1))
    assert sum(counts.values()) == total
    assert {"principle", "item"} <= counts.keys()

    principles_only = search(client, "윤리", type="principle")
    urls = result_urls(principles_only)
    assert len(urls) == min(counts["principle"], 20)
    assert all(url.startswith("/principles/") for url in urls)


def test_section_and_tag_filters_with_counts(client):
    section = Section.objects.get(title_en="Operations & Governance")
    body = body_of(search(client, "거버넌스"))
    sections = facet_counts(body, "section")
    assert sections[section.slug] >= 2
    tags = facet_counts(body, "tag")
    assert tags["governance"] >= 2

    in_section = result_urls(search(client, "거버넌스", section=section.slug))
    expected = {p.get_absolute_url() for p in section.principles.all()}
    assert in_section and set(in_section) <= expected

    tagged = result_urls(search(client, "거버넌스", tag="governance"))
    assert len(tagged) == tags["governance"]
    assert all(Principle.objects.get(slug=u.split("/")[2]).tags.filter(slug="governance")
               for u in tagged)  # fmt: skip


def test_live_updates_are_found_at_their_anchor_and_retracted_ones_are_not(client):
    live = Section.objects.get(is_live=True)
    kept = LiveUpdate.objects.create(section=live, body="레드팀 점검 결과를 **공개**했습니다.")
    retracted = LiveUpdate.objects.create(
        section=live, body="레드팀 결과가 잘못 알려졌습니다.", retracted_at=timezone.now()
    )
    urls = result_urls(search(client, "레드팀"))
    assert f"{live.get_absolute_url()}#update-{kept.pk}" in urls
    assert not any(url.endswith(f"#update-{retracted.pk}") for url in urls)
    body = body_of(search(client, "레드팀", section=live.slug))
    assert "<mark>레드팀</mark> 점검 결과를 공개했습니다." in body  # Markdown marks dropped


def test_only_items_of_the_current_published_version_are_found(client):
    current = ChecklistVersion.objects.published().first()
    draft = ChecklistVersion.objects.create(checklist=current.checklist, number=99)
    section = ChecklistSection.objects.create(version=draft, title="초안")
    ChecklistItem.objects.create(section=section, key="draft-only", prompt="퀘이사 초안 질문")
    assert result_urls(search(client, "퀘이사")) == []


def test_private_assessments_never_appear(client):
    version = ChecklistVersion.objects.published().first()
    services.assessment_start(version=version, subject="비밀프로젝트 오로라")
    response = search(client, "오로라")
    assert response.status_code == 200
    assert result_urls(response) == []
    assert "비밀프로젝트" not in body_of(response)


def test_highlighting_never_lets_markup_out(client):
    section = Section.objects.first()
    Principle.objects.create(
        section=section,
        slug="xss-probe",
        title='<script>alert("x")</script> 윤리강령 <b>굵게</b>',
        summary='<img src=x onerror=alert(1)> 윤리적 "따옴표" & 기호',
    )
    response = search(client, '<script> 윤리 "<img"')
    body = body_of(response)
    assert "<script>alert" not in body
    assert "<img src=x" not in body
    assert "<b>굵게</b>" not in body
    assert "&lt;<mark>script</mark>&gt;alert" in body
    assert "<mark>윤리</mark>강령" in body  # a Korean match inside a longer word
    assert "<mark>윤리</mark>적" in body
    assert "&lt;<mark>img</mark> src=x onerror=alert(1)&gt;" in body
    # Whatever the query holds is escaped too, wherever it is shown.
    marked = re.findall(r"<mark>(.*?)</mark>", body)
    assert all("<" not in text for text in marked)
    attack = search(client, '"><svg onload=alert(1)> 윤리')
    assert "<svg" not in body_of(attack)


BAD_INPUTS = [
    "",
    "   ",
    "-",
    '"',
    '""',
    "-윤리",
    '-"설명 가능성"',
    "& | ! :* ( ) <-> <2>",
    "'",
    "''; DROP TABLE playbook_principle; --",
    "\\",
    "윤리\x00채용",
    "\x00",
    '"설명 가능',
    "윤리:*&!",
    "😀🔍",
    "ㄱㄴㄷ",
    "%_%",
    "a" * 5000,
]


@pytest.mark.parametrize("q", BAD_INPUTS)
def test_bad_input_never_fails(client, q):
    response = search(client, q)
    assert response.status_code in (200, 400)
    htmx = client.get(reverse("search"), {"q": q}, headers={"HX-Request": "true"})
    assert htmx.status_code in (200, 400)


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "-3"},
        {"page": "99999999999999999999"},
        {"type": "assessment"},
        {"section": "../../etc"},
        {"tag": "<script>"},
        {"section": "x" * 500},
    ],
)
def test_bad_parameters_never_fail(client, params):
    assert search(client, "윤리", **params).status_code == 200


def test_empty_query_shows_help_and_examples(client):
    body = body_of(search(client, ""))
    assert 'id="search-help"' in body
    assert "/search/?q=%EC%9C%A4%EB%A6%AC" in body  # an example: 윤리
    assert 'id="search-no-words"' in body_of(search(client, '- "" -윤리'))


def test_long_queries_are_cut_with_a_notice(client):
    response = search(client, "윤리 " + "가" * 300)
    body = body_of(response)
    assert response.status_code == 200
    assert 'id="search-truncated"' in body
    assert 'id="search-truncated"' not in body_of(search(client, "윤리"))


def test_htmx_gets_only_the_results_and_responses_vary(client):
    client.cookies["django_language"] = "en"
    full = client.get(reverse("search"), {"q": "윤리"})
    partial = client.get(reverse("search"), {"q": "윤리"}, headers={"HX-Request": "true"})
    assert "<html" in body_of(full) and "<html" not in body_of(partial)
    assert 'id="search-filters"' in body_of(partial)
    assert 'id="search-results"' not in body_of(partial)  # the region's content, not itself
    for response in (full, partial):
        assert "HX-Request" in response["Vary"]


def test_filters_travel_with_the_search_box(client):
    body = body_of(search(client, "윤리", type="principle"))
    assert '<input type="hidden" name="type" value="principle" form="site-search">' in body


def test_header_search_box_is_a_plain_form_everywhere_and_live_on_the_search_page(client):
    home = body_of(client.get(reverse("home")))
    assert 'id="site-search" role="search" action="/search/" method="get"' in home
    assert "hx-get" not in re.search(r'<form class="site-search".*?</form>', home, re.S).group()
    form = re.search(r'<form class="site-search".*?</form>', body_of(search(client, "윤리")), re.S)
    box = form.group()
    assert 'value="윤리"' in box
    for attribute in [
        'data-hx-get="/search/"',
        'data-hx-trigger="input changed delay:300ms, search"',
        'data-hx-target="#search-results"',
        'data-hx-sync="this:replace"',
        'data-hx-push-url="true"',
    ]:
        assert attribute in box


def test_every_htmx_link_keeps_its_href(client):
    body = body_of(search(client, "윤리"))
    for tag in re.findall(r"<a [^>]*data-hx-get=[^>]*>", body):
        assert re.search(r'href="([^"]+)"[^>]*data-hx-get="\1"', tag), tag


def test_pages_of_results(client):
    first = result_urls(search(client, "윤리"))
    second = search(client, "윤리", page=2)
    assert len(first) == 20
    assert second.status_code == 200
    assert not set(first) & set(result_urls(second))
    assert 'rel="next"' in body_of(search(client, "윤리"))
