"""make bench-pages: every main page against a static file from the same gunicorn, the
memory of each worker, and a 60-second soak across the main pages with 200 connections."""

import os
import re
import subprocess
from pathlib import Path

from bench.common import print_table, production_app, require_wrk, static_css_url, wrk
from tests.app_server import fetch

SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
SOAK_SECONDS = int(os.environ.get("BENCH_SOAK_SECONDS", "60"))
ROTATE_SCRIPT = Path(__file__).with_name("rotate.lua")


def page_paths(base: str) -> list[tuple[str, str]]:
    status, page = fetch(base + "/sections/tech-and-product/")
    revision = re.search(r'data-revision="(\d+)"', page).group(1)
    paths = [
        ("home", "/"),
        ("principle list", "/principles/"),
        ("principle", "/principles/work-trials/"),
        ("live section", "/sections/tech-and-product/"),
        ("live poll, nothing new", f"/sections/tech-and-product/changes?since={revision}"),
        ("teams", "/teams/"),
        ("team", "/teams/gamma/"),
        ("talks", "/talks/"),
        ("checklists", "/governance/"),
        ("checklist", "/governance/responsible-ai-development/"),
        ("recent changes", "/changes/"),
        ("map", "/map/"),
        ("search", "/search/?q=%EC%9C%A4%EB%A6%AC"),
    ]
    return [(name, path) for name, path in paths if fetch(base + path)[0] in {200, 204}]


def worker_rss_mb(port: str) -> list[float]:
    """Resident memory of each gunicorn process serving that port (master first)."""
    sizes = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            if "gunicorn" not in cmdline or f"127.0.0.1:{port}" not in cmdline:
                continue
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
    return sorted(sizes)


def soak(base: str, paths: list[str]) -> None:
    env = {**os.environ, "BENCH_PATHS": ",".join(paths)}
    result = subprocess.run(
        [require_wrk(), "-t2", "-c200", f"-d{SOAK_SECONDS}s", "--timeout", "10s",
         "-s", str(ROTATE_SCRIPT), base],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    out = result.stdout
    total = int(re.search(r"(\d+) requests in", out).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    failed = (int(non_2xx.group(1)) if non_2xx else 0) + (
        sum(map(int, errors.groups())) if errors else 0
    )
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    print(f"\nsoak: 200 connections for {SOAK_SECONDS}s across {len(paths)} pages: "
          f"{total} requests ({rps:.0f}/s), {failed} failed")  # fmt: skip
    if failed:
        raise SystemExit("soak run failed")


def main() -> None:
    require_wrk()
    with production_app("bench_pages") as (base, _env):
        port = base.rsplit(":", 1)[1]
        pages = page_paths(base)
        rows = [("static file (baseline)", wrk(static_css_url(base), SECONDS))]
        rows += [(name, wrk(base + path, SECONDS)) for name, path in pages]
        print(f"\npages on gunicorn, {os.cpu_count()} cores, {SECONDS}s each, 50 connections")
        print_table(rows, rows[0][1])
        rss = worker_rss_mb(port)
        print("gunicorn memory (RSS, MB): " + ", ".join(f"{size:.0f}" for size in rss))
        soak(base, [path for _, path in pages])


if __name__ == "__main__":
    main()
