from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from governance.models import Checklist, ChecklistItem, ChecklistSection, ChecklistVersion
from playbook.admin_preview import MarkdownPreviewAdmin


class ChecklistVersionInline(admin.TabularInline):
    model = ChecklistVersion
    fields = ["number", "status", "published_at", "changelog"]
    extra = 0
    show_change_link = True


@admin.register(Checklist)
class ChecklistAdmin(MarkdownPreviewAdmin, admin.ModelAdmin):
    list_display = ["title", "title_en", "slug", "order"]
    search_fields = ["title", "title_en", "description"]
    prepopulated_fields = {"slug": ["title_en"]}
    fields = ["title", "title_en", "slug", "description", "order"]
    inlines = [ChecklistVersionInline]
    markdown_fields = Checklist.markdown_fields


class ChecklistSectionInline(admin.TabularInline):
    model = ChecklistSection
    fields = ["order", "title", "title_en"]
    extra = 0
    show_change_link = True


@admin.register(ChecklistVersion)
class ChecklistVersionAdmin(admin.ModelAdmin):
    list_display = ["checklist", "number", "status", "published_at", "item_count"]
    list_filter = ["status", "checklist"]
    list_select_related = ["checklist"]
    search_fields = ["checklist__title", "changelog"]
    autocomplete_fields = ["checklist"]
    inlines = [ChecklistSectionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(num_items=Count("sections__items"))

    @admin.display(description=_("items"), ordering="num_items")
    def item_count(self, obj):
        return obj.num_items


class ChecklistItemInline(admin.StackedInline):
    model = ChecklistItem
    fields = ["order", "key", "prompt", "guidance", "principles", "weight", "required"]
    autocomplete_fields = ["principles"]
    extra = 0


@admin.register(ChecklistSection)
class ChecklistSectionAdmin(admin.ModelAdmin):
    list_display = ["title", "title_en", "version", "order"]
    list_filter = ["version__checklist", "version__status"]
    list_select_related = ["version__checklist"]
    search_fields = ["title", "title_en"]
    autocomplete_fields = ["version"]
    inlines = [ChecklistItemInline]


@admin.register(ChecklistItem)
class ChecklistItemAdmin(MarkdownPreviewAdmin, admin.ModelAdmin):
    list_display = ["prompt", "key", "section", "weight", "required"]
    list_filter = ["required", "section__version__checklist", "section__version__status"]
    list_select_related = ["section"]
    search_fields = ["prompt", "key", "guidance"]
    autocomplete_fields = ["section", "principles"]
    markdown_fields = ChecklistItem.markdown_fields
