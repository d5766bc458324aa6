"""The one place where Markdown typed by a person becomes HTML.

Everything goes through nh3 after Python-Markdown, so whatever the source holds
(raw HTML, event handlers, `javascript:` links) the output contains only the tags,
attributes and URL schemes listed here.
"""

import re
import unicodedata
from html import unescape
from urllib.parse import quote, urlsplit, urlunsplit

import markdown as python_markdown
import nh3
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext_lazy as _

from core.bilingual import LANGUAGE_CODES, column

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "del", "em", "h2", "h3", "h4", "h5", "h6",
    "hr", "li", "ol", "p", "pre", "strong", "sub", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "td": {"align"},
    "th": {"align"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
MARKDOWN_EXTENSIONS = ["extra", "sane_lists"]


# The longest Markdown any field accepts (live updates and principles accept less).
MARKDOWN_MAX_CHARS = 20_000

# Python-Markdown finds the end of a link by scanning from each `[` (and from each `](`) to
# its partner, or to the end of the paragraph when there is none: 10,000 unclosed `[` cost
# 50 million steps (30 s). Texts whose scans add up to more than this budget, or that hold
# more raw tags or abbreviation definitions than any real text does, are refused by the
# forms and rendered as plain text by render_markdown, so that rendering stays well under
# a second whatever the input (tests/core/test_markdown_bounds.py).
BRACKET_SCAN_BUDGET = 150_000
MAX_RAW_TAGS = 500
MAX_ABBREVIATIONS = 100
UNRENDERABLE = _(
    "This text has too many unclosed or nested brackets, raw tags or abbreviations to be "
    "rendered; close or remove some of the [ ] ( ) and < >."
)
_RAW_TAG = re.compile(r"<[A-Za-z/!?]")
_ABBREVIATION = re.compile(r"^[ \t]*\*\[", re.M)


def _partners(chunk: str, opening: str, closing: str) -> dict[int, int]:
    """Where each opening character's partner is (unescaped, innermost first)."""
    found, stack, index = {}, [], 0
    while index < len(chunk):
        char = chunk[index]
        if char == "\\":
            index += 2
            continue
        if char == opening:
            stack.append(index)
        elif char == closing and stack:
            found[stack.pop()] = index
        index += 1
    return found


def _scan_cost(chunk: str) -> int:
    end = len(chunk)
    brackets = _partners(chunk, "[", "]")
    parens = _partners(chunk, "(", ")") if "](" in chunk else {}
    cost = 0
    for start in (i for i, char in enumerate(chunk) if char == "["):
        stop = brackets.get(start)
        if stop is None:
            cost += end - start
            continue
        cost += stop - start
        if stop + 1 < end and chunk[stop + 1] == "(":
            cost += parens.get(stop + 1, end) - stop
    return cost


def unrenderable(source: str) -> bool:
    """Whether rendering `source` could take long (see BRACKET_SCAN_BUDGET). Linear time."""
    if len(_RAW_TAG.findall(source)) > MAX_RAW_TAGS:
        return True
    if len(_ABBREVIATION.findall(source)) > MAX_ABBREVIATIONS:
        return True
    if "[" not in source:
        return False
    total = 0
    for chunk in re.split(r"\n[ \t]*\n", source):
        total += _scan_cost(chunk)
        if total > BRACKET_SCAN_BUDGET:
            return True
    return False


def validate_markdown(source: str) -> None:
    """For forms and services: refuses what render_markdown would only show as plain text."""
    if source and unrenderable(source):
        raise ValidationError(UNRENDERABLE, code="unrenderable")


def _plain_text(text: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
    return "".join(f"<p>{escape(p)}</p>".replace("\n", "<br>") for p in paragraphs)


def render_markdown(source: str) -> str:
    """Return sanitised HTML for a Markdown source string."""
    if not source:
        return ""
    text = unicodedata.normalize("NFC", source)
    if unrenderable(text):
        # Stored some other way (an import, a backup): shown as the text it is.
        html = _plain_text(text)
    else:
        html = python_markdown.markdown(text, extensions=MARKDOWN_EXTENSIONS, output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    ).strip()


class MarkdownRenderedModel(models.Model):
    """Renders each Markdown field into its `*_html` twin on every save.

    Subclasses list their source fields in `markdown_fields`; the twin is
    `<field>_html`. A translated field (core.bilingual) is rendered per language:
    `summary_en` into `summary_html_en`. Rendering once on save keeps page views free of
    Markdown work.
    """

    markdown_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.render_markdown_fields()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            touched = self.with_language_columns(set(update_fields))
            rendered = {
                f"{f}_html"
                for f in self.markdown_fields
                if f in touched or any(column(f, code) in touched for code in LANGUAGE_CODES)
            }
            kwargs["update_fields"] = self.with_language_columns(touched | rendered)
        super().save(*args, **kwargs)

    def with_language_columns(self, names: set[str]) -> set[str]:
        """`update_fields` naming a translated field saves every language's column."""
        known = {field.name for field in self._meta.concrete_fields}
        return names | ({column(n, code) for n in names for code in LANGUAGE_CODES} & known)

    def render_markdown_fields(self) -> None:
        for field in self.markdown_fields:
            if hasattr(self, column(field, LANGUAGE_CODES[0])):
                for code in LANGUAGE_CODES:
                    source = getattr(self, column(field, code)) or ""
                    setattr(self, column(f"{field}_html", code), render_markdown(source))
            else:
                setattr(self, f"{field}_html", render_markdown(getattr(self, field)))


# Markdown written by the site (export.md, compare.md): whatever a person or a framework
# file wrote is escaped before it goes in, for any renderer (CommonMark, GitHub, Python-
# Markdown): `<`, `>` and `&` become entities (no raw HTML, no entity tricks), the marks of
# links, code, emphasis, attributes and tables get a backslash, and so do the marks that
# would make the start of a line a heading, a list or a quote.
_INLINE_MARKS = re.compile(r"([\\`*_{}\[\]()|])")
_LINE_START_MARKS = re.compile(r"^(\s*)([#+\-])")
_ORDERED_LIST_MARK = re.compile(r"^(\s*\d+)\.")


def escape_markdown(text) -> str:
    """One line of plain text, safe to place in Markdown (line breaks become spaces)."""
    line = " ".join(str(text).splitlines())
    line = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    line = _INLINE_MARKS.sub(r"\\\1", line)
    line = _LINE_START_MARKS.sub(r"\1\\\2", line)
    return _ORDERED_LIST_MARK.sub(r"\1\\.", line)


def markdown_autolink(url: str) -> str:
    """`<url>` that cannot end early nor hold a link of its own (finding 10 of issue 11:
    `https://ok.example/>[x](javascript:…)`): outside the host, everything but the
    characters URLs need unencoded is percent-encoded, brackets and parentheses too."""
    parts = urlsplit(url)
    keep = "/%:@!$&'*+,;=~"
    return "<{}>".format(
        urlunsplit(
            (
                quote(parts.scheme, safe=""),
                quote(parts.netloc, safe=":@[]%"),
                quote(parts.path, safe=keep),
                quote(parts.query, safe=keep + "?"),
                quote(parts.fragment, safe=keep + "?"),
            )
        )
    )


def plain_text(html: str, limit: int | None = None) -> str:
    """The words of rendered (sanitised) HTML as one line of plain text, for places that
    show no markup (feed titles, key-event lists): tags dropped, entities decoded,
    whitespace collapsed, cut at `limit` characters with an ellipsis."""
    text = " ".join(unescape(strip_tags(html or "")).split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text
