"""schemathesis against the live schema of a real server (gunicorn on PostgreSQL): for
every endpoint, generated requests find no server error and no answer that breaks the
schema. Bounded: 25 examples per endpoint.

The operations are read from the schema this code makes (collection happens before any
server runs; schemathesis' `from_fixture` does not work with pytest 9.2), and the first
test checks that the server publishes exactly that schema."""

import json

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from tests.app_server import fetch, loaded_app, serving

pytestmark = pytest.mark.smoke

EXAMPLES_PER_ENDPOINT = 25


@pytest.fixture(scope="module")
def api_server(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("api-schema")
    # The fuzzer sends a few hundred requests a minute from one address.
    with (
        loaded_app(tmp_path, "api_schema", PLAYBOOK_API_REQUESTS_PER_MINUTE="100000") as env,
        serving(env) as base,
    ):
        yield base


def published_schema() -> dict:
    from config.urls import api_v1

    return json.loads(json.dumps(api_v1.get_openapi_schema()))


schema = schemathesis.openapi.from_dict(published_schema())


def test_the_server_publishes_this_schema(api_server):
    status, body = fetch(api_server + "/api/v1/openapi.json")
    assert status == 200
    assert json.loads(body) == published_schema()
    assert len(json.loads(body)["paths"]) >= 15


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_ENDPOINT,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_endpoint_keeps_to_its_schema(case, api_server):
    response = case.call(base_url=api_server)
    if response.status_code == 414 and b"Request Line is too large" in response.content:
        # gunicorn refuses a request line over 4 KB before the app sees it: not an
        # answer of the API (and no client of it sends such addresses).
        return
    case.validate_response(response)
