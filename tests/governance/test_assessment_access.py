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


@pytest.mark.parametrize("who", ["anonymous", "editor"])
def test_signing_in_gives_no_right_to_someone_elses_assessment(client, editor_client, who):
    owner = Client()
    assessment = start(owner)
    key = items_of(assessment.checklist_version)[0].key
    other = editor_client if who == "editor" else client
    assert other.get(assessment.get_absolute_url()).status_code == 404
    assert answer(other, assessment, key).status_code == 404
    assert other.post(reverse("governance:complete", args=[assessment.pk])).status_code == 404
    # Editors manage checklists, not readers' assessments: none in the admin either.
    if who == "editor":
        admin_url = reverse("admin:governance_assessment_change", args=[assessment.pk])
        assert other.get(admin_url).status_code == 403
        assert other.get(reverse("admin:governance_assessment_changelist")).status_code == 403


def test_a_superuser_can_look_at_an_assessment_in_the_admin_but_not_change_it(client):
    from django.contrib.auth import get_user_model

    owner = Client()
    assessment = start(owner)
    answer(owner, assessment, items_of(assessment.checklist_version)[0].key, note="비밀 아님")
    admin = get_user_model().objects.create_superuser("root", password="x-long-pass-9")
    client.force_login(admin)
    url = reverse("admin:governance_assessment_change", args=[assessment.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert client.post(url, {"subject": "바꿈"}).status_code == 403


def test_an_htmx_save_varies_on_hx_request(client):
    assessment = start(client)
    key = items_of(assessment.checklist_version)[0].key
    response = answer(client, assessment, key, htmx=True)
    assert response.status_code == 200
    assert "HX-Request" in response["Vary"]
    body = response.content.decode()
    assert body.lstrip().startswith(f'<li id="item-{key}"')
    for oob in ['id="progress"', 'id="results"', 'id="section-score-']:
        assert oob in body
    assert body.count('hx-swap-oob="true"') == 3
