"""Admin sign-in with failed attempts limited per account and per address.

Counters live in the cache (shared through Redis when there are several app servers).
If the cache cannot answer, sign-in still works: a cache outage must not lock editors out.
"""

import logging

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

logger = logging.getLogger(__name__)

TOO_MANY = _("Too many failed sign-ins. Wait a few minutes and try again.")


def client_address(request) -> str:
    """The client's address. Behind N proxies that each append to X-Forwarded-For
    (PLAYBOOK_PROXY_COUNT=N), it is the N-th entry from the right: entries further left
    were written by the client itself and cannot be trusted."""
    proxies = settings.PROXY_COUNT
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "unknown")


def _keys(username: str, address: str) -> list[tuple[str, int]]:
    return [
        (f"login-fail:user:{username.strip().lower()[:150]}", settings.LOGIN_FAILURES_PER_ACCOUNT),
        (f"login-fail:addr:{address}", settings.LOGIN_FAILURES_PER_ADDRESS),
    ]


def _count(key: str) -> int:
    try:
        return cache.get(key, 0)
    except Exception:
        logger.warning("cache unavailable; sign-in limits not checked", exc_info=True)
        return 0


def _record_failure(key: str) -> None:
    try:
        if not cache.add(key, 1, settings.LOGIN_FAILURE_WINDOW_SECONDS):
            cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, settings.LOGIN_FAILURE_WINDOW_SECONDS)
    except Exception:
        logger.warning("cache unavailable; a failed sign-in was not counted", exc_info=True)


class ThrottledAuthenticationForm(AdminAuthenticationForm):
    throttled = False

    def clean(self):
        username = self.data.get("username", "")
        keys = _keys(username, client_address(self.request))
        if any(_count(key) >= limit for key, limit in keys):
            self.throttled = True
            raise ValidationError(TOO_MANY, code="throttled")
        try:
            return super().clean()
        except ValidationError:
            for key, _limit in keys:
                _record_failure(key)
            raise


admin.site.login_form = ThrottledAuthenticationForm


@sensitive_post_parameters()
@csrf_protect
@never_cache
def admin_login(request):
    """The admin's own sign-in page, answering 429 while the limit holds."""
    response = admin.site.login(request)
    context = getattr(response, "context_data", None) or {}
    if getattr(context.get("form"), "throttled", False):
        response.status_code = 429
    return response
