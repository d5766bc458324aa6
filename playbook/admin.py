from django.contrib import admin
from django.db.models import Case, Count, IntegerField, Q, When
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin_bilingual import BilingualAdmin, BilingualTabularInline
from core.admin_history import HistoryCompareAdmin
from core.admin_preview import MarkdownPreviewAdmin
from core.admin_versioning import VersionCheckedAdmin
from playbook import services
from playbook.admin_forms import LiveUpdateAdminForm, PrincipleAdminForm, PrincipleRowForm
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
    form = PrincipleRowForm
    fields = ["order", "title", "slug", "is_published", "expected_version"]
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
class PrincipleAdmin(
    VersionCheckedAdmin, MarkdownPreviewAdmin, BilingualAdmin, HistoryCompareAdmin
):
    form = PrincipleAdminForm
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
        "pair", "tags", "order", "is_published", "version", "expected_version",
    ]  # fmt: skip
    markdown_fields = Principle.markdown_fields

    def get_search_results(self, request, queryset, search_term):
        """The admin's search, then the title that is exactly the term (in either language)
        first, titles starting with it next: the talk form's principle autocomplete would
        otherwise bury "윤리" under every principle that mentions it. The change list
        applies its own ordering afterwards."""
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if term:
            queryset = queryset.annotate(
                title_match=Case(
                    When(Q(title_ko__iexact=term) | Q(title_en__iexact=term), then=0),
                    When(Q(title_ko__istartswith=term) | Q(title_en__istartswith=term), then=1),
                    default=2,
                    output_field=IntegerField(),
                )
            ).order_by("title_match", "section__order", "order", "pk")
        return queryset, may_have_duplicates

    def service_save(self, request, obj, form, change):
        if not change:
            obj.save()
            return
        # The change list's editable columns carry no version: the row as just loaded.
        expected = form.cleaned_data.get("expected_version") or obj.version
        services.principle_admin_save(principle=obj, editor=request.user, expected_version=expected)


@admin.register(LiveUpdate)
class LiveUpdateAdmin(
    VersionCheckedAdmin, MarkdownPreviewAdmin, BilingualAdmin, HistoryCompareAdmin
):
    """Saves through the live page's services: a retraction is never undone nor rewritten
    (a retracted update is read-only here), an update stays in its section."""

    form = LiveUpdateAdminForm
    list_display = ["short_body", "section", "author", "created_at", "is_key_event", "retracted"]
    list_filter = ["section", "is_key_event", ("retracted_at", admin.EmptyFieldListFilter)]
    list_select_related = ["section", "author"]
    search_fields = ["body_ko", "body_en"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["section"]
    fields = [
        "section", "body", "is_key_event", "retracted_at", "author", "created_at", "version",
        "expected_version",
    ]  # fmt: skip
    readonly_fields = ["retracted_at", "author", "created_at", "version"]
    markdown_fields = LiveUpdate.markdown_fields
    inlines = [PictureInline]
    actions = ["retract"]

    @admin.display(description=_("update"))
    def short_body(self, obj):
        return str(obj)

    @admin.display(description=_("retracted"), boolean=True, ordering="retracted_at")
    def retracted(self, obj):
        return obj.is_retracted

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "section"] if obj is not None else fields

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_retracted:
            return False
        return super().has_change_permission(request, obj)

    def service_save(self, request, obj, form, change):
        expected = form.cleaned_data.get("expected_version") if change else None
        saved = services.live_update_admin_save(
            update=obj, editor=request.user, expected_version=expected
        )
        obj.pk, obj.version = saved.pk, saved.version
        obj._state.adding = False

    @admin.action(description=_("Retract the selected updates"), permissions=["change"])
    def retract(self, request, queryset):
        done = 0
        for update in queryset.filter(retracted_at__isnull=True):
            services.live_update_retract(
                update=update, editor=request.user, expected_version=update.version
            )
            done += 1
        self.message_user(
            request, ngettext("%d update retracted.", "%d updates retracted.", done) % done
        )


@admin.register(Event)
class EventAdmin(MarkdownPreviewAdmin, BilingualAdmin):
    list_display = ["name_ko", "name_en", "dates", "place", "order"]
    search_fields = ["name_ko", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    fields = ["name", "slug", "dates", "place", "focus", "summary", "source", "order"]
    markdown_fields = Event.markdown_fields
