"""Revision history: who changed what and when, any two versions compared, revert (the
public log of edits is tested in tests/pages/test_changes.py)."""

import pytest
from django.urls import reverse
from zeal import zeal_ignore

from teams.models import Team

pytestmark = pytest.mark.django_db


def test_history_lists_versions_with_their_author(editor_client, edited):
    principle, _ = edited
    records = list(principle.history.all())
    assert len(records) == 3  # loaded, then two edits
    assert [r.history_user.username for r in records[:2]] == ["editor", "editor"]
    page = editor_client.get(reverse("admin:playbook_principle_history", args=[principle.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "editor" in html and 'name="older"' in html and 'name="newer"' in html


def test_any_two_versions_can_be_compared(editor_client, edited):
    principle, original = edited
    oldest, newest = principle.history.last(), principle.history.first()
    url = reverse("admin:playbook_principle_history_compare", args=[principle.pk])
    response = editor_client.get(url, {"older": oldest.history_id, "newer": newest.history_id})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<span class="diff-removed">- {original}' in html
    assert '<span class="diff-added">+ 셋째 제목' in html
    assert '<span class="diff-added">+ 새 문단' in html
    # Chosen the other way round, the comparison still reads from older to newer.
    swapped = editor_client.get(url, {"older": newest.history_id, "newer": oldest.history_id})
    assert '<span class="diff-added">+ 셋째 제목' in swapped.content.decode()


def test_compare_refuses_nonsense(editor_client, edited):
    principle, _ = edited
    url = reverse("admin:playbook_principle_history_compare", args=[principle.pk])
    assert editor_client.get(url, {"older": "x", "newer": "1"}).status_code == 403
    assert editor_client.get(url, {"older": 999999, "newer": 999998}).status_code == 404


def test_an_editor_reverts_to_an_older_version_from_the_admin(editor_client, edited):
    principle, original = edited
    oldest = principle.history.last()
    tags = list(principle.tags.values_list("pk", flat=True))
    url = reverse("admin:playbook_principle_simple_history", args=[principle.pk, oldest.pk])
    form = editor_client.get(url)
    assert form.status_code == 200 and original in form.content.decode()
    data = {
        "section": oldest.section_id,
        "title_ko": oldest.title_ko,
        "title_en": oldest.title_en,
        "slug": oldest.slug,
        "summary_ko": oldest.summary_ko,
        "summary_en": oldest.summary_en,
        "responsible_ai_ko": oldest.responsible_ai_ko,
        "responsible_ai_en": oldest.responsible_ai_en,
        "order": oldest.order,
        "is_published": "on",
        "tags": tags,
        # As the page posts it: the stored version, which the revert deliberately replaces.
        "expected_version": form.context["adminform"].form["expected_version"].value(),
    }
    assert data["expected_version"] == principle.version
    # simple-history's revert view reads the tags twice while saving; that is its own code.
    with zeal_ignore():
        response = editor_client.post(url, data)
    assert response.status_code == 302
    principle.refresh_from_db()
    assert principle.title == original
    assert principle.history.count() == 4  # a revert is one more version, nothing is lost


def test_teams_and_talks_keep_history_too(editor):
    team = Team.objects.get(slug="every")
    team.tagline = "바뀐 문구"
    team._history_user = editor
    team.save()
    assert team.history.first().history_user == editor
    assert team.history.count() == 2


def test_the_comparison_shows_each_language_under_its_own_name(editor_client, editor):
    from playbook import services
    from playbook.models import Principle

    principle = Principle.objects.get(title_en="Work Trials")
    principle = services.principle_edit(
        principle=principle,
        editor=editor,
        title="새 제목",
        title_en="New title",
        summary=principle.summary_ko,
        summary_en="A new English summary",
        responsible_ai=principle.responsible_ai_ko,
        expected_version=principle.version,
    )
    oldest, newest = principle.history.last(), principle.history.first()
    url = reverse("admin:playbook_principle_history_compare", args=[principle.pk])
    html = editor_client.get(
        url, {"older": oldest.history_id, "newer": newest.history_id}
    ).content.decode()
    assert "<h2>Title [ko]</h2>" in html or "<h2>제목 [ko]</h2>" in html
    assert "<h2>Title [en]</h2>" in html or "<h2>제목 [en]</h2>" in html
    assert '<span class="diff-added">+ 새 제목' in html
    assert '<span class="diff-added">+ New title' in html
    assert '<span class="diff-added">+ A new English summary' in html
    # The field's own column, which only repeats one language, is not listed again.
    assert "<h2>Title</h2>" not in html and "<h2>제목</h2>" not in html
