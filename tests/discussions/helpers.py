"""Sending the dilemma form as a reader would, and putting dilemmas in place."""

import time

from django.urls import reverse

from discussions.defences import form_started_token
from discussions.models import Dilemma
from discussions.services import dilemma_submit, dilemmas_moderate

HTMX = {"HTTP_HX_REQUEST": "true"}


def form_data(about: str, **fields) -> dict:
    """A form as served ten seconds ago, filled in."""
    data = {
        "about": about,
        "text": "작은 팀이 고객 데이터로 모델을 학습해도 될까요?",
        "display_name": "",
        "website": "",
        "started": form_started_token(time.time() - 10),
    }
    data.update(fields)
    return data


def send(client, about: str, address: str = "203.0.113.7", htmx: bool = False, **fields):
    extra = {"REMOTE_ADDR": address, **(HTMX if htmx else {})}
    return client.post(reverse("discussions:new"), form_data(about, **fields), **extra)


def about_of(item, kind: str) -> str:
    return f"{kind}:{item.pk}"


def make_dilemma(kind: str, item, text: str = "승인된 딜레마", **fields) -> Dilemma:
    values = {"display_name": "", "language": "ko", "submitter_hash": "a" * 64, **fields}
    return dilemma_submit(kind=kind, item_id=item.pk, text=text, **values)


def approved(kind: str, item, moderator, text: str = "승인된 딜레마", status="approved", **fields):
    dilemma = make_dilemma(kind, item, text, **fields)
    dilemmas_moderate(dilemmas=[dilemma], status=status, moderator=moderator)
    dilemma.refresh_from_db()
    return dilemma
