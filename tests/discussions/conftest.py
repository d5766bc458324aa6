import pytest

from playbook.models import Principle, Section
from teams.models import Talk, Team


@pytest.fixture
def principle(db):
    return Principle.objects.published().order_by("pk").first()


@pytest.fixture
def live_section(db):
    return Section.objects.get(is_live=True)


@pytest.fixture
def items(principle, live_section):
    """One item of every kind a dilemma may be about: (kind, item)."""
    return [
        ("principle", principle),
        ("team", Team.objects.get(slug="gamma")),
        ("talk", Talk.objects.order_by("pk").first()),
        ("section", live_section),
    ]
