"""make bench-search: what a search costs with 10,000 rows of Korean text.

Generates 5,000 principles and 5,000 live updates of Korean sentences (stems with their
particles attached, some compounds, some English terms) into a fresh PostgreSQL database,
indexes them (`manage.py reindex`: lemmas and sentence vectors), then measures over real
HTTP from gunicorn with DEBUG off:

- p50/p95 of 50 mixed queries with every signal on (words, lemmas, typo correction,
  sentence vectors), each asked 3 times after one warm-up, and of the principle list page;
- the cost of semantic scoring alone (encoding the query and the cosine over every
  vector in memory), measured inside one process;
- the memory (RSS) of a worker with the model and the vectors loaded;
- the first search after a start (a new gunicorn, its first request).

Targets: p95 < 50 ms, worker memory < 250 MB, first request < 1 s.
"""

import os
import statistics
import time
import urllib.parse
from pathlib import Path

from bench.common import WORKERS, production_app
from tests.app_server import fetch, manage, serving

ROWS = int(os.environ.get("BENCH_SEARCH_ROWS", "10000"))
REPEAT = 3

QUERIES = [
    "윤리", "채용", "벤치마크", "거버넌스", "투명성", "설명 가능성", '"설명 가능성"', "공정성",
    "편향", "감사", "자동화", "평가", "모델", "데이터", "책임", "사용자", "회의", "문화",
    "실장", "강령", "AI거버넌스", "윤리를 지키려면", "모델을 평가했다", '"모델 평가"', "거버넌스 -모델",
    "윤리 -채용", "투명성 표준", "데이터 품질", "위험 관리", "지속적인 모니터링",
    "Gumloop", "benchmarks", "transparency", "hiring", "who is responsible for AI policy",
    "audit", "evals", "fairness", "Gumlop", "transparancy", "benchmrks", "AI 감사",
    "사람을 뽑는 법", "LLM 평가", "Every 벤치마크", "팀", "급여", "워크숍", "실험 기능",
    "없는단어조합",
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

SEMANTIC_ALONE = r"""
import statistics, time
from search import candidates, semantic
from search.query import parse_query
index = candidates.vector_index()
queries = QUERIES
encode, cosine = [], []
for q in queries * 3:
    started = time.perf_counter(); vector = semantic.encode_one(q)
    encode.append((time.perf_counter() - started) * 1000)
    started = time.perf_counter(); index.nearest(vector, candidates.SEMANTIC_LIMIT)
    cosine.append((time.perf_counter() - started) * 1000)
def p(values, share):
    ordered = sorted(values); return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]
print(f"vectors {len(index.keys)} x {index.matrix.shape[1]}")
print(f"encode {statistics.median(encode):.2f} {p(encode, 0.95):.2f}")
print(f"cosine {statistics.median(cosine):.2f} {p(cosine, 0.95):.2f}")
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


def worker_memory(port: str) -> list[float]:
    """RSS (MB) of the gunicorn workers serving on `port`: the processes whose command
    line binds it and whose parent is one of them (the master)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            status = (entry / "status").read_text()
        except OSError:
            continue
        if "gunicorn" in cmdline and f"127.0.0.1:{port}" in cmdline:
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            found[int(entry.name)] = (
                int(fields["PPid"].strip()),
                int(fields["VmRSS"].split()[0]) / 1024,
            )
    return [rss for pid, (parent, rss) in found.items() if parent in found]


def main() -> None:
    with production_app("bench_search") as (base, env):
        search_urls = [f"{base}/search/?{urllib.parse.urlencode({'q': q})}" for q in QUERIES]
        list_url = f"{base}/principles/"
        seed_list = measure([list_url] * 10)
        print(f"generating {ROWS} rows of Korean text (principles and live updates)…")
        started = time.perf_counter()
        print(manage(env, "shell", "-c", f"ROWS = {ROWS}\n" + GENERATE).strip())
        print(f"generated in {time.perf_counter() - started:.1f}s")
        started = time.perf_counter()
        print(manage(env, "reindex", "--verbosity", "0").strip().splitlines()[-1])
        print(f"reindexed in {time.perf_counter() - started:.1f}s")
        manage(env, "shell", "-c", "from django.db import connection\n"
               "connection.cursor().execute('ANALYZE')")  # fmt: skip
        searches = measure(search_urls)
        htmx = []
        for url in search_urls[:20]:
            started = time.perf_counter()
            fetch_htmx(url)
            htmx.append((time.perf_counter() - started) * 1000)
        grown_list = measure([list_url] * 5)
        memory = worker_memory(base.rsplit(":", 1)[1])
        semantic = manage(env, "shell", "-c", f"QUERIES = {QUERIES!r}\n" + SEMANTIC_ALONE)
        first = first_request(env, QUERIES[21])

    print(f"\nsearch on gunicorn (DEBUG off), {os.cpu_count()} cores, {WORKERS} workers, "
          "sequential requests")  # fmt: skip
    print(f"{'what (ms)':<44} {'n':>5} {'p50':>9} {'p95':>9} {'max':>9}")
    s50, s95 = summary(f"search, 50 mixed queries x{REPEAT}, every signal", searches)
    summary("search, results only (htmx), 20 queries", htmx)
    l50, _ = summary("principle list page, seed (28 principles)", seed_list)
    g50, _ = summary(f"principle list page, +{ROWS // 2} principles", grown_list)
    lines = dict(line.split(" ", 1) for line in semantic.strip().splitlines() if " " in line)
    e50, e95 = lines["encode"].split()
    c50, c95 = lines["cosine"].split()
    print(f"\nsemantic scoring alone, {lines['vectors']} vectors in memory (ms):")
    print(f"  encode the query     p50 {e50:>6}  p95 {e95:>6}")
    print(f"  cosine over all      p50 {c50:>6}  p95 {c95:>6}")
    print(f"\nsearch p95 = {s95:.1f} ms (target < 50 ms)")
    print(f"search p50 / list page p50 (seed)  = {s50 / l50:.2f}")
    print(f"search p50 / list page p50 (grown) = {s50 / g50:.3f}")
    print(f"worker memory (RSS) with the model and {lines['vectors'].split()[0]} vectors: "
          f"{', '.join(f'{m:.0f} MB' for m in memory)} (target < 250 MB)")  # fmt: skip
    print(f"first search after a start: {first:.0f} ms (target < 1000 ms)")


def first_request(env, query: str) -> float:
    """A new gunicorn on the grown database: the time of its first search (the server
    answers /healthz first, which loads nothing of search)."""
    with serving(env, workers=1) as base:
        url = f"{base}/search/?{urllib.parse.urlencode({'q': query})}"
        return timed_get(url)


def fetch_htmx(url: str) -> None:
    import urllib.request

    request = urllib.request.Request(url, headers={"HX-Request": "true"})
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        assert response.status == 200
        response.read()


if __name__ == "__main__":
    main()
