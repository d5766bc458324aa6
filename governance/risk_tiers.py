"""The risk-tier pre-questionnaire: our own editorial questions, written from the
categories of the EU AI Act (Regulation (EU) 2024/1689): prohibited practices (Article 5),
high-risk uses (Annex III, and safety components of regulated products, Annex I) and
transparency obligations (Article 50). It is a first sorting, not legal advice.

The tier is the gravest one that any "yes" points to; with no "yes" it is minimal. The
tier decides which checklist items must be answered before an assessment is complete:
minimal, the checklist's own required items; transparency, also every item that tests a
principle tagged "transparency"; high risk and prohibited, every item.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from playbook.models import Principle


class RiskTier(models.TextChoices):
    # Gravest first: the order decides which tier a set of answers gives.
    PROHIBITED = "prohibited", _("Prohibited practice")
    HIGH = "high", _("High risk")
    TRANSPARENCY = "transparency", _("Transparency obligations")
    MINIMAL = "minimal", _("Minimal risk")


@dataclass(frozen=True)
class Question:
    key: str
    tier: RiskTier
    text: str


QUESTIONS = [
    Question("manipulation", RiskTier.PROHIBITED, _("Does it use subliminal, manipulative or deceptive techniques that distort people's behaviour in a way likely to cause them significant harm?")),  # noqa: E501
    Question("vulnerabilities", RiskTier.PROHIBITED, _("Does it exploit people's vulnerabilities due to their age, a disability or their social or economic situation?")),  # noqa: E501
    Question("social-scoring", RiskTier.PROHIBITED, _("Does it score people on their social behaviour or personal traits in a way that leads to unjustified or disproportionate detrimental treatment?")),  # noqa: E501
    Question("crime-prediction", RiskTier.PROHIBITED, _("Does it predict that a person will commit a crime based only on profiling or personality traits?")),  # noqa: E501
    Question("face-scraping", RiskTier.PROHIBITED, _("Does it build or expand face recognition databases by untargeted scraping of images from the internet or CCTV footage?")),  # noqa: E501
    Question("emotions-at-work", RiskTier.PROHIBITED, _("Does it infer the emotions of people at work or in education, other than for medical or safety reasons?")),  # noqa: E501
    Question("sensitive-biometrics", RiskTier.PROHIBITED, _("Does it sort people by biometric data to infer their race, political opinions, trade union membership, religious beliefs, sex life or sexual orientation?")),  # noqa: E501
    Question("real-time-identification", RiskTier.PROHIBITED, _("Is it real-time remote biometric identification in publicly accessible spaces for law enforcement?")),  # noqa: E501
    Question("biometrics", RiskTier.HIGH, _("Is it used for remote biometric identification, biometric categorisation or emotion recognition (where these are not prohibited)?")),  # noqa: E501
    Question("infrastructure", RiskTier.HIGH, _("Is it a safety component in running critical infrastructure such as road traffic, water, gas, heating, electricity or digital infrastructure?")),  # noqa: E501
    Question("education", RiskTier.HIGH, _("Does it decide on admission to, assignment in, evaluation in or monitoring during education or vocational training?")),  # noqa: E501
    Question("employment", RiskTier.HIGH, _("Is it used to recruit, select, promote or dismiss workers, to allocate their tasks or to monitor them?")),  # noqa: E501
    Question("essential-services", RiskTier.HIGH, _("Does it decide on access to essential public benefits or private services, such as credit scoring, life or health insurance pricing or emergency calls?")),  # noqa: E501
    Question("law-enforcement", RiskTier.HIGH, _("Is it used by or for law enforcement, for example to assess the risk to victims, the reliability of evidence or in profiling during investigations?")),  # noqa: E501
    Question("migration", RiskTier.HIGH, _("Is it used in migration, asylum or border control, for example to examine applications or to assess risks?")),  # noqa: E501
    Question("justice-democracy", RiskTier.HIGH, _("Does it help a court research and interpret facts and law, or is it meant to influence the outcome of an election or how people vote?")),  # noqa: E501
    Question("product-safety", RiskTier.HIGH, _("Is it a safety component of a product, or itself a product, that EU product-safety law has checked by a third party (machinery, toys, medical devices, vehicles and the like)?")),  # noqa: E501
    Question("interaction", RiskTier.TRANSPARENCY, _("Do people interact with it directly, as with a chatbot or a voice assistant, where it may not be obvious that they deal with an AI?")),  # noqa: E501
    Question("synthetic-content", RiskTier.TRANSPARENCY, _("Does it generate or alter images, audio, video or text, such as deepfakes or text published to inform the public?")),  # noqa: E501
]  # fmt: skip
KEYS = {question.key for question in QUESTIONS}
TRANSPARENCY_TAG = "transparency"


def tier_for(yes: set[str]) -> RiskTier:
    tiers = {question.tier for question in QUESTIONS if question.key in yes}
    return next((tier for tier in RiskTier if tier in tiers), RiskTier.MINIMAL)


def required_keys(tier: str, sections) -> frozenset[str]:
    """Keys of the items the tier makes required, beyond the checklist's own required ones
    (`sections` with items and their principles prefetched)."""
    items = [item for section in sections for item in section.items.all()]
    if tier in {RiskTier.PROHIBITED, RiskTier.HIGH}:
        return frozenset(item.key for item in items)
    if tier == RiskTier.TRANSPARENCY:
        tagged = set(
            Principle.objects.filter(tags__slug=TRANSPARENCY_TAG).values_list("pk", flat=True)
        )
        return frozenset(
            item.key for item in items if any(p.pk in tagged for p in item.principles.all())
        )
    return frozenset()
