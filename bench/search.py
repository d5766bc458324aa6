"""make bench-search: what a search costs with 10,000 rows of Korean text.

Generates 5,000 principles and 5,000 live updates of Korean sentences (stems with their
particles attached, some compounds, some English terms) into a fresh PostgreSQL database,
then measures, over real HTTP from gunicorn with DEBUG off, the latency of 50 mixed
queries (each asked 3 times, after one warm-up) and of the principle list page, and
prints p50, p95 and their ratio. Target: p95 < 50 ms, search <= 2x the list page.
"""

import os
import statistics
import time
import urllib.parse

from bench.common import production_app
from tests.app_server import fetch, manage

ROWS = int(os.environ.get("BENCH_SEARCH_ROWS", "10000"))
REPEAT = 3

QUERIES = [
    "윤리", "채용", "벤치마크", "거버넌스", "투명성", "설명 가능성", '"설명 가능성"', "공정성",
    "편향", "감사", "자동화", "평가", "모델", "데이터", "책임", "사용자", "회의", "문화",
    "실장", "강령", "AI거버넌스", "윤리 채용", "모델 평가", '"모델 평가"', "거버넌스 -모델",
    "윤리 -채용", "투명성 표준", "데이터 품질", "위험 관리", "지속적인 모니터링",
    "Gumloop", "benchmarks", "transparency", "hiring", "governance", "audit", "evals",
    "fairness", "Gumlop", "transparancy", "benchmrks", "AI 감사", "AI 윤리", "LLM 평가",
    "Every 벤치마크", "팀", "급여", "워크숍", "실험 기능", "없는단어조합",
]  # fmt: skip
assert len(QUERIES) == 50

GENERATE = r"""
import random
from django.contrib.auth import get_user_model
from playbook.models import LiveUpdate, Principle, Section, Tag

random.seed(4)
stems = ["윤리", "채용", "거버넌스", "투명성", "평가", "모델", "데이터", "공정성", "편향", "감사",
         "자동화", "벤치마크", "설명", "가능성", "책임", "사용자", "회의", "문화", "위험", "관리",
         "모니터링", "품질", "급여", "실험", "기능", "제품", "팀", "신뢰", "속도", "협업", "규제",
         "원칙", "표준", "검토", "워크숍", "강령", "비서실장", "프라이버시", "배포", "지표"]
particles = ["", "", "을", "를", "은", "는", "이", "가", "의", "에서", "적", "으로", "과", "도"]
english = ["AI", "LLM", "evals", "benchmarks", "governance", "hiring", "audit", "fairness",
           "transparency", "Gumloop", "model cards", "feature flags"]
compounds = ["AI거버넌스", "윤리강령", "데이터거버넌스", "모델평가", "투명성표준"]

def sentence(n):
    words = []
    for _ in range(n):
        r = random.random()
        if r < 0.08:
            words.append(random.choice(english))
        elif r < 0.12:
            words.append(random.choice(compounds) + random.choice(particles))
        else:
            words.append(random.choice(stems) + random.choice(particles))
    return " ".join(words) + "."

rows = ROWS // 2
sections = list(Section.objects.all())
tags = list(Tag.objects.all())
principles = Principle.objects.bulk_create(
    Principle(section=sections[i % len(sections)], slug=f"bench-{i}",
              title=sentence(random.randint(3, 6)), title_en="Generated principle",
              summary=sentence(random.randint(25, 45)),
              responsible_ai=sentence(random.randint(20, 35)), order=1000 + i)
    for i in range(rows)
)
Through = Principle.tags.through
Through.objects.bulk_create(
    Through(principle_id=p.pk, tag_id=random.choice(tags).pk) for p in principles
)
live = Section.objects.get(is_live=True)
author = get_user_model().objects.create_user("bench-author")
LiveUpdate.objects.bulk_create(
    LiveUpdate(section=live, author=author, body=sentence(random.randint(15, 40)))
    for _ in range(rows)
)
print(Principle.objects.count(), LiveUpdate.objects.count())
"""


def timed_get(url: str) -> float:
    started = time.perf_counter()
    status, _ = fetch(url)
    elapsed = time.perf_counter() - started
    assert status == 200, (status, url)
    return elapsed * 1000


def measure(urls: list[str]) -> list[float]:
    for url in urls:
        timed_get(url)  # warm-up: connections, template and plan caches
    return [timed_get(url) for _ in range(REPEAT) for url in urls]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(name: str, values: list[float]) -> tuple[float, float]:
    p50, p95 = statistics.median(values), percentile(values, 0.95)
    print(f"{name:<44} {len(values):>5} {p50:>9.1f} {p95:>9.1f} {max(values):>9.1f}")
    return p50, p95


def main() -> None:
    with production_app("bench_search") as (base, env):
        search_urls = [f"{base}/search/?{urllib.parse.urlencode({'q': q})}" for q in QUERIES]
        list_url = f"{base}/principles/"
        seed_list = measure([list_url] * 10)
        print(f"generating {ROWS} rows of Korean text (principles and live updates)…")
        started = time.perf_counter()
        print(manage(env, "shell", "-c", f"ROWS = {ROWS}\n" + GENERATE).strip())
        print(f"generated in {time.perf_counter() - started:.1f}s")
        manage(env, "shell", "-c", "from django.db import connection\n"
               "connection.cursor().execute('ANALYZE')")  # fmt: skip
        searches = measure(search_urls)
        htmx = []
        for url in search_urls[:20]:
            started = time.perf_counter()
            fetch_htmx(url)
            htmx.append((time.perf_counter() - started) * 1000)
        grown_list = measure([list_url] * 5)

        print(f"\nsearch on gunicorn (DEBUG off), {os.cpu_count()} cores, sequential requests")
        print(f"{'what (ms)':<44} {'n':>5} {'p50':>9} {'p95':>9} {'max':>9}")
        s50, s95 = summary(f"search, 50 mixed queries x{REPEAT}", searches)
        summary("search, results only (htmx), 20 queries", htmx)
        l50, _ = summary("principle list page, seed (28 principles)", seed_list)
        g50, _ = summary(f"principle list page, +{ROWS // 2} principles", grown_list)
        print(f"\nsearch p95 = {s95:.1f} ms (target < 50 ms)")
        print(f"search p50 / list page p50 (seed)  = {s50 / l50:.2f} (target <= 2)")
        print(f"search p50 / list page p50 (grown) = {s50 / g50:.3f}")


def fetch_htmx(url: str) -> None:
    import urllib.request

    request = urllib.request.Request(url, headers={"HX-Request": "true"})
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        assert response.status == 200
        response.read()


if __name__ == "__main__":
    main()
