"""Pages that combine the apps: home, the principle page, the map, /changes/ and /healthz.
Only the `pages` room imports all apps, so the apps keep their one-way imports."""

import logging
import threading

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import DatabaseError, connection, connections
from django.http import FileResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.page_cache import reader_page
from discussions.selectors import featured_dilemmas, with_items
from governance import crosswalk
from governance.models import Checklist
from pages.changes import all_changes, with_authors
from pages.playbook_map import build_map, sections_with_evidence
from pages.selectors import principle_with_evidence
from playbook.navigation import section_navigation
from playbook.selectors import introduction, latest_updates, sections_with_principle_counts
from teams.models import Team

logger = logging.getLogger(__name__)


LATEST_UPDATES_ON_HOME = 5
FEATURED_DILEMMAS_ON_HOME = 3


@reader_page
@require_GET
def home(request):
    context = {
        "introduction": introduction(),
        "sections": sections_with_principle_counts(),
        "teams": Team.objects.featured(),
        "checklists": Checklist.objects.all(),
        "latest_updates": latest_updates(limit=LATEST_UPDATES_ON_HOME),
        "featured_dilemmas": with_items(featured_dilemmas(limit=FEATURED_DILEMMAS_ON_HOME)),
    }
    return render(request, "home.html", context)


@reader_page
@require_GET
def principle_detail(request, slug):
    principle = principle_with_evidence(slug=slug)
    evidence_count = len(principle.talk_links.all()) + len(principle.team_links.all())
    framework_items = crosswalk.mapped_items(principle_ids=[principle.pk]).get(principle.pk, [])
    context = {
        "principle": principle,
        "evidence_count": evidence_count,
        "framework_items": framework_items,
        "section_nav": section_navigation(principle=principle),
    }
    return render(request, "playbook/principle_detail.html", context)


@reader_page
@require_GET
def playbook_map(request):
    return render(request, "map.html", {"map": build_map(sections_with_evidence())})


CHANGES_PER_PAGE = 50


@reader_page(query=("page",))
@require_GET
def changes(request):
    page = Paginator(all_changes(), CHANGES_PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": page, "rows": with_authors(page.object_list)}
    return render(request, "changes.html", context)


def _check(name, probe):
    try:
        probe()
    except Exception:  # any failure of a dependency is reported, never raised
        logger.exception("health check %s failed", name)
        return False
    return True


def _probe_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise DatabaseError("unexpected answer to SELECT 1")


def _probe_cache():
    cache.set("healthz", "ok", 10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("cache did not return what was stored")


# /healthz answers within this many seconds whatever its dependencies do: a load balancer
# must learn that the database hangs, not hang with it.
HEALTH_DEADLINE_SECONDS = 4.0
_probe_running = threading.Lock()


def _run_probes(results: dict) -> None:
    try:
        results["database"] = _check("database", _probe_database)
        if results["database"] or settings.CACHE_BACKEND != "database":
            results["cache"] = _check("cache", _probe_cache)
    finally:
        connections.close_all()  # this thread's own connection
        _probe_running.release()


def _checks() -> dict:
    """Both probes, in a thread of their own (with its own database connection) that is
    waited for at most HEALTH_DEADLINE_SECONDS; an unfinished probe counts as failed. While
    a stuck probe still runs, the next request does not start another one."""
    results = {"database": False, "cache": False}
    if not _probe_running.acquire(blocking=False):
        logger.error("health check still waiting for an earlier probe")
        return results
    found: dict = {}
    probe = threading.Thread(target=_run_probes, args=(found,), daemon=True)
    probe.start()
    probe.join(HEALTH_DEADLINE_SECONDS)
    if probe.is_alive():
        logger.error("health check did not finish within %s s", HEALTH_DEADLINE_SECONDS)
    return {**results, **found}


FAVICON = settings.BASE_DIR / "static" / "img" / "favicon.ico"


@require_GET
def favicon(request):
    """/favicon.ico, which browsers ask for whatever the page's <link rel=icon> says."""
    response = FileResponse(FAVICON.open("rb"), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@never_cache
@require_GET
def healthz(request):
    checks = _checks()
    # The app can serve without its cache, not without its database.
    status = 200 if checks["database"] else 503
    body = {
        "status": "ok" if all(checks.values()) else "degraded",
        **checks,
        # Whether every app process sees the same cache (sign-in limits, live revisions).
        "cache_backend": settings.CACHE_BACKEND,
        "cache_shared": settings.CACHE_BACKEND != "local",
    }
    response = JsonResponse(body, status=status)
    if status == 503:
        response["Retry-After"] = "30"
    return response
