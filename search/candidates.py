"""The signals that find items beside the words of the query: the lemma column (Korean
morphology, English stems) and the sentence vectors. Each gives {(kind, id): score}; the
engine adds those items to the word matches and fuses the scores (search.fusion)."""

from datetime import timedelta

from django.db import connection

from search import checks, semantic
from search.models import SearchEntry
from search.query import ParsedQuery

LEMMA_LIMIT = 200  # the best lemma matches taken as candidates
MAX_QUERY_LEMMAS = 8
PARTIAL_LEMMA_MIN_COSINE = 0.11
REFRESH_OVERLAP = timedelta(seconds=60)
SEMANTIC_LIMIT = 50  # the nearest items scored (and taken as candidates…)
# …when at least this similar: below it, sentence vectors of unrelated texts (a recipe,
# the weather) come as close to the playbook as anything (docs/decisions.md).
SEMANTIC_MIN = 0.16
# …and this far above the mean of the nearest SEMANTIC_LIMIT: a query about nothing in
# the playbook is about equally far from everything.
SEMANTIC_MARGIN = 0.075


def needed_lemmas(count: int) -> int:
    """How many of a query's lemmas an item must hold: all of one or two, all but one of
    three or more (사람을 뽑는 법: 사람 and 뽑 are enough; 법 is a word of the question)."""
    return count if count < 3 else count - 1


def lemma_matches(parsed: ParsedQuery) -> dict[tuple[str, int], tuple[float, bool]]:
    """Items whose lemmas hold the query's (all, or all but one of three or more), with
    ts_rank (PostgreSQL) or 1.0 (SQLite: substring matching on the lemma text), scaled by
    the share of the lemmas held, and whether it holds all of them."""
    query_lemmas = parsed.lemmas[:MAX_QUERY_LEMMAS]
    if not query_lemmas:
        return {}
    needed = needed_lemmas(len(query_lemmas))
    if connection.vendor != "postgresql":
        held: dict[tuple[str, int], set] = {}
        for lemma in query_lemmas:
            rows = SearchEntry.objects.filter(lemmas__contains=lemma).values_list(
                "kind", "object_id"
            )
            for key in rows:
                held.setdefault(key, set()).add(lemma)
        found = {
            key: (len(lemmas) / len(query_lemmas), len(lemmas) == len(query_lemmas))
            for key, lemmas in held.items()
            if len(lemmas) >= needed
        }
        return dict(sorted(found.items(), key=lambda kv: -kv[1][0])[:LEMMA_LIMIT])
    table = connection.ops.quote_name(SearchEntry._meta.db_table)
    # A Korean row holds the lemmas as they are ('simple'), an English one their stems
    # ('english'): each lemma is looked for both ways. The OR of all of them finds the
    # rows through the GIN index; the count of lemmas held then keeps enough of them.
    one = "(plainto_tsquery('simple', %s) || plainto_tsquery('english', %s))"
    held = " + ".join(f"(lemma_vector @@ {one})::int" for _ in query_lemmas)
    any_lemma = " || ".join(one for _ in query_lemmas)
    sql = f"""
        SELECT kind, object_id, MAX(ts_rank(lemma_vector, {any_lemma}) * ({held})) AS score,
               MAX({held}) AS held
        FROM {table} WHERE lemma_vector @@ ({any_lemma}) AND ({held}) >= %s
        GROUP BY kind, object_id ORDER BY score DESC, kind, object_id LIMIT %s
    """  # noqa: S608
    pairs = [value for lemma in query_lemmas for value in (lemma, lemma)]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*pairs, *pairs, *pairs, *pairs, *pairs, needed, LEMMA_LIMIT])
        return {
            (kind, pk): (min(1.0, float(score) / len(query_lemmas)), held == len(query_lemmas))
            for kind, pk, score, held in cursor.fetchall()
        }


def vector_index() -> semantic.Index:
    """Every item's vectors, from memory, after reading the entries written since the last
    look (one query, usually answering nothing; the first one reads them all). Entries
    written by another process are seen this way too. A transaction can commit a little
    after the time it stamped, so the look goes back REFRESH_OVERLAP."""
    index = semantic.index()
    entries = SearchEntry.objects.order_by()
    if index.seen is not None:
        entries = entries.filter(updated_at__gte=index.seen - REFRESH_OVERLAP)
    rows = entries.values_list(
        "kind", "object_id", "language", "vector", "updated_at", "model_name", "model_version"
    )
    current, stale = [], 0
    for *row, name, version in rows.iterator(chunk_size=2000):
        if (name, version) == (semantic.MODEL_NAME, semantic.MODEL_VERSION):
            current.append(row)
        else:
            stale += 1  # another model's vectors mean nothing to this one
    index.refresh(current)
    checks.warn_once(stale)
    return index


def semantic_matches(parsed: ParsedQuery) -> dict[tuple[str, int], float]:
    """The nearest items to the query's meaning, with their cosine similarity."""
    text = parsed.semantic_text
    if not text:
        return {}
    nearest = vector_index().nearest(semantic.encode_one(text), SEMANTIC_LIMIT)
    return {(kind, pk): score for kind, pk, score in nearest}


def lemma_candidates(lemmas: dict, cosines: dict) -> set[tuple[str, int]]:
    """The items that lemmas add: those holding every lemma of the query, and those
    holding all but one whose meaning is not far from the query's either (주식 투자 수익률
    shares 투자 and 수익 with a team that is not about investing)."""
    return {
        key
        for key, (_score, full) in lemmas.items()
        if full or cosines.get(key, 0.0) >= PARTIAL_LEMMA_MIN_COSINE
    }


def semantic_candidates(cosines: dict[tuple[str, int], float]) -> set[tuple[str, int]]:
    """The items that meaning alone may add to the results."""
    if not cosines:
        return set()
    mean = sum(cosines.values()) / len(cosines)
    return {
        key for key, cos in cosines.items() if cos >= SEMANTIC_MIN and cos - mean >= SEMANTIC_MARGIN
    }
