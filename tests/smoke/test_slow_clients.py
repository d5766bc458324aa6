"""Slow clients against a real gunicorn with the production config (config/gunicorn.py):
they must not hold every worker, and a huge upload is refused before it is read."""

import socket
import time

import pytest

from tests.app_server import app_env, serving, slow_clients, timed_status

pytestmark = pytest.mark.smoke

CONFIG = "config/gunicorn.py"


def test_healthz_answers_while_twenty_slow_clients_hold_connections(tmp_path):
    # Two workers of 16 threads (PLAYBOOK_THREADS); sync workers would be held by two of them.
    env = app_env(tmp_path, PLAYBOOK_THREADS="16")
    with serving(env, workers=2, config_file=CONFIG) as base, slow_clients(base, 20):
        time.sleep(1.5)  # every slow client has been handed to a worker by now
        probes = []
        for _ in range(5):
            probes.append(timed_status(base + "/healthz", timeout=5))
            time.sleep(0.3)
    assert [status for status, _ in probes] == [200] * 5, probes
    assert max(seconds for _, seconds in probes) < 2, probes


def test_a_huge_upload_is_refused_before_its_body_is_read(tmp_path):
    env = app_env(tmp_path)
    with serving(env, workers=2, config_file=CONFIG) as base:
        port = int(base.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(
                b"POST /governance/playbook/import/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: multipart/form-data; boundary=xyz\r\n"
                # A well-formed CSRF cookie and header, as any visitor of the page has them.
                b"Cookie: csrftoken=" + b"a" * 32 + b"\r\nX-CSRFToken: " + b"a" * 32 + b"\r\n"
                b"Content-Length: 419430400\r\n\r\n"  # 400 MB announced
                b'--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.json"\r\n'
                b"Content-Type: application/json\r\n\r\n" + b" " * (1024 * 1024)
            )
            started = time.monotonic()
            sock.settimeout(5)
            try:
                answer = sock.recv(4096)
            except TimeoutError:
                answer = b""
            waited = time.monotonic() - started
    # Only 1 MB of the 400 MB was ever sent: an answer means the rest was never awaited.
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert waited < 2
