"""A YouTube link alone on a line of a live update becomes the click-to-load privacy
player of talk pages; any other link stays a link."""

import pytest

from core.video import videos_alone_on_a_line
from playbook import services

pytestmark = pytest.mark.django_db

VIDEO = "dQw4w9WgXcQ"
EMBED = f"https://www.youtube-nocookie.com/embed/{VIDEO}"


@pytest.mark.parametrize(
    "text, embeds",
    [
        (f"키노트 영상\n\nhttps://www.youtube.com/watch?v={VIDEO}\n", [EMBED]),
        (f"<https://youtu.be/{VIDEO}>", [EMBED]),
        (f"  https://youtu.be/{VIDEO}  \nhttps://youtu.be/{VIDEO}", [EMBED]),  # once
        (f"영상은 https://youtu.be/{VIDEO} 에서 보세요", []),  # inside a sentence
        ("https://vimeo.com/123456", []),
        (f"javascript://youtu.be/{VIDEO}", []),
        (f"https://evil.example/watch?v={VIDEO}", []),
    ],
)
def test_which_links_become_players(text, embeds):
    assert [video["embed"] for video in videos_alone_on_a_line(text)] == embeds


def test_the_live_page_shows_the_player_box_and_no_iframe(client, editor, live):
    services.live_update_create(
        section=live, author=editor, body=f"발표 영상\n\nhttps://www.youtube.com/watch?v={VIDEO}"
    )
    html = client.get(live.get_absolute_url()).content.decode()
    assert f'data-embed-src="{EMBED}"' in html
    assert "<iframe" not in html  # nothing from YouTube until the reader asks
    assert 'src="/static/js/video-embed.js"' in html or "video-embed" in html


def test_a_retracted_update_loses_its_player(client, editor, live):
    update = services.live_update_create(
        section=live, author=editor, body=f"https://youtu.be/{VIDEO}"
    )
    services.live_update_retract(update=update, editor=editor, expected_version=1)
    assert "data-embed-src" not in client.get(live.get_absolute_url()).content.decode()
