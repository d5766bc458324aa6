"""Who may read and who may change an assessment: the edit token decides."""

import hashlib

import pytest
from django.test import Client
from django.urls import reverse

from governance.models import Answer
from tests.governance.helpers import answer, items_of, start

pytestmark = pytest.mark.django_db

EXPORTS = ["governance:export-md", "governance:export-csv", "governance:export-json"]


def edit_link_of(client, assessment):
    """The private link as the owner sees it once, right after starting."""
    body = client.get(assessment.get_absolute_url()).content.decode()
    marker = 'id="edit-link-url" class="edit-link" readonly value="'
    return body.split(marker, 1)[1].split('"', 1)[0]


def test_only_a_hash_of_the_token_is_stored(client):
    assessment = start(client)
    token = client.cookies[f"assessment_{assessment.pk.hex}"].value
    assert len(token) >= 40
    assert assessment.edit_token_hash == hashlib.sha256(token.encode()).hexdigest()
    cookie = client.cookies[f"assessment_{assessment.pk.hex}"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert cookie["path"] == assessment.get_absolute_url()


def test_without_the_token_a_private_assessment_does_not_exist(client):
    assessment = start(client)
    key = items_of(assessment.checklist_version)[0].key
    stranger = Client()
    assert stranger.get(assessment.get_absolute_url()).status_code == 404
    for name in EXPORTS:
        assert stranger.get(reverse(name, args=[assessment.pk])).status_code == 404
    assert answer(stranger, assessment, key).status_code == 404
    for name in ["governance:complete", "governance:share", "governance:upgrade"]:
        assert stranger.post(reverse(name, args=[assessment.pk])).status_code == 404
    assert not Answer.objects.exists()
    # A forged cookie is no better than none.
    stranger.cookies[f"assessment_{assessment.pk.hex}"] = "guess"
    assert stranger.get(assessment.get_absolute_url()).status_code == 404


def test_a_shared_assessment_is_readable_but_not_editable_without_the_token(client):
    assessment = start(client)
    key = items_of(assessment.checklist_version)[0].key
    assert answer(client, assessment, key, note="소유자의 메모").status_code == 302
    assert (
        client.post(reverse("governance:share", args=[assessment.pk]), {"shared": "1"}).status_code
        == 302
    )

    reader = Client()
    page = reader.get(assessment.get_absolute_url())
    assert page.status_code == 200
    body = page.content.decode()
    assert "소유자의 메모" in body
    assert 'class="answer-form"' not in body and 'id="complete"' not in body
    for name in EXPORTS:
        assert reader.get(reverse(name, args=[assessment.pk])).status_code == 200
    assert answer(reader, assessment, key, note="남의 메모").status_code == 403
    assert (
        reader.post(reverse("governance:share", args=[assessment.pk]), {"shared": "0"}).status_code
        == 403
    )
    assert Answer.objects.get().note == "소유자의 메모"

    client.post(reverse("governance:share", args=[assessment.pk]), {"shared": "0"})
    assert reader.get(assessment.get_absolute_url()).status_code == 404


def test_the_private_edit_link_gives_another_browser_the_right_to_edit(client):
    assessment = start(client)
    link = edit_link_of(client, assessment)
    key = items_of(assessment.checklist_version)[0].key
    other = Client()
    response = other.get(link)
    assert response.status_code == 302
    assert response["Location"] == assessment.get_absolute_url()  # the token leaves the URL
    assert other.get(assessment.get_absolute_url()).status_code == 200
    assert answer(other, assessment, key, status="no").status_code == 302
    assert Answer.objects.get().status == "no"

    wrong = link.rstrip("/")[:-3] + "xyz/"
    assert Client().get(wrong).status_code == 404


def test_editing_with_the_token_works_and_pages_are_not_cached(client):
    assessment = start(client)
    page = client.get(assessment.get_absolute_url())
    assert "no-store" in page["Cache-Control"]
    key = items_of(assessment.checklist_version)[1].key
    assert answer(client, assessment, key, status="partial").status_code == 302
    assert Answer.objects.get(item__key=key).status == "partial"
