"""Limits come from one constant each, and who may preview Markdown or edit principles is
decided by the permission that the action itself needs."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance import exports
from playbook.forms import LiveUpdateForm
from playbook.models import Section
from tests.governance.helpers import start

pytestmark = pytest.mark.django_db


def user_with(*codenames, username="someone"):
    user = get_user_model().objects.create_user(username, password="a-long-pass-12345")
    user.is_staff = True
    user.save()
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


@pytest.mark.parametrize("codename", ["change_team", "change_talk", "change_checklistitem"])
def test_whoever_writes_markdown_anywhere_may_preview_it(client, codename):
    client.force_login(user_with(codename))
    response = client.post(reverse("playbook:markdown-preview"), {"source": "**굵게**"})
    assert response.status_code == 200
    assert "<strong>굵게</strong>" in response.content.decode()


def test_who_writes_no_markdown_may_not_preview(client):
    client.force_login(user_with("view_team"))
    response = client.post(reverse("playbook:markdown-preview"), {"source": "x"})
    assert response.status_code == 403


def test_edit_principle_is_offered_only_with_the_permission_it_needs(client, editor):
    live = Section.objects.get(is_live=True)
    principle = live.principles.filter(is_published=True).first()
    edit_url = reverse("playbook:principle-edit", args=[principle.slug])

    client.force_login(user_with("add_liveupdate", "change_liveupdate"))
    page = client.get(live.get_absolute_url()).content.decode()
    assert reverse("playbook:update-create", args=[live.slug]) in page  # may post updates
    assert edit_url not in page
    assert client.get(edit_url).status_code == 403  # the view agrees

    client.force_login(editor)
    assert edit_url in client.get(live.get_absolute_url()).content.decode()


def test_the_update_box_takes_its_length_limit_from_the_form(editor_client, monkeypatch):
    monkeypatch.setattr(LiveUpdateForm.base_fields["body"], "max_length", 1234)
    live = Section.objects.get(is_live=True)
    page = editor_client.get(live.get_absolute_url()).content.decode()
    assert 'maxlength="1234"' in page


def test_the_subject_limit_in_messages_is_the_constant(client, monkeypatch):
    assessment = start(client)
    document = json.loads(
        client.get(reverse("governance:export-json", args=[assessment.pk])).content
    )
    monkeypatch.setattr(exports, "SUBJECT_MAX", 5)
    document["subject"] = "여섯 글자 이상"
    with pytest.raises(ValidationError) as error:
        exports.import_json(json.dumps(document))
    assert "5" in " ".join(error.value.messages)
