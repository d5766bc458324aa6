"""Live sections over HTTP: editing on the page, readers' polls, conflicts, the feed."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from playbook import services
from playbook.models import LiveUpdate, Principle, Section

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def live():
    return Section.objects.get(is_live=True)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a write's on-commit hooks (the cache refresh), as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def reader_client(client):
    """Signed in, but not an editor."""
    user = get_user_model().objects.create_user("reader", password="a-long-reader-pass-1")
    client.force_login(user)
    return client


def post_update(client, section, body="첫 소식", **extra):
    return client.post(
        reverse("playbook:update-create", args=[section.slug]),
        {"body": body, **extra},
        **HTMX,
    )


def poll(client, section, since):
    return client.get(reverse("playbook:section-changes", args=[section.slug]), {"since": since})


def revision_of(section):
    section.refresh_from_db()
    return section.revision


# --- editing on the page -----------------------------------------------------------------


def test_editor_posts_an_update_and_sees_the_fragment(editor_client, live):
    response = post_update(editor_client, live, body="**키노트** 시작", is_key_event="on")
    assert response.status_code == 200
    update = LiveUpdate.objects.get()
    assert update.author.username == "editor"
    assert update.is_key_event
    html = response.content.decode()
    assert f'id="update-{update.pk}"' in html
    assert "<strong>키노트</strong>" in html
    assert 'id="post-form"' in html and 'hx-swap-oob="true"' in html  # a fresh, empty form


def test_plain_post_without_javascript_redirects_to_the_update(editor_client, live):
    response = editor_client.post(
        reverse("playbook:update-create", args=[live.slug]), {"body": "자바스크립트 없이"}
    )
    update = LiveUpdate.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{live.get_absolute_url()}#update-{update.pk}"


@pytest.mark.parametrize("body", ["", "   ", "x" * 10_001])
def test_bad_update_text_is_refused_with_a_message(editor_client, live, body):
    response = post_update(editor_client, live, body=body)
    assert response.status_code == 422
    assert 'class="field-error"' in response.content.decode()
    assert not LiveUpdate.objects.exists()


def test_updates_cannot_be_posted_to_a_section_that_is_not_live(editor_client):
    section = Section.objects.filter(is_live=False).first()
    response = post_update(editor_client, section)
    assert response.status_code == 404


def test_edit_key_event_and_retract(editor_client, editor, live):
    update = services.live_update_create(section=live, author=editor, body="원문")
    url = reverse("playbook:update-edit", args=[live.slug, update.pk])
    form = editor_client.get(url, **HTMX)
    assert form.status_code == 200 and "원문" in form.content.decode()

    response = editor_client.post(url, {"body": "고친 글", "version": 1}, **HTMX)
    assert response.status_code == 200
    update.refresh_from_db()
    assert update.body == "고친 글" and update.edited_at is not None and update.version == 2

    key_url = reverse("playbook:update-key-event", args=[live.slug, update.pk])
    editor_client.post(key_url, {"version": 2, "is_key_event": "on"}, **HTMX)
    update.refresh_from_db()
    assert update.is_key_event

    retract_url = reverse("playbook:update-retract", args=[live.slug, update.pk])
    response = editor_client.post(retract_url, {"version": 3}, **HTMX)
    assert response.status_code == 200
    update.refresh_from_db()
    assert update.retracted_at is not None and update.retracted_by == editor
    assert "update--retracted" in response.content.decode()
    # Nothing is deleted, and a retracted update stays shown as such.
    page = editor_client.get(live.get_absolute_url()).content.decode()
    assert f'id="update-{update.pk}"' in page and "update--retracted" in page
    # A retracted update cannot be edited back.
    response = editor_client.post(url, {"body": "되살리기", "version": 4}, **HTMX)
    assert response.status_code == 422


def test_a_stale_edit_is_refused_and_the_first_writer_wins(editor_client, editor, live):
    update = services.live_update_create(section=live, author=editor, body="원래 글")
    url = reverse("playbook:update-edit", args=[live.slug, update.pk])
    first = editor_client.post(url, {"body": "먼저 저장한 글", "version": 1}, **HTMX)
    assert first.status_code == 200
    second = editor_client.post(url, {"body": "나중에 저장한 글", "version": 1}, **HTMX)
    assert second.status_code == 409
    html = second.content.decode()
    assert "먼저 저장한 글" in html  # the stored text, shown
    assert "나중에 저장한 글" in html  # the editor's own, kept in the form
    assert 'name="version" value="2"' in html  # saving again is a deliberate overwrite
    update.refresh_from_db()
    assert update.body == "먼저 저장한 글"


def test_a_stale_retraction_is_refused(editor_client, editor, live):
    update = services.live_update_create(section=live, author=editor, body="글")
    services.live_update_edit(
        update=update, editor=editor, body="글 2", is_key_event=False, expected_version=1
    )
    url = reverse("playbook:update-retract", args=[live.slug, update.pk])
    response = editor_client.post(url, {"version": 1}, **HTMX)
    assert response.status_code == 409
    update.refresh_from_db()
    assert update.retracted_at is None


def test_principle_edited_in_place_with_a_version_check(editor_client, live):
    principle = live.principles.first()
    url = reverse("playbook:principle-edit", args=[principle.slug])
    form = editor_client.get(url, **HTMX)
    assert form.status_code == 200 and principle.title in form.content.decode()
    data = {
        "title": "새 제목",
        "title_en": principle.title_en,
        "summary": "새 *요약*",
        "responsible_ai": principle.responsible_ai,
        "version": principle.version,
    }
    response = editor_client.post(url, data, **HTMX)
    assert response.status_code == 200
    assert "<em>요약</em>" in response.content.decode()
    stale = editor_client.post(url, {**data, "title": "늦은 제목"}, **HTMX)
    assert stale.status_code == 409
    principle.refresh_from_db()
    assert principle.title == "새 제목"


# --- who may do it ---------------------------------------------------------------------


def mutating_requests(section, update, principle):
    edit = reverse("playbook:update-edit", args=[section.slug, update.pk])
    return [
        ("post", reverse("playbook:update-create", args=[section.slug]), {"body": "x"}),
        ("get", edit, {}),
        ("post", edit, {"body": "x", "version": update.version}),
        (
            "post",
            reverse("playbook:update-key-event", args=[section.slug, update.pk]),
            {"version": update.version, "is_key_event": "on"},
        ),
        (
            "post",
            reverse("playbook:update-retract", args=[section.slug, update.pk]),
            {"version": update.version},
        ),
        ("get", reverse("playbook:principle-edit", args=[principle.slug]), {}),
        (
            "post",
            reverse("playbook:principle-edit", args=[principle.slug]),
            {"title": "x", "version": principle.version},
        ),
    ]


@pytest.fixture
def targets(editor, live):
    update = services.live_update_create(section=live, author=editor, body="대상")
    return live, update, live.principles.first()


def test_anonymous_readers_are_sent_to_sign_in_or_refused(client, targets):
    for method, url, data in mutating_requests(*targets):
        page = getattr(client, method)(url, data)
        assert page.status_code == 302 and reverse("admin:login") in page["Location"], url
        fragment = getattr(client, method)(url, data, **HTMX)
        assert fragment.status_code == 403, url
    assert LiveUpdate.objects.count() == 1
    assert LiveUpdate.objects.get().retracted_at is None


def test_signed_in_non_editors_are_refused(reader_client, targets):
    for method, url, data in mutating_requests(*targets):
        assert getattr(reader_client, method)(url, data).status_code == 403, url
        assert getattr(reader_client, method)(url, data, **HTMX).status_code == 403, url
    assert LiveUpdate.objects.count() == 1


def test_staff_outside_the_editors_group_are_refused(client, staff_outsider, targets):
    client.force_login(staff_outsider)
    for method, url, data in mutating_requests(*targets):
        assert getattr(client, method)(url, data, **HTMX).status_code == 403, url


def test_editors_may_do_all_of_it(editor_client, targets):
    for method, url, data in mutating_requests(*targets):
        response = getattr(editor_client, method)(url, data, **HTMX)
        assert response.status_code in {200, 409, 422}, url


def test_htmx_posts_without_the_csrf_token_are_refused(editor, live):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(
        reverse("playbook:update-create", args=[live.slug]), {"body": "x"}, **HTMX
    )
    assert response.status_code == 403
    assert not LiveUpdate.objects.exists()
    page = client.get(live.get_absolute_url())
    token = re.search(r'"X-CSRFToken": "([^"]+)"', page.content.decode()).group(1)
    response = client.post(
        reverse("playbook:update-create", args=[live.slug]),
        {"body": "토큰과 함께"},
        HTTP_X_CSRFTOKEN=token,
        **HTMX,
    )
    assert response.status_code == 200


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
