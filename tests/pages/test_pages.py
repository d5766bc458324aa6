"""Every page of the URL contract answers with seed content; unknown slugs answer 404."""

import json
from html import escape

import pytest
from django.urls import reverse

from governance.models import Checklist
from governance.selectors import newest_published_version
from playbook.models import Principle, Section
from teams.models import Talk, Team, TeamPrinciple

pytestmark = pytest.mark.django_db


def get_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_home_shows_introduction_sections_and_teams(client):
    body = get_text(client, reverse("home"))
    for text in ["핵심 원칙 및 개발", "운영 및 거버넌스", "기술 및 제품", "Gamma", "Bolt.new"]:
        assert text in body
    assert "ARR" in body  # the Tiny Teams definition in the introduction


def test_live_section_is_marked_live(client):
    live = Section.objects.get(is_live=True)
    assert live.title_en == "Tech and Product"
    body = get_text(client, live.get_absolute_url())
    assert 'class="badge badge--live"' in body


def test_section_page_lists_its_principles_in_order(client):
    section = Section.objects.get(title_en="Core Principles & Development")
    body = get_text(client, section.get_absolute_url())
    titles = list(section.principles.values_list("title", flat=True))
    assert len(titles) == 14
    positions = [body.index(escape(title)) for title in titles]
    assert positions == sorted(positions)


def test_principle_list_shows_all_28(client):
    body = get_text(client, reverse("playbook:principles"))
    for principle in Principle.objects.all():
        assert principle.get_absolute_url() in body


def test_principle_page_shows_teams_talks_and_checklist_items(client):
    principle = Principle.objects.get(title_en="Product-Led Hiring")
    body = get_text(client, principle.get_absolute_url())
    assert "Gumloop" in body
    assert Talk.objects.get(speakers__name_en="Max").title in body
    item = principle.checklist_items.first()
    if item is not None:
        assert item.prompt in body


def test_principle_page_gives_erics_words_as_the_playbooks_quotation(client):
    # The source quotes Eric in its Bolt.new section, not at a moment of a talk.
    talk = Talk.objects.get(speakers__name_en="Eric")
    assert not any(link.quote_ko or link.quote_en for link in talk.principle_links.all())
    link = TeamPrinciple.objects.get(
        team__slug="bolt", principle__slug="let-fires-burn-let-risks-be-known"
    )
    body = get_text(client, link.principle.get_absolute_url())
    assert "플레이북은 에릭의 말을 이렇게 옮깁니다" in body
    assert "작업의 10%에 집중하는 것이" in body


def test_team_list_shows_figures_as_the_seed_gives_them(client):
    body = get_text(client, reverse("teams:teams"))
    assert "50,000,000" in body  # Gamma's users
    assert "$20M" in body  # Bolt.new's ARR
    assert "$1M – $9.99M" in body  # Datalab's "7자리 수" is a range
    assert "$100M" in body  # Cognition: "well over $100M", a lower bound
    for team in Team.objects.all():
        assert team.get_absolute_url() in body


def test_team_page_shows_principles_people_and_talks(client):
    body = get_text(client, reverse("teams:team", kwargs={"slug": "gamma"}))
    assert "Grant Lee" in body
    assert "30" in body and "50,000,000" in body
    team = Team.objects.get(slug="gamma")
    for link in team.principle_links.select_related("principle"):
        assert link.principle.get_absolute_url() in body
    for talk in team.talks.all():
        assert talk.get_absolute_url() in body


def test_unknown_figures_show_as_unknown_not_zero(client):
    body = get_text(client, reverse("teams:team", kwargs={"slug": "gumloop"}))
    figures = body[body.index('class="figures"') :]
    figures = figures[: figures.index("</dl>")]
    # Said in words where the figure would be (an empty state, not a bare dash).
    assert '<span class="figure-unknown">원문에 수치가 없음</span>' in figures
    assert ">0<" not in figures


def test_talk_pages(client):
    body = get_text(client, reverse("teams:talks"))
    for talk in Talk.objects.all():
        assert talk.get_absolute_url() in body
    talk = Talk.objects.get(speakers__name_en="Scott Wu")
    body = get_text(client, talk.get_absolute_url())
    assert "Scott Wu" in body
    for link in talk.principle_links.select_related("principle"):
        assert link.principle.get_absolute_url() in body


def test_no_talk_has_an_invented_video_url():
    assert not Talk.objects.exclude(video_url="").exists()


def test_checklist_pages(client):
    checklist = Checklist.objects.first()
    body = get_text(client, reverse("governance:checklists"))
    assert checklist.get_absolute_url() in body
    body = get_text(client, checklist.get_absolute_url())
    version = newest_published_version(checklist=checklist)
    for section in version.sections.all():
        assert section.title in body
        for item in section.items.all():
            assert f'id="item-{item.key}"' in body


def test_healthz_reports_database_and_cache(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert json.loads(response.content) == {
        "status": "ok",
        "database": True,
        "cache": True,
        "cache_backend": "local",  # the in-process test run is one process
        "cache_shared": False,
    }


@pytest.mark.parametrize(
    "name",
    ["playbook:section", "playbook:principle", "teams:team", "teams:talk", "governance:checklist"],
)
def test_unknown_slugs_are_404(client, name):
    response = client.get(reverse(name, kwargs={"slug": "no-such-thing"}))
    assert response.status_code == 404
    assert "<title>" in response.content.decode()


def test_pages_have_title_description_and_skip_link(client):
    for url in [reverse("home"), reverse("teams:teams"), reverse("playbook:principles")]:
        body = get_text(client, url)
        assert body.count("<title>") == 1
        assert '<meta name="description" content="' in body
        assert 'href="#main"' in body and 'id="main"' in body


def test_pages_send_a_content_security_policy_without_inline_scripts(client):
    response = client.get(reverse("home"))
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_writes_are_refused_on_read_only_pages(client):
    response = client.post(reverse("home"))
    assert response.status_code == 405
