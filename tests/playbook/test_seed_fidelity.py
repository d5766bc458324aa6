"""The seed file against the rules of docs/content.md ("Where the content comes from").

These read fixtures/playbook.toml itself, so they hold before anything is loaded: every
Korean text has its English twin, every evidence link says where in the source it comes
from, and the provenance facts the source-fidelity read settled stay settled.
"""

import re
import tomllib

import pytest
from django.conf import settings

SEED = settings.BASE_DIR / "fixtures" / "playbook.toml"
HANGUL = re.compile("[\uac00-\ud7a3]")

# The seven pairs the source gives as separate, neighbouring bullets.
PAIRS = {
    ("work-trials", "model-evaluations"),
    ("product-led-hiring", "data-led-approach"),
    ("top-of-market-pay", "top-tier-transparency-standards"),
    ("ai-chief-of-staff", "ai-governance-officer"),
    ("ai-support", "ai-audit"),
    ("simple-boring-tech-stack", "simple-transparent-model-architecture"),
    ("simple-product", "simple-governance-model"),
}


@pytest.fixture(scope="module")
def seed():
    with open(SEED, "rb") as handle:
        return tomllib.load(handle)


def entries(seed):
    """Every table of the seed, nested ones too, with a readable path."""

    def walk(entry, path):
        yield path, entry
        for key, value in entry.items():
            if isinstance(value, list) and value and isinstance(value[0], dict):
                for index, child in enumerate(value):
                    yield from walk(child, f"{path}.{key}[{index}]")

    for kind, items in seed.items():
        for index, entry in enumerate(items):
            yield from walk(entry, f"{kind}[{index}]")


def links(seed):
    for kind in ("teams", "talks"):
        for owner in seed[kind]:
            for link in owner.get("principles", []):
                yield f"{kind}:{owner['slug']}", link


def test_every_korean_text_has_an_english_translation_next_to_it(seed):
    missing = [
        f"{path}.{key}"
        for path, entry in entries(seed)
        for key, value in entry.items()
        if isinstance(value, str)
        and HANGUL.search(value)
        and not key.endswith(("_en", "_ko"))
        and not entry.get(f"{key}_en", "").strip()
    ]
    assert missing == []


def test_english_texts_are_english(seed):
    korean = [
        f"{path}.{key}"
        for path, entry in entries(seed)
        for key, value in entry.items()
        if key.endswith("_en") and isinstance(value, str) and HANGUL.search(value)
    ]
    assert korean == []


def test_every_evidence_link_says_where_the_source_ties_it(seed):
    for owner, link in links(seed):
        assert link.get("source", "").strip(), (owner, link["principle"])
        assert link.get("source_en", "").strip(), (owner, link["principle"])


def test_links_the_source_does_not_support_are_gone_and_the_missing_one_is_there(seed):
    pairs = {(owner, link["principle"]) for owner, link in links(seed)}
    assert not {p for p in pairs if p[0].endswith(":cognition")}
    assert not {p for p in pairs if p[0] == "talks:cognition-the-story-of-devin-10-and-20"}
    assert ("teams:datalab", "hire-and-build-right-or-not-at-all") not in pairs
    assert ("teams:gumloop", "ai-audit") in pairs


def test_the_seven_pairs_point_at_each_other(seed):
    principles = {p["slug"]: p for p in seed["principles"]}
    found = {tuple(sorted((slug, p["pair"]))) for slug, p in principles.items() if p.get("pair")}
    assert found == {tuple(sorted(pair)) for pair in PAIRS}
    for first, second in PAIRS:
        assert principles[first]["pair"] == second
        assert principles[second]["pair"] == first


def test_editorial_ethics_notes_are_marked(seed):
    editorial = {p["slug"] for p in seed["principles"] if p.get("responsible_ai_editorial")}
    # The second of each pair is itself the counterpart; two items have none in the source.
    assert editorial == {second for _, second in PAIRS} | {
        "independence-grit-resilience",
        "feature-flags-experimentation",
    }


def test_talks_show_what_is_inferred_and_name_only_speakers_the_source_has_speaking(seed):
    speakers = set()
    for talk in seed["talks"]:
        assert talk["title_inferred"] is True, talk["slug"]
        assert talk["source_section"] and talk["source_section_en"], talk["slug"]
        speakers.update(talk["speakers"])
        for link in talk.get("principles", []):
            assert "quote" not in link, "the source quotes nobody at a moment of a talk"
    assert speakers == {"Grant Lee", "Max", "Eric", "Alex Duffy", "Scott Wu"}


def test_figures_and_roles_keep_the_sources_qualifiers(seed):
    teams = {t["slug"]: t for t in seed["teams"]}
    assert "leader" not in teams["every"]  # Alex Duffy heads its AI Practice
    assert teams["cognition"]["headcount_qualifier_en"] == "until recently"
    events = {e["slug"]: e for e in seed["events"]}
    assert events["ai-engineer-summit"]["place_en"] == "New York"
    assert events["ai-engineer-summit"]["dates_en"] == "20–22 November"


def test_the_typos_of_the_first_seed_are_fixed():
    text = SEED.read_text(encoding="utf-8")
    for typo in ("내렸는지**기록이", "(ethical review)**없이"):
        assert typo not in text
