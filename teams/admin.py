from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from playbook.admin_history import HistoryCompareAdmin
from playbook.admin_preview import MarkdownPreviewAdmin
from teams.models import Person, Talk, TalkPrinciple, Team, TeamPrinciple


class PersonInline(admin.TabularInline):
    model = Person
    fields = ["order", "name", "name_ko", "role", "note"]
    extra = 0


class TeamPrincipleInline(admin.TabularInline):
    model = TeamPrinciple
    fields = ["principle", "note"]
    autocomplete_fields = ["principle"]
    extra = 0


@admin.register(Team)
class TeamAdmin(MarkdownPreviewAdmin, HistoryCompareAdmin):
    list_display = [
        "name", "name_ko", "leader", "headcount", "users", "arr_display", "tiny_team",
        "is_featured", "order",
    ]  # fmt: skip
    list_editable = ["is_featured", "order"]
    list_filter = ["is_featured", "arr_precision"]
    search_fields = ["name", "name_ko", "leader", "tagline", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["version"]
    inlines = [PersonInline, TeamPrincipleInline]
    markdown_fields = Team.markdown_fields
    fieldsets = [
        (
            None,
            {"fields": ["name", "name_ko", "slug", "tagline", "leader", "order", "is_featured"]},
        ),
        (
            _("Figures (leave empty what the source does not say)"),
            {
                "fields": [
                    ("headcount", "headcount_note"),
                    "users",
                    ("arr_min_usd", "arr_max_usd", "arr_precision"),
                    "arr_note",
                    ("funding_usd", "funding_note"),
                    "source_note",
                ]
            },
        ),
        (_("Summary"), {"fields": ["summary", "summary_preview", "version"]}),
    ]

    @admin.display(description=_("ARR"))
    def arr_display(self, obj):
        return obj.arr_note or "—"

    @admin.display(description=_("Tiny Team"), boolean=True)
    def tiny_team(self, obj):
        return obj.is_tiny_team


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "name_ko", "role", "team"]
    list_filter = ["team"]
    list_select_related = ["team"]
    search_fields = ["name", "name_ko", "role"]
    autocomplete_fields = ["team"]


class TalkPrincipleInline(admin.TabularInline):
    model = TalkPrinciple
    fields = ["principle", "timestamp_seconds", "quote", "note"]
    autocomplete_fields = ["principle"]
    extra = 1


@admin.register(Talk)
class TalkAdmin(MarkdownPreviewAdmin, HistoryCompareAdmin):
    list_display = ["title", "team", "event", "has_video", "published_on", "order"]
    list_filter = ["team", "event"]
    list_select_related = ["team"]
    search_fields = ["title", "title_en", "summary", "speakers__name"]
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["team", "speakers"]
    readonly_fields = ["version"]
    fields = [
        "title", "title_en", "slug", "speakers", "team", "event", "video_url", "published_on",
        "summary", "order", "version",
    ]  # fmt: skip
    inlines = [TalkPrincipleInline]
    markdown_fields = Talk.markdown_fields

    @admin.display(description=_("video"), boolean=True)
    def has_video(self, obj):
        return bool(obj.video_url)
