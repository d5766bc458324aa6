"""The content in both languages (DESIGN.md "Two languages of content"): after
load_playbook every reader-facing text has its Korean and its English column, a second
run keeps an editor's text in either language, and a database loaded before the seed had
English gets the missing English without its edited Korean being touched."""

from io import StringIO

import pytest
from django.core.management import call_command
from modeltranslation.translator import translator

from governance.models import Checklist, ChecklistItem, ChecklistSection
from playbook.models import Event, Page, Principle, Section, SeedRecord, Tag
from playbook.seed import read_seed
from teams.models import Person, Talk, TalkPrinciple, Team, TeamPrinciple

pytestmark = pytest.mark.django_db

# What every row of the seed must say in both languages; other texts (a funding note, a
# quote) may be empty, but then in both languages.
REQUIRED = {
    Page: ["title", "lead", "body"],
    Tag: ["name"],
    Event: ["name", "summary", "source"],
    Section: ["title", "intro"],
    Principle: ["title", "summary", "responsible_ai"],
    Team: ["name", "summary", "source_note"],
    Person: ["name"],
    TeamPrinciple: ["note", "source"],
    Talk: ["title", "summary", "source_section"],
    TalkPrinciple: ["note", "source"],
    Checklist: ["title", "description"],
    ChecklistSection: ["title"],
    ChecklistItem: ["prompt", "guidance"],
}


def translated_models():
    return [m for m in translator.get_registered_models(abstract=False) if m in REQUIRED]


def load(**options):
    out = StringIO()
    call_command("load_playbook", stdout=out, **options)
    return out.getvalue()


def test_every_content_model_of_the_seed_is_translated():
    registered = set(translator.get_registered_models(abstract=False))
    assert set(REQUIRED) <= registered


def test_no_reader_facing_text_is_empty_in_either_language():
    empty, one_sided = [], []
    for model in translated_models():
        fields = translator.get_options_for_model(model).all_fields
        for row in model.objects.all():
            for name in fields:
                korean, english = getattr(row, f"{name}_ko"), getattr(row, f"{name}_en")
                if name in REQUIRED[model] and not (korean and english):
                    empty.append(f"{model.__name__}:{row.pk}.{name}")
                if bool(korean) != bool(english):
                    one_sided.append(f"{model.__name__}:{row.pk}.{name}")
    assert empty == []
    assert one_sided == []


def test_the_english_is_english_and_the_korean_korean():
    hangul = [
        f"{model.__name__}:{row.pk}.{name}"
        for model in translated_models()
        for row in model.objects.all()
        for name in REQUIRED[model]
        if any("\uac00" <= ch <= "\ud7a3" for ch in getattr(row, f"{name}_en") or "")
    ]
    assert hangul == []
    assert Principle.objects.get(slug="work-trials").title_ko == "업무 평가"
    assert Principle.objects.get(slug="work-trials").title_en == "Work Trials"


def test_rendered_markdown_exists_in_both_languages():
    principle = Principle.objects.get(slug="work-trials")
    assert "4일" in principle.summary_html_ko
    assert "four days" in principle.summary_html_en
    assert "<p>" in principle.responsible_ai_html_en


def test_provenance_of_the_seed_is_in_the_data():
    principle = Principle.objects.get(slug="work-trials")
    assert principle.pair.slug == "model-evaluations"
    assert principle.pair.pair == principle
    assert Principle.objects.get(slug="model-evaluations").responsible_ai_editorial
    assert not principle.responsible_ai_editorial
    link = TeamPrinciple.objects.get(team__slug="gumloop", principle__slug="ai-audit")
    assert "ethics audits" in link.source_en
    talk = Talk.objects.get(slug="gamma-generalists-player-coaches-small-tribe")
    assert talk.title_inferred and talk.source_section_en == "Gamma"
    assert talk.event_record.slug == "aiewf"
    live = Section.objects.get(is_live=True)
    assert live.event.place_en == "New York"
    assert Team.objects.get(slug="cognition").headcount_qualifier_en == "until recently"
    assert Checklist.objects.get(slug="responsible-ai-development").is_editorial


def test_a_second_run_keeps_an_editors_text_in_both_languages():
    principle = Principle.objects.get(slug="work-trials")
    principle.summary_ko = "편집자가 고친 요약"
    principle.summary_en = "A summary the editor rewrote"
    principle.save()
    output = load()
    assert "0 items created" in output and "0 empty fields" in output
    principle.refresh_from_db()
    assert principle.summary_ko == "편집자가 고친 요약"
    assert principle.summary_en == "A summary the editor rewrote"
    assert principle.summary_html_en == "<p>A summary the editor rewrote</p>"


def test_an_earlier_database_gets_the_missing_english_and_keeps_its_edited_korean():
    """As a database loaded before the seed had English: the English columns empty, the
    fill records absent, and an editor's Korean edit on one principle."""
    SeedRecord.objects.filter(key__startswith="fill:").delete()
    Principle.objects.update(summary_en="", summary_html_en="", title_en="")
    Team.objects.update(tagline_en=None)
    edited = Principle.objects.get(slug="ai-audit")
    edited.summary_ko = "편집자가 바꾼 한국어 요약"
    edited.save()

    output = load()

    seed = {p["slug"]: p for p in read_seed()["principles"]}
    edited.refresh_from_db()
    assert edited.summary_ko == "편집자가 바꾼 한국어 요약"
    assert edited.summary_en == seed["ai-audit"]["summary_en"]
    assert edited.title_en == seed["ai-audit"]["title_en"]
    assert "<p>" in edited.summary_html_en
    assert all(p.summary_en and p.title_en for p in Principle.objects.all())
    assert Team.objects.get(slug="gamma").tagline_en == "Generalists + Coaches + Culture"
    assert "0 items created" in output
    taglines = sum(1 for team in Team.objects.all() if team.tagline_ko)
    english = 2 * Principle.objects.count() + taglines  # titles, summaries, taglines
    assert f"({english} of them English)" in output

    # Once filled, an English text the editor empties stays empty.
    edited.summary_en = ""
    edited.save()
    load()
    edited.refresh_from_db()
    assert edited.summary_en == ""
