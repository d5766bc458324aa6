"""One assessment of the playbook checklist seen through the imported frameworks, and a
framework assessment started from its answers."""

import pytest
from django.urls import reverse

from governance.models import Answer, AnswerStatus, Assessment
from tests.governance.crosswalk_helpers import mapped_frameworks
from tests.governance.helpers import answer, start

pytestmark = pytest.mark.django_db


def coverage_of(html: str, slug: str) -> str:
    block = html[html.index(f'data-framework="{slug}"') :]
    return block[: block.index("</div>")]


def test_coverage_counts_framework_items_whose_principles_are_answered(client):
    mapped_frameworks()
    assessment = start(client)
    english = {"Accept-Language": "en"}
    page = client.get(assessment.get_absolute_url(), headers=english).content.decode()
    assert "0 of 3 items covered" in coverage_of(page, "sample-risk-framework")
    answer(client, assessment, "risk-registry", status="no")  # tests the risks principle
    html = client.get(assessment.get_absolute_url(), headers=english).content.decode()
    oscal = coverage_of(html, "sample-risk-framework")
    assert "1 of 3 items covered" in oscal
    remaining = oscal[oscal.index("<details>") :]
    assert "GOVERN 1.1" not in remaining and "MAP 1.1" in remaining and "GOVERN 1.2" in remaining
    assert "0 of 3 items covered" in coverage_of(html, "sample-ethics-checklist")


def test_carrying_over_takes_the_weakest_of_the_mapped_answers(client):
    oscal, deon = mapped_frameworks()
    source = start(client)
    answer(client, source, "risk-registry", status="yes", note="we keep one")
    answer(client, source, "user-impact-evaluation", status="yes")
    answer(client, source, "user-rights-protection", status="partial")
    response = client.post(reverse("governance:carry-over", args=[source.pk, oscal.slug]))
    carried = Assessment.objects.exclude(pk=source.pk).get()
    assert response.status_code == 302 and response["Location"] == carried.get_absolute_url()
    assert carried.checklist_version.checklist == oscal and carried.subject == source.subject
    answers = {
        a.item.key: a for a in Answer.objects.filter(assessment=carried).select_related("item")
    }
    assert set(answers) == {"govern-1-1", "map-1-1"}  # GOVERN 1.2 is mapped to nothing
    assert answers["govern-1-1"].status == AnswerStatus.YES
    assert answers["map-1-1"].status == AnswerStatus.PARTIAL  # yes and partly: partly
    # The new assessment is this browser's to edit, like one started by hand.
    assert client.post(
        reverse("governance:answer", args=[carried.pk, "govern-1-2"]),
        {"status": "no", "justification": "", "note": "", "evidence_url": ""},
    ).status_code in {200, 302}


def test_not_applicable_is_carried_only_when_every_mapped_answer_says_so(client):
    _oscal, deon = mapped_frameworks()
    source = start(client)
    for key in (
        "user-impact-evaluation",
        "user-rights-protection",
        "data-governance-privacy-first",
    ):
        answer(client, source, key, status="na", justification=f"{key} n/a")
    client.post(reverse("governance:carry-over", args=[source.pk, deon.slug]))
    carried = Answer.objects.get(assessment__checklist_version__checklist=deon)
    assert carried.status == AnswerStatus.NOT_APPLICABLE
    assert "user-impact-evaluation n/a" in carried.justification


def test_only_the_token_holder_carries_over(client):
    oscal, _deon = mapped_frameworks()
    source = start(client)
    other = client.__class__()
    response = other.post(reverse("governance:carry-over", args=[source.pk, oscal.slug]))
    assert response.status_code == 404
    playbook_slug = source.checklist_version.checklist.slug
    response = client.post(reverse("governance:carry-over", args=[source.pk, playbook_slug]))
    assert response.status_code == 404
    assert Assessment.objects.count() == 1
