"""The app keeps serving from the database when its cache (Redis) is gone."""

import json

import pytest

from tests.app_server import Session, loaded_app, serving

pytestmark = pytest.mark.smoke

PAGES = ["/", "/principles/", "/teams/", "/talks/", "/governance/", "/changes/"]
LIVE = "/sections/tech-and-product/"


def test_pages_are_served_when_redis_does_not_answer(tmp_path):
    with (
        loaded_app(
            tmp_path,
            "no_redis",
            editor=("haneul", "a-long-no-cache-pass-5"),
            REDIS_URL="redis://127.0.0.1:1/0",  # nothing listens there
        ) as env,
        serving(env) as base,
    ):
        reader = Session(base)
        for path in [*PAGES, LIVE]:
            status, _, _ = reader.request(path)
            assert status == 200, path
        status, headers, _ = reader.request(LIVE + "changes?since=0")
        assert status == 200 and int(headers["X-Live-Revision"]) > 0
        status, _, body = reader.request("/healthz")
        assert status == 200  # degraded, but serving
        assert json.loads(body) == {
            "status": "degraded",
            "database": True,
            "cache": False,
            "cache_backend": "redis",
            "cache_shared": True,
        }

        editor = Session(base)
        editor.sign_in("haneul", "a-long-no-cache-pass-5")  # sign-in limits need no cache
        editor.request(LIVE)
        status, _, _ = editor.post_htmx(LIVE + "updates/", {"body": "캐시 없이 쓴 소식"})
        assert status == 200
        status, _, body = reader.request(LIVE)
        assert "캐시 없이 쓴 소식" in body
