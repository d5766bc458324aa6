"""Bad input on an answer: a message next to the field, a 4xx, and nothing else lost."""

import pytest

from governance.models import NOTE_MAX, Answer
from tests.governance.helpers import answer, items_of, start

pytestmark = pytest.mark.django_db

CASES = {
    "invalid status": ({"status": "maybe"}, "status"),
    "no status": ({"status": ""}, "status"),
    "n/a without justification": ({"status": "na", "justification": "  "}, "justification"),
    "javascript: evidence": ({"evidence_url": "javascript:alert(1)"}, "evidence"),
    "data: evidence": ({"evidence_url": "data:text/html,<script>x</script>"}, "evidence"),
    "ftp evidence": ({"evidence_url": "ftp://example.org/file"}, "evidence"),
    "not a url": ({"evidence_url": "https://"}, "evidence"),
    "oversized note": ({"note": "가" * (NOTE_MAX + 1)}, "note"),
    "oversized justification": ({"status": "na", "justification": "x" * 2001}, "justification"),
}


@pytest.fixture
def answered(client):
    assessment = start(client)
    first, second = items_of(assessment.checklist_version)[:2]
    answer(client, assessment, first.key, status="partial", note="지켜야 할 메모")
    answer(
        client,
        assessment,
        second.key,
        status="yes",
        note="이전 답",
        evidence_url="https://a.example/",
    )
    return assessment, first, second


@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_refused_next_to_its_field(client, answered, case, htmx):
    assessment, first, second = answered
    fields, field_id = CASES[case]
    typed = {"note": "방금 쓴 메모", **fields}
    response = answer(client, assessment, second.key, htmx=htmx, **typed)
    assert response.status_code == 422
    body = response.content.decode()
    assert f'id="{second.key}-{field_id}-error"' in body
    assert 'class="field-error"' in body
    if htmx:
        # Only the row's problems box and saved state: what the reader typed stays in the
        # browser's form, untouched.
        assert body.lstrip().startswith(f'<div id="problems-{second.key}"')
        assert "지켜야 할 메모" not in body and "<form" not in body
    else:
        assert "지켜야 할 메모" in body  # the whole page, other answers intact
        if "note" not in fields:
            assert "방금 쓴 메모" in body  # what was typed comes back, not lost
    saved = {a.item_id: a for a in Answer.objects.all()}
    assert saved[first.pk].note == "지켜야 할 메모"
    assert (saved[second.pk].status, saved[second.pk].note) == ("yes", "이전 답")
    assert saved[second.pk].evidence_url == "https://a.example/"


def test_an_unknown_item_is_404(client):
    assessment = start(client)
    assert answer(client, assessment, "no-such-item").status_code == 404


def test_a_subject_is_required_to_start(client):
    from django.urls import reverse

    response = client.post(
        reverse("governance:assessment-start", args=["responsible-ai-development"]),
        {"subject": "  "},
    )
    assert response.status_code == 400
    assert 'id="id_subject-error"' in response.content.decode()
