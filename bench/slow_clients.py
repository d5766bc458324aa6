"""/healthz latency while slow clients hold connections open (issue 11, finding 1).

Serves the app as `make serve` does (config/gunicorn.py, its default workers and threads,
DEBUG off, a loaded playbook on PostgreSQL), opens BENCH_SLOW_SOCKETS connections (20) that
each send one header line every BENCH_SLOW_EVERY seconds (5) and never finish, and asks
/healthz once a second for BENCH_SLOW_SECONDS (60), each with a 10-second timeout.

    DATABASE_URL=postgres://…/playbook .venv/bin/python -m bench.slow_clients
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.app_server import loaded_app, serving, slow_clients, timed_status  # noqa: E402

SOCKETS = int(os.environ.get("BENCH_SLOW_SOCKETS", "20"))
EVERY = float(os.environ.get("BENCH_SLOW_EVERY", "5"))
SECONDS = float(os.environ.get("BENCH_SLOW_SECONDS", "60"))


def main():
    with (
        tempfile.TemporaryDirectory() as var,
        loaded_app(
            Path(var),
            "bench_slow",
            DJANGO_DEBUG="0",
            DJANGO_SECRET_KEY="bench-" + os.urandom(16).hex(),
            DJANGO_SECURE_SSL_REDIRECT="0",
            DJANGO_SECURE_COOKIES="0",
        ) as env,
        serving(env, workers=None, config_file="config/gunicorn.py") as base,
    ):
        status, seconds = timed_status(base + "/healthz")
        print(f"idle: /healthz {status} in {seconds * 1000:.0f} ms")
        probes = []
        with slow_clients(base, SOCKETS, every=EVERY):
            time.sleep(1)
            end = time.monotonic() + SECONDS
            while time.monotonic() < end:
                started = time.monotonic()
                probes.append(timed_status(base + "/healthz", timeout=10))
                time.sleep(max(0.0, 1 - (time.monotonic() - started)))
    times = sorted(seconds for _, seconds in probes)
    failed = sum(1 for status, _ in probes if status != 200)
    print(
        f"{SOCKETS} slow sockets for {SECONDS:.0f} s: {len(probes)} probes, {failed} failed "
        f"(no answer within 10 s or not 200); latency p50 {statistics.median(times) * 1000:.0f} ms, "
        f"p95 {times[int(len(times) * 0.95) - 1] * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
