"""The API's reads: the apps' own selectors where a page reads the same, else querysets
with every relation an answer shows prefetched, so that a list costs the same number of
queries whatever its length. Each list ends its order in a unique column (stable pages)."""

from django.db.models import Count, Exists, OuterRef, Prefetch

from governance.models import Checklist, ChecklistVersion
from governance.selectors import current_checklist_items, published_checklist_versions
from playbook.models import Principle, Section, Tag
from playbook.selectors import sections_with_principle_counts
from teams.models import Person, Talk, TalkPrinciple, Team, TeamPrinciple


def sections():
    return sections_with_principle_counts().order_by("order", "id")


def section(*, slug: str) -> Section | None:
    published = Principle.objects.published().order_by("order", "id")
    return (
        sections()
        .prefetch_related(Prefetch("principles", queryset=published, to_attr="published"))
        .filter(slug=slug)
        .first()
    )


def principles(*, section: str | None = None, tag: str | None = None):
    """Published principles with their section, tags and evidence (teams and talks)."""
    qs = (
        Principle.objects.published()
        .select_related("section")
        .prefetch_related(
            "tags",
            Prefetch("team_links", queryset=TeamPrinciple.objects.select_related("team")),
            Prefetch("talk_links", queryset=TalkPrinciple.objects.select_related("talk")),
        )
        .order_by("section__order", "section_id", "order", "id")
    )
    if section:
        qs = qs.filter(section__slug=section)
    if tag:
        qs = qs.filter(tags__slug=tag)
    return qs


def principle(*, slug: str) -> Principle | None:
    items = current_checklist_items().select_related("section__version__checklist")
    return (
        principles()
        .prefetch_related(Prefetch("checklist_items", queryset=items))
        .filter(slug=slug)
        .first()
    )


def tags():
    return Tag.objects.order_by("name", "id")


def teams():
    return Team.objects.order_by("order", "name", "id")


def people(*, team: str | None = None):
    qs = (
        Person.objects.select_related("team")
        .prefetch_related(Prefetch("talks", queryset=Talk.objects.order_by("order", "id")))
        .order_by("order", "name", "id")
    )
    if team:
        qs = qs.filter(team__slug=team)
    return qs


def talks(*, team: str | None = None):
    """Talks with their speakers, team and the published principles they evidence."""
    links = TalkPrinciple.objects.filter(principle__is_published=True).select_related("principle")
    speakers = Person.objects.select_related("team").prefetch_related(
        Prefetch("talks", queryset=Talk.objects.order_by("order", "id"))
    )
    qs = (
        Talk.objects.select_related("team")
        .prefetch_related(
            Prefetch("speakers", queryset=speakers), Prefetch("principle_links", queryset=links)
        )
        .order_by("order", "title", "id")
    )
    if team:
        qs = qs.filter(team__slug=team)
    return qs


def checklists():
    """Checklists with a published version, each with `published_versions` (newest first,
    with `item_count`); drafts are not public."""
    published = published_checklist_versions()
    return (
        Checklist.objects.filter(Exists(published.filter(checklist=OuterRef("pk"))))
        .prefetch_related(
            Prefetch(
                "versions",
                queryset=published.annotate(item_count=Count("sections__items")),
                to_attr="published_versions",
            )
        )
        .order_by("order", "title", "id")
    )


def checklist_version(*, slug: str, number: int) -> ChecklistVersion | None:
    newest = published_checklist_versions().filter(checklist=OuterRef("checklist"))
    return (
        published_checklist_versions()
        .select_related("checklist")
        .annotate(
            newest_number=newest.values("number")[:1],
            item_count=Count("sections__items"),
        )
        .filter(checklist__slug=slug, number=number)
        .first()
    )


def live_section(*, slug: str) -> Section | None:
    return Section.objects.filter(slug=slug, is_live=True).first()


def changed_updates(*, section: Section, since: int):
    """What the live page's poll sees after revision `since`: updates posted, edited,
    marked or retracted since then, oldest change first; scheduled ones are left out by
    `for_display` (readers never see them before their time)."""
    return section.updates.for_display().changed_since(since).order_by("live_revision", "id")
