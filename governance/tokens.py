"""Edit tokens of assessments: readers never sign in, so holding the token is what makes
someone the owner. It lives in a cookie scoped to the assessment's URL and is shown once as
a private link; the database keeps only its SHA-256 (the token has 256 random bits, so a
fast hash is enough: there is nothing to brute-force)."""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.urls import reverse

COOKIE_MAX_AGE = 60 * 60 * 24 * 365
# Set for a few minutes after creating or importing, so that the page shows the edit link once.
JUST_CREATED_COOKIE = "assessment_created"


def new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_matches(assessment, token: str | None) -> bool:
    if not token:
        return False
    return hmac.compare_digest(hash_token(token), assessment.edit_token_hash)


def cookie_name(assessment) -> str:
    # One name per assessment: cookie jars that ignore paths then still keep them apart.
    return f"assessment_{assessment.pk.hex}"


def request_token(request, assessment) -> str | None:
    return request.COOKIES.get(cookie_name(assessment))


def can_edit(request, assessment) -> bool:
    return token_matches(assessment, request_token(request, assessment))


def remember_token(response, assessment, token: str, *, just_created: bool = False) -> None:
    options = {
        "path": assessment.get_absolute_url(),
        "secure": settings.SESSION_COOKIE_SECURE,
        "httponly": True,
        "samesite": "Lax",
    }
    response.set_cookie(cookie_name(assessment), token, max_age=COOKIE_MAX_AGE, **options)
    if just_created:
        response.set_cookie(JUST_CREATED_COOKIE, "1", max_age=600, **options)


def forget_just_created(response, assessment) -> None:
    response.delete_cookie(JUST_CREATED_COOKIE, path=assessment.get_absolute_url(), samesite="Lax")


def edit_link(assessment, token: str, request=None) -> str:
    """The private edit link: the token after `#`, which browsers never send to a server
    (governance.claim_views); absolute when a request is given."""
    url = reverse("governance:assessment-claim", kwargs={"pk": assessment.pk})
    if request is not None:
        url = request.build_absolute_uri(url)
    return f"{url}#{token}"
