"""Typos forgiven in all text, not only titles: a query word that the content never uses
is replaced by the content's nearest words (search.models.SearchTerm, kept by
search.indexing), which then match wherever they stand, in bodies too.

PostgreSQL ranks the vocabulary with pg_trgm's similarity through its trigram index; SQLite
has no trigrams, and the vocabulary is compared with difflib instead."""

import difflib

from django.db import connection

from search.models import SearchTerm

MIN_LENGTH = 4  # shorter words have too few trigrams to tell a typo from another word
# pg_trgm finds the candidates (its `%` operator, similarity >= 0.3, through the index);
# difflib's ratio then decides, since trigrams punish a swap of two letters (focsu,
# 프로잭트) more than a reader would.
CANDIDATES = 5
MIN_RATIO = 0.72
PER_WORD = 2


def corrections(words: list[str]) -> dict[str, list[str]]:
    """{word: nearest vocabulary words} for the words that are not in the vocabulary;
    one query for all of them."""
    words = sorted({w for w in words if len(w) >= MIN_LENGTH})
    if not words:
        return {}
    if connection.vendor == "postgresql":
        return _postgresql(words)
    return _difflib(words)


def _postgresql(words: list[str]) -> dict[str, list[str]]:
    table = connection.ops.quote_name(SearchTerm._meta.db_table)
    # For each query word: nothing when the word itself is known, else the nearest
    # words by trigram similarity.
    sql = f"""
        SELECT q.word, near.word, near.score FROM unnest(%s::text[]) AS q(word)
        CROSS JOIN LATERAL (
            SELECT t.word, similarity(t.word, q.word) AS score FROM {table} t
            WHERE t.word %% q.word AND NOT EXISTS (
                SELECT 1 FROM {table} k WHERE k.word = q.word)
            ORDER BY score DESC, t.word LIMIT %s
        ) near
    """  # noqa: S608
    near: dict[str, list[str]] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, [words, CANDIDATES])
        for word, candidate, _score in cursor.fetchall():
            near.setdefault(word, []).append(candidate)
    found = {}
    for word, options in near.items():
        ranked = sorted(options, key=lambda option: -_ratio(word, option))
        kept = [option for option in ranked if _ratio(word, option) >= MIN_RATIO][:PER_WORD]
        if kept:
            found[word] = kept
    return found


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def _difflib(words: list[str]) -> dict[str, list[str]]:
    vocabulary = list(SearchTerm.objects.values_list("word", flat=True))
    known = set(vocabulary)
    found = {}
    for word in words:
        if word not in known:
            near = difflib.get_close_matches(word, vocabulary, n=PER_WORD, cutoff=MIN_RATIO)
            if near:
                found[word] = near
    return found
