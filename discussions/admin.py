"""Moderation of readers' dilemmas in the admin: the queue of pending ones first, approve,
reject and feature them one by one or in bulk. Every decision goes through
discussions.services, so the moderator and the time are recorded and the history keeps
it. The reader's text is never edited here: an editor decides on it as it was sent."""

from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin_history import HistoryCompareAdmin
from core.kinds import get_kind
from discussions.models import Dilemma
from discussions.selectors import with_items
from discussions.services import dilemmas_moderate


class StatusFilter(admin.SimpleListFilter):
    """Pending first: the queue is what the admin opens on."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("all", _("All")), *Dilemma.Status.choices]

    def choices(self, changelist):
        value = self.value() or Dilemma.Status.PENDING
        for lookup, title in self.lookup_choices:
            yield {
                "selected": value == str(lookup),
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value() or Dilemma.Status.PENDING
        if value == "all":
            return queryset
        return queryset.filter(status=value)


def _moderate(status, done_message):
    def action(modeladmin, request, queryset):
        changed = dilemmas_moderate(dilemmas=queryset, status=status, moderator=request.user)
        modeladmin.message_user(
            request, done_message(len(changed)) % {"count": len(changed)}, messages.SUCCESS
        )

    return action


@admin.register(Dilemma)
class DilemmaAdmin(HistoryCompareAdmin):
    list_display = ["short_text", "about", "status", "language", "display_name", "created_at",
                    "moderated_by", "moderated_at"]  # fmt: skip
    list_filter = [StatusFilter, "about_kind", "language"]
    search_fields = ["text", "display_name"]
    date_hierarchy = "created_at"
    ordering = ["created_at"]
    fields = ["text", "rendered", "display_name", "about_link", "language", "status",
              "created_at", "submitter_hash", "moderated_by", "moderated_at"]  # fmt: skip
    readonly_fields = ["text", "rendered", "display_name", "about_link", "language",
                       "created_at", "submitter_hash", "moderated_by", "moderated_at"]  # fmt: skip
    actions = ["approve", "reject", "feature"]

    @admin.display(description=_("text"))
    def short_text(self, obj):
        return obj.text[:120]

    @admin.display(description=_("about"))
    def about(self, obj):
        return f"{get_kind(obj.about_kind).label} #{obj.about_id}"

    @admin.display(description=_("about"))
    def about_link(self, obj):
        (dilemma,) = with_items([obj])
        if dilemma.item is None:
            return self.about(obj)
        return format_html(
            '<a href="{}">{}: {}</a>', dilemma.item.get_absolute_url(), dilemma.kind_label,
            dilemma.item,
        )  # fmt: skip

    @admin.display(description=_("as readers would see it"))
    def rendered(self, obj):
        # text_html is written only by core.markdown.render_markdown (nh3).
        return format_html("<div>{}</div>", mark_safe(obj.text_html))  # noqa: S308

    approve = admin.action(description=_("Approve the selected dilemmas"))(
        _moderate(
            Dilemma.Status.APPROVED,
            lambda n: ngettext("%(count)d dilemma approved.", "%(count)d dilemmas approved.", n),
        )
    )
    reject = admin.action(description=_("Reject the selected dilemmas"))(
        _moderate(
            Dilemma.Status.REJECTED,
            lambda n: ngettext("%(count)d dilemma rejected.", "%(count)d dilemmas rejected.", n),
        )
    )
    feature = admin.action(description=_("Feature the selected dilemmas (the sticker)"))(
        _moderate(
            Dilemma.Status.FEATURED,
            lambda n: ngettext("%(count)d dilemma featured.", "%(count)d dilemmas featured.", n),
        )
    )

    def has_add_permission(self, request):
        return False  # readers submit; the admin only decides

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser  # rejecting keeps the record; only an admin erases

    def revert_disabled(self, request, obj=None):
        return True  # a revert would bypass the moderation service

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        # A decision cannot send a dilemma back to the queue.
        form.base_fields["status"].choices = [
            (value, label)
            for value, label in Dilemma.Status.choices
            if value != Dilemma.Status.PENDING or (obj and obj.status == value)
        ]
        return form

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            dilemmas_moderate(dilemmas=[obj], status=obj.status, moderator=request.user)
