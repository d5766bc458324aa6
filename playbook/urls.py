from django.urls import path

from playbook import admin_preview, views

app_name = "playbook"

urlpatterns = [
    path("sections/<slug:slug>/", views.section_detail, name="section"),
    path("principles/", views.principle_list, name="principles"),
    path("editor/markdown-preview/", admin_preview.markdown_preview, name="markdown-preview"),
]
