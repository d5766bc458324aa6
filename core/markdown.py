"""The one place where Markdown typed by a person becomes HTML.

Everything goes through nh3 after Python-Markdown, so whatever the source holds
(raw HTML, event handlers, `javascript:` links) the output contains only the tags,
attributes and URL schemes listed here.
"""

import unicodedata

import markdown as python_markdown
import nh3
from django.db import models

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
    `<field>_html`. Rendering once on save keeps page views free of Markdown work.
    """

    markdown_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.render_markdown_fields()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            touched = set(update_fields)
            kwargs["update_fields"] = touched | {
                f"{f}_html" for f in self.markdown_fields if f in touched
            }
        super().save(*args, **kwargs)

    def render_markdown_fields(self) -> None:
        for field in self.markdown_fields:
            setattr(self, f"{field}_html", render_markdown(getattr(self, field)))
