from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from core.admin_bilingual import BilingualAdmin, BilingualTabularInline
from core.admin_history import HistoryCompareAdmin
from core.admin_preview import MarkdownPreviewAdmin
from playbook.admin_pictures import PictureInline
from playbook.models import Event, LiveUpdate, Page, Principle, Section, Tag

admin.site.site_header = _("Tiny Teams Playbook — editing")
admin.site.site_title = _("Tiny Teams Playbook")
admin.site.index_title = _("Content")


@admin.register(Page)
class PageAdmin(MarkdownPreviewAdmin, BilingualAdmin):
    list_display = ["title_ko", "title_en", "slug"]
    search_fields = ["title_ko", "title_en", "body_ko", "body_en"]
    prepopulated_fields = {"slug": ["title_en"]}
    fields = ["title", "slug", "lead", "body"]
    markdown_fields = Page.markdown_fields


@admin.register(Tag)
class TagAdmin(BilingualAdmin):
    list_display = ["name_ko", "name_en", "slug", "principle_count"]
    search_fields = ["name_ko", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(num_principles=Count("principles"))

    @admin.display(description=_("principles"), ordering="num_principles")
    def principle_count(self, obj):
        return obj.num_principles


class PrincipleInline(BilingualTabularInline):
    model = Principle
    fields = ["order", "title", "slug", "is_published"]
    prepopulated_fields = {"slug": ["title_en"]}
    ordering = ["order"]
    extra = 0
    show_change_link = True


@admin.register(Section)
class SectionAdmin(MarkdownPreviewAdmin, BilingualAdmin):
    list_display = ["title_ko", "title_en", "order", "is_live", "revision"]
    list_editable = ["order", "is_live"]
    list_filter = ["is_live"]
    search_fields = ["title_ko", "title_en", "intro_ko", "intro_en"]
    prepopulated_fields = {"slug": ["title_en"]}
    readonly_fields = ["revision"]
    fields = [
        "title", "slug", "intro", "order", "is_live", "event", "event_note", "revision",
    ]  # fmt: skip
    inlines = [PrincipleInline]
    markdown_fields = Section.markdown_fields


@admin.register(Principle)
class PrincipleAdmin(MarkdownPreviewAdmin, BilingualAdmin, HistoryCompareAdmin):
    list_display = ["title_ko", "title_en", "section", "order", "is_published", "version"]
    list_display_links = ["title_ko"]
    list_editable = ["order", "is_published"]
    list_filter = ["section", "is_published", "tags"]
    list_select_related = ["section"]
    search_fields = [
        "title_ko", "title_en", "summary_ko", "summary_en", "responsible_ai_ko",
        "responsible_ai_en",
    ]  # fmt: skip
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["section", "pair"]
    filter_horizontal = ["tags"]
    readonly_fields = ["version"]
    fields = [
        "section", "title", "slug", "summary", "responsible_ai", "responsible_ai_editorial",
        "pair", "tags", "order", "is_published", "version",
    ]  # fmt: skip
    markdown_fields = Principle.markdown_fields


@admin.register(LiveUpdate)
class LiveUpdateAdmin(MarkdownPreviewAdmin, BilingualAdmin, HistoryCompareAdmin):
    list_display = ["short_body", "section", "author", "created_at", "is_key_event", "retracted"]
    list_filter = ["section", "is_key_event", ("retracted_at", admin.EmptyFieldListFilter)]
    list_select_related = ["section", "author"]
    search_fields = ["body_ko", "body_en"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["section"]
    fields = ["section", "body", "is_key_event", "retracted_at", "author", "created_at", "version"]
    readonly_fields = ["author", "created_at", "version"]
    markdown_fields = LiveUpdate.markdown_fields
    inlines = [PictureInline]

    @admin.display(description=_("update"))
    def short_body(self, obj):
        return str(obj)

    @admin.display(description=_("retracted"), boolean=True, ordering="retracted_at")
    def retracted(self, obj):
        return obj.is_retracted

    def save_model(self, request, obj, form, change):
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)


@admin.register(Event)
class EventAdmin(MarkdownPreviewAdmin, BilingualAdmin):
    list_display = ["name_ko", "name_en", "dates", "place", "order"]
    search_fields = ["name_ko", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    fields = ["name", "slug", "dates", "place", "focus", "summary", "source", "order"]
    markdown_fields = Event.markdown_fields
