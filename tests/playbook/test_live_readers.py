"""Live sections as readers see them: polls, the page, the feed, the home page."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from playbook import services
from playbook.models import LiveUpdate, Principle, Section
from tests.playbook.live_helpers import HTMX, poll, post_update, revision_of

pytestmark = pytest.mark.django_db


# --- readers -----------------------------------------------------------------------------


def test_the_poll_answers_204_from_the_cache_without_queries(
    client, live, django_assert_num_queries
):
    client.get(live.get_absolute_url())  # warms the cached revision
    revision = revision_of(live)
    with django_assert_num_queries(0):
        response = poll(client, live, revision)
    assert response.status_code == 204
    assert response["ETag"] == f'"{live.slug}-{revision}"'
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
    assert response["X-Live-Revision"] == str(revision)
    assert int(response["X-Poll-Interval"]) >= 1


def test_the_poll_falls_back_to_the_database_when_the_cache_is_cold(client, live):
    cache.clear()
    response = poll(client, live, revision_of(live))
    assert response.status_code == 204


def test_the_poll_sends_a_new_update_and_the_new_cursor(client, editor, live, committed):
    client.get(live.get_absolute_url())  # a reader with the page open: the cache is warm
    since = revision_of(live)
    with committed():
        update = services.live_update_create(section=live, author=editor, body="새 소식")
    response = poll(client, live, since)
    assert response.status_code == 200
    html = response.content.decode()
    incoming = html[html.index("#live-incoming") : html.index("#live-changed")]
    assert f'id="update-{update.pk}"' in incoming and "새 소식" in incoming
    assert response["X-Live-Revision"] == str(revision_of(live))
    assert "no-cache" in response["Cache-Control"]
    assert poll(client, live, revision_of(live)).status_code == 204


def changed_part(response):
    html = response.content.decode()
    return html[html.index("#live-changed") :]


def test_the_poll_sends_edits_edits_of_edits_and_retractions(client, editor, live, committed):
    with committed():
        update = services.live_update_create(section=live, author=editor, body="하나")
    after_post = revision_of(live)

    with committed():
        services.live_update_edit(
            update=update, editor=editor, body="둘", is_key_event=False, expected_version=1
        )
    response = poll(client, live, after_post)
    assert "둘" in changed_part(response) and "하나" not in response.content.decode()
    after_edit = revision_of(live)

    with committed():
        services.live_update_edit(
            update=update, editor=editor, body="셋", is_key_event=True, expected_version=2
        )
    response = poll(client, live, after_edit)
    assert "셋" in changed_part(response)
    assert f'href="#update-{update.pk}"' in response.content.decode()  # now a key event
    after_second_edit = revision_of(live)

    with committed():
        services.live_update_retract(update=update, editor=editor, expected_version=3)
    response = poll(client, live, after_second_edit)
    assert "update--retracted" in changed_part(response)
    # A reader who was behind all of it gets the update once, in its final state.
    response = poll(client, live, 0)
    assert response.content.decode().count(f'id="update-{update.pk}"') == 1
    assert "update--retracted" in response.content.decode()


def test_the_poll_sends_a_changed_principle(client, editor, live, committed):
    client.get(live.get_absolute_url())
    since = revision_of(live)
    principle = live.principles.first()
    with committed():
        services.principle_edit(
            principle=principle,
            editor=editor,
            title="바뀐 원칙",
            title_en=principle.title_en,
            summary=principle.summary,
            responsible_ai=principle.responsible_ai,
            expected_version=principle.version,
        )
    part = changed_part(poll(client, live, since))
    assert f'id="principle-{principle.slug}"' in part and "바뀐 원칙" in part


def test_an_unpublished_principle_is_removed_from_readers_pages(client, live, committed):
    client.get(live.get_absolute_url())
    since = revision_of(live)
    principle = live.principles.first()
    principle.is_published = False
    with committed():
        principle.save()
    part = changed_part(poll(client, live, since))
    assert f'id="principle-{principle.slug}" data-live-remove' in part


@pytest.mark.parametrize("since", ["", "abc", "1.5", "9" * 40])
def test_a_bad_cursor_is_a_400_not_a_500(client, live, since):
    response = poll(client, live, since)
    assert response.status_code in {400, 204}


def test_unknown_and_non_live_sections_do_not_poll(client):
    cache.clear()
    assert poll(client, Section(slug="no-such"), 0).status_code == 404
    still = Section.objects.filter(is_live=False).first()
    assert poll(client, still, -1).status_code == 404


def test_page_shows_key_events_seoul_time_and_twenty_updates_at_first(client, editor, live):
    updates = [
        services.live_update_create(section=live, author=editor, body=f"소식 {n}")
        for n in range(25)
    ]
    services.live_update_set_key_event(
        update=updates[3], editor=editor, is_key_event=True, expected_version=1
    )
    html = client.get(live.get_absolute_url()).content.decode()
    assert html.count('<li id="update-') == 20
    assert "소식 24" in html and "소식 4" not in html.split('id="older-updates"')[0]
    assert " KST" in html
    assert f'href="#update-{updates[3].pk}"' in html  # the key events summary
    assert 'rel="alternate" type="application/atom+xml"' in html
    older = client.get(live.get_absolute_url(), {"before": updates[5].pk}).content.decode()
    older = older[older.index('id="live-updates"') :]  # the list (the JSON-LD keeps the newest)
    assert "소식 4" in older and "소식 0" in older and "소식 24" not in older


def test_readers_see_no_editing_controls(editor_client, live):
    assert 'id="post-form"' not in Client().get(live.get_absolute_url()).content.decode()
    assert 'id="post-form"' in editor_client.get(live.get_absolute_url()).content.decode()


def test_the_atom_feed_lists_updates_and_marks_retractions(client, editor, live):
    kept = services.live_update_create(section=live, author=editor, body="남는 소식")
    gone = services.live_update_create(section=live, author=editor, body="철회할 소식")
    services.live_update_retract(update=gone, editor=editor, expected_version=1)
    response = client.get(reverse("playbook:section-feed", args=[live.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = response.content.decode()
    assert "남는 소식" in feed and f"update-{kept.pk}" in feed
    entry = feed[feed.index("철회할 소식") - 200 : feed.index("철회할 소식")]
    assert "[" in entry  # the title carries the retraction mark
    not_live = Section.objects.filter(is_live=False).first()
    assert client.get(reverse("playbook:section-feed", args=[not_live.slug])).status_code == 404


def test_every_change_records_its_author(editor_client, live):
    post_update(editor_client, live, body="누가 썼나")
    update = LiveUpdate.objects.get()
    assert update.history.first().history_user.username == "editor"
    principle = live.principles.first()
    editor_client.post(
        reverse("playbook:principle-edit", args=[principle.slug]),
        {"title": "기록", "version": principle.version},
        **HTMX,
    )
    assert Principle.history.filter(id=principle.pk).first().history_user.username == "editor"


def test_a_reader_far_behind_is_asked_to_reload(client, editor, live):
    since = revision_of(live)
    for n in range(101):
        services.live_update_create(section=live, author=editor, body=f"소식 {n}")
    response = poll(client, live, since)
    assert response.status_code == 200
    assert response["HX-Refresh"] == "true"
    assert response.content == b""


def test_older_updates_on_demand(client, editor, live):
    updates = [
        services.live_update_create(section=live, author=editor, body=f"오래된 소식 {n}")
        for n in range(23)
    ]
    url = reverse("playbook:older-updates", args=[live.slug])
    response = client.get(url, {"before": updates[3].pk}, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "오래된 소식 2" in html and "오래된 소식 0" in html and "오래된 소식 3" not in html
    assert "Vary" in response and "HX-Request" in response["Vary"]
    plain = client.get(url, {"before": updates[3].pk})
    assert plain.status_code == 302 and "before=" in plain["Location"]
    assert client.get(url, {"before": "x"}, **HTMX).status_code == 400


def test_editing_works_without_javascript(editor_client, editor, live):
    update = services.live_update_create(
        section=live, author=editor, body="자바스크립트 없이 고칠 글"
    )
    edit_url = reverse("playbook:update-edit", args=[live.slug, update.pk])
    link = editor_client.get(edit_url)  # the Edit link, followed without htmx
    assert link.status_code == 302 and f"edit_update={update.pk}" in link["Location"]
    page = editor_client.get(link["Location"]).content.decode()
    assert f'id="id_body_{update.pk}"' in page and "자바스크립트 없이 고칠 글</textarea>" in page
    saved = editor_client.post(edit_url, {"body": "고쳤음", "version": update.version})
    assert saved.status_code == 302 and saved["Location"].endswith(f"#update-{update.pk}")
    refused = editor_client.post(edit_url, {"body": "", "version": 2})
    assert refused.status_code == 422 and 'class="field-error"' in refused.content.decode()

    principle = live.principles.first()
    link = editor_client.get(reverse("playbook:principle-edit", args=[principle.slug]))
    page = editor_client.get(link["Location"]).content.decode()
    assert 'name="responsible_ai"' in page


def test_home_shows_the_latest_updates_but_not_retracted_ones(client, editor, live):
    kept = services.live_update_create(section=live, author=editor, body="홈에 보일 소식")
    gone = services.live_update_create(section=live, author=editor, body="홈에서 사라질 소식")
    services.live_update_retract(update=gone, editor=editor, expected_version=1)
    home = client.get(reverse("home")).content.decode()
    assert "홈에 보일 소식" in home and f"#update-{kept.pk}" in home
    assert "홈에서 사라질 소식" not in home
