"""YouTube links: which ones are videos, and their privacy-friendly player.

Only YouTube is embedded, through youtube-nocookie.com, the one frame source the
Content-Security-Policy allows. Any other video URL is linked, never framed. Talks
(teams.video) and live updates (playbook) share this."""

import re
from urllib.parse import parse_qsl, urlsplit

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


# A line that is only a link (bare or in <>), as an editor pastes it.
_LINK_LINE = re.compile(r"^\s*<?(https?://\S+?)>?\s*$", re.M)


def videos_alone_on_a_line(text: str) -> list[dict]:
    """The YouTube videos that a Markdown text names on a line of their own, in order,
    each once: {"url": the link, "embed": its privacy-friendly player}."""
    found = {}
    for url in _LINK_LINE.findall(text or ""):
        embed = embed_url(url)
        if embed and embed not in found:
            found[embed] = {"url": url, "embed": embed}
    return list(found.values())
