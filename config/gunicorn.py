"""gunicorn settings for `make serve` (gunicorn -c config/gunicorn.py config.wsgi)."""

import multiprocessing
import os

bind = os.environ.get("PLAYBOOK_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# Threaded workers: a client that sends its request slowly holds one thread, not a whole
# worker, and idle keep-alive connections wait in the worker's poller holding none. With
# the defaults a 2-core machine answers with 5 x 8 threads; a buffering proxy in front
# (docs/deploy.md) is what keeps slow clients away from them altogether.
worker_class = "gthread"
threads = int(os.environ.get("PLAYBOOK_THREADS", "8"))
# A worker takes no more connections than it has threads: the others wait in the listen
# queue for a worker with a free thread, instead of queueing behind slow clients inside one
# worker while another idles. That leaves no room for keep-alive connections, which the
# proxy in front does not use towards the app anyway.
worker_connections = threads
keepalive = 0
timeout = int(os.environ.get("PLAYBOOK_TIMEOUT", "30"))
graceful_timeout = 30
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


def when_ready(server):
    """The search's sentence model (search.semantic), read once in the master before the
    workers are forked (preload_app): every worker starts with it in shared memory, and
    the first search after a start does not wait for it."""
    from search.semantic import model

    model()
