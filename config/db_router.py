"""Reads from a PostgreSQL read replica when DATABASE_REPLICA_URL is set.

Writes, and reads inside a transaction (which may depend on a write just made), go to the
primary. A replica lags by a moment: a reader may see an edit a fraction of a second later,
which the live poll tolerates (it asks again), and editors' own writes are read back on
the primary because every edit runs in a transaction.
"""

from django.db import transaction

PRIMARY = "default"
REPLICA = "replica"


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        # The database cache is read where it is written: a lagging copy would serve stale
        # revisions and forget sign-in failures.
        if model._meta.app_label == "django_cache":
            return PRIMARY
        if transaction.get_connection(PRIMARY).in_atomic_block:
            return PRIMARY
        return REPLICA

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # both databases hold the same rows

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY
