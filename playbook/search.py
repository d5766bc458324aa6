"""Search across kinds of content, ranked together.

This module knows nothing of teams or governance: the page that searches everything
(config/search.py) describes each kind as a `Source` and passes them in.

A query is parsed here, never handed to PostgreSQL as it was typed: words become quoted
lexemes with a prefix match (`'윤리':*` finds 윤리적 and 윤리를), Korean words of three or
more syllables also become a phrase of syllable bigrams (`'거버' <-> '버넌' <-> '넌스'`,
which finds the word inside a compound), "quoted words" become a phrase and -words are
excluded. The resulting text goes to to_tsquery as a parameter. On SQLite the same parse
drives case-insensitive substring matching on the same fields.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
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
from django.utils.html import format_html
from django.utils.safestring import SafeString

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20
MAX_PAGE = 500
TRIGRAM_MIN_LENGTH = 4

WORD = re.compile(r"[^\W_]+")
HANGUL = "가-힣"
SCRIPT_RUN = re.compile(rf"[{HANGUL}]+|[^{HANGUL}]+")
# A chunk of the query: -"a phrase" or "a phrase" (an unbalanced quote runs to the end),
# or -word / word.
CHUNK = re.compile(r'(-?)"([^"]*)(?:"|$)|(-?)([^\s"]+)')


def normalize(text: str) -> str:
    """NFC (a decomposed 팀 typed on some keyboards equals the composed one), no control
    characters (PostgreSQL refuses NUL in text), whitespace collapsed."""
    text = unicodedata.normalize("NFC", text or "")
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(text.split())


@dataclass
class ParsedQuery:
    text: str = ""
    truncated: bool = False
    terms: list[str] = field(default_factory=list)
    phrases: list[list[str]] = field(default_factory=list)
    excluded: list[list[str]] = field(default_factory=list)

    @property
    def is_blank(self) -> bool:
        return not self.text

    @property
    def has_positive(self) -> bool:
        return bool(self.terms or self.phrases)

    @property
    def needles(self) -> list[str]:
        """What to mark in titles and snippets: every positive word, and the runs of one
        script inside it (AI거버넌스 marks 거버넌스 in "AI 거버넌스")."""
        words = [*self.terms, *(word for phrase in self.phrases for word in phrase)]
        found = set()
        for word in words:
            found.add(word)
            found.update(run for run in SCRIPT_RUN.findall(word) if len(run) > 1)
        return sorted(found, key=len, reverse=True)


def parse_query(raw: str) -> ParsedQuery:
    text = normalize(raw)
    truncated = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH].strip()
    parsed = ParsedQuery(text=text, truncated=truncated)
    for match in CHUNK.finditer(text):
        minus_phrase, phrase, minus_word, word = match.groups()
        quoted = phrase is not None
        words = [w.lower() for w in WORD.findall(phrase if quoted else word)]
        if not words:
            continue  # operators and punctuation alone: nothing to look for
        if minus_phrase or minus_word:
            parsed.excluded.append(words)
        elif quoted and len(words) > 1:
            parsed.phrases.append(words)
        else:
            parsed.terms.extend(words)
    return parsed


# --- PostgreSQL: tsquery text built from sanitised lexemes ------------------------------


def _lexeme(word: str) -> str:
    return "'" + word.replace("'", "''") + "'"


def _bigram_phrase(run: str, weight: str = "") -> str:
    suffix = f":{weight}" if weight else ""
    bigrams = (_lexeme(run[i : i + 2]) + suffix for i in range(len(run) - 1))
    return "(" + " <-> ".join(bigrams) + ")"


def _word_query(word: str, weight: str = "") -> str:
    alternatives = [f"{_lexeme(word)}:*{weight}"]
    runs = SCRIPT_RUN.findall(word)
    has_long_hangul = any(re.fullmatch(rf"[{HANGUL}]{{3,}}", run) for run in runs)
    if has_long_hangul or len(runs) > 1:
        parts = [
            _bigram_phrase(run, weight)
            if re.fullmatch(rf"[{HANGUL}]{{3,}}", run)
            else f"{_lexeme(run)}:*{weight}"
            for run in runs
        ]
        alternatives.append("(" + " & ".join(parts) + ")")
    return "(" + " | ".join(alternatives) + ")"


def _phrase_query(words: list[str], weight: str = "") -> str:
    return "(" + " <-> ".join(f"{_lexeme(w)}:*{weight}" for w in words) + ")"


def _group_query(words: list[str]) -> str:
    return _word_query(words[0]) if len(words) == 1 else _phrase_query(words)


def tsquery_text(parsed: ParsedQuery, weight: str = "") -> str:
    """The positive part of the query in to_tsquery syntax; with `weight` ("A"), only
    lexemes of that weight match (the titles)."""
    parts = [_word_query(w, weight) for w in parsed.terms]
    parts += [_phrase_query(p, weight) for p in parsed.phrases]
    return " & ".join(parts)


def excluded_tsquery_text(parsed: ParsedQuery) -> str:
    return " | ".join(_group_query(words) for words in parsed.excluded)


def _tsquery(text: str) -> SearchQuery:
    return SearchQuery(text, search_type="raw", config="simple")


# --- Sources -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One kind of searchable content.

    `queryset` returns what readers may find (published, not retracted…); `columns` maps
    the result columns (title, subtitle, text, link_a, link_b, section_title) to
    expressions; `title_fields` and `text_fields` are what SQLite's fallback looks in."""

    kind: str
    label: str
    queryset: object
    columns: dict
    title_fields: tuple
    text_fields: tuple
    section_field: str | None = None
    tag_field: str | None = None
    # Multiplies the rank: with equal matches, a principle comes before a checklist
    # question that only mentions the same word.
    boost: float = 1.0
    # Whether typos are looked for in `search_trigram` (short titles; not long bodies,
    # where word similarity costs a lot and finds little).
    trigrams: bool = True


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
            self.query = _tsquery(tsquery_text(parsed))
            # Title matches rank first: the same query on weight-A lexemes only.
            self.title_query = _tsquery(tsquery_text(parsed, weight="A"))
            excluded = excluded_tsquery_text(parsed)
            self.excluded = _tsquery(excluded) if excluded else None
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
            self.matches(source, fuzzy=fuzzy)
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
            parts.append(
                f"SELECT 'section', t.slug, t.title, COUNT(*), 0.0 FROM m "  # noqa: S608
                f"JOIN {table} t ON t.id = m.hit_section_id "
                f"WHERE {where} GROUP BY t.slug, t.title"
            )
            params += p

        for source in self.sources:
            if source.tag_field:
                link, tag_table, own, other = self._tag_tables(source)
                where, p = self._conditions(ignore="tag")
                parts.append(
                    f"SELECT 'tag', t.slug, t.name, COUNT(*), 0.0 FROM m "  # noqa: S608
                    f"JOIN {link} l ON l.{own} = m.hit_id "
                    f"JOIN {tag_table} t ON t.id = l.{other} "
                    f"WHERE m.hit_kind = %s AND {where} GROUP BY t.slug, t.name"
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
                source.queryset()
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


# --- Snippets ----------------------------------------------------------------------------

MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
MARKDOWN_EMPHASIS = re.compile(r"[*_`~]+")
MARKDOWN_LINE_START = re.compile(r"^[ \t]*(?:#+|>+|[-+] |\d+\. )[ \t]*", re.MULTILINE)


def plain_text(markdown_source: str) -> str:
    """The words of a Markdown source, for snippets: no emphasis marks, headings, quotes or
    list bullets, links as their text."""
    text = MARKDOWN_LINK.sub(r"\1", markdown_source or "")
    text = MARKDOWN_LINE_START.sub("", text)
    return normalize(MARKDOWN_EMPHASIS.sub("", text))


def _needle_pattern(needles: list[str]):
    if not needles:
        return None
    return re.compile("|".join(re.escape(n) for n in needles), re.IGNORECASE)


def highlight(text: str, needles: list[str]) -> SafeString:
    """The text, escaped, with every match wrapped in <mark>. Only our own <mark> tags
    are markup: whatever the content or the query holds is escaped."""
    pattern = _needle_pattern(needles)
    result, position = SafeString(""), 0
    if pattern is not None:
        for match in pattern.finditer(text):
            result += format_html(
                "{}<mark>{}</mark>", text[position : match.start()], match.group()
            )
            position = match.end()
    return result + format_html("{}", text[position:])


def snippet(markdown_source: str, needles: list[str], width: int = 200) -> SafeString:
    """About `width` characters of the text around its first match, highlighted."""
    text = plain_text(markdown_source)
    pattern = _needle_pattern(needles)
    first = pattern.search(text) if pattern else None
    start = 0
    if first is not None and first.start() > width // 3:
        start = text.rfind(" ", 0, first.start() - width // 4) + 1
    end = start + width
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + width // 2)
    piece = text[start:end]
    return (
        format_html("{}", "… " if start else "")
        + highlight(piece, needles)
        + format_html("{}", " …" if end < len(text) else "")
    )
