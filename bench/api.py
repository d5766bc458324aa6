"""make bench-api: the API's principle list (and a few other endpoints) against a static
file from the same gunicorn in one run, with the machine's load noted beside it."""

import os
import subprocess

from bench.common import print_table, production_app, require_wrk, static_css_url, wrk

SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))

PATHS = [
    ("API principle list (20)", "/api/v1/principles/"),
    ("API principle list (100)", "/api/v1/principles/?limit=100"),
    ("API principle", "/api/v1/principles/work-trials/"),
    ("API teams", "/api/v1/teams/"),
    ("API search", "/api/v1/search/?q=%EC%9C%A4%EB%A6%AC"),
    ("principle list page", "/principles/"),
]


def main() -> None:
    require_wrk()
    # wrk sends every request from one address: lift the per-address limit for the run.
    os.environ["PLAYBOOK_API_REQUESTS_PER_MINUTE"] = "100000000"
    with production_app("bench_api") as (base, _env):
        print(
            "load before:",
            subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip(),
        )
        rows = [("static file (baseline)", wrk(static_css_url(base), SECONDS))]
        rows += [(name, wrk(base + path, SECONDS)) for name, path in PATHS]
        print(f"\nAPI on gunicorn, {os.cpu_count()} cores, {SECONDS}s each, 50 connections")
        print_table(rows, rows[0][1])
        print(
            "load after: ",
            subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip(),
        )


if __name__ == "__main__":
    main()
