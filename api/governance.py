"""Governance checklists: their published versions and every version's items."""

from django.utils.translation import gettext as _
from ninja import Path, Query, Router
from pydantic import BaseModel, Field

from api import schemas, selectors
from api.errors import ERRORS, not_found
from api.pagination import PageParams, paginate
from api.present import Presenter
from governance.selectors import checklist_sections

router = Router(tags=["governance"])


class VersionPath(BaseModel):
    slug: str
    number: int = Field(ge=1, le=1_000_000)


@router.get("/checklists/", response={200: schemas.ChecklistPage, **ERRORS}, url_name="checklists")
def checklist_list(request, params: Query[PageParams]):
    """Checklists with their published versions, newest first (drafts are not public)."""
    return paginate(request, selectors.checklists(), params, Presenter(request).checklist)


@router.get(
    "/checklists/{slug:slug}/", response={200: schemas.ChecklistOut, **ERRORS}, url_name="checklist"
)
def checklist_detail(request, slug: str):
    checklist = selectors.checklists().filter(slug=slug).first()
    if checklist is None:
        raise not_found(_("No published checklist has this slug."))
    return Presenter(request).checklist(checklist)


@router.get(
    "/checklists/{slug:slug}/versions/{int:number}/",
    response={200: schemas.VersionOut, **ERRORS},
    url_name="checklist-version",
)
def checklist_version(request, path: Path[VersionPath]):
    """One published version with its sections and items (and the principles they test)."""
    version = selectors.checklist_version(slug=path.slug, number=path.number)
    if version is None:
        raise not_found(_("This checklist has no published version with this number."))
    sections = checklist_sections(version_id=version.pk)
    return Presenter(request).version(version, sections)
