"""Shared pieces of the benchmarks: a production-like app process and a load tool (wrk).

Every figure is printed as a ratio to a static file served by the same gunicorn in the
same run, so results compare across machines."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.app_server import fetch, loaded_app, serving  # noqa: E402

WORKERS = int(os.environ.get("BENCH_WORKERS", str(max(2, os.cpu_count() or 2))))


def cache_environment() -> tuple[str, dict]:
    """The shared cache of a benchmark's app: Redis when one answers at BENCH_REDIS_URL
    (redis://127.0.0.1:6379/12), else the database cache; BENCH_CACHE=database forces the
    latter. Returns its description and the environment that selects it."""
    # A new release per run: keys another run left in the same Redis are never read.
    env = {"PLAYBOOK_RELEASE": "bench-" + os.urandom(4).hex()}
    url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")
    if os.environ.get("BENCH_CACHE", "redis") == "redis":
        try:
            import redis

            redis.Redis.from_url(url, socket_timeout=2).ping()
        except Exception:  # no Redis here: the database cache, the default without one
            return "database cache (no Redis answered)", env
        return f"Redis at {url}", {**env, "REDIS_URL": url}
    return "database cache", env


def require_wrk() -> str:
    wrk = shutil.which("wrk")
    if not wrk:
        sys.exit("wrk is missing: apt-get install wrk (make bench installs it as root)")
    return wrk


@contextmanager
def production_app(name: str, **extra):
    """The app with DEBUG off, hashed static files and a loaded playbook, on PostgreSQL
    (and `extra` environment variables)."""
    with (
        tempfile.TemporaryDirectory() as var,
        loaded_app(
            Path(var),
            name,
            editor=("bench-editor", "a-long-bench-password-9"),
            collectstatic=True,
            DJANGO_DEBUG="0",
            DJANGO_SECRET_KEY="bench-" + os.urandom(16).hex(),
            DJANGO_SECURE_SSL_REDIRECT="0",
            DJANGO_SECURE_COOKIES="0",
            **extra,
        ) as env,
        serving(env, workers=WORKERS) as base,
    ):
        yield base, env


def static_css_url(base: str) -> str:
    status, page = fetch(base + "/")
    assert status == 200
    return base + re.search(r'href="(/static/css/site[^"]*\.css)"', page).group(1)


def wrk(url: str, seconds: int = 10, connections: int = 50, threads: int = 2) -> dict:
    """Requests per second and failures of one wrk run against url."""
    result = subprocess.run(
        [require_wrk(), f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    )
    out = result.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    p99 = re.search(r"99%\s+([\d.]+\w+)", out)
    return {
        "rps": rps,
        "requests": total,
        "non_2xx_3xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": sum(map(int, errors.groups())) if errors else 0,
        "p99": p99.group(1) if p99 else "?",
    }


def print_table(rows: list[tuple[str, dict]], baseline: dict) -> None:
    print(f"{'what':<38} {'req/s':>9} {'ratio':>7} {'p99':>9} {'failed':>7}")
    for name, row in rows:
        failed = row["non_2xx_3xx"] + row["socket_errors"]
        ratio = row["rps"] / baseline["rps"]
        print(f"{name:<38} {row['rps']:>9.0f} {ratio:>7.2f} {row['p99']:>9} {failed:>7}")
