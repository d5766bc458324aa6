"""Principles show their evidence; principle, team, talk and checklist item pages list
what links to them."""

import re

import pytest

from governance.models import ChecklistItem
from playbook.models import Principle
from teams.models import Talk, TalkPrinciple, Team, TeamPrinciple

pytestmark = pytest.mark.django_db


def section(body, element_id):
    """The HTML of the element with this id, up to its closing </section>."""
    start = body.index(f'id="{element_id}"')
    return body[start : body.index("</section>", start)]


def test_principle_evidence_panel_lists_talks_and_teams_with_a_count(client):
    principle = Principle.objects.get(title_en="Work Trials")
    body = client.get(principle.get_absolute_url()).content.decode()
    panel = section(body, "evidence")
    talks = principle.talk_links.select_related("talk")
    teams = principle.team_links.select_related("team")
    assert talks and teams
    for link in talks:
        assert link.talk.get_absolute_url() in panel
    for link in teams:
        assert link.team.get_absolute_url() in panel
    count = re.search(r'id="evidence-heading">[^<]*<span class="count">(\d+)<', body)
    assert int(count[1]) == len(talks) + len(teams)
    assert "no-evidence" not in panel


def test_a_principle_without_evidence_says_so(client):
    principle = Principle.objects.get(title_en="Work Trials")
    TalkPrinciple.objects.filter(principle=principle).delete()
    TeamPrinciple.objects.filter(principle=principle).delete()
    body = client.get(principle.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    panel = section(body, "evidence")
    assert 'class="no-evidence"' in panel
    assert "No evidence yet" in panel
    assert '<span class="count">0</span>' in panel


def test_principle_page_links_to_each_checklist_item_anchor(client):
    item = ChecklistItem.objects.in_published_versions().filter(principles__isnull=False).first()
    principle = item.principles.first()
    body = client.get(principle.get_absolute_url()).content.decode()
    assert f"#item-{item.key}" in section(body, "checklist-items")


def test_team_page_lists_what_links_to_it(client):
    team = Team.objects.get(slug="gumloop")
    body = client.get(team.get_absolute_url()).content.decode()
    backlinks = section(body, "backlinks")
    for link in team.principle_links.select_related("principle"):
        assert link.principle.get_absolute_url() in backlinks
    talks = list(team.talks.all())
    assert talks
    for talk in talks:
        assert talk.get_absolute_url() in backlinks


def test_talk_page_lists_what_links_to_it(client):
    talk = Talk.objects.get(speakers__name_en="Max")
    body = client.get(talk.get_absolute_url()).content.decode()
    backlinks = section(body, "backlinks")
    links = list(talk.principle_links.select_related("principle"))
    assert links
    for link in links:
        assert link.principle.get_absolute_url() in backlinks
    assert f'<span class="count">{len(links)}</span>' in backlinks
    assert talk.team.get_absolute_url() in backlinks


def test_checklist_item_lists_the_principles_that_link_to_it(client):
    item = ChecklistItem.objects.in_published_versions().filter(principles__isnull=False).first()
    checklist = item.section.version.checklist
    body = client.get(checklist.get_absolute_url()).content.decode()
    start = body.index(f'id="item-{item.key}"')
    item_html = body[start : body.index("</li>", start)]
    assert 'class="meta backlinks"' in item_html
    for principle in item.principles.all():
        assert principle.get_absolute_url() in item_html
