"""Search across kinds of content, ranked together (search.fusion).

The engine knows no app: the kinds come from the registry as `Source`s (search.sources).
A search costs a constant number of statements whatever the amount of content: the typo
corrections (search.typos) and the lemma matches (search.candidates) before, one statement
for the matches, the facet counts and the page, and one for what the page shows. The
sentence vectors are compared in memory (search.semantic)."""

from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import BigIntegerField, Case, F, FloatField, IntegerField, Q, Value, When
from django.db.models.functions import Cast

from search import candidates, typos
from search.fusion import SEMANTIC_FLOOR, Explanation, rank_sql, semantic_score
from search.query import ParsedQuery, excluded_tsquery_text, raw_tsquery, tsquery_text
from search.sources import (
    Filters,
    Source,
    fallback_excluded,
    fallback_match,
    fallback_title_match,
    is_postgresql,
    plain,
    rows_by_key,
    shown_language,
    text,
    union_sql,
)
from search.statement import facet_parts, page_part

SCORE_COLUMNS = (
    "hit_kind", "hit_id", "hit_section_id", "hit_title_match", "hit_lex", "hit_trgm", "hit_boost",
)  # fmt: skip


def _display_columns(source: Source) -> dict:
    columns = source.columns
    return {
        "hit_title": text(columns["title"]),
        "hit_subtitle": text(columns.get("subtitle", Value(""))),
        "hit_text": text(columns["text"]),
        "hit_link_a": text(columns["link_a"]),
        "hit_link_b": text(columns.get("link_b", Value(""))),
        "hit_section": text(columns.get("section_title", Value(""))),
        "hit_title_lang": text(shown_language(source.title_fields)),
        "hit_text_lang": text(shown_language(source.text_fields)),
    }


class Search:
    """A parsed query run against sources with filters: `run(page)` gives a page of
    results and the facet counts."""

    def __init__(self, sources: list[Source], parsed: ParsedQuery, filters: Filters):
        self.sources = sources
        self.parsed = parsed
        self.filters = filters
        self.postgres = is_postgresql()
        parsed.corrections = typos.corrections(parsed.terms)
        self.lemmas = candidates.lemma_matches(parsed)
        self.cosines = candidates.semantic_matches(parsed)
        # Meaning and lemmas add items only to a query of words: a "quoted phrase" asks
        # for those words together, and nothing else.
        extra = set()
        if not parsed.phrases:
            extra = candidates.lemma_candidates(self.lemmas, self.cosines)
            extra |= candidates.semantic_candidates(self.cosines)
        self.extra = extra
        if self.postgres:
            self.query = raw_tsquery(tsquery_text(parsed))
            # Title matches rank first: the same query on weight-A lexemes only.
            self.title_query = raw_tsquery(tsquery_text(parsed, weight="A"))
            excluded = excluded_tsquery_text(parsed)
            self.excluded = raw_tsquery(excluded) if excluded else None
            corrected = sorted({w for near in parsed.corrections.values() for w in near})
            self.corrected = (
                raw_tsquery(" | ".join("'" + w.replace("'", "''") + "'" for w in corrected))
                if corrected
                else None
            )

    def _extra_ids(self, source: Source) -> list[int]:
        return sorted(pk for kind, pk in self.extra if kind == source.kind)

    def matches(self, source: Source):
        """What the query finds of one kind (words, or lemmas and meaning); filters
        apply later, on the scored rows."""
        qs = source.queryset()
        extra = self._extra_ids(source)
        if self.postgres:
            found = Q(search_vector=self.query)
            if self.excluded is not None:
                qs = qs.exclude(search_vector=self.excluded)
        else:
            found = fallback_match(source, self.parsed)
            excluded = fallback_excluded(source, self.parsed)
            if excluded:
                qs = qs.exclude(excluded)
        if extra:
            found |= Q(pk__in=extra)
        return qs.filter(found).order_by()

    def _scored(self, source: Source):
        """Every match of one kind, light: kind, id, section, title match and the
        signals computed in SQL."""
        if self.postgres:
            lexical = Case(
                When(search_vector=self.query, then=SearchRank(F("search_vector"), self.query)),
                default=Value(0.0),
                output_field=FloatField(),
            )
            title_match = Case(
                When(search_vector=self.title_query, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
            trigram = Value(0.0)
            if self.corrected is not None:
                trigram = Case(
                    When(search_vector=self.corrected, then=Value(1.0)),
                    default=Value(0.0),
                    output_field=FloatField(),
                )
        else:
            match = fallback_match(source, self.parsed)
            lexical = Case(When(match, then=Value(0.5)), default=Value(0.0),
                           output_field=FloatField())  # fmt: skip
            title_match = fallback_title_match(source, self.parsed)
            trigram = Value(0.0)
        exact = Q()
        for name in source.title_fields:
            exact |= Q(**{f"{name}__iexact": self.parsed.text})
        if exact:
            # The whole title typed: first of all, above titles that merely hold the words.
            title_match = Case(When(exact, then=Value(2)), default=title_match,
                               output_field=IntegerField())  # fmt: skip
        section = F(source.section_field) if source.section_field else Value(None)
        return (
            plain(self.matches(source))
            .annotate(
                hit_kind=text(Value(source.kind)),
                hit_id=F("pk"),
                hit_section_id=Cast(section, output_field=BigIntegerField()),
                hit_title_match=Cast(title_match, output_field=IntegerField()),
                hit_lex=Cast(lexical, output_field=FloatField()),
                hit_trgm=Cast(trigram, output_field=FloatField()),
                hit_boost=Cast(Value(source.boost), output_field=FloatField()),
            )
            .values(*SCORE_COLUMNS)
        )

    def _signals_sql(self) -> tuple[str, list]:
        """The lemma and semantic scores of the candidates, as rows for the statement."""
        keys = set(self.lemmas) | {k for k, cos in self.cosines.items() if cos > SEMANTIC_FLOOR}
        if not keys:
            return (
                "sig(sig_kind, sig_id, sig_lemma, sig_sem) AS (SELECT CAST('' AS TEXT), "
                "CAST(0 AS BIGINT), CAST(0.0 AS DOUBLE PRECISION), "
                "CAST(0.0 AS DOUBLE PRECISION) WHERE 1 = 0)"
            ), []
        rows, params = [], []
        for kind, pk in sorted(keys):
            rows.append(
                "(CAST(%s AS TEXT), CAST(%s AS BIGINT), CAST(%s AS DOUBLE PRECISION), "
                "CAST(%s AS DOUBLE PRECISION))"
            )
            cosine = self.cosines.get((kind, pk))
            params += [
                kind, pk, self.lemmas.get((kind, pk), (0.0, False))[0],
                semantic_score(cosine) if cosine is not None else 0.0,
            ]  # fmt: skip
        return f"sig(sig_kind, sig_id, sig_lemma, sig_sem) AS (VALUES {', '.join(rows)})", params

    def run(self, number: int) -> tuple[list[dict], dict]:
        """One page of results and the facet counts.

        One statement finds every match once (a WITH of the kinds' scored rows, joined
        with the lemma and semantic scores) and answers from it the counts per kind,
        section and tag and the ids of the page; a second fetches what the page shows."""
        # The SQL below is put together from querysets compiled by Django, quoted table
        # names and our own conditions; every value, the query included, is a parameter.
        scored_sql, scored_params = union_sql([self._scored(s) for s in self.sources])
        signals_sql, signal_params = self._signals_sql()
        with_sql = (
            f"WITH {signals_sql}, raw AS ({scored_sql}), "  # noqa: S608
            f"m AS (SELECT raw.*, COALESCE(sig.sig_lemma, 0) AS hit_lemma, "
            f"COALESCE(sig.sig_sem, 0) AS hit_sem, {rank_sql('raw', 'sig')} AS hit_rank "
            "FROM raw LEFT JOIN sig ON sig.sig_kind = raw.hit_kind AND sig.sig_id = raw.hit_id) "
        )
        params = [*signal_params, *scored_params]
        parts = facet_parts(self.sources, self.filters, params)
        parts.append(page_part(self.sources, self.filters, params, number))
        sql = with_sql + " UNION ALL ".join(parts)
        facets = {"kind": [], "section": [], "tag": []}
        hits, self.explanations = [], {}
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for facet, key, label, count, rank, lex, trgm, lemma, sem, boost in cursor.fetchall():
                if facet == "hit":
                    pk = int(label)
                    hits.append((-count, -rank, key, pk))
                    self.explanations[(key, pk)] = Explanation(
                        title_match=int(count), lexical=lex, lemma=lemma, trigram=trgm,
                        semantic=sem, cosine=self.cosines.get((key, pk)), boost=boost, rank=rank,
                    )  # fmt: skip
                elif count:
                    facets[facet].append((key, label, count))
        hits.sort()
        return self._display([(kind, pk) for _, _, kind, pk in hits]), facets

    def _display(self, hits: list[tuple[str, int]]) -> list[dict]:
        """What the page shows of each hit, in the order of `hits`: one query."""
        if not hits:
            return []
        rows = rows_by_key(self.sources, hits, "hit", _display_columns)
        return [rows[hit] for hit in hits if hit in rows]
