from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationStackedInline

from core.admin_bilingual import BilingualAdmin, BilingualTabularInline
from core.admin_preview import MarkdownPreviewAdmin
from governance import services
from governance.admin_import import FrameworkImportAdmin
from governance.models import (
    Answer,
    Assessment,
    Checklist,
    ChecklistItem,
    ChecklistSection,
    ChecklistVersion,
    CrosswalkLink,
    VersionStatus,
)


class ChecklistVersionInline(BilingualTabularInline):
    """Versions are listed here; they are made and published with the actions on the
    checklist versions page, so that a published one can never be edited in passing."""

    model = ChecklistVersion
    fields = ["number", "status", "published_at", "changelog"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Checklist)
class ChecklistAdmin(FrameworkImportAdmin, MarkdownPreviewAdmin, BilingualAdmin):
    list_display = ["title_ko", "title_en", "slug", "source_format", "order"]
    search_fields = ["title_ko", "title_en", "description_ko", "description_en"]
    prepopulated_fields = {"slug": ["title_en"]}
    fields = ["title", "slug", "description", "order", "source_format", "is_editorial"]
    readonly_fields = ["source_format"]
    inlines = [ChecklistVersionInline]
    markdown_fields = Checklist.markdown_fields


def _published(version) -> bool:
    return version is not None and version.is_published


class ReadOnlyWhenPublished:
    """Admin mixin: rows of a published version can be viewed, never changed or deleted."""

    def version_of(self, obj):
        raise NotImplementedError

    def has_change_permission(self, request, obj=None):
        if obj is not None and _published(self.version_of(obj)):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and _published(self.version_of(obj)):
            return False
        return super().has_delete_permission(request, obj)


class ChecklistSectionInline(ReadOnlyWhenPublished, BilingualTabularInline):
    model = ChecklistSection
    fields = ["order", "title"]
    extra = 0
    show_change_link = True

    def version_of(self, obj):
        return obj  # the inline's parent is the version

    def has_add_permission(self, request, obj=None):
        if _published(obj):
            return False
        return super().has_add_permission(request, obj)


@admin.register(ChecklistVersion)
class ChecklistVersionAdmin(ReadOnlyWhenPublished, BilingualAdmin):
    list_display = ["checklist", "number", "status", "published_at", "item_count"]
    list_filter = ["status", "checklist"]
    list_select_related = ["checklist"]
    search_fields = ["checklist__title_ko", "checklist__title_en", "changelog_ko", "changelog_en"]
    autocomplete_fields = ["checklist"]
    readonly_fields = ["status", "published_at"]
    inlines = [ChecklistSectionInline]
    actions = ["copy_as_draft", "publish"]

    def version_of(self, obj):
        return obj

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(num_items=Count("sections__items"))

    @admin.display(description=_("items"), ordering="num_items")
    def item_count(self, obj):
        return obj.num_items

    @admin.action(description=_("Make a new draft from the selected version"), permissions=["add"])
    def copy_as_draft(self, request, queryset):
        for version in queryset.select_related("checklist"):
            draft = services.checklist_version_copy(version=version)
            self.message_user(
                request,
                _("Draft %(draft)s made from version %(number)s.")
                % {"draft": draft, "number": version.number},
                messages.SUCCESS,
            )

    @admin.action(description=_("Publish the selected drafts"), permissions=["change"])
    def publish(self, request, queryset):
        published = 0
        for version in queryset.filter(status=VersionStatus.DRAFT):
            try:
                services.checklist_version_publish(version=version)
                published += 1
            except ValidationError as error:
                self.message_user(request, f"{version}: {error.messages[0]}", messages.ERROR)
        self.message_user(
            request,
            ngettext("%(count)d version published.", "%(count)d versions published.", published)
            % {"count": published},
            messages.SUCCESS if published else messages.WARNING,
        )


class ChecklistItemInline(ReadOnlyWhenPublished, TranslationStackedInline):
    model = ChecklistItem
    fields = [
        "order", "key", "source_ref", "prompt", "guidance", "principles", "weight", "required",
    ]  # fmt: skip
    autocomplete_fields = ["principles"]
    extra = 0

    def version_of(self, obj):
        return obj.version  # the inline's parent is the section

    def has_add_permission(self, request, obj=None):
        if obj is not None and _published(obj.version):
            return False
        return super().has_add_permission(request, obj)


def _drafts_only(db_field, kwargs, field_name, queryset):
    if db_field.name == field_name:
        kwargs["queryset"] = queryset
    return kwargs


@admin.register(ChecklistSection)
class ChecklistSectionAdmin(ReadOnlyWhenPublished, BilingualAdmin):
    list_display = ["title_ko", "title_en", "version", "order"]
    list_filter = ["version__checklist", "version__status"]
    list_select_related = ["version__checklist"]
    search_fields = ["title_ko", "title_en"]
    autocomplete_fields = ["version"]
    inlines = [ChecklistItemInline]

    def version_of(self, obj):
        return obj.version

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        drafts = ChecklistVersion.objects.filter(status=VersionStatus.DRAFT)
        kwargs = _drafts_only(db_field, kwargs, "version", drafts)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(ChecklistItem)
class ChecklistItemAdmin(ReadOnlyWhenPublished, MarkdownPreviewAdmin, BilingualAdmin):
    list_display = ["prompt_ko", "prompt_en", "key", "section", "weight", "required"]
    list_filter = ["required", "section__version__checklist", "section__version__status"]
    list_select_related = ["section__version"]
    search_fields = ["prompt_ko", "prompt_en", "key", "guidance_ko", "guidance_en"]
    autocomplete_fields = ["section", "principles"]
    markdown_fields = ChecklistItem.markdown_fields

    def version_of(self, obj):
        return obj.section.version

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        drafts = ChecklistSection.objects.filter(version__status=VersionStatus.DRAFT)
        kwargs = _drafts_only(db_field, kwargs, "section", drafts)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class AnswerInline(admin.TabularInline):
    model = Answer
    fields = ["item", "status", "justification", "note", "evidence_url", "updated_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("item")


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    """Assessments belong to whoever holds their token. The Editors group has no rights on
    them (docs/decisions.md); a superuser can look and delete, e.g. abuse, but not edit."""

    list_display = ["subject", "checklist_version", "is_shared", "completed_at", "updated_at"]
    list_filter = ["is_shared", "checklist_version__checklist"]
    list_select_related = ["checklist_version__checklist"]
    search_fields = ["subject"]
    fields = ["id", "subject", "checklist_version", "is_shared", "created_at", "completed_at"]
    readonly_fields = fields
    inlines = [AnswerInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CrosswalkLink)
class CrosswalkLinkAdmin(BilingualAdmin):
    """Editors map an imported framework's items (by key) to the playbook's principles."""

    list_display = ["checklist", "key", "principle", "note"]
    list_filter = ["checklist"]
    list_select_related = ["checklist", "principle"]
    search_fields = ["key", "note_ko", "note_en", "principle__title_ko", "principle__title_en"]
    fields = ["checklist", "key", "principle", "note"]
