"""The search index beside the content: per item and language its lemmas (Korean
morphology) and its sentence vector, with the model that made the vector.

Rows are written by search.indexing when an item is saved (the same request) and by
`manage.py reindex`. They belong to no content app, so writing them bumps no content
revision (core.revision); the pages built from them are cached under the revision of the
content they were made from."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models


class LemmaDocument(models.Func):
    """to_tsvector of the lemmas: Snowball English stems for an English row (hiring and
    hire meet), the lemmas as they are for a Korean one. NULL on SQLite, where the plain
    `lemmas` text is matched instead."""

    output_field = SearchVectorField()

    def __init__(self):
        super().__init__(models.F("language"), models.F("lemmas"))

    def as_sql(self, compiler, connection, **extra):
        (language, language_params), (lemmas, lemma_params) = (
            compiler.compile(expression) for expression in self.source_expressions
        )
        sql = (
            f"to_tsvector(CASE WHEN {language} = 'en' THEN 'english'::regconfig "
            f"ELSE 'simple'::regconfig END, {lemmas})"
        )
        return sql, [*language_params, *lemma_params]

    def as_sqlite(self, compiler, connection, **extra):
        return "NULL", []


class SearchEntry(models.Model):
    kind = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    language = models.CharField(max_length=8)
    # What the entry was made from (sha256 of the text): an unchanged text is not
    # analysed or encoded again, which makes reindexing idempotent.
    text_hash = models.CharField(max_length=64)
    lemmas = models.TextField(blank=True)
    lemma_vector = models.GeneratedField(
        expression=LemmaDocument(),
        output_field=SearchVectorField(null=True),
        db_persist=True,
    )
    vector = models.BinaryField()  # float32, L2-normalised
    model_name = models.CharField(max_length=80)
    model_version = models.CharField(max_length=40)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "language"], name="search_entry_item_language"
            )
        ]
        # The GIN indexes are created on PostgreSQL only (PostgresOnly in the migration).
        indexes = [
            models.Index(fields=["kind", "object_id"], name="search_entry_item"),
            # What each process reads to catch up with writes (search.candidates).
            models.Index(fields=["updated_at"], name="search_entry_updated"),
            GinIndex(fields=["lemma_vector"], name="search_entry_lemma_gin"),
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id} ({self.language})"


class SearchTerm(models.Model):
    """The words of the content, for typo correction: a query word that is not one of them
    is replaced by the nearest ones (pg_trgm on PostgreSQL, difflib on SQLite)."""

    word = models.CharField(max_length=100, unique=True)

    class Meta:
        indexes = [
            GinIndex(fields=["word"], name="search_term_trgm_gin", opclasses=["gin_trgm_ops"])
        ]

    def __str__(self):
        return self.word
