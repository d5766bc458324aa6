"""The first-run path without PostgreSQL: migrate and load into SQLite, serve over real HTTP
with gunicorn, and read every page. Runs in subprocesses so it never touches the test
database."""

import json
import subprocess
import sys
import tomllib

import pytest

from tests.app_server import ROOT, app_env, fetch, manage, serving

SEED = tomllib.loads((ROOT / "fixtures" / "playbook.toml").read_text(encoding="utf-8"))
pytestmark = pytest.mark.smoke


def test_sqlite_first_run_serves_every_page(tmp_path):
    env = app_env(tmp_path)
    manage(env, "migrate", "--noinput")
    assert "items created" in manage(env, "load_playbook")
    assert "0 items created" in manage(env, "load_playbook")
    assert (tmp_path / "playbook.sqlite3").exists()

    paths = ["/", "/principles/", "/teams/", "/talks/", "/governance/", "/admin/login/", "/map/"]
    paths += [f"/teams/?sort={key}" for key in ["-headcount", "users", "-arr", "arr-per-person"]]
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
        # Search falls back to case-insensitive matching on the same fields and page.
        for query in [
            "",
            "%EC%B1%84%EC%9A%A9",
            "gumloop",
            "%22%EC%84%A4%EB%AA%85+%EA%B0%80%EB%8A%A5%EC%84%B1%22",
            "%EA%B1%B0%EB%B2%84%EB%84%8C%EC%8A%A4+-%EB%AA%A8%EB%8D%B8",
            "%00%22-",
            "x" * 300,
        ]:
            assert fetch(base + f"/search/?q={query}")[0] == 200, query
        status, body = fetch(base + "/search/?q=%EC%B1%84%EC%9A%A9")  # 채용
        assert 'href="/principles/product-led-hiring/"' in body
        assert "<mark>채용</mark>" in body
        status, body = fetch(base + "/search/?q=%EC%B1%84%EC%9A%A9&type=principle&tag=hiring")
        assert status == 200 and 'href="/principles/product-led-hiring/"' in body
        status, body = fetch(base + "/search/?q=gumloop")
        assert 'href="/teams/gumloop/"' in body
        status, body = fetch(base + "/healthz")
        assert status == 200 and json.loads(body)["database"] is True
        assert fetch(base + "/teams/no-such-team/")[0] == 404
        # Unknowns last and integer ARR per person on SQLite too.
        status, body = fetch(base + "/teams/?sort=-arr-per-person")
        assert body.index('id="team-bolt"') < body.index('id="team-datalab"')
        assert body.index('id="team-datalab"') < body.index('id="team-gamma"')


def test_healthz_is_503_when_the_database_does_not_answer(tmp_path):
    # Port 9 (discard) has no PostgreSQL: every connection attempt fails at once.
    env = app_env(tmp_path, DATABASE_URL="postgres://nobody@127.0.0.1:9/none")
    with serving(env) as base:
        status, body = fetch(base + "/healthz")
    assert status == 503
    # The shared cache lives in that database too, so it is down with it.
    assert json.loads(body) == {
        "status": "degraded",
        "database": False,
        "cache": False,
        "cache_backend": "database",
        "cache_shared": True,
    }


def test_secret_key_is_required_when_debug_is_off(tmp_path):
    env = app_env(tmp_path)
    env.pop("DJANGO_SECRET_KEY", None)
    env["DJANGO_DEBUG"] = "0"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr
