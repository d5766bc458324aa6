from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from core.page_cache import reader_page
from teams.charts import figures_chart
from teams.models import Talk, Team
from teams.selectors import talk_with_evidence, team_with_evidence
from teams.sorting import TeamSort


@reader_page(query=("sort",))
@require_GET
def team_list(request):
    sort = TeamSort.from_param(request.GET.get("sort"))
    teams = list(Team.objects.sorted_by(sort.key, sort.descending))
    context = {"teams": teams, "sort": sort, "columns": sort.columns()}
    # A sort link asks for the table only; a history restore needs the whole page again.
    if request.htmx and not request.htmx.history_restore_request:
        response = render(request, "teams/team_list.html#teams-table", context)
    else:
        context["chart"] = figures_chart(teams)
        response = render(request, "teams/team_list.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@reader_page
@require_GET
def team_detail(request, slug):
    return render(request, "teams/team_detail.html", {"team": team_with_evidence(slug=slug)})


@reader_page
@require_GET
def talk_list(request):
    talks = Talk.objects.for_list()
    return render(request, "teams/talk_list.html", {"talks": talks})


@reader_page
@require_GET
def talk_detail(request, slug):
    return render(request, "teams/talk_detail.html", {"talk": talk_with_evidence(slug=slug)})
