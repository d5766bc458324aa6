"""make bench-crowd: a crowd of readers on a live section while an editor posts.

N readers (BENCH_READERS, 1,000) each keep their own cursor and ask for changes every
BENCH_POLL_SECONDS (10), spread evenly over the interval, as open pages do; an editor posts
an update every BENCH_POST_SECONDS (5) for BENCH_CROWD_SECONDS (60). Printed: the work per
update (poll answers that had to be rendered, against the free 204s), and for each post the
time until 95 % of the readers had it. Target: within one poll interval plus 2 s, 0 errors.
"""

import asyncio
import os
import re
import statistics
import threading
import time
import urllib.parse

from bench.common import production_app
from tests.app_server import Session, fetch

LIVE = "tech-and-product"
READERS = int(os.environ.get("BENCH_READERS", "1000"))
POLL_SECONDS = float(os.environ.get("BENCH_POLL_SECONDS", "10"))
POST_SECONDS = float(os.environ.get("BENCH_POST_SECONDS", "5"))
SECONDS = float(os.environ.get("BENCH_CROWD_SECONDS", "60"))
UPDATE_ID = re.compile(rb'id="update-(\d+)"')


class Tally:
    def __init__(self):
        self.first_seen: dict[int, list[float]] = {}  # update id -> when each reader saw it
        self.rendered = self.empty = self.errors = 0


async def ask(host: str, port: int, path: str) -> tuple[int, dict, bytes]:
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(
        f"GET {path} HTTP/1.1\r\nHost: {host}\r\nHX-Request: true\r\n"
        "Connection: close\r\n\r\n".encode()
    )
    await writer.drain()
    raw = await reader.read()
    writer.close()
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    return int(lines[0].split()[1]), {k.lower(): v for k, v in headers.items()}, body


async def one_reader(number: int, base: str, since: int, stop: float, tally: Tally):
    parts = urllib.parse.urlsplit(base)
    await asyncio.sleep(POLL_SECONDS * number / READERS)
    seen: set[int] = set()
    while time.monotonic() < stop:
        try:
            status, headers, body = await ask(
                parts.hostname, parts.port, f"/sections/{LIVE}/changes?since={since}"
            )
        except OSError:
            tally.errors += 1
        else:
            if status == 204:
                tally.empty += 1
            elif status == 200:
                tally.rendered += 1
                now = time.monotonic()
                for match in UPDATE_ID.finditer(body):
                    update = int(match.group(1))
                    if update not in seen:
                        seen.add(update)
                        tally.first_seen.setdefault(update, []).append(now)
            else:
                tally.errors += 1
            since = int(headers.get("x-live-revision", since))
        await asyncio.sleep(POLL_SECONDS)


def post_updates(base: str, stop: float, posts: list, failures: list) -> None:
    editor = Session(base)
    editor.sign_in("bench-editor", "a-long-bench-password-9")
    editor.request(f"/sections/{LIVE}/")
    n = 0
    while time.monotonic() < stop - 2 * POLL_SECONDS:  # leave time for the last to arrive
        status, _, page = editor.post_htmx(f"/sections/{LIVE}/updates/", {"body": f"군중 {n}"})
        if status == 200:
            posts.append((int(UPDATE_ID.search(page.encode()).group(1)), time.monotonic()))
        else:
            failures.append(status)
        n += 1
        time.sleep(POST_SECONDS)


def main() -> None:
    with production_app("bench_crowd") as (base, _env):
        status, page = fetch(f"{base}/sections/{LIVE}/")
        since = int(re.search(r'data-revision="(\d+)"', page).group(1))
        stop = time.monotonic() + SECONDS
        tally, posts, failures = Tally(), [], []
        editor = threading.Thread(target=post_updates, args=(base, stop, posts, failures))
        editor.start()

        async def crowd():
            await asyncio.gather(*(one_reader(n, base, since, stop, tally) for n in range(READERS)))

        asyncio.run(crowd())
        editor.join()

    delays = []
    for update, posted_at in posts:
        seen = sorted(t - posted_at for t in tally.first_seen.get(update, []))
        reached = len(seen) / READERS
        p95 = seen[int(0.95 * READERS) - 1] if len(seen) >= 0.95 * READERS else float("inf")
        delays.append((update, reached, p95))
    worst = max((d for _, _, d in delays), default=float("inf"))
    per_update = tally.rendered / max(1, len(posts))
    print(f"\n{READERS} readers polling every {POLL_SECONDS:g}s, an update every "
          f"{POST_SECONDS:g}s, {SECONDS:g}s")  # fmt: skip
    print(f"polls answered: {tally.rendered + tally.empty} ({tally.empty} × 204 free, "
          f"{tally.rendered} rendered), errors: {tally.errors}, refused posts: {len(failures)}")  # fmt: skip
    print(f"updates posted: {len(posts)}; rendered answers per update: {per_update:.0f} "
          f"(one per reader who was behind)")  # fmt: skip
    for update, reached, p95 in delays:
        print(f"  update {update}: reached {reached:.0%} of readers, 95% after {p95:.1f}s")
    if delays:
        print(f"time until 95% of readers had a post: median "
              f"{statistics.median(d for _, _, d in delays):.1f}s, worst {worst:.1f}s "
              f"(target <= {POLL_SECONDS + 2:g}s)")  # fmt: skip
    if tally.errors or failures or worst > POLL_SECONDS + 2:
        raise SystemExit("crowd run missed its target")


if __name__ == "__main__":
    main()
