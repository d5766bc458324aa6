"""Two app processes sharing one PostgreSQL and one Redis, as behind a load balancer: an
update posted through one is seen by a reader polling the other."""

import re

import pytest
import redis

from tests.app_server import Session, loaded_app, serving

EDITOR = ("jisoo", "a-long-shared-cache-pass-3")
LIVE = "tech-and-product"
REDIS_URL = "redis://127.0.0.1:6379/14"

pytestmark = pytest.mark.smoke


@pytest.fixture
def shared_redis():
    client = redis.Redis.from_url(REDIS_URL)
    client.ping()  # CI starts Redis; a missing one is a failure, not a skip
    client.flushdb()
    yield REDIS_URL
    client.flushdb()


def test_an_edit_through_one_process_reaches_readers_of_the_other(tmp_path, shared_redis):
    with (
        loaded_app(tmp_path, "shared", editor=EDITOR, REDIS_URL=shared_redis) as env,
        serving(env) as first,
        serving(env) as second,
    ):
        reader = Session(second)
        status, _, page = reader.request(f"/sections/{LIVE}/")
        assert status == 200
        revision = int(re.search(r'data-revision="(\d+)"', page).group(1))
        status, headers, _ = reader.request(f"/sections/{LIVE}/changes?since={revision}")
        assert status == 204

        editor = Session(first)
        editor.sign_in(*EDITOR)
        editor.request(f"/sections/{LIVE}/")  # sets the CSRF cookie
        status, _, _ = editor.post_htmx(
            f"/sections/{LIVE}/updates/", {"body": "다른 프로세스에서 쓴 소식"}
        )
        assert status == 200

        # The reader's process answers from the revision the other one left in Redis.
        status, headers, body = reader.request(f"/sections/{LIVE}/changes?since={revision}")
        assert status == 200
        assert "다른 프로세스에서 쓴 소식" in body
        assert int(headers["X-Live-Revision"]) > revision
        assert redis.Redis.from_url(shared_redis).keys("*section-revision*")

        # And the other way round: an edit through the second, read through the first.
        revision = int(headers["X-Live-Revision"])
        other_editor = Session(second)
        other_editor.sign_in(*EDITOR)
        other_editor.request(f"/sections/{LIVE}/")
        status, _, _ = other_editor.post_htmx(
            f"/sections/{LIVE}/updates/", {"body": "두 번째 프로세스에서 쓴 소식"}
        )
        assert status == 200
        first_reader = Session(first)
        status, _, body = first_reader.request(f"/sections/{LIVE}/changes?since={revision}")
        assert status == 200 and "두 번째 프로세스에서 쓴 소식" in body
        for path in ["/", f"/sections/{LIVE}/", "/changes/"]:
            assert first_reader.request(path)[2].count("프로세스에서 쓴 소식") == Session(
                second
            ).request(path)[2].count("프로세스에서 쓴 소식"), path
