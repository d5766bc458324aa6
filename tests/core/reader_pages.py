"""The reader pages of the URLconf (views marked with core.page_cache.reader_page), each
with a real address of the seed, for the page-cache tests."""

import re

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from core.page_cache import reader_page_of
from discussions.models import Dilemma
from governance.models import Checklist
from governance.selectors import current_checklist_items
from playbook.models import LiveUpdate, Principle, Section, Tag
from teams.models import Talk

# Parameters some pages are asked with, so the cached answer is the interesting one.
QUERIES = {
    "playbook:section-changes": "?since=0",
    "playbook:older-updates": "?before=999999",
    "search": "?q=%EC%9C%A4%EB%A6%AC",  # 윤리
    "teams:teams": "?sort=users",
}
# Answered only to htmx (anything else is sent to the whole page).
HTMX_ONLY = {"playbook:older-updates"}


def reader_routes(resolver=None, prefix="", namespace=""):
    """(route, URL name) of every pattern whose view is a reader page."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from reader_routes(pattern, route, inner)
        elif isinstance(pattern, URLPattern) and reader_page_of(pattern.callback):
            yield route, namespace + pattern.name


def samples() -> dict[str, dict]:
    live = Section.objects.get(is_live=True)
    update = LiveUpdate.objects.filter(section=live).first()
    dilemma = Dilemma.objects.public().first()
    checklist = Checklist.objects.get(slug="responsible-ai-development")
    checklist_item = current_checklist_items().filter(section__version__checklist=checklist).first()
    return {
        "slug": {
            "sections/": live.slug,
            "feeds/sections/": live.slug,
            "events/": live.event.slug,
            "principles/": Principle.objects.get(title_en="Work Trials").slug,
            "teams/": "gamma",
            "talks/": Talk.objects.filter(team__slug="gamma").first().slug,
            "governance/": checklist.slug,
            "tags/": Tag.objects.filter(principles__is_published=True).first().slug,
        },
        "pk": {
            "sections/": update.pk if update else None,
            "dilemmas/": dilemma.pk if dilemma else None,
        },
        "key": checklist_item.key,
    }


def concrete(route: str, values: dict) -> str:
    def fill(match):
        value = values[match.group(2)]
        if isinstance(value, dict):
            value = value[max((p for p in value if route.startswith(p)), key=len)]
        assert value is not None, f"no sample for <{match.group(2)}> in {route}"
        return str(value)

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", fill, route)


def reader_page_urls() -> dict[str, tuple[str, dict]]:
    """URL name → (address, request headers) of every reader page."""
    values = samples()
    urls = {}
    for route, name in reader_routes():
        headers = {"HTTP_HX_REQUEST": "true"} if name in HTMX_ONLY else {}
        urls[name] = (concrete(route, values) + QUERIES.get(name, ""), headers)
    assert urls["home"][0] == reverse("home")
    return urls
