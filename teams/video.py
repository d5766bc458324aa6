"""Video links: a privacy-friendly YouTube embed, and links to a moment in a video.

Only YouTube is embedded, through youtube-nocookie.com, the one frame source the
Content-Security-Policy allows. Any other video URL is linked, never framed."""

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

EMBED_ORIGIN = "https://www.youtube-nocookie.com"
_YOUTUBE_HOSTS = {
    "youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com",
    "youtube-nocookie.com", "www.youtube-nocookie.com", "youtu.be",
}  # fmt: skip
_VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


def youtube_id(url: str) -> str | None:
    """The video id of a YouTube watch, short, embed or shorts URL; None otherwise."""
    if not url:
        return None
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in {"http", "https"} or host not in _YOUTUBE_HOSTS:
        return None
    path = [segment for segment in parts.path.split("/") if segment]
    if host == "youtu.be":
        candidate = path[0] if path else ""
    elif path[:1] == ["watch"]:
        candidate = dict(parse_qsl(parts.query)).get("v", "")
    elif len(path) >= 2 and path[0] in {"embed", "shorts", "live", "v"}:
        candidate = path[1]
    else:
        candidate = ""
    return candidate if _VIDEO_ID.match(candidate) else None


def embed_url(url: str) -> str:
    """The youtube-nocookie player for a YouTube URL; "" when the video cannot be embedded."""
    video = youtube_id(url)
    return f"{EMBED_ORIGIN}/embed/{video}" if video else ""


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
