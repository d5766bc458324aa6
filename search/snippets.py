"""What a result shows of its text: plain words around the first match, highlighted."""

import re

from django.utils.html import format_html
from django.utils.safestring import SafeString

from search.query import normalize

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
