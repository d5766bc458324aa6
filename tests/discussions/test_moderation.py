"""Editors moderate in the admin: the queue of pending dilemmas, approve / reject /
feature (in bulk too), the moderator and time recorded, every decision in the history."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from discussions.models import Dilemma
from discussions.services import ModerationError, dilemmas_moderate
from tests.conftest import PASSWORD
from tests.discussions.helpers import make_dilemma

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:discussions_dilemma_changelist"


def test_decisions_record_the_moderator_and_time_and_keep_the_history(principle, editor):
    dilemma = make_dilemma("principle", principle, "결정을 기다리는 딜레마")
    assert (dilemma.moderated_by, dilemma.moderated_at) == (None, None)
    for status in ("approved", "featured", "approved", "rejected", "approved"):
        changed = dilemmas_moderate(dilemmas=[dilemma], status=status, moderator=editor)
        assert [d.pk for d in changed] == [dilemma.pk]
        dilemma.refresh_from_db()
        assert dilemma.status == status and dilemma.moderated_by == editor
        assert dilemma.moderated_at is not None
    history = list(dilemma.history.order_by("history_date").values_list("status", "history_user"))
    assert history == [
        ("pending", None),
        ("approved", editor.pk),
        ("featured", editor.pk),
        ("approved", editor.pk),
        ("rejected", editor.pk),
        ("approved", editor.pk),
    ]


def test_the_same_decision_twice_changes_nothing_and_pending_is_not_a_decision(principle, editor):
    dilemma = make_dilemma("principle", principle)
    dilemmas_moderate(dilemmas=[dilemma], status="approved", moderator=editor)
    assert dilemmas_moderate(dilemmas=[dilemma], status="approved", moderator=editor) == []
    assert dilemma.history.count() == 2
    with pytest.raises(ModerationError):
        dilemmas_moderate(dilemmas=[dilemma], status="pending", moderator=editor)
    with pytest.raises(ModerationError):
        dilemmas_moderate(dilemmas=[dilemma], status="deleted", moderator=editor)


def test_the_admin_opens_on_the_queue_and_says_how_long_it_is(editor_client, principle, editor):
    waiting = [make_dilemma("principle", principle, f"대기 {n}") for n in range(3)]
    dilemmas_moderate(dilemmas=[waiting[0]], status="rejected", moderator=editor)
    index = editor_client.get(reverse("admin:index")).content.decode()
    assert 'id="pending-dilemmas"' in index
    assert "2" in index.split('id="pending-dilemmas"')[1].split("</div>")[0]
    queue = editor_client.get(reverse(CHANGELIST)).content.decode()
    assert "대기 1" in queue and "대기 2" in queue and "대기 0" not in queue
    everything = editor_client.get(reverse(CHANGELIST), {"status": "all"}).content.decode()
    assert "대기 0" in everything


@pytest.mark.parametrize(
    "action,status", [("approve", "approved"), ("reject", "rejected"), ("feature", "featured")]
)
def test_bulk_actions(editor_client, principle, editor, action, status):
    dilemmas = [make_dilemma("principle", principle, f"묶음 {n}") for n in range(3)]
    response = editor_client.post(
        reverse(CHANGELIST),
        {"action": action, "_selected_action": [d.pk for d in dilemmas[:2]]},
    )
    assert response.status_code == 302
    assert sorted(Dilemma.objects.values_list("status", flat=True)) == sorted(
        [status, status, "pending"]
    )
    decided = Dilemma.objects.exclude(status="pending")
    assert {d.moderated_by_id for d in decided} == {editor.pk}
    assert all(d.history.first().history_user_id == editor.pk for d in decided)


def test_the_change_form_decides_through_the_service_and_cannot_edit_the_text(
    editor_client, principle, editor
):
    dilemma = make_dilemma("principle", principle, "원문 그대로")
    url = reverse("admin:discussions_dilemma_change", args=[dilemma.pk])
    page = editor_client.get(url).content.decode()
    assert 'name="text"' not in page and "원문 그대로" in page
    response = editor_client.post(url, {"status": "featured", "text": "바꾼 글"})
    assert response.status_code == 302
    dilemma.refresh_from_db()
    assert dilemma.status == "featured" and dilemma.text == "원문 그대로"
    assert dilemma.moderated_by == editor
    # The queue cannot be re-entered: pending is not offered once decided.
    select = editor_client.get(url).content.decode().split('name="status"')[1].split("</select>")[0]
    assert 'value="pending"' not in select and 'value="rejected"' in select
    assert editor_client.post(url, {"status": "pending"}).status_code == 200
    dilemma.refresh_from_db()
    assert dilemma.status == "featured"


def test_nobody_adds_dilemmas_in_the_admin_and_editors_do_not_delete(editor_client, principle):
    dilemma = make_dilemma("principle", principle)
    assert editor_client.get(reverse("admin:discussions_dilemma_add")).status_code == 403
    assert (
        editor_client.get(
            reverse("admin:discussions_dilemma_delete", args=[dilemma.pk])
        ).status_code
        == 403
    )
    assert (
        editor_client.get(
            reverse("admin:discussions_dilemma_history", args=[dilemma.pk])
        ).status_code
        == 200
    )


def test_permission_matrix(principle, staff_outsider, editor):
    """anonymous → sign in; staff outside Editors → refused; editors → allowed."""
    dilemma = make_dilemma("principle", principle)
    client, editor_client = Client(), Client()
    editor_client.force_login(editor)
    action = {"action": "approve", "_selected_action": [dilemma.pk]}
    anonymous = client.post(reverse(CHANGELIST), action)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    client.force_login(staff_outsider)
    assert client.get(reverse(CHANGELIST)).status_code == 403
    assert client.post(reverse(CHANGELIST), action).status_code == 403
    reader = get_user_model().objects.create_user("reader", password=PASSWORD)
    client.force_login(reader)
    assert client.post(reverse(CHANGELIST), action).status_code == 302  # to the sign-in page
    dilemma.refresh_from_db()
    assert dilemma.status == "pending"
    assert editor_client.post(reverse(CHANGELIST), action).status_code == 302
    dilemma.refresh_from_db()
    assert dilemma.status == "approved"
