"""Every URL of the URLconf that changes data, found by asking each one (not from a list):
anonymous users, signed-in non-editors and requests without the CSRF token are refused.

A URL counts as mutating when an editor's POST is not answered 405. The few that are open
to everyone by design (starting or importing an assessment, the language switch, signing
in) or that belong to whoever holds an assessment's secret token are named below; every
other mutating URL must be for editors only."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from governance import services as governance_services
from governance.models import Checklist, ChecklistItem
from governance.selectors import newest_published_version
from playbook import services
from playbook.models import Principle, Section

pytestmark = pytest.mark.django_db

OPEN_TO_EVERYONE = {
    "governance:assessment-start",
    "governance:assessment-import",
    "set_language",
    "admin-login",
    "discussions:new",  # readers submit dilemmas (held for moderation)
    # Anyone may post an edit code; a wrong one is refused with a message (400), see
    # tests/governance/test_assessment_access.py.
    "governance:assessment-claim",
}
TOKEN_HOLDERS_ONLY = {
    "governance:answer",
    "governance:complete",
    "governance:reopen",
    "governance:share",
    "governance:upgrade",
    "governance:rotate-token",
    "governance:carry-over",
    "governance:risk-tier",
    # An old edit link's POST replaces its logged token (governance.claim_views).
    "governance:assessment-claim-legacy",
}


def site_patterns(resolver=None, prefix="", namespace=""):
    """(full route, URL name) of every pattern outside Django's own admin."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if route.startswith("admin/"):
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from site_patterns(pattern, route, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield route, namespace + pattern.name


@pytest.fixture
def samples(editor):
    live = Section.objects.get(is_live=True)
    update = services.live_update_create(section=live, author=editor, body="대상")
    checklist = Checklist.objects.first()
    assessment, token = governance_services.assessment_start(
        version=newest_published_version(checklist=checklist), subject="대상"
    )
    version = newest_published_version(checklist=checklist)
    item = ChecklistItem.objects.filter(section__version=version).first()
    by_prefix = {
        "sections/": live.slug,
        "feeds/sections/": live.slug,
        "events/": "ai-engineer-summit",
        "principles/": Principle.objects.first().slug,
        "teams/": "gamma",
        "talks/": "gamma-generalists-player-coaches-small-tribe",
        "governance/": checklist.slug,
        "tags/": "ethics",
        "map/": "",
        # The JSON API: read-only, every POST a 405 (tests/api).
        "api/v1/sections/": live.slug,
        "api/v1/principles/": Principle.objects.first().slug,
        "api/v1/teams/": "gamma",
        "api/v1/talks/": "gamma-generalists-player-coaches-small-tribe",
        "api/v1/checklists/": checklist.slug,
    }
    return {
        "slug": by_prefix,
        "pk": {
            "sections/": update.pk,
            "governance/assessments/": assessment.pk,
            "dilemmas/": 1,
            "api/v1/dilemmas/": 1,
        },
        "key": item.key,
        "number": version.number,
        "token": "not-the-token",
        "code": "en",
        "path": "live/no-such-picture.jpg",
    }


def concrete(route: str, samples) -> str:
    """The route with every <converter:name> filled with a real object of that place."""
    import re

    def fill(match):
        name = match.group(2)
        value = samples.get(name)
        if isinstance(value, dict):
            prefix = max((p for p in value if route.startswith(p)), key=len, default=None)
            assert prefix is not None, f"teach the test a sample <{name}> for {route}"
            value = value[prefix]
        assert value is not None, f"teach the test a sample <{name}> for {route}"
        return str(value)

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", fill, route)


def mutating_urls(samples):
    editor_client = Client()
    editor_client.force_login(get_user_model().objects.get(username="editor"))
    found = []
    for route, name in site_patterns():
        if "^" in route or "(?P" in route:
            continue
        url = concrete(route, samples)
        if editor_client.post(url, {}).status_code != 405:
            found.append((url, name))
    return found


def test_the_urlconf_has_the_expected_mutating_urls(samples):
    names = {name for _, name in mutating_urls(samples)}
    assert {"playbook:update-create", "playbook:update-retract", "playbook:principle-edit"} <= names
    assert "governance:answer" in names
    assert "discussions:new" in names


def test_anonymous_and_non_editors_are_refused_everywhere_editors_write(samples):
    reader = get_user_model().objects.create_user("plain-reader", password="x-long-pass-11")
    reader_client = Client()
    reader_client.force_login(reader)
    for url, name in mutating_urls(samples):
        if name in OPEN_TO_EVERYONE:
            continue
        anonymous = Client().post(url, {})
        if name in TOKEN_HOLDERS_ONLY:
            assert anonymous.status_code in {403, 404}, (name, anonymous.status_code)
            assert reader_client.post(url, {}).status_code in {403, 404}, name
            continue
        assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"], name
        htmx = Client().post(url, {}, HTTP_HX_REQUEST="true")
        assert htmx.status_code == 403, name
        assert reader_client.post(url, {}).status_code == 403, name


def test_every_mutating_url_needs_the_csrf_token(samples, editor):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    for url, name in mutating_urls(samples):
        response = strict.post(url, {})
        assert response.status_code == 403, (name, response.status_code)
