"""One settings module for every environment; everything that differs is read from the
environment (see the table in README.md)."""

import os
from importlib.util import find_spec
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off "
            "(for local work, `make run` sets DJANGO_DEBUG=1)."
        )
    # Only ever used with DEBUG on, on a developer's own machine.
    SECRET_KEY = "insecure-development-key-never-used-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Per-language content columns (summary_ko, summary_en); it must come before the admin,
    # and each app's translation.py registers simple-history after it (DESIGN.md "Two
    # languages of content").
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Search vectors, GIN indexes and pg_trgm; harmless on the SQLite first run.
    "django.contrib.postgres",
    "django_htmx",
    "simple_history",
    # The rooms of DESIGN.md "Layout", lowest first.
    "core",
    "playbook",
    "teams",
    "governance",
    "discussions",
    "search",
    "pages",
    "api",
    # The API's docs page serves Swagger UI from django-ninja's static files, not a CDN.
    "ninja",
]

MIDDLEWARE = [
    # Outermost: a request that cannot reach the database, wherever inside, answers 503.
    "core.db_unavailable.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Permissions-Policy, and `private` on any page that carries a CSRF token.
    "core.security_headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session, locale and CSRF middleware: a hit skips them (core.page_cache).
    "core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "pages.language.ReaderLanguageMiddleware",
    # Before anything reads the body: too large a body is refused while it is read.
    "core.request_limits.RequestBodyLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

# N+1 query detection while developing and testing (django-zeal, a dev dependency):
# a warning under `make run`, an error in the test suite (tests/conftest.py).
if DEBUG and find_spec("zeal"):
    INSTALLED_APPS.append("zeal")
    MIDDLEWARE.append("zeal.middleware.zeal_middleware")
    ZEAL_RAISE = False

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pages.context_processors.navigation",
            ],
        },
    },
]

# PostgreSQL is the database of record; without DATABASE_URL a first run needs no server.
VAR_DIR = Path(os.environ.get("PLAYBOOK_VAR_DIR", BASE_DIR / "var"))
DATABASE_URL = os.environ.get("DATABASE_URL", "")
# A database that stops answering must not hang every request: connecting gives up after
# PLAYBOOK_DB_CONNECT_TIMEOUT seconds (libpq's minimum is 2) and PostgreSQL cancels any
# statement after PLAYBOOK_DB_STATEMENT_TIMEOUT_MS (0: never); the request then answers 503
# (core/db_unavailable.py). TCP keepalives notice a peer that vanished while idle, and
# tcp_user_timeout one that vanished under a request on an already open connection (what
# it sent is not acknowledged within PLAYBOOK_DB_CONNECT_TIMEOUT seconds: the connection is
# dropped and the request answers 503 instead of waiting for gunicorn's timeout).
DB_CONNECT_TIMEOUT = int(os.environ.get("PLAYBOOK_DB_CONNECT_TIMEOUT", "3"))
DB_STATEMENT_TIMEOUT_MS = int(os.environ.get("PLAYBOOK_DB_STATEMENT_TIMEOUT_MS", "10000"))


def postgres_database(url: str) -> dict:
    config = dj_database_url.parse(
        url,
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    if config["ENGINE"] == "django.db.backends.postgresql":
        # The same backend, failing fast for a few seconds after a failed connection.
        config["ENGINE"] = "core.db_backend"
        config.setdefault("OPTIONS", {}).update(
            {
                "connect_timeout": DB_CONNECT_TIMEOUT,
                "options": f"-c statement_timeout={DB_STATEMENT_TIMEOUT_MS}",
                "keepalives": 1,
                "keepalives_idle": 10,
                "keepalives_interval": 5,
                "keepalives_count": 2,
                "tcp_user_timeout": DB_CONNECT_TIMEOUT * 1000,
            }
        )
    return config


if DATABASE_URL:
    DATABASES = {"default": postgres_database(DATABASE_URL)}
    # Optional read replica: reads go there, writes and transactions to the primary.
    if os.environ.get("DATABASE_REPLICA_URL"):
        DATABASES["replica"] = postgres_database(os.environ["DATABASE_REPLICA_URL"])
        DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
        DATABASE_ROUTERS = ["config.db_router.PrimaryReplicaRouter"]
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "playbook.sqlite3",
        }
    }

# The cache is shared by every app process: Redis when REDIS_URL is set, else a table of
# the database (created by core's migration). Local memory only where one process serves
# everything (PLAYBOOK_CACHE=local, e.g. the in-process test run): with several workers each
# would keep its own sign-in counters and live revisions. /healthz says which is in use.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_BACKEND = "redis" if REDIS_URL else os.environ.get("PLAYBOOK_CACHE", "database")
CACHE_TABLE = "playbook_cache"
if CACHE_BACKEND == "redis":
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "playbook",
        }
    }
elif CACHE_BACKEND == "database":
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": CACHE_TABLE,
            "KEY_PREFIX": "playbook",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
elif CACHE_BACKEND == "local":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    raise ImproperlyConfigured("PLAYBOOK_CACHE must be 'database' or 'local' (or set REDIS_URL).")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", _("Korean")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Content: `summary` reads the active language's column and falls back to the other one
# (Korean first); core.bilingual marks a text shown in the other language with its `lang`.
MODELTRANSLATION_DEFAULT_LANGUAGE = "ko"
MODELTRANSLATION_LANGUAGES = ("ko", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("ko", "en")
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Asia/Seoul")
USE_I18N = True
USE_TZ = True

# Editors' uploads (pictures in live updates), through Django's storage API: a folder
# here; with several app servers, an object storage backend in STORAGES["default"]
# (docs/deploy.md).
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))
PLAYBOOK_IMAGE_MAX_BYTES = int(os.environ.get("PLAYBOOK_IMAGE_MAX_MB", "5")) * 1_000_000

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed names need `collectstatic`; development and tests serve the
        # source files directly.
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("DJANGO_STATIC_MANIFEST", default=not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        ),
    },
}

LOGIN_URL = "admin:login"
# Where signing in goes when the form names no safe page to return to (the footer link
# names the page it was on; an unsafe `next` is ignored): the admin, not /accounts/profile/.
LOGIN_REDIRECT_URL = "admin:index"

# Request bodies (core/request_limits.py): a body announced larger than this is refused
# before it is read; no uploaded file may pass UPLOAD_MAX_BYTES (the largest any form takes:
# framework files, 5 MiB, or pictures, PLAYBOOK_IMAGE_MAX_MB), and uploads stay in memory,
# never spooled to disk.
UPLOAD_MAX_BYTES = max(5 * 1024 * 1024, PLAYBOOK_IMAGE_MAX_BYTES)
REQUEST_BODY_MAX_BYTES = max(
    int(os.environ.get("PLAYBOOK_MAX_REQUEST_BYTES", 6 * 1024 * 1024)),
    UPLOAD_MAX_BYTES + 512 * 1024,
)
FILE_UPLOAD_MAX_MEMORY_SIZE = REQUEST_BODY_MAX_BYTES
FILE_UPLOAD_HANDLERS = [
    "core.request_limits.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
]
# Form fields other than files: the longest form (an admin page) is far below this.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024

# Failed admin sign-ins allowed per account and per client address within the window.
LOGIN_FAILURES_PER_ACCOUNT = int(os.environ.get("PLAYBOOK_LOGIN_FAILURES_PER_ACCOUNT", "5"))
LOGIN_FAILURES_PER_ADDRESS = int(os.environ.get("PLAYBOOK_LOGIN_FAILURES_PER_ADDRESS", "20"))
LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60
# Assessments started (or carried over) and imported per client address per hour
# (core/ratelimit.py); a conference room behind one address shares them.
ASSESSMENT_STARTS_PER_HOUR = int(os.environ.get("PLAYBOOK_ASSESSMENT_STARTS_PER_HOUR", "60"))
ASSESSMENT_IMPORTS_PER_HOUR = int(os.environ.get("PLAYBOOK_ASSESSMENT_IMPORTS_PER_HOUR", "20"))
# `manage.py expire_assessments` deletes assessments left empty and untouched this long.
EMPTY_ASSESSMENT_DAYS = float(os.environ.get("PLAYBOOK_EMPTY_ASSESSMENT_DAYS", "30"))
# How many proxies in front of the app append to X-Forwarded-For (0: clients connect directly).
PROXY_COUNT = int(os.environ.get("PLAYBOOK_PROXY_COUNT", "0"))

# Readers' dilemmas: submissions allowed per address (hashed) and per item in a window, and
# the secret salt of the address hash (defaults to the secret key; set it to rotate hashes).
DILEMMAS_PER_ADDRESS = int(os.environ.get("PLAYBOOK_DILEMMAS_PER_ADDRESS", "5"))
DILEMMAS_PER_ADDRESS_WINDOW = int(os.environ.get("PLAYBOOK_DILEMMAS_PER_ADDRESS_WINDOW", "600"))
DILEMMAS_PER_ITEM = int(os.environ.get("PLAYBOOK_DILEMMAS_PER_ITEM", "30"))
DILEMMAS_PER_ITEM_WINDOW = int(os.environ.get("PLAYBOOK_DILEMMAS_PER_ITEM_WINDOW", "3600"))
ADDRESS_HASH_SALT = os.environ.get("PLAYBOOK_ADDRESS_SALT", "")

# The JSON API (api/): requests per client address per minute, and how long a client or
# a shared cache may reuse an answer before asking again (with its ETag).
API_REQUESTS_PER_MINUTE = int(os.environ.get("PLAYBOOK_API_REQUESTS_PER_MINUTE", "120"))
API_CACHE_SECONDS = int(os.environ.get("PLAYBOOK_API_CACHE_SECONDS", "60"))

# Live sections: how often readers' pages ask for changes (raise it under load: clients
# follow the X-Poll-Interval header), and how long a shared cache may keep a "nothing new".
LIVE_POLL_SECONDS = int(os.environ.get("PLAYBOOK_LIVE_POLL_SECONDS", "10"))
LIVE_POLL_CACHE_SECONDS = min(5, LIVE_POLL_SECONDS)
# A live section without an update for this long ends its coverage (manage.py end_stale_coverage).
LIVE_COVERAGE_IDLE_HOURS = float(os.environ.get("PLAYBOOK_LIVE_COVERAGE_IDLE_HOURS", "12"))

# Security headers. Scripts and styles come only from our own static files.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    # Talk videos play in YouTube's privacy-enhanced player (teams/video.py), inserted only
    # after the reader clicks; no other site may be framed.
    "frame-src": ["https://www.youtube-nocookie.com"],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# The language choice: never sent to another site's requests, and only over HTTPS in
# production (the same switch as the session cookie).
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = False
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=True)
    if env_bool("DJANGO_BEHIND_TLS_PROXY"):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "permission_denied": {"()": "core.security_headers.PermissionDeniedWithoutTraceback"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["permission_denied"]}},
    "loggers": {
        # Django logs each 403 with its exception; the filter keeps the line, not the traceback.
        "django.request": {"filters": ["permission_denied"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}

# Readers' pages from the shared cache (core.page_cache): PLAYBOOK_PAGE_CACHE=0 turns it off
# (the benchmark compares both). A CDN may keep a page for PAGE_CACHE_S_MAXAGE seconds and
# then revalidates it with its ETag; entries in our cache are keyed by the content revision,
# so PAGE_CACHE_TIMEOUT only bounds how long an unused entry takes room.
PAGE_CACHE_ENABLED = env_bool("PLAYBOOK_PAGE_CACHE", default=True)
PAGE_CACHE_S_MAXAGE = int(os.environ.get("PLAYBOOK_PAGE_CACHE_S_MAXAGE", "5"))
PAGE_CACHE_TIMEOUT = int(os.environ.get("PLAYBOOK_PAGE_CACHE_TIMEOUT", "600"))
# Each process also keeps the pages it answered last (keyed by revision, so never stale):
# a hit then costs one round trip to the shared cache (the revision), not two.
PAGE_CACHE_LOCAL_ENTRIES = int(os.environ.get("PLAYBOOK_PAGE_CACHE_LOCAL_ENTRIES", "200"))
# Part of every page key and ETag: set it per deploy so new templates are never answered
# with pages rendered by the old ones.
PAGE_CACHE_RELEASE = os.environ.get("PLAYBOOK_RELEASE", "1")
