"""One client cannot fill the database: starting and importing assessments are limited per
address (core/ratelimit.py, in the shared cache)."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from governance.models import Assessment
from tests.governance.helpers import CHECKLIST, start

pytestmark = pytest.mark.django_db

START = reverse("governance:assessment-start", args=[CHECKLIST])
IMPORT = reverse("governance:assessment-import", args=[CHECKLIST])


def test_starting_is_limited_per_address(settings):
    settings.ASSESSMENT_STARTS_PER_HOUR = 3
    client = Client(REMOTE_ADDR="10.5.0.1")
    for number in range(3):
        assert client.post(START, {"subject": f"시스템 {number}"}).status_code == 302
    refused = client.post(START, {"subject": "넷째"})
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert not Assessment.objects.filter(subject="넷째").exists()
    # Another address is not affected.
    other = Client(REMOTE_ADDR="10.5.0.2")
    assert other.post(START, {"subject": "다른 곳"}).status_code == 302


def test_importing_is_limited_per_address(settings):
    settings.ASSESSMENT_IMPORTS_PER_HOUR = 2
    client = Client(REMOTE_ADDR="10.6.0.1")
    assessment = start(client)
    exported = client.get(reverse("governance:export-json", args=[assessment.pk])).content
    assert json.loads(exported)["subject"] == assessment.subject
    statuses = [
        client.post(IMPORT, {"file": SimpleUploadedFile("export.json", exported)}).status_code
        for _ in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert Assessment.objects.filter(subject=assessment.subject).count() == 3


def test_the_limit_counts_the_address_behind_the_proxy(settings):
    settings.ASSESSMENT_STARTS_PER_HOUR = 1
    settings.PROXY_COUNT = 1
    client = Client(REMOTE_ADDR="127.0.0.1")
    first = {"HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    assert client.post(START, {"subject": "a"}, **first).status_code == 302
    assert client.post(START, {"subject": "b"}, **first).status_code == 429
    second = {"HTTP_X_FORWARDED_FOR": "203.0.113.8"}
    assert client.post(START, {"subject": "c"}, **second).status_code == 302
