"""Who may read and who may change an assessment: the edit token decides."""

import hashlib
import re

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


def claim(client, link):
    """What the claim page's script does: the code after # goes in the body of a POST."""
    path, code = link.split("#", 1)
    page = client.get(path)
    assert page.status_code == 200 and code not in page.content.decode()
    return client.post(path, {"token": code})


def test_the_private_edit_link_gives_another_browser_the_right_to_edit(client):
    assessment = start(client)
    link = edit_link_of(client, assessment)
    path, code = link.split("#", 1)
    assert code == client.cookies[f"assessment_{assessment.pk.hex}"].value
    assert code not in path  # no server, proxy or log ever sees it
    key = items_of(assessment.checklist_version)[0].key
    other = Client()
    response = claim(other, link)
    assert response.status_code == 303
    assert response["Location"] == assessment.get_absolute_url()
    assert response["Referrer-Policy"] == "no-referrer"
    assert other.get(assessment.get_absolute_url()).status_code == 200
    assert answer(other, assessment, key, status="no").status_code == 302
    assert Answer.objects.get().status == "no"

    stranger = Client()
    refused = claim(stranger, link[:-3] + "xyz")
    assert refused.status_code == 400
    assert f"assessment_{assessment.pk.hex}" not in stranger.cookies
    # An unknown assessment gets the very same page: the address reveals nothing.
    unknown = claim(
        Client(), link.replace(str(assessment.pk), "00000000-0000-4000-8000-000000000000")
    )
    assert unknown.status_code == 400

    def message(response):
        return response.content.decode().split('id="claim-error">', 1)[1].split("<", 1)[0]

    assert message(unknown) == message(refused)


def test_a_new_edit_link_ends_the_old_one(client):
    assessment = start(client)
    old_link = edit_link_of(client, assessment)
    other = Client()
    assert claim(other, old_link).status_code == 303

    response = client.post(reverse("governance:rotate-token", args=[assessment.pk]))
    assert response.status_code == 302
    new_link = edit_link_of(client, assessment)  # shown once, like the first
    assert new_link != old_link
    assert client.get(assessment.get_absolute_url()).status_code == 200  # the owner still edits
    assert other.get(assessment.get_absolute_url()).status_code == 404  # the old holder not
    assert claim(Client(), old_link).status_code == 400
    assert claim(Client(), new_link).status_code == 303
    # Only the owner can make a new link.
    assert other.post(reverse("governance:rotate-token", args=[assessment.pk])).status_code == 404


def test_a_link_made_before_opens_the_assessment_only_by_replacing_its_logged_token(client):
    assessment = start(client)
    old_link = edit_link_of(client, assessment)
    code = old_link.split("#", 1)[1]
    legacy = reverse("governance:assessment-claim-legacy", args=[assessment.pk, code])
    other = Client(enforce_csrf_checks=True)
    asked = other.get(legacy)  # a link preview only asks: nothing is replaced
    assert asked.status_code == 200 and "no-store" in asked["Cache-Control"]
    assert other.get(assessment.get_absolute_url()).status_code == 404
    assert claim(Client(), old_link).status_code == 303  # until replaced, it still works

    csrf = other.cookies["csrftoken"].value
    replaced = other.post(legacy, {"csrfmiddlewaretoken": csrf})
    assert replaced.status_code == 200 and replaced["Referrer-Policy"] == "no-referrer"
    new_link = re.search(r'id="edit-link-url"[^>]*value="([^"]+)"', replaced.content.decode())
    assert new_link and code not in new_link.group(1)
    assert other.get(assessment.get_absolute_url()).status_code == 200  # this browser edits
    assert client.get(assessment.get_absolute_url()).status_code == 404  # the old token not
    assert Client().get(legacy).status_code == 404  # the old link stopped working
    assert claim(Client(), old_link).status_code == 400
    assert claim(Client(), new_link.group(1)).status_code == 303


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
    assert f'id="version-{key}" value="1" data-hx-swap-oob="true"' in body  # out-of-band parts only
    assert f'<li id="item-{key}"' not in body
    for oob in ['id="progress"', 'id="results"', 'id="section-score-']:
        assert oob in body
    # the answer's version, its saved state, its (empty) problems box and the three scores
    assert body.count('data-hx-swap-oob="true"') == 6
