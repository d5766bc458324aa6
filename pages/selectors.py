"""Reads that combine apps, for the pages here (and the API to come)."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from governance.selectors import current_checklist_items
from playbook.models import Principle
from teams.models import TalkPrinciple, TeamPrinciple


def principle_with_evidence(*, slug: str) -> Principle:
    """A published principle with its tags, the teams and talks that evidence it and the
    checklist items that test it (newest published versions only); 404 when unknown."""
    return get_object_or_404(
        Principle.objects.published()
        .select_related("section", "pair")
        .prefetch_related(
            "tags",
            Prefetch("team_links", queryset=TeamPrinciple.objects.select_related("team")),
            Prefetch(
                "talk_links",
                queryset=TalkPrinciple.objects.select_related("talk__team").prefetch_related(
                    "talk__speakers"
                ),
            ),
            Prefetch(
                "checklist_items",
                queryset=current_checklist_items().select_related("section__version__checklist"),
            ),
        ),
        slug=slug,
    )
