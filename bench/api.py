"""make bench-api: the API's principle list (and a few other endpoints) against a static
file from the same gunicorn in one run, with the machine's load noted beside it; Redis as
the shared cache when one answers, as bench-pages does."""

import os
import subprocess
import time

from bench.common import (
    cache_environment,
    fetch,
    production_app,
    require_wrk,
    static_css_url,
    wrk,
)

SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))

PATHS = [
    ("API principle list (20)", "/api/v1/principles/"),
    ("API principle list (100)", "/api/v1/principles/?limit=100"),
    ("API principle", "/api/v1/principles/work-trials/"),
    ("API teams", "/api/v1/teams/"),
    ("principle list page", "/principles/"),
    # Last: search renders every time (not cached, api/cached.py), and what a slow run
    # leaves queued would weigh on the rows after it.
    ("API search (not cached)", "/api/v1/search/?q=%EC%9C%A4%EB%A6%AC"),
]


def settle(static: str, seconds: float = 30) -> None:
    """Wait until the server has worked off what a slow row left queued (wrk gives up
    after 2 s, gunicorn still answers each request it accepted)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.monotonic()
        fetch(static)
        if time.monotonic() - started < 0.05:
            return
        time.sleep(0.5)


def print_pairs(rows) -> None:
    print(f"{'what':<38} {'req/s':>9} {'ratio':>7} {'p99':>9} {'failed':>7}")
    for index, (name, row) in enumerate(rows):
        baseline = rows[index - index % 2][1]
        failed = row["non_2xx_3xx"] + row["socket_errors"]
        ratio = row["rps"] / baseline["rps"] if baseline["rps"] else float("nan")
        print(f"{name:<38} {row['rps']:>9.0f} {ratio:>7.2f} {row['p99']:>9} {failed:>7}")


def main() -> None:
    require_wrk()
    # wrk sends every request from one address: lift the per-address limit for the run.
    os.environ["PLAYBOOK_API_REQUESTS_PER_MINUTE"] = "100000000"
    backend, cache_env = cache_environment()
    with production_app("bench_api", **cache_env) as (base, _env):
        print(f"shared cache: {backend}")
        print(
            "load before:",
            subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip(),
        )
        static = static_css_url(base)
        rows = []
        for name, path in PATHS:
            settle(static)
            # The static file right before each row: the machine's load changes meanwhile.
            rows.append(("  static file, just before", wrk(static, SECONDS)))
            rows.append((name, wrk(base + path, SECONDS)))
        print(f"\nAPI on gunicorn, {os.cpu_count()} cores, {SECONDS}s each, 50 connections; "
              "ratio to the static file run just before it")  # fmt: skip
        print_pairs(rows)
        print(
            "load after: ",
            subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip(),
        )


if __name__ == "__main__":
    main()
