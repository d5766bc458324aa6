import pytest
from django.db import transaction


@pytest.fixture(autouse=True)
def writes_commit_at_once(monkeypatch):
    """The API answers from the cache by content revision, which a commit refreshes
    (core.revision). Each test runs inside one transaction that never commits, so its
    writes run their on-commit hooks at once, as they do in autocommit outside a test."""

    def at_once(func, using=None, robust=False):
        func()

    monkeypatch.setattr(transaction, "on_commit", at_once)
