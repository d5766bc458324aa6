import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from core.permissions import EDITORS_GROUP

pytestmark = pytest.mark.django_db


def test_createeditor_makes_a_staff_user_in_the_editors_group(monkeypatch):
    monkeypatch.setenv("PLAYBOOK_EDITOR_PASSWORD", "correct-horse-battery-staple")
    call_command("createeditor", "minji")
    user = get_user_model().objects.get(username="minji")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == [EDITORS_GROUP]
    assert user.check_password("correct-horse-battery-staple")


def test_createeditor_refuses_a_weak_password(monkeypatch):
    monkeypatch.setenv("PLAYBOOK_EDITOR_PASSWORD", "1234")
    with pytest.raises(CommandError, match="Password refused"):
        call_command("createeditor", "minji")
    assert not get_user_model().objects.filter(username="minji").exists()


def test_createeditor_without_a_password_fails_clearly(monkeypatch):
    monkeypatch.delenv("PLAYBOOK_EDITOR_PASSWORD", raising=False)

    def no_terminal(prompt=""):
        raise EOFError

    monkeypatch.setattr("getpass.getpass", no_terminal)
    with pytest.raises(CommandError, match="No password given"):
        call_command("createeditor", "minji")


def test_createeditor_refuses_an_existing_username(monkeypatch, editor):
    monkeypatch.setenv("PLAYBOOK_EDITOR_PASSWORD", "correct-horse-battery-staple")
    with pytest.raises(CommandError, match="already exists"):
        call_command("createeditor", editor.username)
