"""Fuzzing what issue 11 hardened: the assessment import (any JSON document, any bytes, and
any value in any place of a real export), every form field of the live page, and the admin
forms an editor uses for live updates and principles. Whatever is sent, the answer is
below 500."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playbook import services
from playbook.models import LiveUpdate, Principle, Section
from tests.conftest import PASSWORD
from tests.governance.helpers import CHECKLIST, answer, items_of, start

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Any text, lone surrogates and NUL included (they reach the import through \\u escapes).
any_text = st.one_of(
    st.text(alphabet=st.characters(codec=None), max_size=60),
    st.sampled_from(["", "\x00", "\ud800", "[" * 2000, "9" * 5000, "2024-02-30 10:00"]),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(any_text, inner, max_size=4),
    max_leaves=20,
)
form_texts = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["", "\x00", "-1", "0", "99999999999999999999", "[" * 10_000, "<b>", "2"]),
)


@pytest.fixture
def no_limits(settings):
    settings.ASSESSMENT_STARTS_PER_HOUR = settings.ASSESSMENT_IMPORTS_PER_HOUR = 10_000


def import_status(client, raw: bytes) -> int:
    upload = SimpleUploadedFile("export.json", raw)
    url = reverse("governance:assessment-import", args=[CHECKLIST])
    return client.post(url, {"file": upload}).status_code


@FUZZ
@given(document=json_values)
def test_any_json_document_imports_or_is_refused(no_limits, document):
    raw = json.dumps(document, ensure_ascii=True).encode()
    assert import_status(Client(), raw) in {302, 400}


@FUZZ
@given(raw=st.binary(max_size=300))
def test_any_bytes_import_or_are_refused(no_limits, raw):
    assert import_status(Client(), raw) in {302, 400}


@pytest.fixture
def export(client, no_limits):
    assessment = start(client, subject="퍼징 원본")
    answer(client, assessment, items_of(assessment.checklist_version)[0].key, note="메모")
    return json.loads(client.get(reverse("governance:export-json", args=[assessment.pk])).content)


def places(document, path=()):
    """Every place in the document (a path of keys and indexes)."""
    yield path
    if isinstance(document, dict):
        for key, value in document.items():
            yield from places(value, (*path, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield from places(value, (*path, index))


def replaced(document, path, value):
    if not path:
        return value
    copy = json.loads(json.dumps(document))
    target = copy
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return copy


@FUZZ
@given(data=st.data())
def test_any_value_anywhere_in_a_real_export_imports_or_is_refused(export, data):
    path = data.draw(st.sampled_from(list(places(export))))
    value = data.draw(json_values)
    raw = json.dumps(replaced(export, path, value), ensure_ascii=True).encode()
    assert import_status(Client(), raw) in {302, 400}, (path, value)


@pytest.fixture
def live(editor):
    section = Section.objects.filter(is_live=True).first()
    update = services.live_update_create(section=section, author=editor, body="퍼징 소식")
    return section, update


def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


@FUZZ
@given(
    fields=st.dictionaries(
        st.sampled_from(["body", "is_key_event", "scheduled_for", "picture_alt", "version"]),
        form_texts,
    )
)
def test_the_live_page_forms_take_any_input(editor, live, fields):
    section, update = live
    client = editor_client(editor)
    slug, pk = section.slug, update.pk
    urls = [
        reverse("playbook:update-create", args=[slug]),
        reverse("playbook:update-edit", args=[slug, pk]),
        reverse("playbook:update-key-event", args=[slug, pk]),
        reverse("playbook:update-pin", args=[slug, pk]),
        reverse("playbook:coverage-end", args=[slug]),
        reverse("playbook:coverage-reopen", args=[slug]),
    ]
    for url in urls:
        for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
            data = {**fields, "summary": fields.get("body", "")}
            response = client.post(url, data, **headers)
            assert response.status_code < 500, (url, fields)


@FUZZ
@given(
    fields=st.dictionaries(
        st.sampled_from(["title", "title_en", "summary", "responsible_ai", "version"]), form_texts
    )
)
def test_the_inline_principle_form_takes_any_input(editor, fields):
    principle = Principle.objects.get(title_en="Work Trials")
    client = editor_client(editor)
    url = reverse("playbook:principle-edit", args=[principle.slug])
    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
        assert client.post(url, fields, **headers).status_code < 500, fields


ADMIN_UPDATE_FIELDS = ["section", "body_ko", "body_en", "is_key_event", "expected_version"]
ADMIN_PRINCIPLE_FIELDS = [
    "section", "title_ko", "title_en", "slug", "summary_ko", "summary_en", "responsible_ai_ko",
    "responsible_ai_en", "order", "is_published", "expected_version", "pair", "tags",
]  # fmt: skip


@FUZZ
@given(fields=st.dictionaries(st.sampled_from(ADMIN_UPDATE_FIELDS), form_texts))
def test_the_admin_live_update_forms_take_any_input(editor, live, fields):
    _section, update = live
    client = editor_client(editor)
    for url in (
        reverse("admin:playbook_liveupdate_add"),
        reverse("admin:playbook_liveupdate_change", args=[update.pk]),
    ):
        response = client.post(url, {**fields, "_save": "Save"})
        assert response.status_code < 500, (url, fields)
    stored = LiveUpdate.objects.get(pk=update.pk)
    assert stored.retracted_at is None and stored.section_id == update.section_id


@FUZZ
@given(fields=st.dictionaries(st.sampled_from(ADMIN_PRINCIPLE_FIELDS), form_texts))
def test_the_admin_principle_form_takes_any_input(editor, fields):
    from zeal import zeal_ignore

    principle = Principle.objects.get(title_en="Work Trials")
    client = editor_client(editor)
    url = reverse("admin:playbook_principle_change", args=[principle.pk])
    with zeal_ignore():  # the admin's own inline formsets
        response = client.post(url, {**fields, "_save": "Save"})
    assert response.status_code < 500, fields
    assert len(Principle.objects.get(pk=principle.pk).summary_ko) <= 10_000


def test_the_editor_account_of_these_tests_signs_in(editor):
    assert Client().login(username="editor", password=PASSWORD)
