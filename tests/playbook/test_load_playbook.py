from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from governance.models import Checklist, ChecklistItem, ChecklistVersion
from playbook.models import Page, Principle, Section, SeedRecord, Tag
from teams.models import Person, Talk, TalkPrinciple, Team, TeamPrinciple

pytestmark = pytest.mark.django_db

CONTENT_MODELS = [
    Page, Tag, Section, Principle, Team, Person, TeamPrinciple, Talk, TalkPrinciple,
    Checklist, ChecklistVersion, ChecklistItem,
]  # fmt: skip


def snapshot():
    """Every row of every content model, as plain values."""
    return {model.__name__: sorted(map(repr, model.objects.values())) for model in CONTENT_MODELS}


def load():
    out = StringIO()
    call_command("load_playbook", stdout=out)
    return out.getvalue()


def test_the_seed_is_loaded_completely():
    assert Section.objects.count() == 3
    assert Principle.objects.count() == 28
    assert [s.principles.count() for s in Section.objects.all()] == [14, 8, 6]
    assert set(Team.objects.values_list("slug", flat=True)) == {
        "gamma", "gumloop", "bolt", "oleve", "hassan-el-mghari", "datalab", "every", "cognition",
    }  # fmt: skip
    # Only the people the source has speaking are speakers; Sid, Hassan and Vik are not.
    speakers = set(Person.objects.filter(talks__isnull=False).values_list("name_en", flat=True))
    assert speakers == {"Grant Lee", "Max", "Eric", "Alex Duffy", "Scott Wu"}
    assert Person.objects.filter(name_en__in=["Sid", "Hassan El Mghari", "Vik"]).count() == 3
    assert Talk.objects.count() == 8
    assert ChecklistItem.objects.count() >= 15
    assert Page.objects.filter(slug="introduction").exists()


def test_principles_have_both_titles_a_summary_and_a_responsible_ai_note():
    for principle in Principle.objects.all():
        assert principle.title and principle.title_en, principle.slug
        assert principle.summary_html and principle.responsible_ai_html, principle.slug


def test_team_figures_are_exactly_the_seeds():
    figures = {
        t.slug: (t.headcount, t.users, t.arr_min_usd, t.arr_max_usd, t.arr_precision)
        for t in Team.objects.all()
    }
    assert figures["gamma"] == (30, 50_000_000, None, None, "")
    assert figures["bolt"] == (15, None, 20_000_000, None, "exact")
    assert figures["datalab"] == (7, None, 1_000_000, 9_999_999, "range")
    assert figures["cognition"] == (80, None, 100_000_000, None, "at_least")
    assert figures["hassan-el-mghari"][1] == 3_000_000
    assert Team.objects.get(slug="every").funding_usd == 2_000_000
    # The seed gives no figures for these; nothing may be made up.
    assert figures["gumloop"] == (None, None, None, None, "")
    assert figures["oleve"] == (None, None, None, None, "")


def test_tiny_team_follows_the_definition():
    tiny = {t.slug: t.is_tiny_team for t in Team.objects.all()}
    assert tiny["bolt"] is True  # $20M > 15 people
    assert tiny["cognition"] is True  # > $100M > 80 people
    assert tiny["datalab"] is None  # $1M–$9.99M against 7 people: the range cannot tell
    assert tiny["gamma"] is None  # no ARR in the seed


def test_second_run_changes_nothing():
    before = snapshot()
    records = SeedRecord.objects.count()
    output = load()
    assert "0 items created" in output
    assert snapshot() == before
    assert SeedRecord.objects.count() == records


def test_an_editors_change_survives_a_second_run():
    principle = Principle.objects.get(title_en="Work Trials")
    principle.summary = "편집자가 고친 요약"
    principle.save()
    team = Team.objects.get(slug="every")
    team.tagline = "편집자가 바꾼 문구"
    team.save()
    load()
    principle.refresh_from_db()
    team.refresh_from_db()
    assert principle.summary == "편집자가 고친 요약"
    assert team.tagline == "편집자가 바꾼 문구"


def test_an_editors_deletion_is_not_undone():
    link = TeamPrinciple.objects.first()
    link.delete()
    talk = Talk.objects.first()
    slug = talk.slug
    talk.delete()
    load()
    assert not TeamPrinciple.objects.filter(pk=link.pk).exists()
    assert not TeamPrinciple.objects.filter(team=link.team, principle=link.principle).exists()
    assert not Talk.objects.filter(slug=slug).exists()


def test_a_missing_seed_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="No seed file"):
        call_command("load_playbook", file=tmp_path / "missing.toml")


def test_a_broken_seed_file_is_a_clear_error(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("[[sections]\nslug=", encoding="utf-8")
    with pytest.raises(CommandError, match="not valid TOML"):
        call_command("load_playbook", file=broken)
