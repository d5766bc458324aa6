"""Request bodies are bounded while they are read (core/request_limits.py)."""

import io

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from core.request_limits import RequestBodyLimitMiddleware
from tests.governance.helpers import CHECKLIST


def test_an_upload_over_the_limit_answers_413_with_a_message(client):
    big = SimpleUploadedFile("export.json", b" " * (settings.UPLOAD_MAX_BYTES + 1))
    response = client.post(
        reverse("governance:assessment-import", args=[CHECKLIST]),
        {"file": big},
        headers={"accept-language": "en"},
    )
    assert response.status_code == 413
    assert "at most 5 MB" in response.content.decode()


def test_reading_stops_at_the_limit_not_at_the_end_of_the_body():
    size = settings.UPLOAD_MAX_BYTES + 512 * 1024  # within the announced-length limit
    request = RequestFactory().post(
        "/governance/x/import/", {"file": io.BytesIO(b"x" * size), "name": "a"}
    )
    assert int(request.META["CONTENT_LENGTH"]) <= settings.REQUEST_BODY_MAX_BYTES
    response = RequestBodyLimitMiddleware(lambda r: HttpResponse("read"))(request)
    assert response.status_code == 413
    read = request._stream._pos
    assert read < settings.UPLOAD_MAX_BYTES + 256 * 1024, read  # the rest was never read


def test_a_body_announced_too_large_is_refused_unread(client):
    response = client.generic(
        "POST",
        reverse("governance:assessment-start", args=[CHECKLIST]),
        b"subject=x",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(settings.REQUEST_BODY_MAX_BYTES + 1),
    )
    assert response.status_code == 413


def test_an_import_within_the_limits_still_works(client, db):
    small = SimpleUploadedFile("export.json", b"{}")
    response = client.post(
        reverse("governance:assessment-import", args=[CHECKLIST]), {"file": small}
    )
    assert response.status_code == 400  # an empty object is not an export; read and judged
