"""The playbook map at /map/: sections → principles → talks and teams, as a nested list and
an SVG overview of how much evidence each principle has."""

import re

import pytest
from django.urls import reverse

from playbook.models import Principle, Section
from teams.models import Talk, TalkPrinciple, TeamPrinciple

pytestmark = pytest.mark.django_db


def test_map_lists_every_section_principle_and_source(client):
    response = client.get(reverse("map"))
    assert response.status_code == 200
    body = response.content.decode()
    for section in Section.objects.all():
        assert section.get_absolute_url() in body
    for principle in Principle.objects.published():
        assert f'id="map-{principle.slug}"' in body
    for link in TalkPrinciple.objects.select_related("talk"):
        assert link.talk.get_absolute_url() in body
    for link in TeamPrinciple.objects.select_related("team"):
        assert link.team.get_absolute_url() in body


def count_on_map(body, principle):
    match = re.search(
        rf'id="map-{principle.slug}">\s*<a [^>]*>[^<]*</a>\s*<span class="count"[^>]*>(\d+)<',
        body,
    )
    return int(match[1])


def test_map_counts_distinct_talks_and_teams_per_principle(client):
    principle = Principle.objects.get(title_en="Work Trials")
    # A talk links a principle once (teams.TalkPrinciple's constraint); one more talk
    # counts once more.
    other = Talk.objects.create(slug="map-count", title="지도 세기", title_en="Map count")
    TalkPrinciple.objects.create(talk=other, principle=principle, timestamp_seconds=600)
    body = client.get(reverse("map")).content.decode()
    talks = principle.talk_links.values("talk").distinct().count()
    assert count_on_map(body, principle) == talks + principle.team_links.count()


def test_map_overview_is_an_svg_of_links_with_a_text_alternative(client):
    body = client.get(reverse("map"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    svg = body[body.index("<svg") : body.index("</svg>")]
    # A group, not an image: its tiles are links a keyboard reaches (an image's children
    # would be hidden from assistive technology).
    assert 'role="group" aria-labelledby="map-title" aria-describedby="map-desc"' in svg
    published = Principle.objects.published()
    tiles = re.findall(r'<a class="map-tile[^"]*" href="([^"]+)">', svg)
    assert sorted(tiles) == sorted(p.get_absolute_url() for p in published)
    assert f"{published.count()} principles." in svg
    assert "no evidence: " in svg
    assert "style=" not in svg


def test_unpublished_principles_stay_off_the_map(client):
    principle = Principle.objects.get(title_en="Work Trials")
    principle.is_published = False
    principle.save()
    body = client.get(reverse("map")).content.decode()
    assert principle.get_absolute_url() not in body
