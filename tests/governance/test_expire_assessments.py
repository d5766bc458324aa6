"""Assessments started and never touched are deleted after a documented time (issue 11,
finding 4): `manage.py expire_assessments`."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from governance import services
from governance.models import Assessment
from tests.governance.helpers import answer, items_of, start

pytestmark = pytest.mark.django_db


def age(assessment, days):
    Assessment.objects.filter(pk=assessment.pk).update(
        updated_at=timezone.now() - timedelta(days=days)
    )


def test_only_old_untouched_empty_assessments_are_deleted(client, settings):
    empty_old = start(client, subject="빈 옛것")
    empty_new = start(client, subject="빈 새것")
    answered_old = start(client, subject="답한 옛것")
    answer(client, answered_old, items_of(answered_old.checklist_version)[0].key)
    tiered_old = start(client, subject="등급 옛것")
    services.assessment_set_risk_tier(assessment=tiered_old, yes=[])
    for assessment in (empty_old, answered_old, tiered_old):
        age(assessment, settings.EMPTY_ASSESSMENT_DAYS + 1)
    age(empty_new, settings.EMPTY_ASSESSMENT_DAYS - 1)

    out = StringIO()
    call_command("expire_assessments", stdout=out)
    assert "Deleted 1 " in out.getvalue()
    left = set(Assessment.objects.values_list("subject", flat=True))
    assert left == {"빈 새것", "답한 옛것", "등급 옛것"}


def test_days_can_be_given(client):
    assessment = start(client, subject="사흘")
    age(assessment, 3)
    call_command("expire_assessments", days=5, stdout=StringIO())
    assert Assessment.objects.filter(pk=assessment.pk).exists()
    call_command("expire_assessments", days=2, stdout=StringIO())
    assert not Assessment.objects.filter(pk=assessment.pk).exists()
