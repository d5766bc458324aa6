"""The kind of content the discussions app owns, registered in DiscussionsConfig.ready().

Only approved and featured dilemmas are found by search and listed on /changes/: the
queryset and the history filter below are the one place that says so for both."""

from django.db.models import CharField, Exists, F, OuterRef, Q
from django.db.models.functions import Cast, Substr
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.kinds import ChangesSpec, FeedEntry, Kind, SearchSpec, register
from core.markdown import plain_text

FEATURED_IN_FEED = 20


def _public_dilemmas():
    from discussions.models import Dilemma

    return Dilemma.objects.public()


def _public_history() -> Q:
    """History rows of an approved (or featured) version of a dilemma that is public now:
    a dilemma approved once and rejected later disappears from /changes/ altogether."""
    from discussions.models import Dilemma

    still_public = Dilemma.objects.public().filter(pk=OuterRef("id"))
    return Q(status__in=Dilemma.PUBLIC_STATUSES) & Q(Exists(still_public))


def _featured_in_section_feed(section) -> list[FeedEntry]:
    """Featured dilemmas about a live section, for its Atom feed (the sticker's audience)."""
    from discussions.models import Dilemma

    featured = (
        Dilemma.objects.filter(status=Dilemma.Status.FEATURED)
        .about("section", section.pk)
        .order_by("-moderated_at")[:FEATURED_IN_FEED]
    )
    return [
        FeedEntry(
            title=gettext("Featured readers' dilemma: %(text)s")
            % {"text": plain_text(dilemma.text_html, 80)},
            # text_html is sanitised on save (core.markdown.render_markdown).
            description=dilemma.text_html,
            link=dilemma.get_absolute_url(),
            guid=f"{section.slug}-dilemma-{dilemma.pk}",
            published=dilemma.moderated_at or dilemma.created_at,
            author=dilemma.display_name or None,
        )
        for dilemma in featured
    ]


def register_kinds() -> None:
    register(
        Kind(
            name="dilemma",
            label=_("Dilemma"),
            plural=_("Dilemmas"),
            model="discussions.Dilemma",
            url=lambda _slug, anchor=None: reverse("discussions:dilemma", args=[anchor]),
            order=60,
            search=SearchSpec(
                queryset=_public_dilemmas,
                columns={
                    "title": Substr("text", 1, 80),
                    "subtitle": F("display_name"),
                    "text": F("text"),
                    "link_a": Cast("pk", output_field=CharField()),
                    "link_b": F("pk"),
                },
                title_fields=("text",),
                text_fields=(),
                trigrams=False,
            ),
            changes=ChangesSpec(
                label=Substr("text", 1, 80),
                slug=Cast("id", output_field=CharField()),
                public=_public_history,
            ),
            section_feed=_featured_in_section_feed,
        )
    )
