"""Readers' controls on a live section: newest or oldest first, every update or key events
only, kept in the URL and working without JavaScript."""

import re

import pytest
from django.urls import reverse

from playbook import services
from playbook.models import LiveUpdate
from tests.playbook.live_helpers import HTMX

pytestmark = pytest.mark.django_db


def shown(html: str) -> list[str]:
    """The update texts of the list, in page order."""
    listed = html[html.index('id="live-updates"') :]
    return re.findall(r"(소식 \d+)", listed.split('id="older-updates"')[0])


@pytest.fixture
def twenty_five(live, editor):
    updates = [
        services.live_update_create(section=live, author=editor, body=f"소식 {n}")
        for n in range(25)
    ]
    for n in (3, 21):
        services.live_update_set_key_event(
            update=updates[n], editor=editor, is_key_event=True, expected_version=1
        )
    return updates


def test_oldest_first_pages_forward_without_javascript(client, live, twenty_five):
    first = client.get(live.get_absolute_url(), {"order": "oldest"}).content.decode()
    assert shown(first)[:3] == ["소식 0", "소식 1", "소식 2"] and len(shown(first)) == 20
    link = re.search(r'href="([^"]*after=\d+[^"]*)#live-updates"', first).group(1)
    assert "order=oldest" in link
    later = client.get(link.replace("&amp;", "&")).content.decode()
    assert shown(later) == [f"소식 {n}" for n in range(20, 25)]
    assert 'id="live-updates" class="updates" reversed' not in first  # numbered from 1


def test_newest_first_stays_the_default(client, live, twenty_five):
    html = client.get(live.get_absolute_url()).content.decode()
    assert shown(html)[:2] == ["소식 24", "소식 23"]
    assert 'aria-current="true">최신순' in html or 'aria-current="true">Newest first' in html


def test_key_events_only_and_the_links_keep_the_other_choice(client, live, twenty_five):
    html = client.get(live.get_absolute_url(), {"show": "key", "order": "oldest"}).content
    html = html.decode()
    assert shown(html) == ["소식 3", "소식 21"]
    nav = html[
        html.index('class="reading-controls"') : html.index(
            "</nav>", html.index("reading-controls")
        )
    ]
    assert "?order=oldest#live-updates" in nav  # "all updates" keeps oldest first
    assert "?show=key#live-updates" in nav  # "newest first" keeps key events only


def test_a_retracted_key_event_leaves_the_key_events_view(client, live, editor, twenty_five):
    # Retracting unmarks the key event (services.live_update_retract): the key-events
    # view lists what still matters; the full view keeps the retraction visible.
    services.live_update_retract(update=twenty_five[21], editor=editor, expected_version=2)
    html = client.get(live.get_absolute_url(), {"show": "key"}).content.decode()
    assert shown(html) == ["소식 3"]
    full = client.get(live.get_absolute_url()).content.decode()
    assert f'id="update-{twenty_five[21].pk}" class="update update--retracted' in full


def test_the_next_page_by_htmx_follows_the_order(client, live, twenty_five):
    url = reverse("playbook:older-updates", args=[live.slug])
    cursor = twenty_five[19].pk
    response = client.get(url, {"order": "oldest", "after": cursor}, **HTMX)
    assert response.status_code == 200
    assert re.findall(r"(소식 \d+)", response.content.decode()) == [
        f"소식 {n}" for n in range(20, 25)
    ]
    plain = client.get(url, {"order": "oldest", "after": cursor})
    assert plain.status_code == 302
    assert "order=oldest" in plain["Location"] and f"after={cursor}" in plain["Location"]
    bad = client.get(url, {"order": "oldest", "before": cursor}, **HTMX)
    assert bad.status_code == 400 and b"after" in bad.content


def test_updates_posted_in_the_same_instant_are_neither_lost_nor_repeated(
    client, live, twenty_five
):
    LiveUpdate.objects.filter(section=live).update(created_at=twenty_five[0].created_at)
    pages, query = [], {}
    url = live.get_absolute_url()
    while True:
        html = client.get(url, query).content.decode()
        pages += shown(html)
        cursor = re.search(r"\?before=(\d+)#live-updates", html)
        if not cursor:
            break
        query = {"before": cursor.group(1)}
    assert sorted(pages) == sorted(f"소식 {n}" for n in range(25))


def test_the_structured_data_keeps_the_latest_updates_whatever_the_view(client, live, twenty_five):
    html = client.get(live.get_absolute_url(), {"order": "oldest"}).content.decode()
    data = html[html.index("application/ld+json") : html.index("</script>", html.index("ld+json"))]
    assert "소식 24" in data and "소식 0" not in data
