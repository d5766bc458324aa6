"""One ranking from four signals: a weighted sum, documented in docs/decisions.md.

- lexical: ts_rank of the stored tsvector against the query (its words with prefixes,
  Hangul bigrams, each word's lemmas and typo corrections as alternatives);
- lemma: ts_rank of the lemma column (search.models) against the query's lemmas;
- trigram: pg_trgm similarity of the corrected word, for items found through a typo
  correction (search.typos);
- semantic: cosine similarity of the sentence vectors above SEMANTIC_FLOOR, scaled.

Ties are impossible to see and order is what matters, so the weights were set by the
query tables in tests/search/ (each signal's share of a typical top result is comparable).
Title matches of the exact query come first whatever the sum (ORDER BY title match, rank),
and each kind's boost (core.kinds.SearchSpec) multiplies the sum."""

from dataclasses import dataclass

WEIGHTS = {"lexical": 1.0, "lemma": 0.5, "trigram": 0.3, "semantic": 1.5}
# Cosine similarities of the model's vectors below this are noise (docs/decisions.md).
SEMANTIC_FLOOR = 0.1


def semantic_score(cosine: float) -> float:
    return max(0.0, cosine - SEMANTIC_FLOOR)


def rank_sql(row: str, signals: str) -> str:
    """The fused rank as SQL over the scored rows `row` and the signals joined as
    `signals` (lemma and semantic scores computed before the statement)."""
    return (
        f"{row}.hit_boost * ({WEIGHTS['lexical']} * {row}.hit_lex"
        f" + {WEIGHTS['trigram']} * {row}.hit_trgm"
        f" + {WEIGHTS['lemma']} * COALESCE({signals}.sig_lemma, 0)"
        f" + {WEIGHTS['semantic']} * COALESCE({signals}.sig_sem, 0))"
    )


@dataclass(frozen=True)
class Explanation:
    """What one result's rank is made of, for `?explain=1`."""

    title_match: int  # 2: the whole title, 1: its words, 0: not in the title
    lexical: float
    lemma: float
    trigram: float
    semantic: float
    cosine: float | None
    boost: float
    rank: float

    def parts(self) -> list[tuple[str, float]]:
        return [
            ("lexical", self.lexical * WEIGHTS["lexical"]),
            ("lemma", self.lemma * WEIGHTS["lemma"]),
            ("trigram", self.trigram * WEIGHTS["trigram"]),
            ("semantic", self.semantic * WEIGHTS["semantic"]),
        ]
