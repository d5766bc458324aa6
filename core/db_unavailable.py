"""When the database cannot be reached (it refuses, does not answer within the connect
timeout, or cancels a statement that ran past the statement timeout), a request answers
503 with Retry-After and a plain page that needs nothing from the database, instead of a
500 or a request hung until the worker is killed."""

import logging
import sys

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpResponse
from django.template import loader
from django.views import defaults

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
UNAVAILABLE = (OperationalError, InterfaceError)


def unavailable_response() -> HttpResponse:
    # Rendered without a request: no context processor may touch the database.
    body = loader.get_template("503.html").render()
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


MARK = "_database_unavailable"


@receiver(got_request_exception)
def _remember_unavailable(sender, request=None, **kwargs):
    """Any middleware or view failing because of the database marks the request, so that
    the outermost middleware can replace whatever error page was made (also DEBUG's)."""
    if request is not None and isinstance(sys.exc_info()[1], UNAVAILABLE):
        setattr(request, MARK, True)


class DatabaseUnavailableMiddleware:
    """First in MIDDLEWARE: every other middleware runs inside it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, MARK, False) and response.status_code >= 500:
            logger.error("database unavailable for %s", request.path)
            return unavailable_response()
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, UNAVAILABLE):
            logger.error("database unavailable for %s: %s", request.path, exception)
            return unavailable_response()
        return None


def server_error(request, template_name="500.html"):
    """handler500: the same 503 when what failed outside a view (a middleware, a template
    response) was the database; any other error is the usual 500 page."""
    error = sys.exc_info()[1]
    if isinstance(error, UNAVAILABLE):
        return unavailable_response()
    return defaults.server_error(request, template_name)
