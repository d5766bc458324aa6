"""The move to per-language columns loses nothing: rows written before it (with the old
`title_en` / `name_ko` columns, and their version history) keep every text after it.

PostgreSQL alters tables inside a transaction, so the test migrates back and forth inside
the test's own transaction, which is rolled back at its end."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db

BEFORE = [
    ("playbook", "0007_live_coverage"),
    ("teams", "0003_search"),
    ("governance", "0008_risk_tier"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def leaves():
    executor = MigrationExecutor(connection)
    return [key for key in executor.loader.graph.leaf_nodes() if key[0] in dict(BEFORE)]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="DDL in a transaction")
def test_rows_from_before_keep_their_texts_and_history():
    latest = leaves()
    old = migrate(BEFORE)
    Section = old.get_model("playbook", "Section")
    Principle = old.get_model("playbook", "Principle")
    HistoricalPrinciple = old.get_model("playbook", "HistoricalPrinciple")
    Team = old.get_model("teams", "Team")
    Person = old.get_model("teams", "Person")
    Item = old.get_model("governance", "ChecklistItem")

    section = Section.objects.create(slug="old", title="옛 섹션", title_en="Old section")
    principle = Principle.objects.create(
        section=section,
        slug="old-principle",
        title="옛 원칙",
        title_en="Old principle",
        summary="옛 요약",
        summary_html="<p>옛 요약</p>",
        responsible_ai="옛 메모",
    )
    HistoricalPrinciple.objects.create(
        id=principle.pk,
        section_id=section.pk,
        slug="old-principle",
        title="더 옛 원칙",
        title_en="Older principle",
        summary="더 옛 요약",
        responsible_ai="",
        order=0,
        is_published=True,
        version=1,
        history_date="2026-11-01T00:00:00Z",
        history_type="+",
    )
    team = Team.objects.create(slug="old-team", name="Old Team", name_ko="옛 팀", tagline="옛 문구")
    Person.objects.create(team=team, name="Kim", name_ko="김", role="CEO")
    item = Item.objects.filter(prompt__isnull=False).first()
    old_prompt = item.prompt if item else None

    with connection.cursor() as cursor:  # check the new rows' keys now: no ALTER TABLE
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # runs with checks pending
    new = migrate(latest)
    Principle = new.get_model("playbook", "Principle")
    HistoricalPrinciple = new.get_model("playbook", "HistoricalPrinciple")
    Team = new.get_model("teams", "Team")
    Person = new.get_model("teams", "Person")
    Section = new.get_model("playbook", "Section")

    row = Principle.objects.get(slug="old-principle")
    assert (row.title_ko, row.title_en) == ("옛 원칙", "Old principle")
    assert (row.summary_ko, row.summary_html_ko, row.responsible_ai_ko) == (
        "옛 요약", "<p>옛 요약</p>", "옛 메모",
    )  # fmt: skip
    assert not row.summary_en
    old_version = HistoricalPrinciple.objects.get(id=row.pk, title="더 옛 원칙")
    assert (old_version.title_ko, old_version.title_en) == ("더 옛 원칙", "Older principle")
    assert old_version.summary_ko == "더 옛 요약"
    section = Section.objects.get(slug="old")
    assert (section.title_ko, section.title_en) == ("옛 섹션", "Old section")
    team = Team.objects.get(slug="old-team")
    assert (team.name_ko, team.name_en, team.tagline_ko) == ("옛 팀", "Old Team", "옛 문구")
    person = Person.objects.get(team=team)
    assert (person.name_ko, person.name_en, person.role_ko) == ("김", "Kim", "CEO")
    if old_prompt is not None:
        Item = new.get_model("governance", "ChecklistItem")
        assert Item.objects.filter(prompt_ko=old_prompt).exists()
    # The search columns cover both languages.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector @@ to_tsquery('simple', 'old:*') FROM playbook_principle "
            "WHERE id = %s",
            [row.pk],
        )
        assert cursor.fetchone()[0] is True


@pytest.mark.skipif(connection.vendor != "postgresql", reason="DDL in a transaction")
def test_a_crosswalk_note_from_before_moves_into_its_korean_column():
    latest = leaves()
    old = migrate([("governance", "0010_copy_texts_into_language_columns")])
    Checklist = old.get_model("governance", "Checklist")
    CrosswalkLink = old.get_model("governance", "CrosswalkLink")
    Principle = old.get_model("playbook", "Principle")
    framework = Checklist.objects.create(
        slug="old-framework", title_ko="옛 틀", source_format="oscal"
    )
    link = CrosswalkLink.objects.create(
        checklist=framework, key="k-1", principle=Principle.objects.first(), note="옛 메모"
    )

    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    new = migrate(latest)
    moved = new.get_model("governance", "CrosswalkLink").objects.get(pk=link.pk)
    assert (moved.note_ko, moved.note_en) == ("옛 메모", None)
