"""The production configuration, run as an operator runs it: DEBUG off, collectstatic,
gunicorn with config/gunicorn.py behind a TLS-terminating proxy."""

import os
import subprocess
import sys

import pytest

from tests.app_server import ROOT, app_env, loaded_app, serving
from tests.app_server import fetch_raw as get

pytestmark = pytest.mark.smoke


PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "test-" + os.urandom(24).hex(),
    "DJANGO_BEHIND_TLS_PROXY": "1",
}


def test_check_deploy_reports_nothing(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=app_env(tmp_path, **PRODUCTION),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_gunicorn_serves_locked_down_pages_and_hashed_static_files(tmp_path):
    log = []
    with (
        loaded_app(tmp_path, "production", collectstatic=True, **PRODUCTION) as env,
        serving(env, config_file="config/gunicorn.py", log=log) as base,
    ):
        status, headers, _ = get(base + "/healthz")
        assert status == 301 and headers["Location"].startswith("https://")

        https = {"X-Forwarded-Proto": "https"}
        status, headers, body = get(base + "/", https)
        assert status == 200
        assert "max-age=31536000" in headers["Strict-Transport-Security"]
        assert "unsafe-inline" not in headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"
        assert "Set-Cookie" not in headers  # a reader page, shared by every reader
        _, form_headers, _ = get(base + "/governance/responsible-ai-development/start/", https)
        assert "Secure" in form_headers["Set-Cookie"]  # the CSRF cookie of a form page
        css = body.decode().split('href="/static/css/')[1].split('"')[0]
        assert css != "site.css" and css.startswith("site.")  # a hashed name
        status, headers, _ = get(f"{base}/static/css/{css}", https)
        assert status == 200 and "max-age" in headers["Cache-Control"]
        compressed = get(f"{base}/static/css/{css}", {**https, "Accept-Encoding": "gzip"})
        assert compressed[1].get("Content-Encoding") in {"gzip", "br"}
    # The access log is one JSON object per request on stdout.
    line = next(line for line in log[0].splitlines() if '"path": "/"' in line)
    assert '"status": 200' in line
