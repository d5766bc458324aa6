"""Live sections: editing on the page, conflicts, and who may do it."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from playbook import services
from playbook.models import LiveUpdate, Section
from tests.playbook.live_helpers import HTMX, post_update

pytestmark = pytest.mark.django_db


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
    assert 'id="post-form"' in html and 'data-hx-swap-oob="true"' in html  # a fresh, empty form


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
