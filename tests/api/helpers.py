"""What the API tests share: the endpoints to walk, and reading answers."""

import json
from urllib.parse import urlsplit

from django.urls import reverse

from playbook.models import Section


def api(name: str, **kwargs) -> str:
    return reverse(f"api-v1:{name}", kwargs=kwargs)


def endpoints() -> dict[str, str]:
    """Every GET endpoint with the seed's objects (one of each detail)."""
    live = Section.objects.get(is_live=True)
    return {
        "index": api("index"),
        "sections": api("sections"),
        "section": api("section", slug=live.slug),
        "principles": api("principles"),
        "principles by section": api("principles") + "?section=core-principles-development",
        "principles by tag": api("principles") + "?tag=ethics",
        "principle": api("principle", slug="work-trials"),
        "tags": api("tags"),
        "teams": api("teams"),
        "team": api("team", slug="gamma"),
        "people": api("people"),
        "people of a team": api("people") + "?team=gamma",
        "talks": api("talks"),
        "talk": api("talk", slug="gumloop-extreme-hiring-no-meetings-automation"),
        "checklists": api("checklists"),
        "checklist": api("checklist", slug="responsible-ai-development"),
        "checklist version": api("checklist-version", slug="responsible-ai-development", number=1),
        "live updates": api("section-updates", slug=live.slug),
        "live updates since": api("section-updates", slug=live.slug) + "?since=1",
        "dilemmas": api("dilemmas"),
        "dilemmas about principles": api("dilemmas") + "?kind=principle",
        "search": api("search") + "?q=%EC%9C%A4%EB%A6%AC",
        "search filtered": api("search") + "?q=%EC%9C%A4%EB%A6%AC&kind=principle&tag=ethics",
    }


def get_json(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code, response.content[:300])
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(response.content.decode("utf-8"))


def all_items(client, url) -> list[dict]:
    """Every object of a list, following `next`."""
    items = []
    while url:
        data = get_json(client, url)
        items += data["results"]
        url = data["next"]
    return items


def site_urls(data) -> set[str]:
    """Every `url` (the object's page on the site) anywhere inside an answer."""
    found = set()
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "url" and isinstance(value, str):
                found.add(value)
            else:
                found |= site_urls(value)
    elif isinstance(data, list):
        for value in data:
            found |= site_urls(value)
    return found


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")
