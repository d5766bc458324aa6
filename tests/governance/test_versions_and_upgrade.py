"""Checklist versions in the admin (copy, edit the draft, publish; published is read-only)
and moving an assessment to the newest version by stable keys."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from governance.models import ChecklistItem, ChecklistSection, ChecklistVersion
from governance.selectors import newest_published_version
from playbook.models import Principle
from tests.governance.helpers import answer, checklist, items_of, start

pytestmark = pytest.mark.django_db


def run_action(client, action, version):
    return client.post(
        reverse("admin:governance_checklistversion_changelist"),
        {"action": action, ACTION_CHECKBOX_NAME: [str(version.pk)]},
    )


def make_version_2(editor_client):
    """Copy v1 in the admin, drop one item, add one, reword one, publish."""
    v1 = newest_published_version(checklist=checklist())
    assert run_action(editor_client, "copy_as_draft", v1).status_code == 302
    v2 = ChecklistVersion.objects.get(checklist=v1.checklist, number=2)
    assert v2.status == "draft"
    assert [i.key for i in items_of(v2)] == [i.key for i in items_of(v1)]
    principle = Principle.objects.get(title_en="Work Trials")
    copied = ChecklistItem.objects.get(section__version=v2, key="model-cards")
    assert list(copied.principles.all()) == list(
        ChecklistItem.objects.get(section__version=v1, key="model-cards").principles.all()
    )

    ChecklistItem.objects.get(section__version=v2, key="evals-published").delete()
    ChecklistItem.objects.get(section__version=v2, key="ai-audit").delete()
    section = ChecklistSection.objects.filter(version=v2).first()
    added = ChecklistItem.objects.create(
        section=section,
        key="red-teaming",
        prompt="레드팀 테스트를 합니까?",
        weight=2,
        required=True,
    )
    added.principles.add(principle)
    item = ChecklistItem.objects.get(section__version=v2, key="model-cards")
    change = editor_client.post(
        reverse("admin:governance_checklistitem_change", args=[item.pk]),
        {
            "section": str(item.section_id),
            "key": item.key,
            "prompt_ko": "모델 카드를 쓰고 갱신합니까?",
            "principles": [str(p.pk) for p in item.principles.all()],
            "weight": "2",
            "required": "on",
            "order": str(item.order),
        },
    )
    assert change.status_code == 302, change.content.decode()[:3000]

    assert run_action(editor_client, "publish", v2).status_code == 302
    v2.refresh_from_db()
    assert v2.is_published and v2.published_at is not None
    return v1, v2


def test_published_versions_are_read_only_in_the_admin(editor_client):
    item = ChecklistItem.objects.first()
    url = reverse("admin:governance_checklistitem_change", args=[item.pk])
    page = editor_client.get(url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()  # a view, not a form
    response = editor_client.post(url, {"key": item.key, "prompt_ko": "바뀌면 안 됨"})
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.prompt != "바뀌면 안 됨"
    version = item.section.version
    delete = reverse("admin:governance_checklistversion_delete", args=[version.pk])
    assert editor_client.post(delete, {"post": "yes"}).status_code == 403
    assert ChecklistVersion.objects.filter(pk=version.pk).exists()


def test_publishing_an_empty_draft_is_refused(editor_client):
    draft = ChecklistVersion.objects.create(checklist=checklist(), number=7)
    response = run_action(editor_client, "publish", draft)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_upgrade_carries_answers_by_key_and_lists_the_rest(client, editor_client):
    owner = client.__class__()
    assessment = start(owner)
    v1_items = {i.key: i for i in items_of(assessment.checklist_version)}
    answer(owner, assessment, "model-cards", status="yes", note="카드 있음")
    answer(owner, assessment, "evals-published", status="no", note="아직 비공개")
    answer(owner, assessment, "ai-audit", status="partial", evidence_url="https://audit.example/")
    answer(owner, assessment, "risk-registry", status="na", justification="위험 목록 없음 사유")
    owner.post(reverse("governance:complete", args=[assessment.pk]))  # refused: not all answered

    page = owner.get(assessment.get_absolute_url()).content.decode()
    assert 'id="upgrade"' not in page  # nothing newer yet

    v1, v2 = make_version_2(editor_client)
    page = owner.get(assessment.get_absolute_url()).content.decode()
    assert 'id="upgrade"' in page
    response = owner.post(reverse("governance:upgrade", args=[assessment.pk]))
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.checklist_version == v2

    answers = {a.item.key: a for a in assessment.answers.select_related("item__section")}
    assert set(answers) == {"model-cards", "risk-registry"}
    assert all(a.item.section.version_id == v2.pk for a in answers.values())
    assert answers["model-cards"].note == "카드 있음"
    assert answers["model-cards"].item.prompt == "모델 카드를 쓰고 갱신합니까?"
    assert answers["risk-registry"].justification == "위험 목록 없음 사유"

    left = {entry["key"]: entry for entry in assessment.not_carried_over}
    assert set(left) == {"evals-published", "ai-audit"}
    assert left["evals-published"]["note"] == "아직 비공개"
    assert left["ai-audit"]["evidence_url"] == "https://audit.example/"
    assert left["ai-audit"]["prompt"] == v1_items["ai-audit"].prompt
    assert left["ai-audit"]["from_version"] == 1

    page = owner.get(assessment.get_absolute_url()).content.decode()
    assert 'id="not-carried-over"' in page
    assert 'data-key="evals-published"' in page and 'data-key="ai-audit"' in page
    assert 'id="item-red-teaming"' in page  # the new item, waiting for an answer
    assert 'data-key="red-teaming"' in page  # ... and listed as a required item left
    assert 'id="upgrade"' not in page
    again = owner.post(reverse("governance:upgrade", args=[assessment.pk]))
    assert again.status_code == 409

    # v1 stays as it was: assessments still pinned to it keep their questions.
    assert len(items_of(v1)) == 25


def test_the_principle_page_lists_items_of_the_newest_version_once(client, editor_client):
    make_version_2(editor_client)
    principle = Principle.objects.get(title_en="Work Trials")
    body = client.get(principle.get_absolute_url()).content.decode()
    assert body.count("#item-red-teaming") == 1
    item = ChecklistItem.objects.filter(key="model-cards").first()
    target = item.principles.first()
    body = client.get(target.get_absolute_url()).content.decode()
    assert body.count("#item-model-cards") == 1
    assert "모델 카드를 쓰고 갱신합니까?" in body  # the wording of version 2
