"""Framework files (deon, OSCAL, AIA) read into new draft checklist versions: valid files,
each kind of bad file, and round trips. The sample files are ours, in each format's shape."""

import json
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import DataError
from django.utils import translation

from governance import importers, services
from governance.importers.base import MAX_BYTES, ParsedChecklist, ParsedItem, ParsedSection
from governance.models import Checklist, ChecklistItem, ChecklistVersion, VersionStatus

pytestmark = pytest.mark.django_db

FILES = Path(__file__).parent / "frameworks"
SAMPLES = {"deon": "deon-sample.yml", "oscal": "oscal-sample.json", "aia": "aia-sample.json"}


def sample(fmt) -> bytes:
    return (FILES / SAMPLES[fmt]).read_bytes()


def rows(version):
    return list(
        ChecklistItem.objects.filter(section__version=version)
        .order_by("section__order", "order")
        .values_list("section__title", "key", "source_ref", "prompt", "weight", "required")
    )


def import_file(raw, fmt, **kwargs):
    return services.checklist_import(parsed=importers.parse(raw, fmt), **kwargs)


def test_deon_file_becomes_a_draft_with_the_line_ids_as_keys():
    version = import_file(sample("deon"), "deon")
    assert version.status == VersionStatus.DRAFT and version.number == 1
    assert version.checklist.title == "Sample Ethics Checklist"
    assert version.checklist.source_format == "deon"
    assert rows(version) == [
        (
            "Gathering data",
            "a-1",
            "A.1",
            "Did the people in the sample data agree to its use?",
            1,
            False,
        ),
        (
            "Gathering data",
            "a-2",
            "A.2",
            "Have we looked for ways the sample could over- or under-represent a group?",
            1,
            False,
        ),
        (
            "Shipping",
            "b-1",
            "B.1",
            "Can the feature be switched off quickly if it misbehaves?",
            3,
            True,
        ),
    ]
    item = ChecklistItem.objects.get(section__version=version, key="a-1")
    assert item.guidance == "Consent" and item.guidance_html == "<p>Consent</p>"


def test_oscal_catalog_gives_one_section_per_function_and_one_item_per_leaf_control():
    version = import_file(sample("oscal"), "oscal")
    assert version.checklist.title == "Sample Risk Framework"
    assert rows(version) == [
        ("GOVERN", "govern-1-1", "GOVERN 1.1", "Someone owns the risks of the system.", 1, False),
        ("GOVERN", "govern-1-2", "GOVERN 1.2", "Risk decisions are written down.", 1, False),
        ("MAP", "map-1-1", "MAP 1.1", "The intended use is described.", 2, False),
    ]
    item = ChecklistItem.objects.get(section__version=version, key="govern-1-1")
    assert item.guidance == "Name the owner in the project page."


def test_aia_survey_keeps_scored_questions_with_their_points_as_weights():
    parsed = importers.parse(sample("aia"), "aia")
    assert parsed.skipped == 2  # the project name and the free-text description
    version = services.checklist_import(parsed=parsed)
    assert version.checklist.title == "Algorithmic Impact Assessment"
    assert rows(version) == [
        (
            "Impact",
            "impact1",
            "impact1",
            "Does the system decide without a person reviewing?",
            3,
            True,
        ),
        ("Impact", "impact2", "impact2", "Can its effects be undone?", 4, False),  # the most of one
        ("Impact", "impact3", "impact3", "Which kinds of decision does it touch?", 4, False),  # all
    ]
    item = ChecklistItem.objects.get(section__version=version, key="impact2")
    assert item.guidance_html == "<p>Think of the <strong>worst</strong> case.</p>"


@pytest.mark.parametrize("fmt", sorted(SAMPLES))
def test_round_trip_keeps_keys_weights_and_required(fmt):
    first = import_file(sample(fmt), fmt)
    exported = importers.dump(first, fmt).encode()
    second = import_file(exported, fmt, checklist=first.checklist)
    assert second.checklist == first.checklist and second.number == 2
    assert rows(second) == rows(first)


def test_a_new_import_of_the_same_framework_adds_a_version():
    first = import_file(sample("deon"), "deon")
    second = import_file(sample("deon"), "deon")
    assert (second.checklist, second.number) == (first.checklist, 2)


def test_a_file_of_another_format_is_refused_for_an_existing_checklist():
    deon = import_file(sample("deon"), "deon")
    with pytest.raises(ValidationError):
        import_file(sample("oscal"), "oscal", checklist=deon.checklist)
    with pytest.raises(ValidationError):
        import_file(sample("deon"), "deon", checklist=Checklist.objects.get(source_format=""))
    assert deon.checklist.versions.count() == 1


BAD_FILES = {
    "deon": [
        ("title: x\nsections: {}\n", "line 1 sections"),
        ("title: x\nsections:\n  - title: A\n    lines:\n      - line: no id\n", "line 5"),
        (
            "title: x\nsections:\n  - title: A\n    lines:\n"
            "      - {line_id: A.1, line: one}\n      - {line_id: A.1, line: two}\n",
            "line 6 (A.1)",
        ),
        (
            "title: x\nsections:\n  - title: A\n    lines:\n"
            "      - {line_id: A.1, line: one}\n      - {line_id: a-1, line: two}\n",
            "repeats A.1",
        ),
        (
            "title: x\nsections:\n  - title: A\n    lines:\n      - {line_id: A.1, line: [\n",
            "line ",
        ),
        ("title: !!python/object/apply:os.system ['true']\nsections: []\n", "line 1"),
        ("a: &a [1, 1]\nb: &b [*a, *a]\nc: [*b, *b]\n", "line 2"),
        (
            "title: x\nsections:\n  - title: A\n    lines:\n"
            "      - {line_id: A.1, line: one, weight: 0}\n",
            "line 5 (A.1) weight",
        ),
        ("title: x\nsections: []\n", "no checklist items"),
    ],
    "oscal": [
        ('{"catalog": {"metadata": {"title": "x"}, "groups": {}}}', "catalog.groups"),
        (
            '{"catalog": {"metadata": {"title": "x"}, "groups": [{"title": "G", "controls": '
            '[{"id": "a", "title": "A"}, {"title": "B"}]}]}}',
            "catalog.groups[0].controls[1].id",
        ),
        (
            '{"catalog": {"metadata": {"title": "x"}, "groups": [{"title": "G", "controls": '
            '[{"id": "a", "title": "A"}, {"id": "A", "title": "B"}]}]}}',
            "repeats a",
        ),
        ('{"catalog": {"metadata": {"title": "x"},\n "groups": [}}', "line 2"),
        ('{"controls": []}', "catalog"),
        ("[" * 100_000 + "]" * 100_000, "nested"),
    ],
    "aia": [
        (
            '{"pages": [{"name": "p", "elements": [{"type": "radiogroup", "name": "q1", "title": '
            '"Q", "choices": [{"value": "item1-2"}]}, {"type": "radiogroup", "name": "q1", '
            '"title": "R", "choices": [{"value": "item1-1"}]}]}]}',
            "pages[0].elements[1] (q1)",
        ),
        (
            '{"pages": [{"name": "p", "elements": [{"type": "radiogroup", "name": "q1", '
            '"choices": [{"value": "item1-2"}]}]}]}',
            "pages[0].elements[0] (q1).title",
        ),
        ('{"pages": "all"}', "pages"),
        (
            '{"pages": [{"name": "p", "elements": [{"type": "text", "name": "free"}]}]}',
            "no checklist items",
        ),
    ],
}


@pytest.mark.parametrize(
    ("fmt", "content", "named"),
    [(fmt, content, named) for fmt, cases in BAD_FILES.items() for content, named in cases],
)
def test_bad_files_get_a_message_naming_the_place_and_leave_nothing(fmt, content, named):
    before = (Checklist.objects.count(), ChecklistVersion.objects.count())
    with translation.override("en"), pytest.raises(ValidationError) as error:
        import_file(content.encode(), fmt)
    assert named in " ".join(error.value.messages)
    assert (Checklist.objects.count(), ChecklistVersion.objects.count()) == before


@pytest.mark.parametrize("fmt", sorted(SAMPLES))
def test_huge_files_and_other_encodings_are_refused(fmt):
    with translation.override("en"):
        with pytest.raises(ValidationError, match="larger than 5 MB"):
            importers.parse(b" " * (MAX_BYTES + 1), fmt)
        latin1 = sample(fmt).decode().replace("the", "thé", 1).encode("latin-1")
        with pytest.raises(ValidationError, match=r"Line \d+ is not UTF-8"):
            importers.parse(latin1, fmt)
        with pytest.raises(ValidationError, match="Unknown format"):
            importers.parse(sample(fmt), "csv")


def test_a_byte_order_mark_is_accepted():
    assert importers.parse(b"\xef\xbb\xbf" + sample("oscal"), "oscal").item_count == 3


def test_a_failure_while_writing_leaves_no_half_imported_checklist():
    """The second section cannot be stored (a prompt the database refuses); the first
    section and the new checklist written before it must be gone too."""
    parsed = ParsedChecklist(
        format="deon",
        title="Half Written",
        sections=[
            ParsedSection("One", "here", [ParsedItem("A.1", "fine", "here", key="a-1")]),
            ParsedSection("Two", "here", [ParsedItem("B.1", "x" * 501, "here", key="b-1")]),
        ],
    )
    with pytest.raises(DataError):
        services.checklist_import(parsed=parsed)
    assert not Checklist.objects.filter(slug="half-written").exists()
    assert not ChecklistItem.objects.filter(prompt="fine").exists()


def test_oscal_export_is_a_catalog_with_labels_and_our_weight_props():
    version = import_file(sample("oscal"), "oscal")
    catalog = json.loads(importers.dump(version, "oscal"))["catalog"]
    assert [group["title"] for group in catalog["groups"]] == ["GOVERN", "MAP"]
    control = catalog["groups"][1]["controls"][0]
    assert {"name": "label", "value": "MAP 1.1"} in control["props"]
    assert {"name": "weight", "ns": "urn:tiny-teams-playbook:checklist", "value": "2"} in control[
        "props"
    ]
