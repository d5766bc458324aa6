"""Imported, published sample frameworks with crosswalk links, for the crosswalk tests."""

from governance import importers, services
from governance.models import CrosswalkLink
from playbook.models import Principle
from tests.governance.test_importers import sample

# Principles the playbook checklist's items test (see the seed): risk-registry tests the
# first, user-impact-evaluation and user-rights-protection the second.
RISKS = "let-fires-burn-let-risks-be-known"
USERS = "user-focus"


def published_framework(fmt):
    version = services.checklist_import(parsed=importers.parse(sample(fmt), fmt))
    services.checklist_version_publish(version=version)
    return version.checklist


def link(checklist, key, slug, note=""):
    return CrosswalkLink.objects.create(
        checklist=checklist, key=key, principle=Principle.objects.get(slug=slug), note=note
    )


def mapped_frameworks():
    """OSCAL: GOVERN 1.1 → risks (with a note), MAP 1.1 → users; deon: A.1 → users."""
    oscal, deon = published_framework("oscal"), published_framework("deon")
    link(oscal, "govern-1-1", RISKS, note="Owning risks is what the risk registry is for.")
    link(oscal, "map-1-1", USERS)
    link(deon, "a-1", USERS)
    return oscal, deon
