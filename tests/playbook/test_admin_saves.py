"""The admin saves live updates and principles through the live page's services: version
checks, the rules of retraction, the same limits (issue 11, finding 7)."""

import pytest
from django.urls import reverse
from zeal import zeal_ignore

from playbook import services
from playbook.models import LiveUpdate, Principle, Section
from tests.conftest import edit_principle
from tests.playbook.admin_helpers import shown_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def live_section():
    return Section.objects.filter(is_live=True).first()


@pytest.fixture
def update(live_section, editor):
    return services.live_update_create(section=live_section, author=editor, body="처음 글")


def change_url(update):
    return reverse("admin:playbook_liveupdate_change", args=[update.pk])


def test_a_stale_admin_form_shows_the_conflict_and_keeps_both_texts(editor_client, update):
    opened = editor_client.get(change_url(update))
    # Meanwhile, an edit on the live page.
    services.live_update_edit(
        update=update,
        editor=update.author,
        body="새로 고친 글",
        is_key_event=False,
        expected_version=update.version,
    )
    response = editor_client.post(change_url(update), shown_form_data(opened, body_ko="관리자 글"))
    assert response.status_code == 200  # the form again, not a redirect
    page = response.content.decode()
    assert "새로 고친 글" in page  # theirs, in the message
    assert "관리자 글" in page  # mine, still in the form
    assert LiveUpdate.objects.get(pk=update.pk).body == "새로 고친 글"

    # Saving the rebased form again is a deliberate overwrite, marked as an edit.
    again = editor_client.post(change_url(update), shown_form_data(response, body_ko="관리자 글"))
    assert again.status_code == 302
    saved = LiveUpdate.objects.get(pk=update.pk)
    assert saved.body == "관리자 글" and saved.edited_at is not None


def test_an_admin_edit_is_marked_as_edited(editor_client, update):
    opened = editor_client.get(change_url(update))
    assert (
        editor_client.post(change_url(update), shown_form_data(opened, body_ko="고침")).status_code
        == 302
    )
    assert LiveUpdate.objects.get(pk=update.pk).edited_at is not None


def test_a_retraction_cannot_be_undone_or_rewritten_in_the_admin(editor_client, update, editor):
    opened = editor_client.get(change_url(update))
    retracted = services.live_update_retract(
        update=update, editor=editor, expected_version=update.version
    )
    data = shown_form_data(opened, body_ko="다시 쓴 글", retracted_at="", expected_version=None)
    data["expected_version"] = str(retracted.version)
    response = editor_client.post(change_url(update), data)
    assert response.status_code in {403, 200}
    stored = LiveUpdate.objects.get(pk=update.pk)
    assert stored.retracted_at == retracted.retracted_at
    assert stored.body == "처음 글"
    # The page shows it read-only.
    assert "다시 쓴 글" not in editor_client.get(change_url(update)).content.decode()


def test_the_admin_refuses_what_the_live_page_refuses(editor_client, live_section):
    add = reverse("admin:playbook_liveupdate_add")
    opened = editor_client.get(add)
    too_long = editor_client.post(
        add, shown_form_data(opened, section=str(live_section.pk), body_ko="가" * 1_000_000)
    )
    assert too_long.status_code in {200, 413}
    not_live = Section.objects.filter(is_live=False).first()
    elsewhere = editor_client.post(
        add, shown_form_data(opened, section=str(not_live.pk), body_ko="a")
    )
    assert elsewhere.status_code == 200
    assert "section" in elsewhere.context["adminform"].form.errors
    bomb = editor_client.post(
        add, shown_form_data(opened, section=str(live_section.pk), body_ko="[" * 10_000)
    )
    assert bomb.status_code == 200
    assert "body_ko" in bomb.context["adminform"].form.errors
    assert not LiveUpdate.objects.exists()

    posted = editor_client.post(
        add, shown_form_data(opened, section=str(live_section.pk), body_ko="새 소식")
    )
    assert posted.status_code == 302
    created = LiveUpdate.objects.get()
    assert created.body == "새 소식" and created.created_revision > 0


def test_principle_texts_have_the_same_limit_inline_and_in_the_admin(editor_client, editor):
    """The admin's inline formsets read each linked principle: its own code."""
    with zeal_ignore():
        principle = Principle.objects.get(title_en="Work Trials")
        url = reverse("admin:playbook_principle_change", args=[principle.pk])
        opened = editor_client.get(url)
        huge = "요약 " * 320_000  # ~960 KB: refused as a body before the form sees it
        assert editor_client.post(url, shown_form_data(opened, summary_ko=huge)).status_code == 413
        over = "요약 " * 3_400  # 10,200 characters
        response = editor_client.post(url, shown_form_data(opened, summary_ko=over))
        assert response.status_code == 200
        assert "summary_ko" in response.context["adminform"].form.errors
        for text in (huge, over):
            with pytest.raises(services.ValidationError):
                edit_principle(principle, editor, principle.title, text)
        assert len(Principle.objects.get(pk=principle.pk).summary) < 10_000


def test_a_stale_admin_principle_form_shows_the_conflict(editor_client, editor):
    """The admin's inline formsets read each linked principle: its own code."""
    with zeal_ignore():
        principle = Principle.objects.get(title_en="Work Trials")
        url = reverse("admin:playbook_principle_change", args=[principle.pk])
        opened = editor_client.get(url)
        edit_principle(principle, editor, principle.title, "인라인에서 고친 요약")
        response = editor_client.post(url, shown_form_data(opened, summary_ko="관리자 요약"))
        assert response.status_code == 200
        page = response.content.decode()
        assert "인라인에서 고친 요약" in page and "관리자 요약" in page
        assert Principle.objects.get(pk=principle.pk).summary == "인라인에서 고친 요약"
        again = editor_client.post(url, shown_form_data(response, summary_ko="관리자 요약"))
        assert again.status_code == 302
        assert Principle.objects.get(pk=principle.pk).summary == "관리자 요약"


def test_the_live_page_refuses_a_markdown_bomb_with_a_message(editor_client, live_section):
    from tests.playbook.live_helpers import post_update

    response = post_update(editor_client, live_section, body="[" * 10_000)
    assert response.status_code == 422
    assert not LiveUpdate.objects.exists()


def test_a_stale_section_page_cannot_undo_a_newer_principle_title(editor_client, editor):
    """The section's inline rows of principles carry their version, as the principle's own
    form does: the row shows the conflict and the stored title, nothing is overwritten."""
    with zeal_ignore():
        principle = Principle.objects.get(title_en="Work Trials")
        url = reverse("admin:playbook_section_change", args=[principle.section_id])
        opened = editor_client.get(url)
        edit_principle(principle, editor, "다른 편집자의 새 제목", principle.summary)
        rows = opened.context["inline_admin_formsets"][0].formset
        index = next(i for i, form in enumerate(rows.forms) if form.instance.pk == principle.pk)
        key = f"{rows.prefix}-{index}-title_ko"
        response = editor_client.post(url, shown_form_data(opened, **{key: "오래된 화면의 제목"}))
        assert response.status_code == 200
        page = response.content.decode()
        assert "다른 편집자의 새 제목" in page and "오래된 화면의 제목" in page
        assert Principle.objects.get(pk=principle.pk).title_ko == "다른 편집자의 새 제목"
        unchanged = editor_client.post(url, shown_form_data(editor_client.get(url)))
        assert unchanged.status_code == 302  # a fresh page saves, rows untouched
        assert Principle.objects.get(pk=principle.pk).title_ko == "다른 편집자의 새 제목"
