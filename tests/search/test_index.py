"""The search index beside the content: lemmas and sentence vectors per item and language,
written on save and by `manage.py reindex`."""

import io
import logging

import numpy as np
import pytest
from django.core.management import call_command

from playbook.models import Principle
from search import checks, semantic
from search.checks import vector_version_check
from search.models import SearchEntry
from search.morphology import lemmas

pytestmark = pytest.mark.django_db


def entry(principle, language="ko"):
    return SearchEntry.objects.get(kind="principle", object_id=principle.pk, language=language)


def test_mecab_reduces_particles_and_endings():
    assert lemmas("윤리를") == ["윤리"]
    assert lemmas("윤리적인") == ["윤리"]
    assert lemmas("채용했다") == ["채용"]
    assert lemmas("비서실장은") == ["비서", "실장"]
    assert lemmas("거버넌스를") == ["거버넌스"]
    assert lemmas("지켜야 합니다")[0] == "지키"


def test_every_searchable_item_has_an_entry_per_language():
    principle = Principle.objects.get(slug="work-trials")
    korean, english = entry(principle, "ko"), entry(principle, "en")
    assert "평가" in korean.lemmas.split()
    assert "trials" in english.lemmas.split()
    assert (korean.model_name, korean.model_version) == (
        semantic.MODEL_NAME,
        semantic.MODEL_VERSION,
    )
    vector = semantic.from_bytes(korean.vector)
    assert vector.shape == (semantic.DIMENSIONS,)
    assert abs(float(np.linalg.norm(vector)) - 1) < 1e-4


def test_reindex_is_idempotent_and_counts():
    SearchEntry.objects.filter(kind="team").delete()
    teams = 8
    out = io.StringIO()
    call_command("reindex", stdout=out)
    total = SearchEntry.objects.count()
    # The deleted teams' entries (Korean and English) are written again, nothing else.
    assert f"{teams * 2} entries written" in out.getvalue()
    assert f"team {teams * 2}" in out.getvalue()
    assert f"{total} in the index" in out.getvalue()
    assert "team" in out.getvalue() and f"{teams}/{teams}" in out.getvalue()  # progress

    again = io.StringIO()
    call_command("reindex", stdout=again)
    assert "Reindexed: 0 entries written" in again.getvalue()
    assert SearchEntry.objects.count() == total


def test_a_changed_text_changes_its_vector_and_lemmas_in_the_same_request(editor_client):
    principle = Principle.objects.get(slug="work-trials")
    before, english = entry(principle), entry(principle, "en")
    principle.summary_ko = "고양이를 돌보는 법을 함께 배웁니다."
    principle.save()
    after = entry(principle)
    assert after.text_hash != before.text_hash
    assert "고양이" in after.lemmas.split()
    cosine = float(semantic.from_bytes(after.vector) @ semantic.from_bytes(before.vector))
    assert cosine < 0.99
    # The English entry's text did not change: it is left as it was.
    assert entry(principle, "en").updated_at == english.updated_at
    assert after.updated_at > before.updated_at


def test_an_unchanged_save_writes_nothing():
    principle = Principle.objects.get(slug="work-trials")
    before = entry(principle)
    principle.save()
    assert entry(principle).updated_at == before.updated_at


def test_a_model_version_mismatch_warns_to_reindex(caplog):
    principle = Principle.objects.get(slug="work-trials")
    SearchEntry.objects.filter(pk=entry(principle).pk).update(model_version="0.0.1")
    warnings = vector_version_check(databases=["default"])
    assert [w.id for w in warnings] == ["search.W001"]
    assert "reindex" in warnings[0].msg and "1 stored search vectors" in warnings[0].msg

    # The search ignores those vectors and says so in the log, once per process.
    checks._logged = False
    semantic.forget_index()
    with caplog.at_level(logging.WARNING, logger="search.checks"):
        from search.candidates import vector_index

        index = vector_index()
    assert ("principle", principle.pk) in index.keys  # its English vector is still good
    assert any("manage.py reindex" in r.getMessage() for r in caplog.records)
    semantic.forget_index()

    call_command("reindex", stdout=io.StringIO())
    assert vector_version_check(databases=["default"]) == []


def test_the_model_is_loaded_once_per_process():
    first = semantic.model()
    semantic.encode(["하나", "둘"])
    assert semantic.model() is first
