from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.decorators.http import require_GET

from api.sitemaps import SITEMAPS, robots_txt
from api.urls import build_api, unknown_path, urlpatterns_for
from pages import views
from pages.language import switch_language
from pages.login import admin_login
from pages.media import media_file
from playbook.urls import urlpatterns as playbook_urlpatterns
from search.api import router as search_api
from search.views import search

# The principle page gathers teams, talks and checklist items, so its view lives in
# pages.views, but it keeps its name in the playbook namespace.
playbook_patterns = [
    *playbook_urlpatterns,
    path("principles/<slug:slug>/", views.principle_detail, name="principle"),
]

# The JSON API; search is a peer of the api room, so its router is mounted here.
api_v1 = build_api(extra_routers=[("", search_api)])

urlpatterns = [
    path("", views.home, name="home"),
    path("", include((playbook_patterns, "playbook"))),
    path("", include("teams.urls")),
    path("", include("governance.urls")),
    path("", include("discussions.urls")),
    path("changes/", views.changes, name="changes"),
    path("map/", views.playbook_map, name="map"),
    path("search/", search, name="search"),
    path("healthz", views.healthz, name="healthz"),
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media_file, name="media"),
    path("language/<str:code>/", switch_language, name="language"),
    # Django's POST form, kept for links and scripts made before the GET switch.
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/login/", admin_login, name="admin-login"),
    path("admin/", admin.site.urls),
    path("sitemap.xml", require_GET(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("api/v1/", include(urlpatterns_for(api_v1))),
    re_path(r"^api/", unknown_path),
]
handler500 = "core.db_unavailable.server_error"
