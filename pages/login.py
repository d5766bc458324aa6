"""Admin sign-in with failed attempts limited per account and per address.

Counters live in the shared cache (core/ratelimit.py: Redis, or the database cache). The
per-account counter is keyed on the name as Django reads it, so look-alike spellings of
one account share it. If the cache cannot answer, sign-in still works: a cache outage must
not lock editors out.
"""

import unicodedata

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from core import ratelimit
from core.ratelimit import client_address

TOO_MANY = _("Too many failed sign-ins. Wait a few minutes and try again.")


def login_name_key(username: str) -> str:
    """The name the per-account limit counts: as Django reads it before checking the password
    (stripped, NFKC-normalised: full-width "ｖictim" is "victim"), and case-folded, so that no
    spelling of one account escapes its count."""
    name = unicodedata.normalize("NFKC", username.strip())
    return unicodedata.normalize("NFKC", name.casefold())


def _keys(username: str, address: str) -> list[tuple[str, str, int]]:
    return [
        ("login-fail:user", login_name_key(username), settings.LOGIN_FAILURES_PER_ACCOUNT),
        ("login-fail:addr", address, settings.LOGIN_FAILURES_PER_ADDRESS),
    ]


class ThrottledAuthenticationForm(AdminAuthenticationForm):
    throttled = False

    def clean(self):
        username = self.data.get("username", "")
        keys = _keys(username, client_address(self.request))
        window = settings.LOGIN_FAILURE_WINDOW_SECONDS
        if any(ratelimit.count(scope, key, window=window) >= limit for scope, key, limit in keys):
            self.throttled = True
            raise ValidationError(TOO_MANY, code="throttled")
        try:
            return super().clean()
        except ValidationError:
            for scope, key, _limit in keys:
                ratelimit.record(scope, key, window=window)
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
