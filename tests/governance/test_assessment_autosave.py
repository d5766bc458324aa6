"""Saving answers as they change: versions that refuse to overwrite another tab's save,
answers locked by "mark complete" until "reopen", POST/redirect/GET, and exports that
download under a file name."""

import pytest
from django.test import Client
from django.urls import reverse

from governance.models import Answer
from tests.governance.helpers import answer, items_of, start

pytestmark = pytest.mark.django_db


def second_tab(client, assessment):
    """Another browser holding the same edit token (the same private link)."""
    other = Client()
    other.cookies = client.cookies
    return other


def test_a_save_from_a_stale_page_is_refused_and_shows_what_is_saved(client):
    assessment = start(client)
    key = items_of(assessment.checklist_version)[0].key
    other = second_tab(client, assessment)
    # Both tabs show the item unanswered (version 0); the first one saves.
    assert answer(client, assessment, key, htmx=True, status="yes", version="0").status_code == 200
    refused = answer(other, assessment, key, htmx=True, status="no", note="다른 탭", version="0")
    assert refused.status_code == 409
    body = refused.content.decode()
    assert f'id="{key}-conflict"' in body and 'role="alert"' in body
    assert 'name="replace" value="1"' in body  # "save mine instead" names what it replaces
    saved = Answer.objects.get(assessment=assessment, item__key=key)
    assert (saved.status, saved.note, saved.version) == ("yes", "", 1)  # not overwritten

    # The reader chooses to keep theirs: the button names the version saved elsewhere.
    kept = answer(other, assessment, key, htmx=True, status="no", note="다른 탭", replace="1")
    assert kept.status_code == 200
    saved.refresh_from_db()
    assert (saved.status, saved.note, saved.version) == ("no", "다른 탭", 2)
    assert f'id="version-{key}" value="2"' in kept.content.decode()
    # The first tab still shows version 1: its next save is refused in turn.
    assert answer(client, assessment, key, htmx=True, status="yes", version="1").status_code == 409


def test_a_stale_plain_form_gets_the_page_with_the_conflict_and_the_typed_answer(client):
    assessment = start(client)
    key = items_of(assessment.checklist_version)[0].key
    answer(client, assessment, key, status="yes", version="0")
    response = answer(client, assessment, key, status="partial", note="내 메모", version="0")
    assert response.status_code == 409
    body = response.content.decode()
    assert f'id="{key}-conflict"' in body and "내 메모" in body and "<html" in body


def test_a_version_that_is_not_a_number_is_a_400(client):
    assessment = start(client)
    key = items_of(assessment.checklist_version)[0].key
    assert answer(client, assessment, key, version="abc").status_code == 400
    assert answer(client, assessment, key, version="-1").status_code == 400
    assert not Answer.objects.exists()


def complete_all(client, assessment):
    for item in items_of(assessment.checklist_version):
        assert answer(client, assessment, item.key, status="yes").status_code == 302
    return client.post(reverse("governance:complete", args=[assessment.pk]))


def test_complete_locks_the_answers_until_reopened(client):
    assessment = start(client)
    key = items_of(assessment.checklist_version)[0].key
    completed = complete_all(client, assessment)
    assert completed.status_code == 302
    assert completed["Location"] == f"{assessment.get_absolute_url()}#results"  # a GET page

    page = client.get(assessment.get_absolute_url()).content.decode()
    assert "data-answer-form" not in page  # no answer forms while complete
    assert f'action="{reverse("governance:reopen", args=[assessment.pk])}"' in page
    assert "data-autosave" not in page

    locked = answer(client, assessment, key, htmx=True, status="no")
    assert locked.status_code == 409
    assert f'id="{key}-locked"' in locked.content.decode()
    assert Answer.objects.get(assessment=assessment, item__key=key).status == "yes"

    reopened = client.post(reverse("governance:reopen", args=[assessment.pk]))
    assert reopened.status_code == 302 and reopened["Location"].endswith("#results")
    assessment.refresh_from_db()
    assert assessment.completed_at is None
    assert answer(client, assessment, key, htmx=True, status="no").status_code == 200
    assert Answer.objects.get(assessment=assessment, item__key=key).status == "no"


def test_only_the_owner_may_reopen(client):
    assessment = start(client)
    complete_all(client, assessment)
    client.post(reverse("governance:share", args=[assessment.pk]), {"shared": "1"})
    reader = Client()
    assert reader.post(reverse("governance:reopen", args=[assessment.pk])).status_code == 403
    assessment.refresh_from_db()
    assert assessment.completed_at is not None
    assert "reopen" not in reader.get(assessment.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("name", "extension"),
    [
        ("governance:export-md", "md"),
        ("governance:export-csv", "csv"),
        ("governance:export-json", "json"),
    ],
)
def test_exports_download_under_a_file_name(client, name, extension):
    assessment = start(client, subject="Support chatbot v2")
    response = client.get(reverse(name, args=[assessment.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="support-chatbot-v2.{extension}"'
    )
    korean = start(client, subject="고객 상담 챗봇")
    header = client.get(reverse(name, args=[korean.pk]))["Content-Disposition"]
    assert header.startswith("attachment; filename*=utf-8''")
    assert header.endswith(f".{extension}") and "%EA%B3%A0%EA%B0%9D" in header
