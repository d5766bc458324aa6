"""Updates scheduled for later: invisible to readers until their time, then released into
the stream as new updates through the same poll; refused in the past or too far ahead."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from playbook import scheduling, services
from playbook.models import LiveUpdate, Section
from tests.playbook.live_helpers import HTMX, poll, revision_of

pytestmark = pytest.mark.django_db

SECRET = "예약된 소식: 아직 비밀"


def schedule(live, editor, minutes=30, body=SECRET, committed=None):
    when = timezone.now() + timedelta(minutes=minutes)
    if committed is None:
        return services.live_update_create(
            section=live, author=editor, body=body, scheduled_for=when
        )
    with committed():
        return services.live_update_create(
            section=live, author=editor, body=body, scheduled_for=when
        )


def come_due(update):
    """Its time has come (as if the clock had moved on)."""
    past = timezone.now() - timedelta(seconds=1)
    LiveUpdate.objects.filter(pk=update.pk).update(scheduled_for=past)
    Section.objects.filter(pk=update.section_id).update(next_scheduled_at=past)


def public_pages(client, live):
    urls = [
        live.get_absolute_url(),
        reverse("playbook:section-feed", args=[live.slug]),
        reverse("home"),
        "/changes/",
        "/search/?q=" + "비밀",
    ]
    return {url: client.get(url).content.decode() for url in urls}


def test_a_scheduled_update_is_hidden_from_readers_and_listed_for_editors(
    editor_client, editor, live
):
    update = schedule(live, editor)
    reader = Client()
    for url, html in public_pages(reader, live).items():
        assert "아직 비밀" not in html, url
    assert reader.get(update.get_permalink()).status_code == 404
    page = editor_client.get(live.get_absolute_url()).content.decode()
    listed = page[page.index('id="scheduled-updates"') :]
    assert "아직 비밀" in listed.split("</section>")[0]
    assert 'id="live-updates"' not in listed.split("</section>")[0]


def test_at_its_time_the_next_poll_releases_it_as_new(client, editor, live, committed, settings):
    settings.PAGE_CACHE_ENABLED = False  # the view itself; the cached path is tested below
    client.get(live.get_absolute_url())  # a reader with the page open
    since = revision_of(live)
    update = schedule(live, editor, committed=committed)
    assert SECRET not in poll(client, live, since).content.decode()

    come_due(update)
    scheduling.remember_next_due(live.slug, timezone.now() - timedelta(seconds=1))
    with committed():
        response = poll(client, live, since)
    html = response.content.decode()
    assert response.status_code == 200 and SECRET in html
    assert "live-incoming" in html  # sent as a new update, not as an edit
    update.refresh_from_db()
    assert update.scheduled_for is None and update.created_revision > since
    assert int(response["X-Live-Revision"]) >= update.created_revision
    assert SECRET in client.get(live.get_absolute_url()).content.decode()
    assert "아직 비밀" in client.get("/changes/").content.decode()


def test_a_warm_poll_with_a_future_schedule_still_touches_no_database(
    client, editor, live, committed, django_assert_num_queries
):
    schedule(live, editor, committed=committed)
    client.get(live.get_absolute_url())  # warms the revision and the next due time
    revision = revision_of(live)
    with django_assert_num_queries(0):
        assert poll(client, live, revision).status_code == 204


def test_a_due_update_is_released_once_whoever_asks(client, editor, live):
    update = schedule(live, editor)
    come_due(update)
    assert scheduling.release_due(slug=live.slug, section_id=live.pk) == 1
    assert scheduling.release_due(slug=live.slug, section_id=live.pk) == 0
    assert LiveUpdate.objects.filter(section=live, body=SECRET).count() == 1


@pytest.mark.parametrize("shift", [timedelta(minutes=-5), timedelta(0), timedelta(days=31)])
def test_the_past_and_the_far_future_are_refused(editor, live, shift):
    with pytest.raises(ValidationError) as error:
        services.live_update_create(
            section=live, author=editor, body="x", scheduled_for=timezone.now() + shift
        )
    assert error.value.message_dict["scheduled_for"]
    assert not LiveUpdate.objects.filter(section=live, body="x").exists()


@pytest.mark.parametrize("value", ["2024-13-01T10:00", "내일 아침", "2020-01-01T09:00"])
def test_the_compose_box_answers_a_bad_time_with_a_message(editor_client, live, value):
    url = reverse("playbook:update-create", args=[live.slug])
    response = editor_client.post(url, {"body": "예약 시험", "scheduled_for": value}, **HTMX)
    assert response.status_code == 422
    assert 'id="id_scheduled_for-error"' in response.content.decode()
    assert not LiveUpdate.objects.filter(body="예약 시험").exists()


def test_scheduling_through_the_compose_box_with_and_without_javascript(editor_client, live):
    url = reverse("playbook:update-create", args=[live.slug])
    later = timezone.localtime() + timedelta(hours=2)
    data = {"body": "두 시간 뒤 소식", "scheduled_for": later.strftime("%Y-%m-%dT%H:%M")}
    response = editor_client.post(url, data, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="scheduled-updates"' in html and "두 시간 뒤 소식" in html
    assert 'id="update-' not in html  # nothing enters the stream yet
    plain = editor_client.post(url, {**data, "body": "또 다른 예약"})
    assert plain.status_code == 302 and plain["Location"].endswith("#scheduled-updates")
    saved = LiveUpdate.objects.get(body="두 시간 뒤 소식")
    assert timezone.localtime(saved.scheduled_for).strftime("%H:%M") == later.strftime("%H:%M")


def test_editors_cancel_a_scheduled_update_but_not_a_posted_one(editor_client, editor, live):
    update = schedule(live, editor)
    url = reverse("playbook:update-cancel", args=[live.slug, update.pk])
    assert Client().post(url).status_code in {302, 403}
    assert LiveUpdate.objects.filter(pk=update.pk).exists()
    response = editor_client.post(url, **HTMX)
    assert response.status_code == 200 and SECRET not in response.content.decode()
    assert not LiveUpdate.objects.filter(pk=update.pk).exists()
    posted = services.live_update_create(section=live, author=editor, body="이미 게시됨")
    url = reverse("playbook:update-cancel", args=[live.slug, posted.pk])
    refused = editor_client.post(url, **HTMX)
    assert (
        refused.status_code == 409
        and 'class="field-error" role="alert"' in refused.content.decode()
    )
    assert LiveUpdate.objects.filter(pk=posted.pk).exists()


def test_a_scheduled_update_cannot_be_pinned(editor, live):
    update = schedule(live, editor)
    with pytest.raises(ValidationError):
        services.section_pin(section=live, update=update)


def test_cached_pages_and_polls_release_it_at_its_time(editor, live, committed, settings):
    settings.PAGE_CACHE_ENABLED = True
    reader = Client()
    with committed():
        reader.get(live.get_absolute_url())  # stored in the page cache
    since = revision_of(live)
    update = schedule(live, editor, committed=committed)
    page = reader.get(live.get_absolute_url())
    assert SECRET not in page.content.decode()
    come_due(update)
    scheduling.remember_next_due(live.slug, timezone.now() - timedelta(seconds=1))
    # The page cache's hook releases it before the cache is asked. Outside tests its
    # transaction commits there, and the new revision makes the same request miss; here
    # the test's transaction holds the commit hooks until the block ends.
    with committed():
        poll(reader, live, since)
    assert not LiveUpdate.objects.filter(pk=update.pk, scheduled_for__isnull=False).exists()
    answer = poll(reader, live, since)
    assert answer.status_code == 200 and SECRET in answer.content.decode()
    fresh = reader.get(live.get_absolute_url())
    assert SECRET in fresh.content.decode() and fresh["X-Page-Cache"] != "hit"
