"""With DATABASE_REPLICA_URL set, reads go to the replica and writes to the primary.

Here the "replica" is a second connection to the same database under another name, which
is enough to see the router send each query where it belongs."""

import pytest

from tests.app_server import Session, loaded_app, manage, serving

pytestmark = pytest.mark.smoke


def test_reads_use_the_replica_and_writes_the_primary(tmp_path):
    with loaded_app(tmp_path, "replica", editor=("yuna", "a-long-replica-pass-2")) as env:
        # The same server under another application name stands in for a replica.
        env["DATABASE_REPLICA_URL"] = env["DATABASE_URL"] + "?application_name=replica"
        check = manage(env, "shell", "-c", _ROUTING_CHECK)
        assert check.strip().splitlines()[-1] == "read=replica write=default in-transaction=default"
        # The revision a commit leaves in the cache is read back from the primary: a
        # replica that lags would leave an old revision behind for readers' polls.
        refresh = manage(env, "shell", "-c", _REFRESH_CHECK)
        assert refresh.strip().splitlines()[-1] == "replica-queries=0 cached=newest"
        with serving(env) as base:
            reader = Session(base)
            assert reader.request("/principles/work-trials/")[0] == 200
            editor = Session(base)
            editor.sign_in("yuna", "a-long-replica-pass-2")
            editor.request("/sections/tech-and-product/")
            status, _, _ = editor.post_htmx(
                "/sections/tech-and-product/updates/", {"body": "복제본 시험 소식"}
            )
            assert status == 200
            assert "복제본 시험 소식" in reader.request("/sections/tech-and-product/")[2]


_ROUTING_CHECK = """
from django.db import router, transaction
from playbook.models import Principle
inside = None
with transaction.atomic():
    inside = router.db_for_read(Principle)
read, write = router.db_for_read(Principle), router.db_for_write(Principle)
print(f"read={read} write={write} in-transaction={inside}")
"""

_REFRESH_CHECK = """
from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext
from playbook.models import Section, bump_section_revision
from playbook.revisions import cached_revision
with CaptureQueriesContext(connections["replica"]) as on_replica:
    with transaction.atomic():
        section = Section.objects.get(is_live=True)
        newest = bump_section_revision(section.pk)
cached = "newest" if cached_revision(section.slug) == newest else "stale"
print(f"replica-queries={len(on_replica)} cached={cached}")
"""
