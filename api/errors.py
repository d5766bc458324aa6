"""Errors as JSON with a message (api/schemas.py `Error`), never an HTML page."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja.errors import HttpError, ValidationError

from api.http import error_response
from api.schemas import Error

# Every endpoint may answer these (declared in the schema, so clients and fuzzers know).
ERRORS = {400: Error, 404: Error, 429: Error}


def not_found(message: str | None = None) -> HttpError:
    return HttpError(404, message or _("Nothing is here."))


def _validation_error(request, exc: ValidationError):
    errors = [
        {
            "where": ".".join(str(part) for part in error.get("loc", ())),
            "message": str(error.get("msg", "")),
        }
        for error in exc.errors
    ]
    return error_response(400, _("The request's parameters are not valid."), errors)


def _http_error(request, exc: HttpError):
    return error_response(exc.status_code, str(exc))


def _not_found(request, exc: Http404):
    return error_response(404, _("Nothing is here."))


def install(api) -> None:
    api.add_exception_handler(ValidationError, _validation_error)
    api.add_exception_handler(HttpError, _http_error)
    api.add_exception_handler(Http404, _not_found)


def unknown_path(request, *args, **kwargs):
    """Any address under /api/ that names no endpoint."""
    return error_response(404, _("No such address in the API. Its contents: /api/v1/"))
