"""The kinds of the registry (core.kinds) as search sources, the filters a reader
chose, and the SQLite fallback matcher. The engine (search.engine) knows no app."""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Case, F, IntegerField, Q, TextField, Value, When
from django.db.models.functions import Cast

from core.bilingual import LANGUAGE_CODES, resolution_order
from core.kinds import searchable_kinds
from search.query import ParsedQuery


@dataclass(frozen=True)
class Source:
    """One kind of searchable content: its name and label with its app's `SearchSpec`
    (core.kinds) spread out."""

    kind: str
    label: str
    queryset: object
    columns: dict
    title_fields: tuple
    text_fields: tuple
    section_field: str | None = None
    tag_field: str | None = None
    boost: float = 1.0
    trigrams: bool = True


def sources() -> list[Source]:
    """Every searchable kind of the registry, in its order."""
    return [
        Source(kind=kind.name, label=kind.label, **kind.search.as_dict())
        for kind in searchable_kinds()
    ]


@dataclass
class Filters:
    kind: str | None = None
    section: str | None = None
    tag: str | None = None


def shown_language(fields: tuple):
    """An expression for the language a localized column shows (core.bilingual.Localized:
    the active language, else the first other one that has a text), from the first field
    of `fields` with a language suffix; '' for a field written in no particular language
    (a reader's dilemma)."""
    base = next(
        (f.rsplit("_", 1)[0] for f in fields if f.rsplit("_", 1)[-1] in LANGUAGE_CODES), None
    )
    if base is None:
        return Value("")
    order = resolution_order()
    whens = [When(Q(**{f"{base}_{code}__gt": ""}), then=Value(code)) for code in order]
    return Case(*whens, default=Value(order[0]), output_field=TextField())


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def text(expression):
    return Cast(expression, output_field=TextField())


def plain(queryset):
    """A queryset whose values() keep the columns asked for, in that order: the kinds'
    columns already name their language columns (core.bilingual), and modeltranslation's
    rewriting of values() would change the column order of one kind's part of a UNION."""
    return queryset.rewrite(False) if hasattr(queryset, "rewrite") else queryset


def rows_by_key(sources, keys, prefix: str, columns_of) -> dict:
    """The rows of the items `keys` ((kind, pk) pairs) of every source, in one UNION query,
    keyed by (kind, pk). Each row has `<prefix>_kind`, `<prefix>_id` and the annotations
    `columns_of(source)` gives (the same names, in the same order, for every source)."""
    kind_column, id_column = f"{prefix}_kind", f"{prefix}_id"
    parts = []
    for source in sources:
        ids = [pk for kind, pk in keys if kind == source.kind]
        if not ids:
            continue
        annotations = columns_of(source)
        parts.append(
            plain(source.queryset())
            .filter(pk__in=ids)
            .annotate(**{kind_column: text(Value(source.kind)), id_column: F("pk")}, **annotations)
            .values(kind_column, id_column, *annotations)
            .order_by()
        )
    if not parts:
        return {}
    combined = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return {(row[kind_column], row[id_column]): row for row in combined.order_by()}


def union_sql(querysets) -> tuple[str, tuple]:
    combined = querysets[0].union(*querysets[1:], all=True) if len(querysets) > 1 else querysets[0]
    return combined.order_by().query.sql_with_params()


# --- SQLite: substring matching on the plain fields ------------------------------------


def _anywhere(source: Source, needle: str) -> Q:
    q = Q()
    for name in (*source.title_fields, *source.text_fields):
        q |= Q(**{f"{name}__icontains": needle})
    return q


def fallback_match(source: Source, parsed: ParsedQuery) -> Q:
    """Every word (or one of its lemmas or corrections) and every phrase somewhere in
    the fields, no excluded word anywhere."""
    match = Q()
    for word in parsed.terms:
        alternatives = _anywhere(source, word)
        for other in (*parsed.word_lemmas.get(word, []), *parsed.corrections.get(word, [])):
            if len(other) > 1:
                alternatives |= _anywhere(source, other)
        match &= alternatives
    for phrase in parsed.phrases:
        match &= _anywhere(source, " ".join(phrase))
    return match


def fallback_excluded(source: Source, parsed: ParsedQuery) -> Q:
    excluded = Q()
    for words in parsed.excluded:
        excluded |= _anywhere(source, " ".join(words))
    return excluded


def fallback_title_match(source: Source, parsed: ParsedQuery):
    q = Q()
    for needle in [*parsed.terms, *(" ".join(p) for p in parsed.phrases)]:
        for name in source.title_fields:
            q |= Q(**{f"{name}__icontains": needle})
    if not q:
        return Value(0, output_field=IntegerField())  # a kind without a title
    return Case(When(q, then=Value(1)), default=Value(0), output_field=IntegerField())
