"""Keeping the search index (search.models) in step with the content.

An item's documents come from its kind's search spec in the registry (core.kinds): its
title and text fields, grouped by language (`title_ko`, `summary_ko` → the Korean
document). Saving an item rewrites its entries in the same transaction (post_save of
every searchable kind's model), so a changed text is found by its new words and meaning
on the next request; `manage.py reindex` does every item.
"""

import hashlib
import re

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from core.bilingual import DEFAULT_LANGUAGE, LANGUAGE_CODES
from core.kinds import searchable_kinds
from search import morphology, semantic
from search.models import SearchEntry, SearchTerm
from search.snippets import plain_text

WORD = re.compile(r"[^\W_]{3,}")
MAX_TERM = 100


def documents(kind, obj) -> dict[str, str]:
    """{language: text} of one item: its title fields, then its text fields, each in
    the language of its column; a field with no language suffix (a reader's dilemma) is
    counted as Korean, the content's first language."""
    spec = kind.search
    texts: dict[str, list[str]] = {}
    for name in (*spec.title_fields, *spec.text_fields):
        value = getattr(obj, name, "") or ""
        language = next(
            (code for code in LANGUAGE_CODES if name.endswith(f"_{code}")), DEFAULT_LANGUAGE
        )
        if str(value).strip():
            texts.setdefault(language, []).append(plain_text(str(value)))
    return {language: "\n".join(parts) for language, parts in texts.items()}


def _hash(text: str) -> str:
    return hashlib.sha256(
        f"{semantic.MODEL_NAME} {semantic.MODEL_VERSION}\n{text}".encode()
    ).hexdigest()


def _terms(text: str, lemmas: list[str]) -> set[str]:
    words = {w.lower() for w in WORD.findall(text)}
    words.update(lemma for lemma in lemmas if len(lemma) >= 2)
    return {w for w in words if len(w) <= MAX_TERM}


def index_items(kind, objects) -> int:
    """Write the entries of `objects` (all of `kind`); texts that did not change since
    their entry was made are skipped. Returns how many entries were (re)written."""
    objects = list(objects)
    if not objects:
        return 0
    stored = {
        (row.object_id, row.language): row
        for row in SearchEntry.objects.filter(
            kind=kind.name, object_id__in=[o.pk for o in objects]
        ).only("id", "object_id", "language", "text_hash", "model_name", "model_version")
    }
    todo, keep = [], set()
    for obj in objects:
        for language, text in documents(kind, obj).items():
            keep.add((obj.pk, language))
            entry = stored.get((obj.pk, language))
            digest = _hash(text)
            if (
                entry is None
                or entry.text_hash != digest
                or (entry.model_name, entry.model_version)
                != (semantic.MODEL_NAME, semantic.MODEL_VERSION)
            ):
                todo.append((obj.pk, language, text, digest))
    gone = [row.pk for key, row in stored.items() if key not in keep]
    if gone:
        SearchEntry.objects.filter(pk__in=gone).delete()
    if not todo:
        return 0
    vectors = semantic.encode([text for *_, text, _ in todo])
    terms: set[str] = set()
    rows = []
    for (pk, language, text, digest), vector in zip(todo, vectors, strict=True):
        lemmas = morphology.lemmas(text)
        terms |= _terms(text, lemmas)
        rows.append(
            SearchEntry(
                kind=kind.name,
                object_id=pk,
                language=language,
                text_hash=digest,
                lemmas=" ".join(lemmas),
                vector=semantic.to_bytes(vector),
                model_name=semantic.MODEL_NAME,
                model_version=semantic.MODEL_VERSION,
            )
        )
    with transaction.atomic():
        SearchEntry.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["kind", "object_id", "language"],
            update_fields=[
                "text_hash",
                "lemmas",
                "vector",
                "model_name",
                "model_version",
                "updated_at",
            ],
        )
        SearchTerm.objects.bulk_create(
            [SearchTerm(word=word) for word in sorted(terms)], ignore_conflicts=True
        )
    return len(rows)


def _kinds_by_model() -> dict:
    return {kind.model_class: kind for kind in searchable_kinds()}


def _on_save(sender, instance, raw=False, **kwargs):
    if raw:
        return  # loaddata: `reindex` afterwards
    kind = _kinds_by_model().get(sender)
    if kind is not None:
        index_items(kind, [instance])


def _on_delete(sender, instance, **kwargs):
    kind = _kinds_by_model().get(sender)
    if kind is not None:
        SearchEntry.objects.filter(kind=kind.name, object_id=instance.pk).delete()


def connect_signals() -> None:
    post_save.connect(_on_save, dispatch_uid="search.indexing.save")
    post_delete.connect(_on_delete, dispatch_uid="search.indexing.delete")


def reindex(*, batch: int = 200, progress=None) -> dict[str, int]:
    """Every item of every searchable kind (all rows of its model, published or not:
    the kind's queryset decides at search time what readers may find). `progress(kind,
    done, total)` is called after each batch. Returns {kind: entries written}."""
    written = {}
    for kind in searchable_kinds():
        queryset = kind.model_class._default_manager.order_by("pk")
        total = queryset.count()
        written[kind.name] = 0
        done = 0
        for start in range(0, total, batch):
            chunk = list(queryset[start : start + batch])
            written[kind.name] += index_items(kind, chunk)
            done += len(chunk)
            if progress:
                progress(kind.name, done, total)
    return written
