"""gunicorn settings for `make serve` (gunicorn -c config/gunicorn.py config.wsgi)."""

import multiprocessing
import os

bind = os.environ.get("PLAYBOOK_BIND", "127.0.0.1:8000")
# The usual rule for synchronous workers: two per core, plus one.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("PLAYBOOK_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so that a slow leak can never grow without bound.
max_requests = 5000
max_requests_jitter = 500
# Preloading saves memory per worker; the database connections are opened after the fork.
preload_app = True
accesslog = "-"
errorlog = "-"
# One JSON object per request on stdout, for whatever collects the logs.
access_log_format = (
    '{"time": "%(t)s", "remote": "%(h)s", "method": "%(m)s", "path": "%(U)s", '
    '"query": "%(q)s", "status": %(s)s, "bytes": "%(B)s", "duration_us": %(D)s, '
    '"referer": "%(f)s", "agent": "%(a)s"}'
)
forwarded_allow_ips = os.environ.get("PLAYBOOK_FORWARDED_ALLOW_IPS", "127.0.0.1")
