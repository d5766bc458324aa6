from django.urls import path
from django.views.decorators.http import require_GET

from core import admin_preview
from core.page_cache import reader_page
from playbook import coverage_views, live_views, scheduling, views
from playbook.feeds import LiveSectionFeed

app_name = "playbook"

urlpatterns = [
    path("sections/<slug:slug>/", views.section_detail, name="section"),
    path("sections/<slug:slug>/changes", live_views.section_changes, name="section-changes"),
    path("sections/<slug:slug>/updates/", live_views.update_create, name="update-create"),
    path("sections/<slug:slug>/updates/older", live_views.older_updates, name="older-updates"),
    path("sections/<slug:slug>/updates/<int:pk>/edit/", live_views.update_edit, name="update-edit"),
    path(
        "sections/<slug:slug>/updates/<int:pk>/cancel/",
        live_views.update_cancel,
        name="update-cancel",
    ),
    path(
        "sections/<slug:slug>/updates/<int:pk>/key-event/",
        live_views.update_key_event,
        name="update-key-event",
    ),
    path(
        "sections/<slug:slug>/updates/<int:pk>/retract/",
        live_views.update_retract,
        name="update-retract",
    ),
    path("sections/<slug:slug>/updates/<int:pk>/", coverage_views.update_detail, name="update"),
    path(
        "sections/<slug:slug>/updates/<int:pk>/pin/", coverage_views.update_pin, name="update-pin"
    ),
    path("sections/<slug:slug>/unpin/", coverage_views.section_unpin, name="section-unpin"),
    path("sections/<slug:slug>/coverage/end/", coverage_views.coverage_end, name="coverage-end"),
    path(
        "sections/<slug:slug>/coverage/reopen/",
        coverage_views.coverage_reopen,
        name="coverage-reopen",
    ),
    path(
        "feeds/sections/<slug:slug>/",
        reader_page(require_GET(LiveSectionFeed()), before=scheduling.release_if_due_for),
        name="section-feed",
    ),
    path("events/<slug:slug>/", reader_page(views.event_detail), name="event"),
    path("principles/", views.principle_list, name="principles"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag"),
    path("principles/<slug:slug>/edit/", live_views.principle_edit, name="principle-edit"),
    path("editor/markdown-preview/", admin_preview.markdown_preview, name="markdown-preview"),
]
