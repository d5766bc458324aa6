"""Migration helpers for the move to per-language columns (core.bilingual): copying what
a row held into the language columns, so that nothing is lost, and re-creating the
generated search columns, whose expression PostgreSQL cannot alter in place."""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations
from django.db.migrations.operations.base import Operation

from core.search_fields import PostgresOnly


def copy_columns(plan: dict[str, dict[str, str]]):
    """A RunPython function copying, for each "app.Model" of `plan`, column to column:
    {"playbook.Principle": {"title_ko": "title"}} sets title_ko = title in every row whose
    target is still empty (NULL or ""), in one UPDATE per target column."""

    def forwards(apps, schema_editor):
        from django.db.models import F, Q

        for label, copies in plan.items():
            model = apps.get_model(label)
            manager = model._base_manager.using(schema_editor.connection.alias)
            for target, source in copies.items():
                empty = Q(**{f"{target}__isnull": True}) | Q(**{target: ""})
                manager.filter(empty).update(**{target: F(source)})

    return forwards


class DropIndexOutsidePostgres(Operation):
    """SQLite copies a model's indexes whenever it rebuilds a table, so the search indexes
    that PostgresOnly kept away from it may exist there all the same; a column with an
    index cannot be dropped. Drops them if they exist; changes no state."""

    reversible = True

    def __init__(self, name: str):
        self.name = name

    def deconstruct(self):
        return self.__class__.__qualname__, [self.name], {}

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            quoted = schema_editor.connection.ops.quote_name(self.name)
            schema_editor.execute(f"DROP INDEX IF EXISTS {quoted}")

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass

    def describe(self):
        return f"Drop index {self.name} if it exists, outside PostgreSQL"


def drop_search_columns(model_name: str) -> list:
    """Drop the search indexes and generated columns of a model (state and database)."""
    prefix = model_name
    return [
        DropIndexOutsidePostgres(f"{prefix}_search_gin"),
        DropIndexOutsidePostgres(f"{prefix}_trgm_gin"),
        PostgresOnly(migrations.RemoveIndex(model_name=model_name, name=f"{prefix}_search_gin")),
        PostgresOnly(migrations.RemoveIndex(model_name=model_name, name=f"{prefix}_trgm_gin")),
        migrations.RemoveField(model_name=model_name, name="search_vector"),
        migrations.RemoveField(model_name=model_name, name="search_trigram"),
    ]


def add_search_columns(model_name: str, vector, trigram, storage_main_table: str = "") -> list:
    """Re-create them from the new definitions (`vector`, `trigram`: GeneratedFields);
    `storage_main_table` keeps the vector in the row (0006_search_vectors_inline)."""
    prefix = model_name
    operations = [
        migrations.AddField(model_name=model_name, name="search_vector", field=vector),
        migrations.AddField(model_name=model_name, name="search_trigram", field=trigram),
        PostgresOnly(
            migrations.AddIndex(
                model_name=model_name,
                index=GinIndex(fields=["search_vector"], name=f"{prefix}_search_gin"),
            )
        ),
        PostgresOnly(
            migrations.AddIndex(
                model_name=model_name,
                index=GinIndex(
                    fields=["search_trigram"], name=f"{prefix}_trgm_gin", opclasses=["gin_trgm_ops"]
                ),
            )
        ),
    ]
    if storage_main_table:
        table = storage_main_table
        operations.append(
            PostgresOnly(
                migrations.RunSQL(
                    sql=f"ALTER TABLE {table} ALTER COLUMN search_vector SET STORAGE MAIN",
                    reverse_sql=(
                        f"ALTER TABLE {table} ALTER COLUMN search_vector SET STORAGE EXTENDED"
                    ),
                )
            )
        )
    return operations
