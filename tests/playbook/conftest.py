import pytest
from django.contrib.auth import get_user_model

from playbook.models import Section


@pytest.fixture
def live():
    return Section.objects.get(is_live=True)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a write's on-commit hooks (the cache refresh), as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def reader_client(client):
    """Signed in, but not an editor."""
    user = get_user_model().objects.create_user("reader", password="a-long-reader-pass-1")
    client.force_login(user)
    return client
