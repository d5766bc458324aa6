"""Talk videos: embedded only from youtube-nocookie.com, only after a click; timestamp
links start the video at their second."""

import pytest
from django.urls import reverse

from teams.models import Talk
from teams.video import embed_url, url_at, youtube_id

VIDEO = "dQw4w9WgXcQ"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"https://www.youtube.com/watch?v={VIDEO}", VIDEO),
        (f"https://youtube.com/watch?feature=share&v={VIDEO}", VIDEO),
        (f"https://youtu.be/{VIDEO}?si=abc", VIDEO),
        (f"https://www.youtube.com/embed/{VIDEO}", VIDEO),
        (f"https://www.youtube.com/shorts/{VIDEO}", VIDEO),
        (f"https://www.youtube-nocookie.com/embed/{VIDEO}", VIDEO),
        ("https://vimeo.com/123456", None),
        (f"https://evil.example/watch?v={VIDEO}", None),
        (f"javascript:alert(1)//youtube.com/watch?v={VIDEO}", None),
        ("https://www.youtube.com/watch?v=short", None),
        ("https://www.youtube.com/@channel", None),
        ("", None),
    ],
)
def test_youtube_ids(url, expected):
    assert youtube_id(url) == expected


def test_embed_uses_the_privacy_enhanced_player_only():
    assert (
        embed_url(f"https://youtu.be/{VIDEO}") == f"https://www.youtube-nocookie.com/embed/{VIDEO}"
    )
    assert embed_url("https://vimeo.com/123456") == ""


def test_links_to_a_moment():
    assert url_at(f"https://youtu.be/{VIDEO}", 83) == f"https://youtu.be/{VIDEO}?t=83s"
    assert (
        url_at(f"https://www.youtube.com/watch?v={VIDEO}&t=5", 83)
        == f"https://www.youtube.com/watch?v={VIDEO}&t=83s"
    )
    assert url_at("https://vimeo.com/123456", 83) == "https://vimeo.com/123456#t=83"
    assert url_at("https://vimeo.com/123456", None) == "https://vimeo.com/123456"
    assert url_at("", 83) == ""
    assert url_at("javascript:alert(1)", 83) == ""


@pytest.fixture
def talk_with_video(db):
    talk = Talk.objects.get(speakers__name_en="Max")
    talk.video_url = f"https://www.youtube.com/watch?v={VIDEO}"
    talk.save()
    link = talk.principle_links.select_related("principle").first()
    link.timestamp_seconds = 83
    link.save()
    return talk, link


def test_talk_page_has_no_iframe_until_the_reader_clicks(client, talk_with_video):
    talk, _ = talk_with_video
    response = client.get(talk.get_absolute_url())
    body = response.content.decode()
    assert "<iframe" not in body.lower()
    assert f'data-embed-src="https://www.youtube-nocookie.com/embed/{VIDEO}"' in body
    assert "js/video-embed.js" in body
    assert "youtube.com/embed" not in body  # nothing that would load the tracking player


def test_timestamp_links_start_the_video_at_that_second(client, talk_with_video):
    talk, link = talk_with_video
    body = client.get(talk.get_absolute_url()).content.decode()
    assert f'href="https://www.youtube.com/watch?v={VIDEO}&amp;t=83s"' in body
    assert 'data-video-start="83"' in body
    # The principle page links to the same moment.
    body = client.get(link.principle.get_absolute_url()).content.decode()
    assert f'href="https://www.youtube.com/watch?v={VIDEO}&amp;t=83s"' in body


@pytest.mark.django_db
def test_talk_without_video_has_no_player_and_no_script(client):
    talk = Talk.objects.get(speakers__name_en="Scott Wu")
    body = client.get(talk.get_absolute_url()).content.decode()
    assert "data-embed-src" not in body
    assert "video-embed.js" not in body


@pytest.mark.django_db
def test_csp_allows_frames_only_from_youtube_nocookie(client):
    policy = client.get(reverse("teams:talks")).headers["Content-Security-Policy"]
    directives = dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in policy.split(";") if part.strip()
    )
    assert directives["frame-src"] == "https://www.youtube-nocookie.com"
    assert "unsafe-inline" not in policy
