"""Teams with their figures, people and talks."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router
from pydantic import Field

from api import schemas, selectors
from api.errors import ERRORS, not_found
from api.pagination import SLUG, PageParams, paginate
from api.present import Presenter
from teams.selectors import team_with_evidence

router = Router(tags=["teams"])


class TeamFilter(PageParams):
    team: str | None = Field(None, max_length=100, pattern=SLUG, description="A team's slug.")


@router.get("/teams/", response={200: schemas.TeamPage, **ERRORS}, url_name="teams")
def team_list(request, params: Query[PageParams]):
    """Teams with the figures the source gives: each with its precision, null when unknown."""
    return paginate(request, selectors.teams(), params, Presenter(request).team)


@router.get("/teams/{slug:slug}/", response={200: schemas.TeamDetail, **ERRORS}, url_name="team")
def team_detail(request, slug: str):
    """One team with its people, the principles it exemplifies and its talks."""
    try:
        team = team_with_evidence(slug=slug)
    except Http404:
        raise not_found(_("No team has this slug.")) from None
    return Presenter(request).team_detail(team)


@router.get("/people/", response={200: schemas.PersonPage, **ERRORS}, url_name="people")
def person_list(request, params: Query[TeamFilter]):
    """The people the playbook names; filter by `team`."""
    qs = selectors.people(team=params.team)
    return paginate(request, qs, params, Presenter(request).person)


@router.get("/talks/", response={200: schemas.TalkPage, **ERRORS}, url_name="talks")
def talk_list(request, params: Query[TeamFilter]):
    """Talks with their speakers and the moments that evidence principles; filter by `team`."""
    qs = selectors.talks(team=params.team)
    return paginate(request, qs, params, Presenter(request).talk)


@router.get("/talks/{slug:slug}/", response={200: schemas.TalkOut, **ERRORS}, url_name="talk")
def talk_detail(request, slug: str):
    """One talk."""
    talk = selectors.talks().filter(slug=slug).first()
    if talk is None:
        raise not_found(_("No talk has this slug."))
    return Presenter(request).talk(talk)
