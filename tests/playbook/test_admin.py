"""The admin as editors use it, and what it refuses to others."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from core.permissions import EDITORS_GROUP
from playbook.models import Principle
from teams.models import Talk, Team

pytestmark = pytest.mark.django_db


def management_form(prefix, total):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_editors_group_has_exactly_the_content_permissions():
    group = Group.objects.get(name=EDITORS_GROUP)
    granted = set(group.permissions.values_list("content_type__app_label", "codename"))
    models = {
        "playbook": ["page", "tag", "event", "section", "principle", "liveupdateimage"],
        "teams": ["team", "person", "teamprinciple", "talk", "talkprinciple"],
        "governance": [
            "checklist",
            "checklistversion",
            "checklistsection",
            "checklistitem",
            "crosswalklink",
        ],  # fmt: skip
    }
    expected = {
        (app, f"{action}_{model}")
        for app, names in models.items()
        for model in names
        for action in ["add", "change", "delete", "view"]
    }
    # Live updates are retracted, never deleted.
    expected |= {("playbook", f"{action}_liveupdate") for action in ["add", "change", "view"]}
    # Dilemmas are sent by readers and moderated, never added or deleted by editors.
    expected |= {("discussions", f"{action}_dilemma") for action in ["change", "view"]}
    assert granted == expected
    assert not group.permissions.filter(content_type__app_label="auth").exists()


def test_editor_adds_a_team_with_a_talk_linked_to_a_principle(editor_client):
    principle = Principle.objects.get(title_en="Work Trials")
    response = editor_client.post(
        reverse("admin:teams_team_add"),
        {
            "name_ko": "타이니 테스트",
            "name_en": "Tiny Test Co",
            "slug": "tiny-test-co",
            "tagline_ko": "시험용 팀",
            "tagline_en": "A team for the test",
            "leader_ko": "CEO 홍길동",
            "order": "99",
            "headcount": "4",
            "users": "",
            "arr_min_usd": "",
            "arr_max_usd": "",
            "arr_precision": "",
            "summary_ko": "**작은** 팀",
            "summary_en": "A *small* team",
            **management_form("people", 1),
            "people-0-name_en": "Gil-dong Hong",
            "people-0-name_ko": "홍길동",
            "people-0-role_ko": "CEO",
            "people-0-order": "1",
            **management_form("principle_links", 1),
            "principle_links-0-principle": str(principle.pk),
            "principle_links-0-note_ko": "유급 업무 평가를 한다",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    team = Team.objects.get(slug="tiny-test-co")
    assert team.summary_html_ko == "<p><strong>작은</strong> 팀</p>"
    assert team.summary_html_en == "<p>A <em>small</em> team</p>"
    speaker = team.people.get()

    response = editor_client.post(
        reverse("admin:teams_talk_add"),
        {
            "title_ko": "작은 팀의 업무 평가",
            "title_en": "Work trials in a tiny team",
            "slug": "work-trials-in-a-tiny-team",
            "speakers": [str(speaker.pk)],
            "team": str(team.pk),
            "video_url": "",
            "published_on": "",
            "summary_ko": "요약",
            "order": "9",
            **management_form("principle_links", 1),
            "principle_links-0-principle": str(principle.pk),
            "principle_links-0-timestamp_seconds": "95",
            "principle_links-0-note_ko": "업무 평가 사례",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    talk = Talk.objects.get(slug="work-trials-in-a-tiny-team")
    assert list(talk.principles.all()) == [principle]

    teams_page = editor_client.get(reverse("teams:teams")).content.decode()
    assert "Tiny Test Co" in teams_page
    principle_page = editor_client.get(principle.get_absolute_url()).content.decode()
    assert "Tiny Test Co" in principle_page
    assert "작은 팀의 업무 평가" in principle_page
    assert "1:35" in principle_page  # the timestamp, as minutes and seconds


def test_admin_change_page_shows_a_rendered_markdown_preview(editor_client):
    principle = Principle.objects.get(title_en="Work Trials")
    body = editor_client.get(reverse("admin:playbook_principle_change", args=[principle.pk]))
    html = body.content.decode()
    # Korean and English side by side, each with its preview.
    assert 'data-preview-for="id_summary_ko"' in html
    assert 'data-preview-for="id_summary_en"' in html
    assert principle.summary_html_ko in html
    assert "js/admin-markdown-preview.js" in html


def test_markdown_preview_endpoint_renders_sanitised_html(editor_client, client):
    url = reverse("playbook:markdown-preview")
    response = editor_client.post(url, {"source": "*hi* <script>alert(1)</script>"})
    assert response.status_code == 200
    assert response.content.decode() == "<p><em>hi</em> </p>"
    assert editor_client.get(url).status_code == 405
    assert editor_client.post(url, {"source": "x" * 100_001}).status_code == 400


def test_markdown_preview_refuses_anonymous_users(client):
    response = client.post(reverse("playbook:markdown-preview"), {"source": "x"})
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_staff_outside_the_editors_group_cannot_change_content(client, staff_outsider):
    client.force_login(staff_outsider)
    principle = Principle.objects.first()
    assert client.get(reverse("admin:teams_team_add")).status_code == 403
    change_url = reverse("admin:playbook_principle_change", args=[principle.pk])
    response = client.post(change_url, {"title_ko": "바뀌면 안 됨"})
    assert response.status_code == 403
    principle.refresh_from_db()
    assert principle.title != "바뀌면 안 됨"


def test_an_editor_cannot_manage_users_or_groups(editor_client):
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:auth_group_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:auth_user_add")).status_code == 403
    assert not Permission.objects.filter(user__username="editor").exists()


@pytest.mark.parametrize(
    "name",
    [
        "admin:playbook_principle_changelist",
        "admin:playbook_section_changelist",
        "admin:teams_team_changelist",
        "admin:teams_talk_changelist",
        "admin:governance_checklistitem_changelist",
    ],
)
def test_editor_admin_lists_open(editor_client, name):
    response = editor_client.get(reverse(name))
    assert response.status_code == 200


def test_autocomplete_finds_principles_for_the_talk_inline(editor_client):
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "업무",
            "app_label": "teams",
            "model_name": "talkprinciple",
            "field_name": "principle",
        },
    )
    assert response.status_code == 200
    assert any("업무 평가" in r["text"] for r in response.json()["results"])


def test_talk_timestamps_are_typed_as_times_and_nonsense_is_refused(editor_client):
    # A talk of its own with one link, so the admin formset validates a single inline.
    talk = Talk.objects.create(slug="timestamp-test", title="시간 시험", title_en="Time test")
    principle = Principle.objects.get(title_en="Work Trials")
    url = reverse("admin:teams_talk_change", args=[talk.pk])

    def post(timestamp):
        data = {
            "title_ko": talk.title_ko, "title_en": talk.title_en, "slug": talk.slug, "team": "",
            "video_url": "", "published_on": "", "order": "0",
            **management_form("principle_links", 1),
            "principle_links-0-talk": str(talk.pk),
            "principle_links-0-principle": str(principle.pk),
            "principle_links-0-timestamp_seconds": timestamp,
            "principle_links-0-note_ko": "업무 평가 이야기",
        }  # fmt: skip
        return editor_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")

    response = post("1:2:3:4")
    assert response.status_code == 200
    assert "Enter a time as 1:23:45, 83:45 or a number of seconds." in response.content.decode()
    assert not talk.principle_links.exists()

    response = post("1:23:45")
    assert response.status_code == 302, response.content.decode()[:3000]
    assert talk.principle_links.get().timestamp_seconds == 5025
    page = editor_client.get(url).content.decode()
    assert 'value="1:23:45"' in page


def test_principle_admin_page_shows_the_talks_and_teams_that_link_to_it(editor_client):
    principle = Principle.objects.get(title_en="Work Trials")
    url = reverse("admin:playbook_principle_change", args=[principle.pk])
    page = editor_client.get(url).content.decode()
    for link in principle.talk_links.select_related("talk"):
        assert reverse("admin:teams_talk_change", args=[link.talk_id]) in page
    for link in principle.team_links.all():
        assert reverse("admin:teams_team_change", args=[link.team_id]) in page
    # Read-only here: the links are edited with their talk or team.
    assert 'name="talk_links-0-note"' not in page
