"""The query table: what a reader types, and what must be among the first three results.
Korean stems are typed without their particles; the content has them attached (윤리적,
윤리를, 거버넌스를) or inside compounds written without spaces (비서실장)."""

import unicodedata

import pytest
from django.db import connection

from tests.search.helpers import result_urls, search

pytestmark = pytest.mark.django_db

CHECKLIST = "/governance/responsible-ai-development/"

QUERY_TABLE = [
    # Korean stems without particles
    ("윤리", "/principles/small-15-senior-generalist-ethics-team/"),
    ("채용", "/principles/product-led-hiring/"),
    ("벤치마크", "/principles/benchmarks/"),
    ("거버넌스", "/principles/ai-governance-officer/"),
    ("투명성", "/principles/top-tier-transparency-standards/"),
    ("설명 가능성", CHECKLIST + "#item-explainability-standard"),
    ("감사", "/principles/ai-audit/"),
    ("편향", "/principles/few-meetings-and-little-bias/"),
    ("공정성", "/principles/low-ego-high-trust-low-bias-high-fairness/"),
    ("모니터링", "/principles/in-person-continuous-monitoring/"),
    ("데빈", "/talks/cognition-the-story-of-devin-10-and-20/"),
    # inside a compound written without a space (AI 비서실장): Hangul bigrams
    ("실장", "/principles/ai-chief-of-staff/"),
    # English terms
    ("Gumloop", "/teams/gumloop/"),
    ("transparency", "/principles/top-tier-transparency-standards/"),
    ("hiring", "/principles/product-led-hiring/"),
    ("Benchmarks", "/principles/benchmarks/"),
    ("work trials", "/principles/work-trials/"),
    ("Cognition", "/teams/cognition/"),
    # mixed Korean and English
    ("AI 감사", "/principles/ai-audit/"),
    ("AI거버넌스", "/principles/ai-governance-officer/"),
    ("Every 벤치마크", "/teams/every/"),
    # typos (pg_trgm)
    ("transparancy", "/principles/top-tier-transparency-standards/"),
    ("Gumlop", "/teams/gumloop/"),
    # a quoted phrase
    ('"설명 가능성"', CHECKLIST + "#item-explainability-standard"),
    ('"모델 평가"', "/principles/model-evaluations/"),
    # a minus term
    ("거버넌스 -모델", "/principles/ai-governance-officer/"),
    # a decomposed (NFD) query equals the composed one
    (unicodedata.normalize("NFD", "채용"), "/principles/product-led-hiring/"),
]


@pytest.mark.parametrize(("query", "expected"), QUERY_TABLE)
def test_expected_item_is_in_the_top_three(client, query, expected):
    response = search(client, query)
    assert response.status_code == 200
    top = result_urls(response)[:3]
    assert expected in top, f"{query!r}: top three were {top}"


def test_title_matches_rank_first(client):
    urls = result_urls(search(client, "벤치마크"))
    assert urls[0] == "/principles/benchmarks/"


def test_minus_term_leaves_out_what_contains_it(client):
    with_minus = result_urls(search(client, "거버넌스 -모델"))
    assert "/principles/simple-governance-model/" in result_urls(search(client, "거버넌스"))
    assert "/principles/simple-governance-model/" not in with_minus


def test_a_quoted_phrase_needs_its_words_together(client):
    phrase = result_urls(search(client, '"모델 평가"'))
    words = result_urls(search(client, "모델 평가"))
    assert set(phrase) < set(words)


def test_database_ctype_is_utf8_so_pg_trgm_sees_hangul():
    """Under LC_CTYPE=C pg_trgm extracts no trigrams from Hangul and typos in Korean
    titles would never be found: create the databases with a UTF-8 locale."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT datctype FROM pg_database WHERE datname = current_database()")
        (ctype,) = cursor.fetchone()
        cursor.execute("SELECT cardinality(show_trgm('거버넌스'))")
        (trigrams,) = cursor.fetchone()
    assert ctype.lower().replace("-", "").endswith("utf8"), (
        f"LC_CTYPE of the test database is {ctype!r}; it must be a UTF-8 locale"
    )
    assert trigrams > 0
