"""Without REDIS_URL, app processes still share one cache (the database's): sign-in limits
and live revisions hold across them, as they do with Redis (test_two_processes.py)."""

import json
import re

import pytest

from tests.app_server import Session, loaded_app, serving

pytestmark = pytest.mark.smoke

EDITOR = ("dana", "a-long-database-cache-pass-8")
LIVE = "tech-and-product"


def wrong_sign_in(base, username):
    session = Session(base)
    status, _, page = session.request("/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = {"username": username, "password": "wrong", "csrfmiddlewaretoken": token}
    return session.request("/admin/login/?next=/admin/", data)[0]


def test_two_processes_share_limits_and_revisions_without_redis(tmp_path):
    with (
        loaded_app(tmp_path, "dbcache", editor=EDITOR, PLAYBOOK_LOGIN_FAILURES_PER_ACCOUNT="4")
        as env,
        serving(env) as first,
        serving(env) as second,
    ):  # fmt: skip
        # Two failures through each process make four: the limit, whichever process counts.
        attempts = [wrong_sign_in(base, "minho") for base in (first, second, first, second)]
        assert attempts == [200] * 4
        assert wrong_sign_in(second, "minho") == 429
        assert wrong_sign_in(first, "minho") == 429

        # An update posted through the first process reaches a reader polling the second.
        reader = Session(second)
        page = reader.request(f"/sections/{LIVE}/")[2]
        revision = int(re.search(r'data-revision="(\d+)"', page).group(1))
        assert reader.request(f"/sections/{LIVE}/changes?since={revision}")[0] == 204
        editor = Session(first)
        editor.sign_in(*EDITOR)
        editor.request(f"/sections/{LIVE}/")
        status, _, _ = editor.post_htmx(f"/sections/{LIVE}/updates/", {"body": "공유 캐시 소식"})
        assert status == 200
        status, headers, body = reader.request(f"/sections/{LIVE}/changes?since={revision}")
        assert status == 200 and "공유 캐시 소식" in body
        assert int(headers["X-Live-Revision"]) > revision

        status, _, body = Session(first).request("/healthz")
        assert json.loads(body)["cache_backend"] == "database"
        assert json.loads(body)["cache_shared"] is True
