"""make bench-live: what a live section costs compared with a static file.

(a) a static file served by whitenoise, (b) the "nothing new" poll, (c) the full live
section page, all from the same gunicorn; then a soak: 200 connections for 30 s while an
editor posts an update every second, checking that every update arrived and nothing failed.
"""

import os
import re
import subprocess
import threading
import time
from pathlib import Path

from bench.common import print_table, production_app, require_wrk, static_css_url, wrk
from tests.app_server import Session, fetch

LIVE = "tech-and-product"
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
SOAK_SECONDS = int(os.environ.get("BENCH_SOAK_SECONDS", "30"))
POLL_SCRIPT = Path(__file__).with_name("poll.lua")


def current_revision(base: str) -> int:
    status, page = fetch(f"{base}/sections/{LIVE}/")
    assert status == 200
    return int(re.search(r'data-revision="(\d+)"', page).group(1))


def soak(base: str) -> None:
    editor = Session(base)
    editor.sign_in("bench-editor", "a-long-bench-password-9")
    editor.request(f"/sections/{LIVE}/")
    posted, failures = [], []
    stop = threading.Event()

    def post_every_second():
        n = 0
        while not stop.is_set():
            body = f"부하 시험 소식 {n}"
            status, _, _ = editor.post_htmx(f"/sections/{LIVE}/updates/", {"body": body})
            (posted if status == 200 else failures).append(body)
            n += 1
            stop.wait(1)

    since = current_revision(base)
    poster = threading.Thread(target=post_every_second)
    poster.start()
    wrk_bin = require_wrk()
    # Most open connections are readers polling (moving their cursor as the page does);
    # a few are readers arriving and loading the whole page.
    poll_env = {
        **os.environ,
        "BENCH_SINCE": str(since),
        "BENCH_POLL_PATH": f"/sections/{LIVE}/changes",
    }
    runs = [
        subprocess.Popen(
            [wrk_bin, "-t1", "-c180", f"-d{SOAK_SECONDS}s", "--timeout", "5s",
             "-s", str(POLL_SCRIPT), base],
            stdout=subprocess.PIPE, text=True, env=poll_env,
        ),
        subprocess.Popen(
            [wrk_bin, "-t1", "-c20", f"-d{SOAK_SECONDS}s", "--timeout", "5s",
             f"{base}/sections/{LIVE}/"],
            stdout=subprocess.PIPE, text=True,
        ),
    ]  # fmt: skip
    outputs = [run.communicate()[0] for run in runs]
    stop.set()
    poster.join()

    status, page = fetch(f"{base}/sections/{LIVE}/")
    _, headers, changes = Session(base).request(f"/sections/{LIVE}/changes?since={since}")
    missing = [body for body in posted if body not in changes]
    failed = sum(
        int(m.group(1)) for out in outputs for m in re.finditer(r"Non-2xx or 3xx responses: (\d+)", out)
    ) + sum(
        sum(map(int, m.groups()))
        for out in outputs
        for m in re.finditer(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    )  # fmt: skip
    served = sum(int(re.search(r"(\d+) requests in", out).group(1)) for out in outputs)
    print(
        f"\nsoak: 200 connections for {SOAK_SECONDS}s, {served} requests, {failed} failed; "
        f"{len(posted)} updates posted ({len(failures)} refused), {len(missing)} missing afterwards"
    )
    if failed or failures or missing:
        raise SystemExit("soak run failed")


def main() -> None:
    require_wrk()
    with production_app("bench_live") as (base, _env):
        static = static_css_url(base)
        revision = current_revision(base)
        rows = [
            ("(a) static file (whitenoise)", wrk(static, SECONDS)),
            ("(b) poll, nothing new (204)", wrk(f"{base}/sections/{LIVE}/changes?since={revision}", SECONDS)),
            ("(c) live section page", wrk(f"{base}/sections/{LIVE}/", SECONDS)),
        ]  # fmt: skip
        print(
            f"\nlive section on gunicorn, {os.cpu_count()} cores, {SECONDS}s per row, 50 connections"
        )
        print_table(rows, rows[0][1])
        baseline, poll, page = (row for _, row in rows)
        print(f"b/a = {poll['rps'] / baseline['rps']:.2f} (target >= 0.7)")
        print(f"c/a = {page['rps'] / baseline['rps']:.2f}")
        time.sleep(1)
        soak(base)


if __name__ == "__main__":
    main()
