"""Faults of the services underneath, injected for real: PostgreSQL restarted while
requests run, Redis stopped. These restart the machine's own servers, so `make test` runs
them last, on their own (marker `faults`)."""

import re
import subprocess
import threading
import time
from pathlib import Path

import pytest
import redis

from tests.app_server import Session, loaded_app, manage, serving

pytestmark = pytest.mark.faults

LIVE = "/sections/tech-and-product/"
EDITOR = ("dain", "a-long-fault-test-pass-8")
REDIS_URL = "redis://127.0.0.1:6379/13"
REDIS_START = [
    "redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", "6379",
    "--save", "", "--appendonly", "no", "--dir", "/var/lib/redis",
    "--logfile", "/var/log/redis/ci.log",
]  # fmt: skip


def postgres_version() -> str:
    return sorted(Path("/etc/postgresql").iterdir(), key=lambda p: float(p.name))[-1].name


def postgres_ready() -> bool:
    return subprocess.run(["pg_isready", "-h", "127.0.0.1", "-q"]).returncode == 0


@pytest.fixture
def app(tmp_path):
    with (
        loaded_app(tmp_path, "faults", editor=EDITOR, REDIS_URL=REDIS_URL) as env,
        serving(env) as base,
    ):
        yield base, env


def test_postgres_restart_loses_no_acknowledged_write(app):
    app, env = app
    editor = Session(app)
    editor.sign_in(*EDITOR)
    editor.request(LIVE)
    reader = Session(app)
    log = []  # (time, kind, status, body text)
    stop = threading.Event()

    def traffic():
        n = 0
        while not stop.is_set():
            text = f"재시작 중 소식 {n}"
            try:
                status = editor.post_htmx(f"{LIVE}updates/", {"body": text})[0]
            except OSError:
                status = 0
            log.append((time.monotonic(), "write", status, text))
            try:
                status = reader.request("/principles/work-trials/")[0]
            except OSError:
                status = 0
            log.append((time.monotonic(), "read", status, ""))
            n += 1
            time.sleep(0.05)

    worker = threading.Thread(target=traffic)
    worker.start()
    time.sleep(2)
    went_down = time.monotonic()
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", postgres_version(), "main", "restart"],
        check=True,
    )
    while not postgres_ready():
        time.sleep(0.1)
    back_up = time.monotonic()
    time.sleep(7)
    stop.set()
    worker.join()

    before = [entry for entry in log if entry[0] < went_down]
    after = [entry for entry in log if entry[0] > back_up + 5]
    assert before and all(status == 200 for _, _, status, _ in before)
    assert after and all(status == 200 for _, _, status, _ in after), after[:5]
    first_success = min(t for t, _, status, _ in log if t > back_up and status == 200)
    assert first_success - back_up < 5

    acknowledged = [text for _, kind, status, text in log if kind == "write" and status == 200]
    stored = manage(
        env,
        "shell",
        "-c",
        "from playbook.models import LiveUpdate\n"
        "print('\\n'.join(LiveUpdate.objects.values_list('body', flat=True)))",
    ).splitlines()
    missing = [text for text in acknowledged if text not in stored]
    assert not missing, missing
    print(
        f"restart took {back_up - went_down:.1f}s; {len(acknowledged)} writes acknowledged, "
        f"none lost; first success {first_success - back_up:.2f}s after PostgreSQL was back"
    )


def test_pages_stay_up_when_redis_stops(app):
    app, _env = app
    reader = Session(app)
    assert reader.request(LIVE)[0] == 200
    revision = int(re.search(r'data-revision="(\d+)"', reader.request(LIVE)[2]).group(1))
    redis.Redis.from_url(REDIS_URL).shutdown(nosave=True)
    try:
        for path in ["/", "/principles/", "/teams/", LIVE, f"{LIVE}changes?since={revision}"]:
            status = reader.request(path)[0]
            assert status in {200, 204}, path
        assert reader.request("/healthz")[0] == 200
    finally:
        subprocess.run(REDIS_START, check=True)
        for _ in range(50):
            try:
                redis.Redis.from_url(REDIS_URL).ping()
                break
            except redis.ConnectionError:
                time.sleep(0.1)
    assert reader.request(LIVE)[0] == 200
