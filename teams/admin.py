from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from core.admin_bilingual import BilingualAdmin, BilingualTabularInline
from core.admin_history import HistoryCompareAdmin
from core.admin_preview import MarkdownPreviewAdmin
from playbook.admin import PrincipleAdmin
from playbook.models import Principle
from teams.models import Person, Talk, TalkPrinciple, Team, TeamPrinciple
from teams.timestamps import TimestampField


class PersonInline(BilingualTabularInline):
    model = Person
    fields = ["order", "name", "role", "note"]
    extra = 0


class TeamPrincipleInline(BilingualTabularInline):
    model = TeamPrinciple
    fields = ["principle", "note", "source"]
    autocomplete_fields = ["principle"]
    extra = 0


@admin.register(Team)
class TeamAdmin(MarkdownPreviewAdmin, BilingualAdmin, HistoryCompareAdmin):
    list_display = [
        "name_en", "name_ko", "leader", "headcount", "users", "arr_display", "tiny_team",
        "is_featured", "order",
    ]  # fmt: skip
    list_editable = ["is_featured", "order"]
    list_filter = ["is_featured", "arr_precision"]
    search_fields = [
        "name_ko", "name_en", "leader_ko", "leader_en", "tagline_ko", "tagline_en", "summary_ko",
        "summary_en",
    ]  # fmt: skip
    prepopulated_fields = {"slug": ["name_en"]}
    readonly_fields = ["version"]
    inlines = [PersonInline, TeamPrincipleInline]
    markdown_fields = Team.markdown_fields
    fieldsets = [
        (
            None,
            {"fields": ["name", "slug", "tagline", "leader", "order", "is_featured"]},
        ),
        (
            _("Figures (leave empty what the source does not say)"),
            {
                "fields": [
                    "headcount",
                    "headcount_qualifier",
                    "headcount_note",
                    "users",
                    ("arr_min_usd", "arr_max_usd", "arr_precision"),
                    "arr_note",
                    "funding_usd",
                    "funding_note",
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
class PersonAdmin(BilingualAdmin):
    list_display = ["name_en", "name_ko", "role", "team"]
    list_filter = ["team"]
    list_select_related = ["team"]
    search_fields = ["name_en", "name_ko", "role_ko", "role_en"]
    fields = ["team", "name", "role", "note", "order"]
    autocomplete_fields = ["team"]


class TalkPrincipleForm(forms.ModelForm):
    timestamp_seconds = TimestampField(label=_("timestamp"))

    class Meta:
        model = TalkPrinciple
        fields = [
            "principle", "timestamp_seconds", "quote_ko", "quote_en", "note_ko", "note_en",
            "source_ko", "source_en",
        ]  # fmt: skip


class TalkPrincipleInline(TranslationStackedInline):
    """Stacked, each field with its label and Korean | English side by side, so that a
    link fits 1280 px (a table of eight text columns did not) and every input is named."""

    model = TalkPrinciple
    form = TalkPrincipleForm
    autocomplete_fields = ["principle"]
    fields = [
        ("principle", "timestamp_seconds"), ("quote_ko", "quote_en"), ("note_ko", "note_en"),
        ("source_ko", "source_en"),
    ]  # fmt: skip
    classes = ["talk-principle-links"]
    extra = 1


@admin.register(Talk)
class TalkAdmin(MarkdownPreviewAdmin, BilingualAdmin, HistoryCompareAdmin):
    list_display = ["title", "team", "event", "has_video", "published_on", "order"]
    list_filter = ["team", "event"]
    list_select_related = ["team"]
    search_fields = [
        "title_ko", "title_en", "summary_ko", "summary_en", "speakers__name_ko",
        "speakers__name_en",
    ]  # fmt: skip
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["team", "speakers", "event_record"]
    readonly_fields = ["version"]
    fields = [
        "title", "title_inferred", "source_section", "slug", "speakers", "team", "event",
        "event_record", "video_url", "published_on", "summary", "order", "version",
    ]  # fmt: skip
    inlines = [TalkPrincipleInline]
    markdown_fields = Talk.markdown_fields

    @admin.display(description=_("video"), boolean=True)
    def has_video(self, obj):
        return bool(obj.video_url)


class ReadOnlyLinkInline(admin.TabularInline):
    """The links from talks or teams to a principle, shown on the principle's admin page.

    Read-only there: a link is edited with its talk or team, where the quote, note and
    timestamp belong; here the editor sees at a glance where evidence is thin."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class PrincipleTalkLinkInline(ReadOnlyLinkInline):
    model = TalkPrinciple
    fields = ["talk_link", "timestamp", "quote", "note", "source"]
    readonly_fields = fields
    verbose_name = _("talk that evidences it")
    verbose_name_plural = _("talks that evidence it")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("talk")

    @admin.display(description=_("talk"))
    def talk_link(self, obj):
        url = reverse("admin:teams_talk_change", args=[obj.talk_id])
        return format_html('<a href="{}">{}</a>', url, obj.talk.title)

    @admin.display(description=_("timestamp"))
    def timestamp(self, obj):
        return obj.timestamp_display or "—"


class PrincipleTeamLinkInline(ReadOnlyLinkInline):
    model = TeamPrinciple
    fields = ["team_link", "note", "source"]
    readonly_fields = fields
    verbose_name = _("team that practises it")
    verbose_name_plural = _("teams that practise it")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("team")

    @admin.display(description=_("team"))
    def team_link(self, obj):
        url = reverse("admin:teams_team_change", args=[obj.team_id])
        return format_html('<a href="{}">{}</a>', url, obj.team.name)


# playbook never imports teams, so the principle's admin learns about its talks and teams
# here, by being registered again with the two read-only inlines added.
class PrincipleWithLinksAdmin(PrincipleAdmin):
    inlines = [*PrincipleAdmin.inlines, PrincipleTalkLinkInline, PrincipleTeamLinkInline]


admin.site.unregister(Principle)
admin.site.register(Principle, PrincipleWithLinksAdmin)
