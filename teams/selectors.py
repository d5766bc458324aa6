"""Reads of teams and talks that pages share."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from teams.models import Talk, TalkPrinciple, Team, TeamPrinciple


def team_with_evidence(*, slug: str) -> Team:
    """A team with its people, its talks and the published principles it exemplifies."""
    return get_object_or_404(
        Team.objects.prefetch_related(
            "people",
            Prefetch(
                "principle_links",
                queryset=TeamPrinciple.objects.filter(principle__is_published=True).select_related(
                    "principle__section"
                ),
            ),
            Prefetch("talks", queryset=Talk.objects.prefetch_related("speakers")),
        ),
        slug=slug,
    )


def talk_with_evidence(*, slug: str) -> Talk:
    """A talk with its speakers and team and the published principles it evidences."""
    return get_object_or_404(
        Talk.objects.for_list().prefetch_related(
            Prefetch(
                "principle_links",
                queryset=TalkPrinciple.objects.filter(principle__is_published=True).select_related(
                    "principle__section"
                ),
            )
        ),
        slug=slug,
    )
