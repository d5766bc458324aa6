"""Editors' sign-in names never appear in public: bylines, the feed and /changes/ show the
name they gave, or "Editor" (issue 11: public sign-in names made lock-outs cheap)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from core.permissions import EDITORS_GROUP
from playbook.models import Section
from tests.conftest import PASSWORD, edit_principle
from tests.playbook.live_helpers import post_update

pytestmark = pytest.mark.django_db

LOGIN = "minji-signin-7"


def make_editor(**names):
    user = get_user_model().objects.create_user(LOGIN, password=PASSWORD, is_staff=True, **names)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


def public_pages(section):
    reader = Client(headers={"accept-language": "en"})
    return {
        "section": reader.get(section.get_absolute_url()).content.decode(),
        "feed": reader.get(reverse("playbook:section-feed", args=[section.slug])).content.decode(),
        "changes": reader.get(reverse("changes")).content.decode(),
    }


def post_and_edit(user):
    section = Section.objects.filter(is_live=True).first()
    client = Client()
    client.force_login(user)
    assert post_update(client, section, body="공개 이름 소식").status_code == 200
    principle = section.principles.first()
    edit_principle(principle, user, principle.title + " ", principle.summary)
    return section


def test_an_editor_without_a_name_is_shown_as_editor():
    section = post_and_edit(make_editor())
    for where, page in public_pages(section).items():
        assert LOGIN not in page, where
        assert "Editor" in page, where


def test_an_editor_with_a_name_is_shown_by_it():
    section = post_and_edit(make_editor(first_name="Minji", last_name="Kim"))
    for where, page in public_pages(section).items():
        assert LOGIN not in page, where
        assert "Minji Kim" in page, where
