from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from teams.models import Talk, TalkPrinciple, Team, TeamPrinciple


@require_GET
def team_list(request):
    teams = Team.objects.all()
    return render(request, "teams/team_list.html", {"teams": teams})


@require_GET
def team_detail(request, slug):
    team = get_object_or_404(
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
    return render(request, "teams/team_detail.html", {"team": team})


@require_GET
def talk_list(request):
    talks = Talk.objects.for_list()
    return render(request, "teams/talk_list.html", {"talks": talks})


@require_GET
def talk_detail(request, slug):
    talk = get_object_or_404(
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
    return render(request, "teams/talk_detail.html", {"talk": talk})
