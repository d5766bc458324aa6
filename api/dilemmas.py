"""Readers' dilemmas that editors approved (never pending or rejected ones)."""

from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field

from api import schemas
from api.errors import ERRORS, not_found
from api.pagination import SLUG, PageParams, paginate
from discussions.models import Dilemma
from discussions.selectors import public_dilemmas, with_items

router = Router(tags=["dilemmas"])


class About(Schema):
    kind: str
    label: str
    url: str | None = Field(description="The item's page; null if it is no longer public.")


class DilemmaOut(Schema):
    id: int
    url: str
    text: schemas.Text = Field(description="In the language the reader wrote it in.")
    text_html: schemas.Text
    language: str
    display_name: str | None = Field(description="The name the reader chose to give, if any.")
    featured: bool
    created_at: datetime
    about: About


class DilemmaPage(schemas.Page):
    results: list[DilemmaOut]


class KindFilter(PageParams):
    kind: str | None = Field(None, max_length=40, pattern=SLUG, description="principle, team…")


def _present(request, dilemma) -> dict:
    def in_own_language(value):
        return {code: (value if code == dilemma.language else None) for code in ("ko", "en")}

    item = dilemma.item
    return {
        "id": dilemma.pk,
        "url": request.build_absolute_uri(dilemma.get_absolute_url()),
        "text": in_own_language(dilemma.text),
        "text_html": in_own_language(dilemma.text_html),
        "language": dilemma.language,
        "display_name": dilemma.display_name or None,
        "featured": dilemma.is_featured,
        "created_at": dilemma.created_at,
        "about": {
            "kind": dilemma.about_kind,
            "label": str(dilemma.kind_label),
            "url": request.build_absolute_uri(item.get_absolute_url()) if item else None,
        },
    }


@router.get("/dilemmas/", response={200: DilemmaPage, **ERRORS}, url_name="dilemmas")
def dilemma_list(request, params: Query[KindFilter]):
    """Approved dilemmas, featured first, then newest; filter by the `kind` they are about."""
    qs = public_dilemmas(kind=params.kind)
    page = paginate(request, qs, params, lambda dilemma: dilemma)
    page["results"] = [_present(request, d) for d in with_items(page["results"])]
    return page


@router.get("/dilemmas/{int:pk}/", response={200: DilemmaOut, **ERRORS}, url_name="dilemma")
def dilemma_detail(request, pk: int):
    dilemma = Dilemma.objects.public().filter(pk=pk).first() if pk < 2**62 else None
    if dilemma is None:
        raise not_found(_("No approved dilemma has this number."))
    return _present(request, with_items([dilemma])[0])
