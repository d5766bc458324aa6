"""Importing framework files from the command line and through the admin upload."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from governance.models import Checklist, ChecklistVersion, VersionStatus
from tests.governance.test_importers import FILES, SAMPLES, sample

pytestmark = pytest.mark.django_db
IMPORT_URL = "admin:governance_checklist_import"


@pytest.mark.parametrize("fmt", sorted(SAMPLES))
def test_command_imports_each_format_and_says_what_it_made(fmt):
    out = StringIO()
    call_command("import_checklist", str(FILES / SAMPLES[fmt]), format=fmt, stdout=out)
    assert "Imported 3 items" in out.getvalue()
    version = ChecklistVersion.objects.get(checklist__source_format=fmt)
    assert version.status == VersionStatus.DRAFT


def test_command_round_trip_through_export_checklist(tmp_path):
    call_command("import_checklist", str(FILES / SAMPLES["deon"]), format="deon", stdout=StringIO())
    exported = StringIO()
    call_command("export_checklist", "sample-ethics-checklist", format="deon", stdout=exported)
    path = tmp_path / "again.yml"
    path.write_text(exported.getvalue(), encoding="utf-8")
    call_command("import_checklist", str(path), format="deon", stdout=StringIO())
    assert Checklist.objects.get(slug="sample-ethics-checklist").versions.count() == 2


def test_command_names_the_file_and_the_line_of_a_bad_file(tmp_path):
    path = tmp_path / "bad.yml"
    path.write_text("title: x\nsections:\n  - title: A\n    lines:\n      - line: no id\n")
    with translation.override("en"), pytest.raises(CommandError) as error:
        call_command("import_checklist", str(path), format="deon")
    assert str(path) in str(error.value) and "line 5" in str(error.value)
    assert not Checklist.objects.filter(title="x").exists()


def upload(client, fmt, content: bytes, headers=None, **fields):
    name = "checklist.yml" if fmt == "deon" else "catalog.json"
    return client.post(
        reverse(IMPORT_URL),
        {"file": SimpleUploadedFile(name, content), "format": fmt, "title": "", **fields},
        headers=headers or {},
    )


def test_editor_uploads_a_framework_file_and_lands_on_the_draft(editor_client):
    assert editor_client.get(reverse(IMPORT_URL)).status_code == 200
    changelist = editor_client.get(reverse("admin:governance_checklist_changelist"))
    assert reverse(IMPORT_URL) in changelist.content.decode()
    response = upload(editor_client, "oscal", sample("oscal"))
    version = ChecklistVersion.objects.get(checklist__slug="sample-risk-framework")
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "admin:governance_checklistversion_change", args=[version.pk]
    )
    assert version.status == VersionStatus.DRAFT


def test_editor_adds_a_version_to_a_chosen_checklist(editor_client):
    upload(editor_client, "aia", sample("aia"), title="Our AIA")
    checklist = Checklist.objects.get(slug="our-aia")
    upload(editor_client, "aia", sample("aia"), checklist=str(checklist.pk))
    assert list(checklist.versions.values_list("number", flat=True)) == [2, 1]


def test_a_bad_upload_shows_the_message_and_saves_nothing(editor_client):
    before = ChecklistVersion.objects.count()
    response = upload(
        editor_client,
        "deon",
        b"title: x\nsections:\n  - title: A\n    lines:\n"
        b"      - {line_id: A.1, line: one}\n      - {line_id: A.1, line: two}\n",
    )
    assert response.status_code == 400
    assert "6행 (A.1)" in response.content.decode()  # Korean, the first language
    assert ChecklistVersion.objects.count() == before


def test_only_editors_may_upload(client, staff_outsider):
    anonymous = upload(client, "deon", sample("deon"))
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    client.force_login(staff_outsider)
    assert client.get(reverse(IMPORT_URL)).status_code == 403
    assert upload(client, "deon", sample("deon")).status_code == 403
    reader = get_user_model().objects.create_user("reader-only", password="x-long-pass-11")
    client.force_login(reader)
    assert upload(client, "deon", sample("deon")).status_code == 302  # to the admin sign-in
    assert not Checklist.objects.filter(source_format="deon").exists()
