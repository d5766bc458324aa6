"""Editors link talks to principles in the admin: one link per talk and principle (a
constraint, and a message on the form instead of a 500), the principle autocomplete
puts the exact title first in both languages, and the Korean admin speaks Korean."""

import importlib

import pytest
from django.apps import apps
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from zeal import zeal_ignore

from playbook.models import Principle
from teams.models import Talk, TalkPrinciple
from tests.playbook.test_admin import management_form

pytestmark = pytest.mark.django_db


def post_links(editor_client, talk, *principles, language="ko"):
    data = {
        "title_ko": talk.title_ko, "title_en": talk.title_en, "slug": talk.slug, "team": "",
        "video_url": "", "published_on": "", "order": "0",
        **management_form("principle_links", len(principles)),
    }  # fmt: skip
    for index, principle in enumerate(principles):
        data[f"principle_links-{index}-talk"] = str(talk.pk)
        data[f"principle_links-{index}-principle"] = str(principle.pk)
        data[f"principle_links-{index}-note_ko"] = f"메모 {index}"
    url = reverse("admin:teams_talk_change", args=[talk.pk])
    with zeal_ignore():  # the admin's own inline formset looks each principle up
        return editor_client.post(url, data, HTTP_ACCEPT_LANGUAGE=language)


def test_linking_a_talk_twice_to_one_principle_is_refused_on_the_form(editor_client):
    talk = Talk.objects.create(slug="twice", title="두 번 연결", title_en="Linked twice")
    principle = Principle.objects.get(title_en="Work Trials")
    response = post_links(editor_client, talk, principle, principle)
    assert response.status_code == 200  # the form again, not a 500
    body = response.content.decode()
    assert "errornote" in body and "principle" in body
    assert not talk.principle_links.exists()
    # One link is fine.
    assert post_links(editor_client, talk, principle).status_code == 302
    assert talk.principle_links.count() == 1


def test_the_database_refuses_a_second_link_of_a_talk_to_a_principle():
    link = TalkPrinciple.objects.select_related("talk", "principle").first()
    with pytest.raises(IntegrityError), transaction.atomic():
        TalkPrinciple.objects.create(
            talk=link.talk, principle=link.principle, timestamp_seconds=999
        )


def test_the_migration_merges_duplicates_first_and_loses_no_text():
    merge = importlib.import_module(
        "teams.migrations.0006_one_link_per_talk_and_principle"
    ).merge_duplicate_links
    talk = Talk.objects.create(slug="dupes", title="중복", title_en="Dupes")
    principle = Principle.objects.get(title_en="Work Trials")
    constraint = TalkPrinciple._meta.constraints[0]
    connection.cursor().execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending FK checks
    with connection.schema_editor() as editor:  # as the database was before 0006
        editor.remove_constraint(TalkPrinciple, constraint)
    TalkPrinciple.objects.create(talk=talk, principle=principle, note_ko="첫 메모")
    TalkPrinciple.objects.create(
        talk=talk,
        principle=principle,
        note_ko="둘째 메모",
        quote_en="a quote",
        timestamp_seconds=90,
    )
    merge(apps, None)
    connection.cursor().execute("SET CONSTRAINTS ALL IMMEDIATE")
    with connection.schema_editor() as editor:
        editor.add_constraint(TalkPrinciple, constraint)
    kept = talk.principle_links.get()
    assert kept.note_ko == "첫 메모\n\n둘째 메모"
    assert (kept.quote_en, kept.timestamp_seconds) == ("a quote", 90)


@pytest.mark.parametrize("title", ["모델 평가", "Model Evaluations", "AI 감사", "AI Audit"])
def test_the_principle_autocomplete_puts_the_exact_title_first(editor_client, title):
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "term": title,
            "app_label": "teams",
            "model_name": "talkprinciple",
            "field_name": "principle",
        },
    )
    results = response.json()["results"]
    assert len(results) >= 2  # another principle mentions it too
    first = Principle.objects.get(pk=results[0]["id"])
    assert title in (first.title_ko, first.title_en)


def test_the_korean_admin_names_its_columns_and_filters_in_korean(editor_client):
    page = editor_client.get(
        reverse("admin:playbook_principle_changelist"), HTTP_ACCEPT_LANGUAGE="ko"
    ).content.decode()
    assert "빠진 영어 본문" in page and "English missing" not in page
    # Strings Django's own Korean catalogue leaves empty, carried by ours.
    with translation.override("ko"):
        assert gettext("Filter by %(field_name)s") == "%(field_name)s(으)로 거르기"
        assert gettext("Logout") == "로그아웃"
    catalog = editor_client.get(reverse("admin:jsi18n"), HTTP_ACCEPT_LANGUAGE="ko")
    assert "오늘 (%(date)s)" in catalog.content.decode("unicode_escape")  # as \\uXXXX escapes
