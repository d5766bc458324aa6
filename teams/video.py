"""Video links of talks: links to a moment in a video (the embed is core.video's)."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from core.video import embed_url, youtube_id

__all__ = ["embed_url", "url_at", "youtube_id"]


def url_at(url: str, seconds: int | None) -> str:
    """A link that starts the video at `seconds`, for readers without JavaScript.

    YouTube reads a `t` query parameter; other players understand the media fragment
    `#t=` (W3C Media Fragments), which is the best a generic link can do."""
    parts = urlsplit(url or "")
    # Only web links: a stored value that slipped past the form's URL check never becomes
    # a link with another scheme.
    if parts.scheme not in {"http", "https"}:
        return ""
    if seconds is None:
        return url
    if youtube_id(url):
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "t"]
        query.append(("t", f"{seconds}s"))
        return urlunsplit(parts._replace(query=urlencode(query)))
    return urlunsplit(parts._replace(fragment=f"t={seconds}"))
