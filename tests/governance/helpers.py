"""Shared steps of the assessment tests: a reader starting and answering over HTTP."""

from django.urls import reverse

from governance.models import Assessment, Checklist, ChecklistItem

CHECKLIST = "responsible-ai-development"


def checklist():
    return Checklist.objects.get(slug=CHECKLIST)


def items_of(version):
    return list(
        ChecklistItem.objects.filter(section__version=version).order_by(
            "section__order", "order", "id"
        )
    )


def start(client, subject="고객 상담 챗봇 v2"):
    response = client.post(
        reverse("governance:assessment-start", args=[CHECKLIST]), {"subject": subject}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    assessment = Assessment.objects.get(subject=subject)
    assert response["Location"] == assessment.get_absolute_url()
    return assessment


def answer(client, assessment, key, htmx=False, **fields):
    data = {"status": "yes", "justification": "", "note": "", "evidence_url": "", **fields}
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(
        reverse("governance:answer", args=[assessment.pk, key]), data, headers=headers
    )
