"""What every answer shares: ETag and 304, caching, CORS, rate limits and JSON errors."""

import json

import pytest

from playbook.models import Principle
from tests.api.helpers import api, endpoints

pytestmark = pytest.mark.django_db


def test_every_endpoint_sends_an_etag_and_answers_304(client):
    for name, url in endpoints().items():
        response = client.get(url)
        etag = response["ETag"]
        assert etag.startswith('"') and etag.endswith('"'), name
        assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304, name
        assert again.content == b"" and again["ETag"] == etag
        other = client.get(url, HTTP_IF_NONE_MATCH='"something-else"')
        assert other.status_code == 200, name


def test_an_edit_changes_the_etag(client, django_capture_on_commit_callbacks):
    url = api("principle", slug="work-trials")
    etag = client.get(url)["ETag"]
    principle = Principle.objects.get(slug="work-trials")
    principle.title_en = "Work trials, paid"
    with django_capture_on_commit_callbacks(execute=True):  # the commit refreshes the revision
        principle.save()
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response["ETag"] != etag
    assert json.loads(response.content)["title"]["en"] == "Work trials, paid"


def test_any_origin_may_read(client):
    response = client.get(api("principles"), HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        api("principles"),
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]


def error_of(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(response.content)
    assert data["status"] == status and data["message"]
    return data


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/principles/no-such-principle/",
        "/api/v1/teams/no-such-team/",
        "/api/v1/talks/nope/",
        "/api/v1/sections/nope/",
        "/api/v1/sections/core-principles-development/updates/",  # not a live section
        "/api/v1/checklists/nope/",
        "/api/v1/checklists/responsible-ai-development/versions/99/",
        "/api/v1/no-such-endpoint/",
        "/api/v1/principles/%00/",
        "/api/v2/principles/",
        "/api/",
    ],
)
def test_unknown_addresses_are_json_404s(client, url):
    error_of(client.get(url), 404)


@pytest.mark.parametrize(
    "query",
    [
        "?limit=0",
        "?limit=101",
        "?limit=abc",
        "?offset=-1",
        "?section=%00",
        "?tag=a%20b",
        "?section=" + "x" * 101,
    ],
)
def test_bad_parameters_are_json_400s(client, query):
    data = error_of(client.get(api("principles") + query), 400)
    assert data["errors"] and data["errors"][0]["where"]


@pytest.mark.parametrize(
    "query", ["", "?q=", "?q=" + "x" * 201, "?q=a&page=0", "?q=a&lang=fr", "?q=a&kind=%00"]
)
def test_bad_searches_are_json_400s(client, query):
    error_of(client.get(api("search") + query), 400)


def test_a_search_of_only_excluded_words_finds_nothing(client):
    data = json.loads(client.get(api("search") + "?q=-%EC%9C%A4%EB%A6%AC").content)
    assert data["count"] == 0 and data["results"] == []


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_refused_as_json(client, method):
    response = getattr(client, method)(api("principles"), {"title": "x"})
    error_of(response, 405)
    assert "GET" in response["Allow"]


def test_head_sends_the_headers_of_get(client):
    get = client.get(api("principles"))
    head = client.head(api("principles"))
    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == get["ETag"]
    assert int(head["Content-Length"]) == len(get.content)


def test_too_many_requests_from_one_address_get_429_with_retry_after(client, settings):
    settings.API_REQUESTS_PER_MINUTE = 3
    for _ in range(3):
        assert client.get(api("sections")).status_code == 200
    refused = client.get(api("sections"))
    error_of(refused, 429)
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused["Cache-Control"] == "no-store"
    # Another address is counted on its own.
    assert client.get(api("sections"), REMOTE_ADDR="10.0.0.2").status_code == 200
