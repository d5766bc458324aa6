"""`LiveBlogPosting` structured data (schema.org) for a live section, so that search
engines can show the coverage as live: its start, its end once it ended, and the latest
updates as `BlogPosting`s with plain-text bodies."""

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language

HEADLINE_CHARS = 110  # what search engines show of a headline


def _plain(html: str) -> str:
    return " ".join(strip_tags(html or "").split())


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def live_blog_posting(request, section, updates) -> dict:
    """The JSON-LD object; `updates` are the ones the page shows (retracted ones left out:
    a withdrawn statement is not offered to search engines)."""
    shown = [update for update in updates if not update.is_retracted]
    first = (
        section.updates.visible()
        .order_by("created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    data = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": section.title,
        "url": request.build_absolute_uri(section.get_absolute_url()),
        "inLanguage": get_language(),
        "coverageStartTime": _iso(first),
        "liveBlogUpdate": [
            {
                "@type": "BlogPosting",
                "headline": Truncator(_plain(update.body_html)).chars(HEADLINE_CHARS),
                "datePublished": _iso(update.created_at),
                "dateModified": _iso(update.edited_at or update.created_at),
                "articleBody": _plain(update.body_html),
                "url": request.build_absolute_uri(update.get_permalink()),
            }
            for update in shown
        ],
    }
    if section.coverage_ended_at:
        data["coverageEndTime"] = _iso(section.coverage_ended_at)
    return {key: value for key, value in data.items() if value is not None}
