"""Crafted assessment imports get a 400 and a message naming the problem, never a 500, and
cannot store more than the site itself would (issue 11, findings 4 and 8)."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from governance import exports
from governance.models import Assessment
from tests.governance.helpers import CHECKLIST, answer, items_of, start

pytestmark = pytest.mark.django_db

URL = reverse("governance:assessment-import", args=[CHECKLIST])


@pytest.fixture
def exported(client):
    assessment = start(client, subject="원본")
    answer(client, assessment, items_of(assessment.checklist_version)[0].key, note="메모")
    raw = client.get(reverse("governance:export-json", args=[assessment.pk])).content
    return json.loads(raw)


def upload(client, raw: bytes):
    before = Assessment.objects.count()
    response = client.post(
        URL, {"file": SimpleUploadedFile("export.json", raw)}, headers={"accept-language": "en"}
    )
    response.created = Assessment.objects.count() - before
    return response


def dumped(document) -> bytes:
    # ensure_ascii writes lone surrogates as \\udxxx escapes, as a crafted file would.
    return json.dumps(document, ensure_ascii=True).encode()


def assert_refused(response, *words):
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_file-error"' in page
    for word in words:
        assert word in page, word
    assert response.created == 0


def crafted(exported, change):
    document = json.loads(json.dumps(exported))
    change(document)
    return dumped(document)


CASES = {
    "NUL in the subject": (lambda d: d.update(subject="a\x00b"), "NUL"),
    "NUL in a note": (lambda d: d["answers"][0].update(note="a\x00b"), "NUL"),
    "NUL in a key of not_carried_over": (
        lambda d: d.update(not_carried_over=[{"a\x00": "b"}]),
        "NUL",
    ),
    "lone surrogate in the subject": (lambda d: d.update(subject="a\ud800b"), "surrogate"),
    "lone surrogate in a note": (lambda d: d["answers"][0].update(note="\udfff"), "surrogate"),
    "a list where a key is expected": (lambda d: d["answers"][0].update(key=["a"]), "key"),
    "a dict where a key is expected": (lambda d: d["answers"][0].update(key={"a": 1}), "key"),
    "a list where a note is expected": (lambda d: d["answers"][0].update(note=["x"]), "note"),
    "a number where a status is expected": (lambda d: d["answers"][0].update(status=1), "status"),
    "an impossible month": (lambda d: d.update(completed_at="2024-13-01"), "completed_at"),
    "an impossible day": (lambda d: d.update(completed_at="2024-02-30 10:00"), "completed_at"),
    "true as the format version": (lambda d: d.update(format_version=True), "format"),
    "unknown risk questions": (
        lambda d: d.update(risk_tier={"tier": "high", "yes": ["no-such-question"]}),
        "risk_tier",
    ),
    "not_carried_over with any text": (
        lambda d: d.update(not_carried_over=[{"key": "a", "note": "가" * 100_000}]),
        "not_carried_over",
    ),
    "not_carried_over with keys of its own": (
        lambda d: d.update(not_carried_over=[{"key": "a", "extra": "b"}]),
        "not_carried_over",
    ),
    "too many not_carried_over": (
        lambda d: d.update(not_carried_over=[{"key": "a"}] * 201),
        "not_carried_over",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_a_crafted_file_is_refused_with_a_message(client, exported, name):
    change, word = CASES[name]
    assert_refused(upload(client, crafted(exported, change)), word)


def test_a_huge_number_is_refused(client, exported):
    raw = dumped(exported).replace(b'"format_version": 1', b'"format_version": ' + b"9" * 5000)
    assert_refused(upload(client, raw), "digits")


def test_deep_nesting_is_refused(client):
    raw = b'{"format": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"
    assert_refused(upload(client, raw), "32")


def test_nesting_within_json_but_beyond_the_limit_is_refused(client, exported):
    exported["not_carried_over"] = [json.loads("[" * 40 + "]" * 40)]
    assert_refused(upload(client, dumped(exported)), "32")


@pytest.mark.parametrize("raw", [b"\xff\xfe{}", b'{"a": NaN}', b'{"a": Infinity}', b"{"])
def test_bytes_that_are_not_json_text_are_refused(client, raw):
    assert_refused(upload(client, raw))


def test_the_untouched_export_still_imports(client, exported):
    response = upload(client, dumped(exported))
    assert response.status_code == 302 and response.created == 1


def test_what_an_upgrade_leaves_behind_still_imports(client, exported):
    exported["not_carried_over"] = [
        {"from_version": 1, "key": "old", "prompt": "옛 질문", "status": "yes", "note": "n"}
    ]
    assert upload(client, dumped(exported)).status_code == 302


def test_the_command_refuses_crafted_files_with_a_message(exported, tmp_path):
    from django.core.management import CommandError, call_command

    path = tmp_path / "e.json"
    path.write_bytes(crafted(exported, CASES["lone surrogate in the subject"][0]))
    with pytest.raises(CommandError, match=r"ud800"):  # in the command's language
        call_command("import_assessment", str(path))


def test_import_json_names_every_problem_at_once(exported):
    document = json.loads(json.dumps(exported))
    document["answers"][0]["note"] = ["x"]
    document["completed_at"] = "2024-02-30 10:00"
    with pytest.raises(exports.ValidationError) as refused:
        exports.import_json(dumped(document))
    assert len(refused.value.messages) == 2
