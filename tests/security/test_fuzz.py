"""Fuzzing the public views: any query string and any form input a stranger can send gets
an answer below 500 — never a server error."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from governance.models import ChecklistItem
from playbook.models import Section

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Anything a person could type, including NUL, surrogate-free Unicode, huge numbers.
texts = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=50),
    st.integers().map(str),
    st.floats(allow_nan=True).map(str),
    st.sampled_from(["", " ", "\x00", "-1", "0", "1e309", "9" * 50, "'\"<>", "%00", "../"]),
)
PARAMETERS = ["q", "page", "since", "before", "sort", "dir", "type", "section", "tag",
              "edit_update", "edit_principle", "version", "next", "lang"]  # fmt: skip


def public_pages():
    live = Section.objects.get(is_live=True).slug
    return [
        "/",
        "/principles/",
        "/principles/work-trials/",
        f"/sections/{live}/",
        f"/sections/{live}/changes",
        f"/sections/{live}/updates/older",
        f"/feeds/sections/{live}/",
        "/teams/",
        "/teams/gamma/",
        "/talks/",
        "/governance/",
        "/governance/responsible-ai-development/",
        "/changes/",
        "/map/",
        "/search/",
        "/healthz",
        "/admin/login/",
    ]


@FUZZ
@given(
    params=st.dictionaries(st.sampled_from(PARAMETERS) | st.text(max_size=10), texts, max_size=4)
)
def test_query_strings_never_cause_a_server_error(params):
    client = Client()
    for url in public_pages():
        clean = {k.replace("\x00", ""): v for k, v in params.items()}
        response = client.get(url, clean)
        assert response.status_code < 500, (url, params)
        response = client.get(url, clean, HTTP_HX_REQUEST="true")
        assert response.status_code < 500, (url, params)


@FUZZ
@given(subject=texts)
def test_starting_an_assessment_with_any_subject_never_fails(subject):
    response = Client().post(
        "/governance/responsible-ai-development/start/", {"subject": subject.replace("\x00", "")}
    )
    assert response.status_code < 500
    response = Client().post("/governance/responsible-ai-development/start/", {"subject": subject})
    assert response.status_code < 500


@FUZZ
@given(
    fields=st.dictionaries(
        st.sampled_from(["status", "justification", "note", "evidence_url"]), texts
    )
)
def test_answering_with_any_input_never_fails(fields):
    client = Client()
    response = client.post(
        "/governance/responsible-ai-development/start/", {"subject": "퍼징 대상"}
    )
    assert response.status_code == 302
    page = response["Location"]
    key = ChecklistItem.objects.filter(section__version__status="published").first().key
    for headers in [{}, {"HTTP_HX_REQUEST": "true"}]:
        response = client.post(f"{page}items/{key}/", fields, **headers)
        assert response.status_code < 500, fields


@FUZZ
@given(language=texts, next_url=texts)
def test_the_language_switch_never_fails(language, next_url):
    response = Client().post("/i18n/setlang/", {"language": language, "next": next_url})
    assert response.status_code < 500
