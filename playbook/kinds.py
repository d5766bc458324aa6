"""The kinds of content the playbook app owns, registered in PlaybookConfig.ready()."""

from django.db.models import F, Q
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.bilingual import EnglishTermInKorean, Localized, columns, localized_concat
from core.kinds import ChangesSpec, Kind, SearchSpec, register


def _principle_queryset():
    from playbook.models import Principle

    return Principle.objects.published()


def _live_sections():
    from playbook.models import Section

    return Section.objects.filter(is_live=True)


def _update_queryset():
    from playbook.models import LiveUpdate

    # A retracted update stays on its section page, marked as such, but is not offered
    # by search: a withdrawn statement should not be found as an answer.
    return LiveUpdate.objects.visible().filter(retracted_at__isnull=True)


def register_kinds() -> None:
    register(
        Kind(
            name="principle",
            label=_("Principle"),
            plural=_("Principles"),
            model="playbook.Principle",
            url=lambda slug, _anchor=None: reverse("playbook:principle", args=[slug]),
            order=10,
            search=SearchSpec(
                queryset=_principle_queryset,
                columns={
                    "title": Localized("title"),
                    "subtitle": EnglishTermInKorean("title"),
                    "text": localized_concat("summary", "responsible_ai"),
                    "link_a": F("slug"),
                    "section_title": Localized("title", prefix="section__"),
                },
                title_fields=tuple(columns("title")),
                text_fields=tuple(columns("summary", "responsible_ai")),
                section_field="section",
                tag_field="tags",
                boost=1.5,
            ),
            changes=ChangesSpec(label=Localized("title"), slug=F("slug")),
            discussable=_principle_queryset,
        )
    )
    # Sections are found and logged through their principles and updates; the kind is
    # here so that readers can put a dilemma to a live section.
    register(
        Kind(
            name="section",
            label=_("Live section"),
            plural=_("Live sections"),
            model="playbook.Section",
            url=lambda slug, _anchor=None: reverse("playbook:section", args=[slug]),
            order=5,
            discussable=_live_sections,
        )
    )
    register(
        Kind(
            name="update",
            label=_("Live update"),
            plural=_("Live updates"),
            model="playbook.LiveUpdate",
            url=lambda slug, anchor=None: (
                reverse("playbook:section", args=[slug]) + f"#update-{anchor}"
            ),
            order=50,
            search=SearchSpec(
                queryset=_update_queryset,
                columns={
                    "title": Localized("title", prefix="section__"),
                    "text": Localized("body"),
                    "link_a": F("section__slug"),
                    "link_b": F("pk"),
                    "section_title": Localized("title", prefix="section__"),
                },
                title_fields=(),
                text_fields=tuple(columns("body")),
                section_field="section",
                trigrams=False,
            ),
            changes=ChangesSpec(
                label=Substr(Localized("body"), 1, 80),
                slug=F("section__slug"),
                # An update scheduled for later is not public until it is released.
                public=lambda: Q(scheduled_for__isnull=True),
            ),
        )
    )
