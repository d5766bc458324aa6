"""The public log of edits at /changes/: every kind of the registry that keeps a history,
with display names and never an email."""

import pytest
from django.urls import reverse
from django.utils import translation

from core.kinds import kinds_with_history
from discussions.services import dilemma_submit, dilemmas_moderate
from playbook import services
from playbook.models import Section

pytestmark = pytest.mark.django_db


def test_public_changes_page_lists_edits_with_display_names(client, editor, edited):
    editor.first_name = "민지"
    editor.email = "minji@example.org"
    editor.save()
    live = Section.objects.get(is_live=True)
    services.live_update_create(section=live, author=editor, body="현장 소식")
    response = client.get(reverse("changes"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "셋째 제목" in html and "현장 소식" in html
    assert "민지" in html
    assert "minji@example.org" not in html and "minji" not in html.lower()
    assert edited[0].get_absolute_url() in html
    second = client.get(reverse("changes"), {"page": 2})
    assert second.status_code == 200  # the seed alone fills more than one page
    assert client.get(reverse("changes"), {"page": "junk"}).status_code == 200


def test_every_kind_with_history_is_listed_with_its_label(client, editor, edited):
    live = Section.objects.get(is_live=True)
    services.live_update_create(section=live, author=editor, body="라벨 시험")
    dilemma = dilemma_submit(
        kind="section", item_id=live.pk, text="라벨 딜레마", display_name="",
        language="ko", submitter_hash="0" * 64,
    )  # fmt: skip
    dilemmas_moderate(dilemmas=[dilemma], status="approved", moderator=editor)
    html = client.get(reverse("changes")).content.decode()
    with translation.override("en"):
        assert {str(kind.label).lower() for kind in kinds_with_history()} == {
            "principle",
            "live update",
            "team",
            "talk",
            "dilemma",
        }
    for label in {str(kind.label).lower() for kind in kinds_with_history()}:
        assert f'<span class="badge">{label}</span>' in html, label
