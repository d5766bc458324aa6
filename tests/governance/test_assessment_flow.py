"""The whole assessment over HTTP, as a reader runs it: start, answer, score, complete,
export and import again."""

import csv
import io
import json
from fractions import Fraction

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from governance.models import Assessment
from tests.governance.helpers import CHECKLIST, answer, checklist, items_of, start

pytestmark = pytest.mark.django_db

# Every section of the seed checklist has five items; each gets the same pattern.
PATTERN = ["yes", "partial", "no", "na", "yes"]
VALUE = {"yes": Fraction(1), "partial": Fraction(1, 2), "no": Fraction(0)}


def fill_in(client, assessment, items):
    expected = {}
    for index, item in enumerate(items):
        status = PATTERN[index % 5]
        fields = {
            "status": status,
            "note": f"메모 {item.key}\n두 번째 줄 <b>굵게?</b>",
            "evidence_url": f"https://example.org/evidence/{index}" if index % 2 else "",
            "justification": "이 시스템은 사람을 평가하지 않습니다." if status == "na" else "",
        }
        response = answer(client, assessment, item.key, htmx=index % 2 == 0, **fields)
        assert response.status_code in (200, 302), response.content.decode()[:1000]
        expected[item.key] = fields
    return expected


def test_the_whole_flow(client):
    assessment = start(client)
    page = client.get(assessment.get_absolute_url())
    assert page.status_code == 200
    body = page.content.decode()
    assert 'id="edit-link"' in body  # the private edit link, shown once ...
    assert 'id="edit-link"' not in client.get(assessment.get_absolute_url()).content.decode()

    items = items_of(assessment.checklist_version)
    # The hand computation below rests on the seed's weights and required flags.
    assert [i.weight for i in items] == [
        3, 2, 2, 1, 1,  3, 3, 2, 2, 1,  3, 2, 3, 3, 3,  2, 3, 1, 2, 1,  3, 2, 2, 2, 2,
    ]  # fmt: skip
    assert [i.key for i in items if i.required] == [
        "ethical-review-every-stage", "ethics-code-culture-deck",
        "model-evaluations-across-scenarios", "explainability-standard",
        "bias-detection-mitigation", "user-impact-evaluation", "user-rights-protection",
        "data-governance-privacy-first", "model-cards", "impact-assessments", "risk-registry",
        "ai-governance-officer", "continuous-monitoring",
    ]  # fmt: skip

    # Refused, and back to the page (never a page at the POST address), which says why.
    refused = client.post(reverse("governance:complete", args=[assessment.pk]))
    assert refused.status_code == 302
    page = client.get(refused["Location"]).content.decode()
    assert page.count('data-key="') >= 13  # every required item listed
    assert 'class="field-error" role="alert"' in page

    expected = fill_in(client, assessment, items)

    # By hand, pattern yes, partly, no, n/a, yes on each section's weights:
    #   1: (3 + 1   + 0 + 1) / (3+2+2+1) = 5   / 8  = 62.5 % → 63 %
    #   2: (3 + 1.5 + 0 + 1) / (3+3+2+1) = 5.5 / 9  = 61.1 % → 61 %
    #   3: (3 + 1   + 0 + 3) / (3+2+3+3) = 7   / 11 = 63.6 % → 64 %
    #   4: (2 + 1.5 + 0 + 1) / (2+3+1+1) = 4.5 / 7  = 64.3 % → 64 %
    #   5: (3 + 1   + 0 + 2) / (3+2+2+2) = 6   / 9  = 66.7 % → 67 %
    #   total: 28 / 44 = 63.6 % → 64 %
    data = json.loads(client.get(reverse("governance:export-json", args=[assessment.pk])).content)
    assert [s["score"]["percent"] for s in data["sections"]] == [63, 61, 64, 64, 67]
    assert [s["score"]["earned"] for s in data["sections"]] == ["5", "5.5", "7", "4.5", "6"]
    assert [s["score"]["possible"] for s in data["sections"]] == [8, 9, 11, 7, 9]
    assert data["score"] == {
        "percent": 64, "earned": "28", "possible": 44, "answered": 25, "items": 25,
    }  # fmt: skip
    # The same by formula, so the pattern and the numbers above cannot drift apart.
    earned = sum(i.weight * VALUE[PATTERN[n % 5]] for n, i in enumerate(items) if n % 5 != 3)
    possible = sum(i.weight for n, i in enumerate(items) if n % 5 != 3)
    assert (earned, possible) == (28, 44)
    # Required items answered "no" are the open risks: only the third item of section 3.
    assert data["open_risks"] == ["user-impact-evaluation"]

    body = client.get(assessment.get_absolute_url()).content.decode()
    assert 'id="total-score">64%<' in body
    assert '<progress id="progress-bar" max="25" value="25">' in body
    assert "&lt;b&gt;굵게?&lt;/b&gt;" in body and "<b>굵게?</b>" not in body

    completed = client.post(reverse("governance:complete", args=[assessment.pk]))
    assert completed.status_code == 302
    assessment.refresh_from_db()
    assert assessment.completed_at is not None

    markdown = client.get(reverse("governance:export-md", args=[assessment.pk]))
    assert markdown["Content-Type"] == "text/markdown; charset=utf-8"
    text = markdown.content.decode()
    assert text.startswith("# 고객 상담 챗봇 v2\n")
    assert text.count("- [x] **") == 10  # the yes answers, ticked as in deon
    assert text.count("- [ ] **") == 15
    assert "    두 번째 줄" in text  # a note's second line stays inside its list item

    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get(reverse("governance:export-csv", args=[assessment.pk])).content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    assert len(rows) == 25
    assert {r["key"]: r["status"] for r in rows} == {k: v["status"] for k, v in expected.items()}

    exported = client.get(reverse("governance:export-json", args=[assessment.pk])).content
    upload = SimpleUploadedFile("export.json", exported, content_type="application/json")
    imported = client.post(
        reverse("governance:assessment-import", args=[CHECKLIST]), {"file": upload}
    )
    assert imported.status_code == 302
    copy = Assessment.objects.exclude(pk=assessment.pk).get(subject=assessment.subject)
    assert imported["Location"] == copy.get_absolute_url()
    assert copy.completed_at == assessment.completed_at
    assert copy.checklist_version == assessment.checklist_version
    assert answers_of(copy) == answers_of(assessment) == expected_answers(expected)
    assert client.get(copy.get_absolute_url()).status_code == 200  # the importer may edit it


def answers_of(assessment):
    return {
        a.item.key: {
            "status": a.status,
            "note": a.note,
            "evidence_url": a.evidence_url,
            "justification": a.justification,
        }
        for a in assessment.answers.select_related("item")
    }


def expected_answers(expected):
    return {key: dict(fields) for key, fields in expected.items()}


def test_import_command_recreates_the_assessment(client, tmp_path):
    assessment = start(client)
    items = items_of(assessment.checklist_version)
    answer(client, assessment, items[0].key, status="partial", note="반쯤")
    answer(client, assessment, items[3].key, status="na", justification="해당 없음 이유")
    path = tmp_path / "export.json"
    path.write_bytes(client.get(reverse("governance:export-json", args=[assessment.pk])).content)
    out = io.StringIO()
    call_command("import_assessment", str(path), stdout=out)
    copy = Assessment.objects.exclude(pk=assessment.pk).get()
    assert copy.get_absolute_url() in out.getvalue()
    assert "/claim/#" in out.getvalue()  # the private edit link, printed once
    assert answers_of(copy) == answers_of(assessment)
    assert len(answers_of(copy)) == 2


def test_a_broken_import_says_why_on_the_checklist_page(client):
    url = reverse("governance:assessment-import", args=[CHECKLIST])
    upload = SimpleUploadedFile("export.json", b"{not json", content_type="application/json")
    response = client.post(url, {"file": upload})
    assert response.status_code == 400
    assert 'id="id_file-error"' in response.content.decode()

    for odd in [
        [],
        {"format": "x"},
        {
            "format": "tiny-teams-playbook/assessment",
            "format_version": 1,
            "checklist": "x",
            "answers": 3,
        },
    ]:
        upload = SimpleUploadedFile("e.json", json.dumps(odd).encode())
        assert client.post(url, {"file": upload}).status_code == 400

    document = {
        "format": "tiny-teams-playbook/assessment",
        "format_version": 1,
        "checklist": {"slug": CHECKLIST, "version": 1},
        "subject": "x",
        "answers": [
            {"key": "model-cards", "status": "maybe"},
            {"key": "no-such-item", "status": "yes"},
            {"key": "ai-audit", "status": "yes", "evidence_url": "javascript:alert(1)"},
        ],
    }
    upload = SimpleUploadedFile("e.json", json.dumps(document).encode())
    response = client.post(url, {"file": upload})
    assert response.status_code == 400
    body = response.content.decode()
    assert "no-such-item" in body and "model-cards (status)" in body
    assert "ai-audit (evidence_url)" in body
    assert not Assessment.objects.exists()
    assert checklist().versions.count() == 1
