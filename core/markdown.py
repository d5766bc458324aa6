"""The one place where Markdown typed by a person becomes HTML.

Everything goes through nh3 after Python-Markdown, so whatever the source holds
(raw HTML, event handlers, `javascript:` links) the output contains only the tags,
attributes and URL schemes listed here.
"""

import unicodedata

import markdown as python_markdown
import nh3
from django.db import models

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


def render_markdown(source: str) -> str:
    """Return sanitised HTML for a Markdown source string."""
    if not source:
        return ""
    text = unicodedata.normalize("NFC", source)
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
