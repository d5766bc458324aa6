"""Sections, principles (with their evidence) and tags."""

from django.utils.translation import gettext as _
from ninja import Query, Router
from pydantic import Field

from api import schemas, selectors
from api.errors import ERRORS, not_found
from api.pagination import SLUG, PageParams, paginate
from api.present import Presenter, api_path

router = Router(tags=["playbook"])


class PrincipleFilters(PageParams):
    section: str | None = Field(None, max_length=100, pattern=SLUG, description="A section's slug.")
    tag: str | None = Field(None, max_length=100, pattern=SLUG, description="A tag's slug.")


INDEX = {
    "sections": "sections",
    "principles": "principles",
    "tags": "tags",
    "teams": "teams",
    "people": "people",
    "talks": "talks",
    "checklists": "checklists",
    "dilemmas": "dilemmas",
    "search": "search",
}


@router.get("/", response={200: schemas.Index, **ERRORS}, url_name="index")
def index(request):
    """What the API holds, with the addresses of its lists."""
    return {
        "title": "Tiny Teams Playbook API",
        "version": "1",
        "docs": request.build_absolute_uri(api_path("openapi-view")),
        "openapi": request.build_absolute_uri(api_path("openapi-json")),
        "endpoints": {
            name: request.build_absolute_uri(api_path(url_name)) for name, url_name in INDEX.items()
        },
    }


@router.get("/sections/", response={200: schemas.SectionPage, **ERRORS}, url_name="sections")
def section_list(request, params: Query[PageParams]):
    """The playbook's sections, in their order."""
    return paginate(request, selectors.sections(), params, Presenter(request).section)


@router.get(
    "/sections/{slug:slug}/", response={200: schemas.SectionDetail, **ERRORS}, url_name="section"
)
def section_detail(request, slug: str):
    """One section with its published principles."""
    section = selectors.section(slug=slug)
    if section is None:
        raise not_found(_("No section has this slug."))
    return Presenter(request).section_detail(section)


@router.get("/principles/", response={200: schemas.PrinciplePage, **ERRORS}, url_name="principles")
def principle_list(request, params: Query[PrincipleFilters]):
    """Published principles in the playbook's order, each with the teams and talks that
    evidence it; filter by `section` or `tag`."""
    qs = selectors.principles(section=params.section, tag=params.tag)
    return paginate(request, qs, params, Presenter(request).principle)


@router.get(
    "/principles/{slug:slug}/",
    response={200: schemas.PrincipleDetail, **ERRORS},
    url_name="principle",
)
def principle_detail(request, slug: str):
    """One published principle with its evidence and the checklist questions that test it."""
    principle = selectors.principle(slug=slug)
    if principle is None:
        raise not_found(_("No published principle has this slug."))
    return Presenter(request).principle_detail(principle)


@router.get("/tags/", response={200: schemas.TagPage, **ERRORS}, url_name="tags")
def tag_list(request, params: Query[PageParams]):
    """Tags, for the `tag` filter of principles and search."""
    return paginate(request, selectors.tags(), params, Presenter(request).tag)
