"""The parts of the search statement that read the scored matches `m` (search.engine):
the facet counts, each with the other filters applied and its own left out (so a count
says what choosing it gives), and the page of hits. Every part has the same ten columns:
facet, key, label, count, rank and the signals of a hit (search.fusion)."""

from django.db import connection

from core.bilingual import sql_localized
from search.query import PAGE_SIZE
from search.sources import Filters, Source

NO_SIGNALS = "0.0, 0.0, 0.0, 0.0, 0.0, 0.0"


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def section_model(sources: list[Source]):
    source = next(s for s in sources if s.section_field)
    return source.queryset().model._meta.get_field(source.section_field).related_model


def tag_tables(source: Source):
    field = source.queryset().model._meta.get_field(source.tag_field)
    return (
        _quote(field.remote_field.through._meta.db_table),
        _quote(field.related_model._meta.db_table),
        _quote(field.m2m_column_name()),
        _quote(field.m2m_reverse_name()),
    )


def conditions(sources: list[Source], filters: Filters, *, ignore: str = "") -> tuple[str, list]:
    """The filters as SQL on the scored rows `m`, but the one facet left out."""
    where, params = ["1 = 1"], []
    if ignore != "kind" and filters.kind:
        where.append("m.hit_kind = %s")
        params.append(filters.kind)
    if ignore != "section" and filters.section:
        table = _quote(section_model(sources)._meta.db_table)
        where.append(f"m.hit_section_id IN (SELECT id FROM {table} WHERE slug = %s)")  # noqa: S608
        params.append(filters.section)
    if ignore != "tag" and filters.tag:
        tagged = []
        for source in sources:
            if source.tag_field:
                link, tag_table, own, other = tag_tables(source)
                tagged.append(
                    f"(m.hit_kind = %s AND EXISTS (SELECT 1 FROM {link} l "  # noqa: S608
                    f"JOIN {tag_table} t ON t.id = l.{other} "
                    f"WHERE l.{own} = m.hit_id AND t.slug = %s))"
                )
                params += [source.kind, filters.tag]
        where.append("(" + (" OR ".join(tagged) or "1 = 0") + ")")
    return " AND ".join(where), params


def facet_parts(sources: list[Source], filters: Filters, params: list) -> list[str]:
    """The counts per kind, section and tag; their parameters are appended to `params`."""
    parts = []
    where, p = conditions(sources, filters, ignore="kind")
    parts.append(
        f"SELECT 'kind', m.hit_kind, '', COUNT(*), {NO_SIGNALS} FROM m "  # noqa: S608
        f"WHERE {where} GROUP BY m.hit_kind"
    )
    params += p

    if any(s.section_field for s in sources):
        table = _quote(section_model(sources)._meta.db_table)
        where, p = conditions(sources, filters, ignore="section")
        title = sql_localized("t", "title", _quote)
        parts.append(
            f"SELECT 'section', t.slug, {title}, COUNT(*), {NO_SIGNALS} FROM m "  # noqa: S608
            f"JOIN {table} t ON t.id = m.hit_section_id "
            f"WHERE {where} GROUP BY t.slug, {title}"
        )
        params += p

    for source in sources:
        if source.tag_field:
            link, tag_table, own, other = tag_tables(source)
            where, p = conditions(sources, filters, ignore="tag")
            name = sql_localized("t", "name", _quote)
            parts.append(
                f"SELECT 'tag', t.slug, {name}, COUNT(*), {NO_SIGNALS} FROM m "  # noqa: S608
                f"JOIN {link} l ON l.{own} = m.hit_id "
                f"JOIN {tag_table} t ON t.id = l.{other} "
                f"WHERE m.hit_kind = %s AND {where} GROUP BY t.slug, {name}"
            )
            params += [source.kind, *p]
    return parts


def page_part(sources: list[Source], filters: Filters, params: list, number: int) -> str:
    """The page's hits, best first: title matches of the exact query, then the rank."""
    where, p = conditions(sources, filters)
    params += [*p, PAGE_SIZE, (number - 1) * PAGE_SIZE]
    return (
        "SELECT 'hit', p.hit_kind, CAST(p.hit_id AS TEXT), p.hit_title_match, p.hit_rank, "  # noqa: S608
        "p.hit_lex, p.hit_trgm, p.hit_lemma, p.hit_sem, p.hit_boost "
        f"FROM (SELECT * FROM m WHERE {where} "
        "ORDER BY m.hit_title_match DESC, m.hit_rank DESC, m.hit_kind, m.hit_id "
        "LIMIT %s OFFSET %s) p"
    )
