"""Django's PostgreSQL backend, failing fast while the database is known to be down.

A connection attempt to a database that does not answer costs the whole connect timeout
(PLAYBOOK_DB_CONNECT_TIMEOUT), and one request may try several times (the shared cache,
the content revision, the view). After a failed attempt, new connections of this process
fail at once for RETRY_AFTER_SECONDS; the first attempt after that goes to the database
again. Requests then answer 503 quickly (core.db_unavailable) instead of queueing behind
timeouts.
"""

import threading
import time

from django.db import OperationalError
from django.db.backends.postgresql import base

RETRY_AFTER_SECONDS = 5.0

_lock = threading.Lock()
_down_until = 0.0


def database_known_down() -> bool:
    return time.monotonic() < _down_until


def _mark_down() -> None:
    global _down_until
    with _lock:
        _down_until = time.monotonic() + RETRY_AFTER_SECONDS


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        if database_known_down():
            raise OperationalError("the database did not answer a moment ago; not trying yet")
        try:
            return super().get_new_connection(conn_params)
        except Exception:
            _mark_down()
            raise
