"""Search that understands (issue 15): the rows a reader types in their own words, each
with the item that must be among the first three results, and a table of queries that
must not find an item. The words-only table is tests/search/test_search_queries.py.

tests/search/test_understanding_report.py prints hits/total for each group."""

import pytest

from playbook.models import Principle
from tests.search.helpers import result_urls, search

pytestmark = pytest.mark.django_db

P = "/principles/"
CHECKLIST = "/governance/responsible-ai-development/"

# Korean words with their particles and verb endings (mecab-ko lemmas on both sides).
PARTICLES = [
    ("윤리를 지키려면", P + "simple-governance-model/"),
    ("윤리적인", P + "small-15-senior-generalist-ethics-team/"),
    ("채용했다", P + "product-led-hiring/"),
    ("비서실장은", P + "ai-chief-of-staff/"),
    ("거버넌스를", P + "ai-governance-officer/"),
    ("투명성을", P + "top-tier-transparency-standards/"),
    ("벤치마크를 만들었다", P + "benchmarks/"),
    ("회의를 줄이는", P + "few-meetings-and-little-bias/"),
    ("급여는", P + "top-of-market-pay/"),
    ("감사하는", P + "ai-audit/"),
    ("데빈은", "/talks/cognition-the-story-of-devin-10-and-20/"),
    ("Gumloop의 채용", "/talks/gumloop-extreme-hiring-no-meetings-automation/"),
    ("에브리의 벤치마크", "/talks/every-benchmarks-are-memes-and-metrics/"),
    ("쿠버네티스 대신", P + "simple-boring-tech-stack/"),
]

# The same thing said in other words (sentence vectors, lemmas).
PARAPHRASES = [
    ("perseverance", P + "independence-grit-resilience/"),
    ("사람을 뽑는 법", P + "hire-and-build-right-or-not-at-all/"),
    ("who is responsible for AI policy", P + "ai-governance-officer/"),
    ("trust between colleagues", P + "low-ego-high-trust-low-bias-high-fairness/"),
    ("avoid complex infrastructure", P + "simple-boring-tech-stack/"),
    ("paid trial project before joining", P + "work-trials/"),
    ("knowledge accumulates", P + "compound-learning/"),
    ("같은 것을 두 번 배우지 않기", P + "compound-learning/"),
    ("모든 불을 끄지 마라", P + "let-fires-burn-let-risks-be-known/"),
    ("고객 상담 자동화", P + "ai-support/"),
    ("testing LLMs", CHECKLIST + "#item-internal-evals-fairness"),
    ("golden period for startups", "/talks/datalab-senior-generalists-and-a-golden-period/"),
]

# Typos in words that stand in bodies, not titles (vocabulary correction).
TYPOS = [
    ("paid projcts", P + "work-trials/"),
    ("deep focsu", P + "few-meetings-and-little-bias/"),
    ("hack weeeks", P + "in-person-continuous-monitoring/"),
    ("culture dekc", P + "culture-value/"),
    ("셸 스크맆트", P + "simple-boring-tech-stack/"),
    ("주인의싣", P + "low-ego-high-trust-low-bias-high-fairness/"),
    ("쿠버네티즈", P + "simple-boring-tech-stack/"),
    ("customer suport", P + "ai-support/"),
]

# Across languages: the principle keeps only one language's text (the other emptied in
# the test), and the query is in the other language; only meaning can connect them.
ONLY_KOREAN = {
    "top-of-market-pay": ["salary at the top of the market", "how much should we pay people"],
    "culture-value": ["a living culture deck"],
    "compound-learning": ["never learn the same thing twice"],
    "ai-support": ["customer support handled by AI"],
}
ONLY_ENGLISH = {
    "few-meetings-and-little-bias": ["회의를 최소한으로"],
    "simple-boring-tech-stack": ["단순하고 지루한 기술"],
    "work-trials": ["합류 전에 함께 일해 보기"],
    "ai-governance-officer": ["AI 정책 준수를 감독하는 사람"],
}
ENGLISH_OVER_KOREAN = [(q, P + slug + "/") for slug, qs in ONLY_KOREAN.items() for q in qs]
KOREAN_OVER_ENGLISH = [(q, P + slug + "/") for slug, qs in ONLY_ENGLISH.items() for q in qs]

GROUPS = {
    "particles and verb endings": PARTICLES,
    "paraphrases": PARAPHRASES,
    "typos outside titles": TYPOS,
    "English over Korean": ENGLISH_OVER_KOREAN,
    "Korean over English": KOREAN_OVER_ENGLISH,
}

# Queries that must not find an item: "*" for nothing at all.
MUST_NOT_FIND = [
    ("바나나 요리법", "*"),
    ("고양이 사료", "*"),
    ("피아노 연습 방법", "*"),
    ("weather tomorrow in Paris", "*"),
    ("how to bake sourdough bread", "*"),
    ("채용", P + "ai-audit/"),
    ("Gumloop", P + "benchmarks/"),
    ("벤치마크", P + "top-of-market-pay/"),
    ("거버넌스 -모델", P + "simple-governance-model/"),
    ("투명성", "/teams/gumloop/"),
    ("Devin", P + "top-of-market-pay/"),
    ("급여", P + "ai-audit/"),
]


def keep_one_language(slugs, keep: str) -> None:
    """Empty the other language of these principles, saving through the model so the
    search index follows (search.indexing)."""
    drop = "en" if keep == "ko" else "ko"
    for principle in Principle.objects.filter(slug__in=slugs):
        for name in ("title", "summary", "responsible_ai"):
            setattr(principle, f"{name}_{drop}", "")
        principle.save()


@pytest.fixture
def korean_only(db):
    keep_one_language(ONLY_KOREAN, "ko")


@pytest.fixture
def english_only(db):
    keep_one_language(ONLY_ENGLISH, "en")


def top_three(client, query):
    response = search(client, query)
    assert response.status_code == 200
    return result_urls(response)[:3]


@pytest.mark.parametrize(("query", "expected"), PARTICLES + PARAPHRASES + TYPOS)
def test_expected_item_is_in_the_top_three(client, query, expected):
    top = top_three(client, query)
    assert expected in top, f"{query!r}: top three were {top}"


@pytest.mark.parametrize(("query", "expected"), ENGLISH_OVER_KOREAN)
def test_english_question_finds_korean_only_text(client, korean_only, query, expected):
    top = top_three(client, query)
    assert expected in top, f"{query!r}: top three were {top}"


@pytest.mark.parametrize(("query", "expected"), KOREAN_OVER_ENGLISH)
def test_korean_question_finds_english_only_text(client, english_only, query, expected):
    top = top_three(client, query)
    assert expected in top, f"{query!r}: top three were {top}"


@pytest.mark.parametrize(("query", "unwanted"), MUST_NOT_FIND)
def test_unrelated_queries_do_not_find_the_item(client, query, unwanted):
    urls = result_urls(search(client, query))
    if unwanted == "*":
        assert urls == [], f"{query!r} found {urls}"
    else:
        assert unwanted not in urls, f"{query!r} found {unwanted}"


def test_there_are_at_least_thirty_new_rows():
    assert sum(len(rows) for rows in GROUPS.values()) >= 30
