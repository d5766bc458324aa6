"""core/db_unavailable.py and the database timeouts in the settings."""

import pytest
from django.db import DatabaseError, OperationalError, connection
from django.test import RequestFactory

from core.db_unavailable import DatabaseUnavailableMiddleware, server_error


def test_an_unreachable_database_answers_503_with_retry_after():
    middleware = DatabaseUnavailableMiddleware(lambda r: None)
    response = middleware.process_exception(RequestFactory().get("/"), OperationalError("x"))
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "Try again" in response.content.decode()


def test_other_database_errors_stay_errors():
    middleware = DatabaseUnavailableMiddleware(lambda r: None)
    assert middleware.process_exception(RequestFactory().get("/"), DatabaseError("x")) is None
    assert middleware.process_exception(RequestFactory().get("/"), ValueError("x")) is None


def test_the_500_handler_answers_503_for_the_database_only():
    request = RequestFactory().get("/")
    try:
        raise OperationalError("gone")
    except OperationalError:
        assert server_error(request).status_code == 503
    try:
        raise ValueError("a bug")
    except ValueError:
        assert server_error(request).status_code == 500


@pytest.mark.django_db
def test_statements_have_a_timeout(settings):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        shown = cursor.fetchone()[0]
    assert shown == f"{settings.DB_STATEMENT_TIMEOUT_MS // 1000}s"
    assert connection.settings_dict["OPTIONS"]["connect_timeout"] == settings.DB_CONNECT_TIMEOUT
    # A request on an open connection to a host that vanished gives up, too (libpq).
    connection.ensure_connection()
    dsn = connection.connection.info.dsn
    assert f"tcp_user_timeout={settings.DB_CONNECT_TIMEOUT * 1000}" in dsn
