"""The API's answers: both languages, UTF-8, the same facts as the pages, and every
object's page answering."""

import re

import pytest
from django.urls import reverse

from playbook.models import Principle
from teams.models import Team
from tests.api.helpers import all_items, api, endpoints, get_json, path_of, site_urls

pytestmark = pytest.mark.django_db


def test_every_endpoint_answers_json_in_utf8(client):
    for name, url in endpoints().items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert response["Content-Type"] == "application/json; charset=utf-8", name
    body = client.get(api("principle", slug="work-trials")).content
    # Korean as UTF-8 bytes, not \uXXXX escapes.
    assert "업무 평가".encode() in body
    assert b"\\u" not in body


def test_principles_count_and_order_equal_the_principle_page(client):
    items = all_items(client, api("principles") + "?limit=7")
    page = client.get(reverse("playbook:principles")).content.decode()
    on_page = list(dict.fromkeys(re.findall(r'href="/principles/([-\w]+)/"', page)))
    assert [item["slug"] for item in items] == on_page
    assert len(items) == Principle.objects.published().count()
    assert len({item["slug"] for item in items}) == len(items)  # pages never overlap


def test_unpublished_principles_are_not_in_the_api(client):
    hidden = Principle.objects.get(slug="work-trials")
    hidden.is_published = False
    hidden.save()
    slugs = {item["slug"] for item in all_items(client, api("principles") + "?limit=100")}
    assert "work-trials" not in slugs
    assert client.get(api("principle", slug="work-trials")).status_code == 404


def test_both_languages_of_each_object(client):
    principle = get_json(client, api("principle", slug="work-trials"))
    assert principle["title"] == {"ko": "업무 평가", "en": "Work Trials"}
    team = get_json(client, api("team", slug="gamma"))
    assert team["name"] == {"ko": "감마", "en": "Gamma"}
    section = get_json(client, api("sections"))["results"][0]
    assert section["title"]["ko"] and section["title"]["en"]
    tag = get_json(client, api("tags"))["results"][0]
    assert set(tag["name"]) == {"ko", "en"}


def test_principle_evidence_links_teams_and_talks_with_their_moments(client):
    principle = get_json(client, api("principle", slug="work-trials"))
    assert "gumloop" in {team["slug"] for team in principle["teams"]}
    obj = Principle.objects.get(slug="work-trials")
    links = obj.talk_links.select_related("talk")
    assert [t["slug"] for t in principle["talks"]] == [link.talk.slug for link in links]
    for talk, link in zip(principle["talks"], links, strict=True):
        assert talk["timestamp_seconds"] == link.timestamp_seconds
        assert talk["video_url"] == (link.video_moment_url or None)


def test_team_figures_equal_the_teams_table(client):
    page = client.get(reverse("teams:teams")).content.decode()
    teams = {team["slug"]: team for team in all_items(client, api("teams"))}
    assert len(teams) == Team.objects.count()
    for slug, team in teams.items():
        row = re.search(rf'<tr id="team-{re.escape(slug)}">(.*?)</tr>', page, re.S).group(1)
        values = re.findall(r'data-value="([^"]*)"', row)
        headcount, users, arr_min, per_person = (int(v) if v else None for v in values)
        assert team["headcount"]["value"] == headcount, slug
        assert team["users"]["value"] == users, slug
        assert team["arr"]["min_usd"] == arr_min, slug
        assert team["arr_per_person_min_usd"] == per_person, slug


def test_team_figures_keep_their_precision_and_never_invent_one(client):
    teams = {team["slug"]: team for team in all_items(client, api("teams"))}
    datalab = teams["datalab"]["arr"]  # "seven figures": a range, not 1,000,000 exactly
    assert datalab["precision"] == "range"
    assert (datalab["min_usd"], datalab["max_usd"]) == (1_000_000, 9_999_999)
    assert teams["cognition"]["arr"]["precision"] == "at_least"
    assert teams["bolt"]["arr"] | {"note": None} == {
        "precision": "exact", "min_usd": 20_000_000, "max_usd": None, "note": None,
    }  # fmt: skip
    gamma = teams["gamma"]
    assert gamma["arr"] == {
        "precision": "unknown", "min_usd": None, "max_usd": None,
        "note": {"ko": None, "en": None},
    }  # fmt: skip
    assert gamma["is_tiny_team"] is None and gamma["arr_per_person_min_usd"] is None
    assert teams["gumloop"]["headcount"]["value"] is None  # unknown, not 0


def test_talks_give_speakers_and_timestamps(client):
    talk = get_json(client, api("talk", slug="gumloop-extreme-hiring-no-meetings-automation"))
    assert talk["team"]["slug"] == "gumloop"
    assert talk["principles"], "the talk evidences principles"
    for moment in talk["principles"]:
        seconds = moment["timestamp_seconds"]
        if seconds is not None:
            assert moment["timestamp"].count(":") >= 1
        assert moment["url"].endswith(f"/principles/{moment['slug']}/")


def test_checklists_give_published_versions_and_their_items(client):
    checklist = get_json(client, api("checklist", slug="responsible-ai-development"))
    assert [v["number"] for v in checklist["versions"]] == [1]
    version = get_json(client, path_of(checklist["versions"][0]["api_url"]))
    items = [item for section in version["sections"] for item in section["items"]]
    assert version["is_current"] and len(items) == checklist["versions"][0]["item_count"] > 0
    missing = api("checklist-version", slug="responsible-ai-development", number=2)
    assert client.get(missing).status_code == 404


def test_draft_versions_stay_private(client):
    from governance.models import ChecklistVersion
    from governance.services import checklist_version_copy

    draft = checklist_version_copy(version=ChecklistVersion.objects.get(number=1))
    checklist = get_json(client, api("checklist", slug="responsible-ai-development"))
    assert [v["number"] for v in checklist["versions"]] == [1]
    url = api("checklist-version", slug="responsible-ai-development", number=draft.number)
    assert client.get(url).status_code == 404


def test_filters_narrow_the_lists(client):
    ethics = all_items(client, api("principles") + "?tag=ethics&limit=100")
    assert ethics and all("ethics" in {t["slug"] for t in p["tags"]} for p in ethics)
    assert len(ethics) == Principle.objects.published().filter(tags__slug="ethics").count()
    section = all_items(client, api("principles") + "?section=tech-and-product")
    assert section and {p["section"]["slug"] for p in section} == {"tech-and-product"}
    people = all_items(client, api("people") + "?team=gamma")
    assert people and {p["team"]["slug"] for p in people} == {"gamma"}
    found = get_json(client, api("search") + "?q=%EC%9C%A4%EB%A6%AC&kind=principle")
    assert found["count"] > 0 and {r["kind"] for r in found["results"]} == {"principle"}


def test_pages_link_to_each_other_and_end(client):
    first = get_json(client, api("principles") + "?limit=5")
    second = get_json(client, path_of(first["next"]))
    assert second["previous"] and path_of(second["previous"]).endswith("limit=5&offset=0")
    assert not {p["slug"] for p in first["results"]} & {p["slug"] for p in second["results"]}
    last = get_json(client, api("principles") + f"?limit=5&offset={first['count'] - 1}")
    assert last["next"] is None and len(last["results"]) == 1


def test_every_object_url_answers_on_the_site(client):
    urls = set()
    for url in endpoints().values():
        data = get_json(client, url)
        urls |= site_urls(data)
        for item in data.get("results", []):
            if "api_url" in item:  # the detail answers too
                urls |= site_urls(get_json(client, path_of(item["api_url"])))
    assert len(urls) > 50
    failed = {}
    for url in sorted(urls):
        path = path_of(url.split("#")[0])
        status = client.get(path).status_code
        if status != 200:
            failed[path] = status
    assert not failed
