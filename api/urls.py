"""The API at /api/v1/: its NinjaAPI, its routers, and the URL patterns, each view wrapped
with what every answer shares (api/http.py)."""

from django.urls import URLPattern
from ninja import NinjaAPI, Swagger
from ninja.renderers import JSONRenderer

from api import content, dilemmas, errors, governance, live, teams
from api.cached import UNCACHED
from api.http import api_view
from playbook.scheduling import release_if_due_for


class UTF8Renderer(JSONRenderer):
    # Korean text as it is: a third of the size of \\uXXXX escapes.
    json_dumps_params = {"ensure_ascii": False}


DESCRIPTION = """Read-only open data of the Tiny Teams Playbook: sections, principles with
their evidence, teams with their figures, people, talks, governance checklists, the live
updates of a section and search. Every text is given in Korean (`ko`) and English (`en`);
a missing translation is null. See docs/api.md for examples."""


def build_api(extra_routers=()) -> NinjaAPI:
    api = NinjaAPI(
        title="Tiny Teams Playbook API",
        version="1",
        description=DESCRIPTION,
        urls_namespace="api-v1",
        renderer=UTF8Renderer(),
        docs=Swagger(settings={"defaultModelsExpandDepth": 0}),
        docs_url="/docs",
    )
    errors.install(api)
    for router in (content.router, teams.router, governance.router, live.router, dilemmas.router):
        api.add_router("", router)
    for prefix, router in extra_routers:
        api.add_router(prefix, router)
    return api


def urlpatterns_for(api: NinjaAPI):
    """(patterns, namespace) for include(): the API's URL names are "api-v1:<name>"."""
    patterns, _app_name, namespace = api.urls
    return [_wrap(pattern) for pattern in patterns], namespace


# Any other address under /api/ (config/urls.py puts it after the API's own).
unknown_path = api_view(errors.unknown_path)


# Updates scheduled for a time now past are released before the cache is asked, as the
# live page does (playbook.scheduling): one cache read while nothing is due.
BEFORE = {"section-updates": release_if_due_for}


def _wrap(pattern):
    if isinstance(pattern, URLPattern):
        view = api_view(
            pattern.callback, cache=pattern.name not in UNCACHED, before=BEFORE.get(pattern.name)
        )
        return URLPattern(pattern.pattern, view, pattern.default_args, pattern.name)
    return pattern
