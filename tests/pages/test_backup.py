import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from governance import services as governance_services
from governance.models import Checklist, ChecklistItem
from governance.selectors import newest_published_version
from pages.backup import content_models, export_content
from playbook import services
from playbook.models import Section

pytestmark = pytest.mark.django_db


@pytest.fixture
def rich_content(editor):
    """The seed plus live updates (one retracted) and an answered assessment."""
    live = Section.objects.get(is_live=True)
    services.live_update_create(section=live, author=editor, body="백업할 소식", is_key_event=True)
    gone = services.live_update_create(section=live, author=editor, body="철회된 소식")
    services.live_update_retract(update=gone, editor=editor, expected_version=1)
    version = newest_published_version(checklist=Checklist.objects.first())
    assessment, _token = governance_services.assessment_start(version=version, subject="백업 시험")
    item = ChecklistItem.objects.filter(section__version=version).first()
    governance_services.answer_save(
        assessment=assessment, item=item, data={"status": "yes", "note": "근거 있음"}
    )


def test_export_then_import_into_an_empty_database_is_exact(tmp_path, rich_content):
    backup = tmp_path / "backup.json"
    call_command("export_playbook", str(backup))
    before = export_content()
    assert {o["model"] for o in before["objects"]} >= {
        "playbook.liveupdate", "governance.assessment", "teams.talkprinciple"
    }  # fmt: skip

    with connection.cursor() as cursor:  # run pending FK checks so TRUNCATE may go ahead
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", "--noinput")  # an empty database: no content, no users
    assert not any(model.objects.exists() for model in content_models())

    call_command("import_playbook", str(backup))
    after = export_content()
    assert after == before
    assert json.loads(backup.read_text(encoding="utf-8")) == before


def test_import_refuses_a_database_with_content(tmp_path):
    backup = tmp_path / "backup.json"
    call_command("export_playbook", str(backup))
    with pytest.raises(CommandError, match="already has content"):
        call_command("import_playbook", str(backup))


@pytest.mark.parametrize("text", ["", "not json", '{"format": "something else"}', "[1, 2]"])
def test_import_refuses_what_is_not_a_backup(tmp_path, text):
    backup = tmp_path / "bad.json"
    backup.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_playbook", str(backup))


def test_times_keep_their_microseconds(tmp_path):
    import datetime

    from playbook.models import SeedRecord

    record = SeedRecord.objects.first()
    when = datetime.datetime(2026, 11, 20, 9, 30, 0, 123, tzinfo=datetime.UTC)  # < 1 ms
    SeedRecord.objects.filter(pk=record.pk).update(loaded_at=when)
    data = export_content()
    exported = next(
        o for o in data["objects"] if o["model"] == "playbook.seedrecord" and o["pk"] == record.pk
    )
    assert exported["fields"]["loaded_at"] == "2026-11-20T09:30:00.000123Z"


def test_the_round_trip_carries_both_languages(tmp_path):
    from playbook.models import Principle
    from teams.models import Team

    principle = Principle.objects.get(slug="work-trials")
    principle.summary_en = "An English summary written for the backup"
    principle.save()
    backup = tmp_path / "backup.json"
    call_command("export_playbook", str(backup))
    exported = next(
        o["fields"]
        for o in json.loads(backup.read_text(encoding="utf-8"))["objects"]
        if o["model"] == "playbook.principle" and o["pk"] == principle.pk
    )
    assert (exported["title_ko"], exported["title_en"]) == ("업무 평가", "Work Trials")
    assert exported["summary_en"] == "An English summary written for the backup"

    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", "--noinput")
    call_command("import_playbook", str(backup))
    restored = Principle.objects.get(slug="work-trials")
    assert restored.summary_en == "An English summary written for the backup"
    assert restored.summary_html_en == "<p>An English summary written for the backup</p>"
    assert restored.pair.slug == "model-evaluations"
    gamma = Team.objects.get(slug="gamma")
    assert (gamma.name_ko, gamma.name_en) == ("감마", "Gamma")
