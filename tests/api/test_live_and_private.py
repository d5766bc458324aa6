"""Live updates since a cursor, as the live page's poll sees them, and what the API must
never show: assessments, editors' login names and emails, drafts, scheduled updates."""

import json

import pytest
from django.contrib.auth import get_user_model

from governance.models import ChecklistVersion
from governance.services import assessment_start
from playbook import services
from playbook.models import LiveUpdate, Section
from tests.api.helpers import all_items, api, endpoints, get_json

pytestmark = pytest.mark.django_db


@pytest.fixture
def live():
    return Section.objects.get(is_live=True)


def revision_of(section):
    section.refresh_from_db()
    return section.revision


def updates_since(client, section, since):
    data = get_json(client, api("section-updates", slug=section.slug) + f"?since={since}")
    assert data["revision"] == revision_of(section)
    return data


def test_the_cursor_returns_new_updates_then_edits_and_retractions(client, editor, live):
    start = revision_of(live)
    first = services.live_update_create(section=live, author=editor, body="첫 소식")
    second = services.live_update_create(section=live, author=editor, body="둘째 소식")
    data = updates_since(client, live, start)
    assert [(u["id"], u["change"]) for u in data["results"]] == [
        (first.pk, "new"),
        (second.pk, "new"),
    ]
    cursor = data["revision"]
    assert updates_since(client, live, cursor)["results"] == []

    edited = services.live_update_edit(
        update=first, editor=editor, body="첫 소식, 고침", is_key_event=True,
        expected_version=first.version,
    )  # fmt: skip
    data = updates_since(client, live, cursor)
    [change] = data["results"]
    assert (change["id"], change["change"]) == (first.pk, "changed")
    assert change["body"]["ko"] == "첫 소식, 고침" and change["edited_at"]
    assert change["is_key_event"] is True
    cursor = data["revision"]

    services.live_update_retract(update=edited, editor=editor, expected_version=edited.version)
    [retracted] = updates_since(client, live, cursor)["results"]
    assert retracted["id"] == first.pk and retracted["retracted"] is True
    assert retracted["retracted_at"] and retracted["change"] == "changed"

    # From the start, each update once, as it is now.
    everything = {u["id"]: u for u in updates_since(client, live, start)["results"]}
    assert set(everything) == {first.pk, second.pk}
    assert everything[first.pk]["retracted"] is True
    assert everything[first.pk]["change"] == "new"


def test_the_cursor_pages_through_many_changes(client, editor, live):
    start = revision_of(live)
    posted = [
        services.live_update_create(section=live, author=editor, body=f"소식 {n}").pk
        for n in range(7)
    ]
    url = api("section-updates", slug=live.slug) + f"?since={start}&limit=3"
    seen = []
    while url:
        data = get_json(client, url)
        assert data["count"] == 7 - len(seen)
        seen += [u["id"] for u in data["results"]]
        url = data["next"]
    assert seen == posted
    assert data["revision"] == revision_of(live)


def test_the_poll_and_the_api_agree(client, editor, live):
    """The poll's fragment and the API list the same updates after the same revision."""
    start = revision_of(live)
    update = services.live_update_create(section=live, author=editor, body="같은 소식")
    services.live_update_retract(update=update, editor=editor, expected_version=update.version)
    poll = client.get(f"/sections/{live.slug}/changes?since={start}")
    assert poll.status_code == 200 and f"update-{update.pk}" in poll.content.decode()
    ids = [u["id"] for u in updates_since(client, live, start)["results"]]
    assert ids == [update.pk]


def test_author_is_a_full_name_never_a_login_name(client, live):
    User = get_user_model()
    anonymous = User.objects.create_user("login-only-9", email="login9@example.org")
    named = User.objects.create_user(
        "login-named-7", email="named7@example.org", first_name="Jiyeon", last_name="Kim"
    )
    services.live_update_create(section=live, author=anonymous, body="이름 없는 편집자")
    services.live_update_create(section=live, author=named, body="이름 있는 편집자")
    authors = {u["body"]["ko"]: u["author"] for u in updates_since(client, live, 0)["results"]}
    assert authors == {"이름 없는 편집자": None, "이름 있는 편집자": "Jiyeon Kim"}


def test_private_parts_never_appear(client, live):
    version = ChecklistVersion.objects.get(number=1)
    assessment, token = assessment_start(version=version, subject="PRIVATE-SUBJECT-31")
    editor = get_user_model().objects.create_user(
        "login-name-xq7", email="editor-mail@example.org", first_name="Min", last_name="Seo"
    )
    services.live_update_create(section=live, author=editor, body="편집자 소식")
    secrets = [
        "PRIVATE-SUBJECT-31", str(assessment.pk), token, "login-name-xq7",
        "editor-mail@example.org", "/governance/assessments/",
    ]  # fmt: skip
    bodies = [client.get(url).content.decode() for url in endpoints().values()]
    for slug in ("principles", "teams", "talks", "people", "checklists", "sections"):
        bodies.append(json.dumps(all_items(client, api(slug) + "?limit=100"), ensure_ascii=False))
    bodies.append(client.get("/api/v1/openapi.json").content.decode())
    text = "\n".join(bodies)
    leaked = [secret for secret in secrets if secret in text]
    assert not leaked


def test_scheduled_updates_never_appear_until_their_time(client, editor, live):
    from datetime import timedelta

    from django.utils import timezone

    later = services.live_update_create(section=live, author=editor, body="나중에 보일 소식")
    due = services.live_update_create(section=live, author=editor, body="이제 보일 소식")
    LiveUpdate.objects.filter(pk=later.pk).update(scheduled_for=timezone.now() + timedelta(days=1))
    LiveUpdate.objects.filter(pk=due.pk).update(scheduled_for=timezone.now() - timedelta(seconds=1))
    Section.objects.filter(pk=live.pk).update(next_scheduled_at=timezone.now())
    ids = [u["id"] for u in updates_since(client, live, 0)["results"]]
    assert later.pk not in ids
    assert due.pk in ids  # released by this request, as the poll would
    text = json.dumps(all_items(client, api("sections") + "?limit=100"), ensure_ascii=False)
    assert "나중에 보일 소식" not in text
