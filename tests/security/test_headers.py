"""Headers of issue 11 (finding 11): Permissions-Policy, the language cookie, `private` on
pages with a CSRF token, /teams/ varying on HX-History-Restore-Request, 403s logged
without a traceback."""

import logging
import subprocess
import sys

import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.urls import reverse

from core.security_headers import SecurityHeadersMiddleware
from tests.app_server import ROOT, app_env
from tests.governance.helpers import start

pytestmark = pytest.mark.django_db


def test_every_page_has_a_permissions_policy(client):
    policy = client.get("/")["Permissions-Policy"]
    for denied in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert denied in policy
    # The talk player may still go full screen.
    assert 'fullscreen=(self "https://www.youtube-nocookie.com")' in policy


def test_the_language_cookie_is_lax_here_and_secure_in_production(client, tmp_path):
    response = client.get(reverse("language", args=["en"]) + "?next=/")
    cookie = response.cookies["django_language"]
    assert cookie["samesite"] == "Lax"
    # With DEBUG off (production), the settings make it Secure, as the session cookie.
    env = app_env(tmp_path, DJANGO_DEBUG="0", DJANGO_SECRET_KEY="x" * 50)
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.LANGUAGE_COOKIE_SECURE, settings.LANGUAGE_COOKIE_SAMESITE)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
    )
    assert result.stdout.split() == ["True", "Lax"], result.stderr


def test_a_page_with_a_csrf_token_is_private_even_if_its_view_said_public():
    def view(request):
        response = HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')
        response["Cache-Control"] = "public, max-age=60, s-maxage=600"
        return response

    response = SecurityHeadersMiddleware(view)(RequestFactory().get("/"))
    parts = {part.strip() for part in response["Cache-Control"].split(",")}
    assert "private" in parts and "public" not in parts
    assert not any(part.startswith("s-maxage") for part in parts)


def test_real_pages_with_forms_are_private(client):
    response = client.get(
        reverse("governance:assessment-start", args=["responsible-ai-development"])
    )
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "private" in response["Cache-Control"]


def test_teams_varies_on_the_history_restore_header(client):
    vary = client.get(reverse("teams:teams"))["Vary"]
    assert "HX-History-Restore-Request" in vary and "HX-Request" in vary


def test_permission_denied_is_logged_without_a_traceback(client, caplog, settings):
    owner_client = client
    assessment = start(owner_client)
    stranger = Client()
    owner_client.post(reverse("governance:share", args=[assessment.pk]), {"shared": "1"})
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = stranger.post(reverse("governance:share", args=[assessment.pk]), {"shared": "0"})
    assert response.status_code == 403
    records = [r for r in caplog.records if r.name == "django.request" and r.status_code == 403]
    assert records, "the refusal is still logged"
    for record in records:
        assert record.exc_info is None
        assert "Traceback" not in logging.Formatter().format(record)
