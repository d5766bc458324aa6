"""The kinds of content the governance app owns, registered in GovernanceConfig.ready()."""

from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.bilingual import Localized, columns
from core.kinds import Kind, SearchSpec, register


def _current_items():
    from governance.selectors import current_checklist_items

    # The checklist page shows its newest published version: older versions' items
    # would repeat the same questions, and drafts are not public.
    return current_checklist_items()


def register_kinds() -> None:
    register(
        Kind(
            name="item",
            label=_("Checklist item"),
            plural=_("Checklist items"),
            model="governance.ChecklistItem",
            url=lambda slug, anchor=None: (
                reverse("governance:checklist", args=[slug]) + f"#item-{anchor}"
            ),
            order=40,
            search=SearchSpec(
                queryset=_current_items,
                columns={
                    "title": Localized("prompt"),
                    "subtitle": Localized("title", prefix="section__version__checklist__"),
                    "text": Localized("guidance"),
                    "link_a": F("section__version__checklist__slug"),
                    "link_b": F("key"),
                },
                title_fields=tuple(columns("prompt")),
                text_fields=tuple(columns("guidance")),
            ),
        )
    )
