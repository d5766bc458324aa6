"""A database that does not answer: every request ends quickly with 503 and Retry-After
(not after gunicorn's 30-second worker timeout), /healthz within 5 seconds."""

import socket
import threading
import time
from contextlib import contextmanager

import dj_database_url
import psycopg
import pytest

from tests.app_server import app_env, fetch_raw, loaded_app, serving, timed_status

pytestmark = pytest.mark.smoke


@contextmanager
def silent_server():
    """A TCP port that accepts connections and never says a word."""
    listener = socket.create_server(("127.0.0.1", 0))
    held, stop = [], threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=5)
        for sock in held:
            sock.close()
        listener.close()


def test_a_database_that_never_answers_gives_503_quickly(tmp_path):
    with silent_server() as port:
        env = app_env(
            tmp_path,
            DATABASE_URL=f"postgres://nobody@127.0.0.1:{port}/none",
            PLAYBOOK_DB_CONNECT_TIMEOUT="2",
        )
        with serving(env) as base:
            status, seconds = timed_status(base + "/healthz", timeout=10)
            assert status == 503 and seconds < 5, (status, seconds)
            for path in ["/", "/principles/", "/governance/"]:
                started = time.monotonic()
                status, headers, body = fetch_raw(base + path)
                assert status == 503, path
                assert time.monotonic() - started < 5, path
                assert int(headers["Retry-After"]) > 0
                assert "Try again" in body.decode()


def test_a_statement_stuck_behind_a_lock_is_cancelled(tmp_path):
    with (
        loaded_app(tmp_path, "stuck", PLAYBOOK_DB_STATEMENT_TIMEOUT_MS="1000") as env,
        serving(env) as base,
    ):
        assert timed_status(base + "/principles/")[0] == 200
        config = dj_database_url.parse(env["DATABASE_URL"])
        with psycopg.connect(
            dbname=config["NAME"], user=config["USER"], host=config["HOST"], port=config["PORT"]
        ) as locker:
            locker.execute("LOCK TABLE playbook_principle IN ACCESS EXCLUSIVE MODE")
            # A parameter the page does not name: rendered, not answered from the page cache.
            status, seconds = timed_status(base + "/principles/?uncached=1", timeout=5)
            assert status == 503 and seconds < 4, (status, seconds)
            status, seconds = timed_status(base + "/healthz", timeout=10)
            assert status == 200 and seconds < 5  # SELECT 1 needs no table
        # The lock is gone with its transaction: pages are back.
        assert timed_status(base + "/principles/")[0] == 200
