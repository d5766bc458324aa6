"""Defences of the dilemma form that need no outside service: a signed timestamp (a form
sent within seconds of being served is a script; one older than two hours is stale),
checks on what a name or text may hold, and the signed cookie that lets a browser see its
own pending dilemmas."""

import re
import time
import unicodedata

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac

FORM_SALT = "discussions.form-started"
OWN_COOKIE = "own-dilemmas"
OWN_COOKIE_SALT = "discussions.own"
OWN_COOKIE_PATH = "/dilemmas/"  # sent only to the uncached dilemma pages, never to cached ones
OWN_COOKIE_MAX_AGE = 30 * 24 * 3600
OWN_COOKIE_KEEPS = 20

MIN_SECONDS = 3
MAX_SECONDS = 2 * 3600
MAX_LINKS = 2

# Direction overrides and isolates make text read differently from how it is stored
# ("Trojan Source"); zero-width characters hide words from people but not from machines.
DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
INVISIBLE = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]")
LINK = re.compile(
    r"(?i)(?:\b(?:https?|ftps?|mailto|javascript|vbscript|data|file|tel|sms|irc)\s*:|\bwww\.)"
)
URLISH = re.compile(r"(?i)(?:[a-z][a-z0-9+.-]*://|www\.|\.(?:com|net|org|io|kr|ru|xyz|top|info)\b)")
IMAGE = re.compile(r"!\[|<\s*img\b", re.IGNORECASE)

# Names that would read as the playbook's own voice; compared after NFKC and case folding,
# with spaces, dots, dashes and underscores taken out, so "ＡＤＭＩＮ" and "a.d.m.i.n" match.
RESERVED_NAMES = {
    "admin", "administrator", "editor", "editors", "moderator", "staff", "playbook",
    "tinyteamsplaybook", "관리자", "운영자", "편집자", "편집부", "운영진", "관리팀",
}  # fmt: skip
# "admin2", "moderator_kim", "운영자님" too; not "staff", which begins real names (Staffan).
RESERVED_PREFIXES = ("admin", "moderator", "editor", "tinyteams", "관리자", "운영자", "편집자")


def address_hash(address: str) -> str:
    """HMAC-SHA256 of the client address under a secret salt (PLAYBOOK_ADDRESS_SALT, else
    the secret key): what a dilemma keeps instead of the address. IPv4 has only 2^32
    addresses, so an unsalted hash could be reversed by trying them all."""
    secret = settings.ADDRESS_HASH_SALT or settings.SECRET_KEY
    return salted_hmac(
        "discussions.submitter", address, secret=secret, algorithm="sha256"
    ).hexdigest()


def form_started_token(now: float | None = None) -> str:
    return signing.dumps(int((now if now is not None else time.time()) * 1000), salt=FORM_SALT)


def form_age(token: str, now: float | None = None) -> float | None:
    """Seconds since the form was served, or None when the token is not ours."""
    try:
        started = signing.loads(token, salt=FORM_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(started, int):
        return None
    return (now if now is not None else time.time()) - started / 1000


def folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def link_count(text: str, html: str = "") -> int:
    """Links in the text (counted after NFKC, so that full-width ｈｔｔｐｓ：// counts too)
    or in its rendering, whichever finds more."""
    return max(len(LINK.findall(unicodedata.normalize("NFKC", text))), html.count("<a "))


def has_image(text: str) -> bool:
    return bool(IMAGE.search(unicodedata.normalize("NFKC", text)))


def has_direction_controls(text: str) -> bool:
    return bool(DIRECTION_CONTROLS.search(text))


def without_invisible(text: str) -> str:
    return INVISIBLE.sub("", text)


def clean_name(name: str) -> str:
    """NFKC, no invisible characters, spaces collapsed."""
    name = without_invisible(unicodedata.normalize("NFKC", name))
    return " ".join(name.split())


def is_reserved_name(name: str) -> bool:
    squeezed = _squeezed(name)
    return squeezed in RESERVED_NAMES or squeezed.startswith(RESERVED_PREFIXES)


def is_an_editors_name(name: str) -> bool:
    """Whether the name reads as a staff member's public name (the one /changes/ shows).
    Sign-in names are not compared: the answer would tell which ones exist."""
    from django.contrib.auth import get_user_model

    wanted = _squeezed(name)
    staff = get_user_model().objects.filter(is_staff=True).exclude(first_name="", last_name="")
    for first, last in staff.values_list("first_name", "last_name"):
        if wanted in {_squeezed(f"{first} {last}"), _squeezed(f"{last} {first}")}:
            return True
    return False


def _squeezed(text: str) -> str:
    return re.sub(r"[\s._\-·]+", "", folded(text))


def looks_like_link(name: str) -> bool:
    return bool(URLISH.search(folded(name)))


def has_control_characters(text: str) -> bool:
    return any(unicodedata.category(ch) in {"Cc", "Cs"} and ch not in "\n\r\t" for ch in text)


def own_ids(request) -> list[int]:
    """The ids of the dilemmas this browser sent (from its signed cookie)."""
    value = request.get_signed_cookie(OWN_COOKIE, default="", salt=OWN_COOKIE_SALT)
    return [int(part) for part in value.split(",") if part.isdigit()][:OWN_COOKIE_KEEPS]


def remember_own(request, response, dilemma_id: int) -> None:
    ids = [dilemma_id, *(i for i in own_ids(request) if i != dilemma_id)][:OWN_COOKIE_KEEPS]
    response.set_signed_cookie(
        OWN_COOKIE,
        ",".join(map(str, ids)),
        salt=OWN_COOKIE_SALT,
        max_age=OWN_COOKIE_MAX_AGE,
        path=OWN_COOKIE_PATH,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
