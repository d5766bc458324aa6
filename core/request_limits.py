"""Request bodies are bounded while they are read, not after.

A body announced larger than `REQUEST_BODY_MAX_BYTES` is refused (413) before a byte of it
is read. Within that, no uploaded file may grow past `UPLOAD_MAX_BYTES` (the largest file
any form accepts): `LimitedUploadHandler` stops reading there. Uploads are kept in memory
(`FILE_UPLOAD_MAX_MEMORY_SIZE` is the same limit), so nothing is ever spooled to disk.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpResponse
from django.utils.translation import gettext as _

TOO_LARGE_ATTRIBUTE = "upload_too_large"


class LimitedUploadHandler(FileUploadHandler):
    """First in FILE_UPLOAD_HANDLERS: counts each file's bytes and stops the upload (without
    reading the rest of the body) as soon as one passes the limit."""

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > settings.UPLOAD_MAX_BYTES:
            setattr(self.request, TOO_LARGE_ATTRIBUTE, True)
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None


def too_large_response() -> HttpResponse:
    limit = settings.UPLOAD_MAX_BYTES // (1024 * 1024)
    message = _("The request is too large: files may have at most %(limit)s MB.") % {"limit": limit}
    response = HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


def _announced_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class RequestBodyLimitMiddleware:
    """Refuses bodies that are too large by their Content-Length, and reads form bodies here
    so that a body or upload over its limit answers 413 with a message instead of the
    generic 400 (place it after LocaleMiddleware: the message is translated)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _announced_length(request) > settings.REQUEST_BODY_MAX_BYTES:
            return too_large_response()
        if request.method == "POST" and request.content_type in {
            "multipart/form-data",
            "application/x-www-form-urlencoded",
        }:
            try:
                request.POST  # noqa: B018 (parses now, under the limits above)
            except RequestDataTooBig:
                return too_large_response()
            if getattr(request, TOO_LARGE_ATTRIBUTE, False):
                return too_large_response()
        return self.get_response(request)
