"""The first-run path without PostgreSQL: migrate and load into SQLite, serve over real HTTP
with gunicorn, and read every page. Runs in subprocesses so it never touches the test
database."""

import json
import os
import socket
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = tomllib.loads((ROOT / "fixtures" / "playbook.toml").read_text(encoding="utf-8"))
pytestmark = pytest.mark.smoke


def base_env(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(DJANGO_DEBUG="1", PLAYBOOK_VAR_DIR=str(tmp_path), **extra)
    return env


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(env):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "1", "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/static/css/site.css", timeout=2)  # noqa: S310
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise AssertionError("the server did not start") from None
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_sqlite_first_run_serves_every_page(tmp_path):
    env = base_env(tmp_path)
    manage(env, "migrate", "--noinput")
    assert "items created" in manage(env, "load_playbook")
    assert "0 items created" in manage(env, "load_playbook")
    assert (tmp_path / "playbook.sqlite3").exists()

    paths = ["/", "/principles/", "/teams/", "/talks/", "/governance/", "/admin/login/"]
    paths += [f"/sections/{s['slug']}/" for s in SEED["sections"]]
    paths += [f"/principles/{p['slug']}/" for p in SEED["principles"]]
    paths += [f"/teams/{t['slug']}/" for t in SEED["teams"]]
    paths += [f"/talks/{t['slug']}/" for t in SEED["talks"]]
    paths += [f"/governance/{c['slug']}/" for c in SEED["checklists"]]
    with serving(env) as base:
        for path in paths:
            status, body = fetch(base + path)
            assert status == 200, path
        status, body = fetch(base + "/teams/gamma/")
        assert "Grant Lee" in body
        status, body = fetch(base + "/healthz")
        assert status == 200 and json.loads(body)["database"] is True
        assert fetch(base + "/teams/no-such-team/")[0] == 404


def test_healthz_is_503_when_the_database_does_not_answer(tmp_path):
    # Port 9 (discard) has no PostgreSQL: every connection attempt fails at once.
    env = base_env(tmp_path, DATABASE_URL="postgres://nobody@127.0.0.1:9/none")
    with serving(env) as base:
        status, body = fetch(base + "/healthz")
    assert status == 503
    assert json.loads(body) == {"status": "degraded", "database": False, "cache": True}


def test_secret_key_is_required_when_debug_is_off(tmp_path):
    env = base_env(tmp_path)
    env.pop("DJANGO_SECRET_KEY", None)
    env["DJANGO_DEBUG"] = "0"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr
