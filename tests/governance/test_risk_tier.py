"""The risk-tier pre-questionnaire (our editorial text from the EU AI Act's categories):
the tier it gives, the items it makes required, and the tier in every export."""

import json

import pytest
from django.urls import reverse

from governance import exports, services
from governance.models import ChecklistItem
from governance.risk_tiers import RiskTier, tier_for
from tests.governance.helpers import answer, start

pytestmark = pytest.mark.django_db
EN = {"Accept-Language": "en"}


def test_the_gravest_tier_named_by_any_yes_wins():
    assert tier_for(set()) == RiskTier.MINIMAL
    assert tier_for({"interaction"}) == RiskTier.TRANSPARENCY
    assert tier_for({"interaction", "employment"}) == RiskTier.HIGH
    assert tier_for({"employment", "social-scoring"}) == RiskTier.PROHIBITED


def choose(client, assessment, *yes):
    return client.post(reverse("governance:risk-tier", args=[assessment.pk]), {"yes": list(yes)})


def test_high_risk_makes_every_item_required_and_shows_in_the_exports(client):
    assessment = start(client)
    optional = ChecklistItem.objects.filter(
        section__version=assessment.checklist_version, required=False
    ).first()
    response = choose(client, assessment, "employment", "interaction")
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.risk_tier == "high" and assessment.risk_answers == [
        "employment",
        "interaction",
    ]
    page = client.get(assessment.get_absolute_url(), headers=EN).content.decode()
    assert "<strong>High risk</strong>" in page and "required for this risk tier" in page
    assert f'data-key="{optional.key}"' in page[page.index('id="missing-required"') :]
    md = client.get(reverse("governance:export-md", args=[assessment.pk]), headers=EN)
    assert "- Risk tier: High risk (our editorial pre-questionnaire)" in md.content.decode()
    data = json.loads(client.get(reverse("governance:export-json", args=[assessment.pk])).content)
    assert data["risk_tier"] == {"tier": "high", "yes": ["employment", "interaction"]}
    csv = client.get(reverse("governance:export-csv", args=[assessment.pk])).content.decode()
    row = next(line for line in csv.splitlines() if f",{optional.key}," in line)
    assert ",yes," in row  # required, by the tier


def test_transparency_adds_the_items_testing_a_transparency_principle(client):
    assessment = start(client)
    choose(client, assessment, "synthetic-content")
    extra = set(
        ChecklistItem.objects.filter(
            section__version=assessment.checklist_version,
            required=False,
            principles__tags__slug="transparency",
        ).values_list("key", flat=True)
    )
    assert extra, "the seed has optional items on transparency principles"
    page = client.get(assessment.get_absolute_url(), headers=EN).content.decode()
    missing = page[page.index('id="missing-required"') :]
    missing = missing[: missing.index("</ul>")]
    for key in extra:
        assert f'data-key="{key}"' in missing
    others = ChecklistItem.objects.filter(
        section__version=assessment.checklist_version, required=False
    ).exclude(key__in=extra)
    assert all(f'data-key="{item.key}"' not in missing for item in others)


def test_completion_waits_for_the_items_the_tier_requires(client):
    assessment = start(client)
    items = ChecklistItem.objects.filter(section__version=assessment.checklist_version)
    for item in items.filter(required=True):
        answer(client, assessment, item.key, status="yes")
    choose(client, assessment, "education")
    refused = client.post(reverse("governance:complete", args=[assessment.pk]))
    assert refused.status_code == 302 and "complete=refused" in refused["Location"]
    assessment.refresh_from_db()
    assert assessment.completed_at is None
    for item in items.filter(required=False):
        answer(client, assessment, item.key, status="partial")
    assert client.post(reverse("governance:complete", args=[assessment.pk])).status_code == 302


def test_an_unknown_question_is_refused_and_nothing_is_stored(client):
    assessment = start(client)
    response = choose(client, assessment, "employment", "no-such-question")
    assert response.status_code == 400
    assessment.refresh_from_db()
    assert assessment.risk_tier == "" and assessment.risk_answers == []


def test_the_tier_survives_export_and_import(client):
    assessment = start(client)
    choose(client, assessment, "interaction")
    raw = client.get(reverse("governance:export-json", args=[assessment.pk])).content
    copy, _token = services.assessment_import(data=exports.import_json(raw))
    assert (copy.risk_tier, copy.risk_answers) == ("transparency", ["interaction"])
