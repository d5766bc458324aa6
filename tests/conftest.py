import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command

from core import ratelimit
from core.page_cache import recent_pages
from core.permissions import EDITORS_GROUP
from playbook import services
from playbook.models import Principle
from search import semantic

PASSWORD = "a-long-test-password-42"  # noqa: S105


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the real playbook content once; every test runs in a transaction on top of it."""
    with django_db_blocker.unblock():
        call_command("load_playbook", verbosity=0)


@pytest.fixture(autouse=True, scope="session")
def n_plus_one_queries_fail_tests():
    """django-zeal raises on an N+1 access inside any request the tests make."""
    assert "zeal" in settings.INSTALLED_APPS, "run the tests with DJANGO_DEBUG=1 (make test)"
    settings.ZEAL_RAISE = True
    yield


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Sign-in tests hash many passwords; the real hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# The in-process test run is one process, so its cache is local memory, as the settings
# allow for a single process (PLAYBOOK_CACHE=local); query budgets then count the pages' own
# queries. App processes that the tests start (tests/app_server.py) use the default shared
# database cache, or Redis when given REDIS_URL.
SINGLE_PROCESS_CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture(autouse=True)
def empty_cache(settings):
    """Each test starts with an empty cache, as after a deploy."""
    settings.CACHES = SINGLE_PROCESS_CACHES
    settings.CACHE_BACKEND = "local"
    cache.clear()
    # And the pages this process kept (core.page_cache): a test's rolled-back writes give
    # the next test the same revisions again, which a real database never does.
    recent_pages.clear()
    # And the search's vectors in memory (search.semantic): a rolled-back edit's vector
    # would otherwise stay there. The model itself stays loaded for the whole run.
    semantic.forget_index()
    # And the rate-limit counts this process has not added to the cache yet.
    ratelimit._batches.clear()


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def staff_outsider(db):
    """A staff user who is not in the Editors group."""
    return get_user_model().objects.create_user("outsider", password=PASSWORD, is_staff=True)


def edit_principle(principle, editor, title, summary):
    return services.principle_edit(
        principle=principle,
        editor=editor,
        title=title,
        title_en=principle.title_en,
        summary=summary,
        responsible_ai=principle.responsible_ai,
        expected_version=principle.version,
    )


@pytest.fixture
def edited(editor):
    """Work Trials edited twice by the editor; yields it and its original title."""
    principle = Principle.objects.get(title_en="Work Trials")
    original = principle.title
    principle = edit_principle(principle, editor, "둘째 제목", "둘째 요약")
    principle = edit_principle(principle, editor, "셋째 제목", "셋째 요약\n\n새 문단")
    return principle, original
