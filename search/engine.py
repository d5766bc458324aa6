"""Search across kinds of content, ranked together.

The engine knows no app: the kinds come from the registry (core.kinds), each with its
search spec, and become `Source`s here. The query is parsed by search.query."""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchRank, TrigramWordSimilarity
from django.db import connection
from django.db.models import (
    BigIntegerField,
    Case,
    F,
    FloatField,
    IntegerField,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast

from core.bilingual import sql_localized
from core.kinds import searchable_kinds
from search.query import (
    PAGE_SIZE,
    TRIGRAM_MIN_LENGTH,
    ParsedQuery,
    excluded_tsquery_text,
    raw_tsquery,
    tsquery_text,
)

# --- Sources -----------------------------------------------------------------------------


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


SCORE_COLUMNS = ("hit_kind", "hit_id", "hit_section_id", "hit_title_match", "hit_rank")
DISPLAY_COLUMNS = (
    "hit_kind",
    "hit_id",
    "hit_title",
    "hit_subtitle",
    "hit_text",
    "hit_link_a",
    "hit_link_b",
    "hit_section",
)


def _text(expression):
    return Cast(expression, output_field=TextField())


@dataclass
class Filters:
    kind: str | None = None
    section: str | None = None
    tag: str | None = None


def _fallback_match(source: Source, parsed: ParsedQuery) -> Q:
    fields = (*source.title_fields, *source.text_fields)

    def anywhere(needle: str) -> Q:
        q = Q()
        for name in fields:
            q |= Q(**{f"{name}__icontains": needle})
        return q

    match = Q()
    for word in parsed.terms:
        match &= anywhere(word)
    for phrase in parsed.phrases:
        match &= anywhere(" ".join(phrase))
    for words in parsed.excluded:
        match &= ~anywhere(" ".join(words))
    return match


def _fallback_title_match(source: Source, parsed: ParsedQuery):
    q = Q()
    for needle in [*parsed.terms, *(" ".join(p) for p in parsed.phrases)]:
        for name in source.title_fields:
            q |= Q(**{f"{name}__icontains": needle})
    if not q:
        return Value(0, output_field=IntegerField())  # a kind without a title
    return Case(When(q, then=Value(1)), default=Value(0), output_field=IntegerField())


def _plain(queryset):
    """A queryset whose values() keep the columns asked for, in that order: the kinds'
    columns already name their language columns (core.bilingual), and modeltranslation's
    rewriting of values() would change the column order of one kind's part of a UNION."""
    return queryset.rewrite(False) if hasattr(queryset, "rewrite") else queryset


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


class Search:
    """A parsed query run against sources with filters: `run(page)` gives a page of
    results and the facet counts in two database queries, whatever the amount of
    content."""

    def __init__(self, sources: list[Source], parsed: ParsedQuery, filters: Filters):
        self.sources = sources
        self.parsed = parsed
        self.filters = filters
        self.postgres = is_postgresql()
        if self.postgres:
            self.query = raw_tsquery(tsquery_text(parsed))
            # Title matches rank first: the same query on weight-A lexemes only.
            self.title_query = raw_tsquery(tsquery_text(parsed, weight="A"))
            excluded = excluded_tsquery_text(parsed)
            self.excluded = raw_tsquery(excluded) if excluded else None
            # Trigrams catch typos in titles; phrases stay exact. A word shorter than four
            # characters has too few trigrams to tell a typo from another word.
            long_enough = any(len(term) >= TRIGRAM_MIN_LENGTH for term in parsed.terms)
            self.trigram_text = " ".join(parsed.terms) if long_enough else ""

    def matches(self, source: Source, *, fuzzy: bool = False):
        """What the query finds of one kind; filters apply later, on the scored rows.
        `fuzzy`: the titles within pg_trgm's word similarity of the words instead."""
        qs = source.queryset()
        if self.postgres:
            if fuzzy:
                qs = qs.filter(search_trigram__trigram_word_similar=self.trigram_text)
            else:
                qs = qs.filter(search_vector=self.query)
            if self.excluded is not None:
                qs = qs.exclude(search_vector=self.excluded)
        else:
            qs = qs.filter(_fallback_match(source, self.parsed))
        return qs.order_by()

    def _scored(self, source: Source, *, fuzzy: bool = False):
        """Every match of one kind, light: kind, id, section, title match and rank."""
        if fuzzy:
            rank = TrigramWordSimilarity(self.trigram_text, "search_trigram") * Value(source.boost)
            title_match = Value(0)
        elif self.postgres:
            rank = SearchRank(F("search_vector"), self.query) * Value(source.boost)
            title_match = Case(
                When(search_vector=self.title_query, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        else:
            rank = Value(source.boost)
            title_match = _fallback_title_match(source, self.parsed)
        section = F(source.section_field) if source.section_field else Value(None)
        return (
            _plain(self.matches(source, fuzzy=fuzzy))
            .annotate(
                hit_kind=_text(Value(source.kind)),
                hit_id=F("pk"),
                hit_section_id=Cast(section, output_field=BigIntegerField()),
                hit_title_match=Cast(title_match, output_field=IntegerField()),
                hit_rank=Cast(rank, output_field=FloatField()),
            )
            .values(*SCORE_COLUMNS)
        )

    def _conditions(self, *, ignore: str = "") -> tuple[str, list]:
        """The filters as SQL on the scored rows `m`, but the one facet left out."""
        quote = connection.ops.quote_name
        conditions, params = ["1 = 1"], []
        if ignore != "kind" and self.filters.kind:
            conditions.append("m.hit_kind = %s")
            params.append(self.filters.kind)
        if ignore != "section" and self.filters.section:
            table = quote(self._section_model()._meta.db_table)
            conditions.append(f"m.hit_section_id IN (SELECT id FROM {table} WHERE slug = %s)")  # noqa: S608
            params.append(self.filters.section)
        if ignore != "tag" and self.filters.tag:
            tagged = []
            for source in self.sources:
                if source.tag_field:
                    link, tag_table, own, other = self._tag_tables(source)
                    tagged.append(
                        f"(m.hit_kind = %s AND EXISTS (SELECT 1 FROM {link} l "  # noqa: S608
                        f"JOIN {tag_table} t ON t.id = l.{other} "
                        f"WHERE l.{own} = m.hit_id AND t.slug = %s))"
                    )
                    params += [source.kind, self.filters.tag]
            conditions.append("(" + (" OR ".join(tagged) or "1 = 0") + ")")
        return " AND ".join(conditions), params

    def _section_model(self):
        source = next(s for s in self.sources if s.section_field)
        return source.queryset().model._meta.get_field(source.section_field).related_model

    def _tag_tables(self, source: Source):
        quote = connection.ops.quote_name
        field = source.queryset().model._meta.get_field(source.tag_field)
        return (
            quote(field.remote_field.through._meta.db_table),
            quote(field.related_model._meta.db_table),
            quote(field.m2m_column_name()),
            quote(field.m2m_reverse_name()),
        )

    def run(self, number: int) -> tuple[list[dict], dict]:
        """One page of results and the facet counts.

        One statement finds every match once (a WITH of the kinds' scored rows) and
        answers from it the counts per kind, section and tag (each facet counted with the
        other filters applied and its own left out, so a count says what choosing it
        gives) and the ids of the page; a second fetches what the page shows."""
        # The SQL below is put together from querysets compiled by Django, quoted table
        # names and our own conditions; every value, the query included, is a parameter.
        quote = connection.ops.quote_name
        exact_sql, params = _union([self._scored(source) for source in self.sources])
        with_sql = f"WITH m AS ({exact_sql}) "
        if self.postgres and self.trigram_text and any(s.trigrams for s in self.sources):
            fuzzy = [self._scored(s, fuzzy=True) for s in self.sources if s.trigrams]
            # Typos are looked for only when the words themselves find nothing: the
            # trigram scan is skipped (a one-time filter) whenever `exact` has rows.
            fuzzy_sql, fuzzy_params = _union(fuzzy)
            with_sql = (
                f"WITH exact AS ({exact_sql}), fuzzy AS ({fuzzy_sql}), "  # noqa: S608
                "m AS (SELECT * FROM exact UNION ALL "
                "SELECT * FROM fuzzy WHERE NOT EXISTS (SELECT 1 FROM exact)) "
            )
            params = [*params, *fuzzy_params]
        params = list(params)
        parts = []

        where, p = self._conditions(ignore="kind")
        parts.append(
            "SELECT 'kind', m.hit_kind, '', COUNT(*), 0.0 FROM m "  # noqa: S608
            f"WHERE {where} GROUP BY m.hit_kind"
        )
        params += p

        if any(s.section_field for s in self.sources):
            table = quote(self._section_model()._meta.db_table)
            where, p = self._conditions(ignore="section")
            title = sql_localized("t", "title", quote)
            parts.append(
                f"SELECT 'section', t.slug, {title}, COUNT(*), 0.0 FROM m "  # noqa: S608
                f"JOIN {table} t ON t.id = m.hit_section_id "
                f"WHERE {where} GROUP BY t.slug, {title}"
            )
            params += p

        for source in self.sources:
            if source.tag_field:
                link, tag_table, own, other = self._tag_tables(source)
                where, p = self._conditions(ignore="tag")
                name = sql_localized("t", "name", quote)
                parts.append(
                    f"SELECT 'tag', t.slug, {name}, COUNT(*), 0.0 FROM m "  # noqa: S608
                    f"JOIN {link} l ON l.{own} = m.hit_id "
                    f"JOIN {tag_table} t ON t.id = l.{other} "
                    f"WHERE m.hit_kind = %s AND {where} GROUP BY t.slug, {name}"
                )
                params += [source.kind, *p]

        where, p = self._conditions()
        parts.append(
            "SELECT 'hit', p.hit_kind, CAST(p.hit_id AS TEXT), p.hit_title_match, p.hit_rank "  # noqa: S608
            f"FROM (SELECT * FROM m WHERE {where} "
            "ORDER BY m.hit_title_match DESC, m.hit_rank DESC, m.hit_kind, m.hit_id "
            "LIMIT %s OFFSET %s) p"
        )
        params += [*p, PAGE_SIZE, (number - 1) * PAGE_SIZE]

        sql = with_sql + " UNION ALL ".join(parts)
        facets = {"kind": [], "section": [], "tag": []}
        hits = []
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for facet, key, label, count, rank in cursor.fetchall():
                if facet == "hit":
                    hits.append((-count, -rank, key, int(label)))
                elif count:
                    facets[facet].append((key, label, count))
        hits.sort()
        return self._display([(kind, pk) for _, _, kind, pk in hits]), facets

    def _display(self, hits: list[tuple[str, int]]) -> list[dict]:
        """What the page shows of each hit, in the order of `hits`: one query."""
        if not hits:
            return []
        members = []
        for source in self.sources:
            ids = [pk for kind, pk in hits if kind == source.kind]
            if not ids:
                continue
            columns = source.columns
            members.append(
                _plain(source.queryset())
                .filter(pk__in=ids)
                .annotate(
                    hit_kind=_text(Value(source.kind)),
                    hit_id=F("pk"),
                    hit_title=_text(columns["title"]),
                    hit_subtitle=_text(columns.get("subtitle", Value(""))),
                    hit_text=_text(columns["text"]),
                    hit_link_a=_text(columns["link_a"]),
                    hit_link_b=_text(columns.get("link_b", Value(""))),
                    hit_section=_text(columns.get("section_title", Value(""))),
                )
                .values(*DISPLAY_COLUMNS)
                .order_by()
            )
        combined = members[0].union(*members[1:], all=True) if len(members) > 1 else members[0]
        rows = {(row["hit_kind"], row["hit_id"]): row for row in combined.order_by()}
        return [rows[hit] for hit in hits if hit in rows]


def _union(querysets) -> tuple[str, tuple]:
    combined = querysets[0].union(*querysets[1:], all=True) if len(querysets) > 1 else querysets[0]
    return combined.order_by().query.sql_with_params()
