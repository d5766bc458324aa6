"""The live page's small things (issue 16, part 4): no empty key-events landmark, key
events as their first line in plain text, times a script can make relative (the
absolute time kept in the title), a hint to reload without JavaScript, and a footer
sign-in that returns to the page, safely."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from playbook import services
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

# A valid HTML datetime: seconds, no fraction, an offset.
DATETIME = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)"


def test_no_key_events_no_landmark(client, live, committed):
    body = client.get(live.get_absolute_url()).content.decode()
    assert '<div id="key-events" data-hx-swap-oob="true">' in body
    assert "key-events-heading" not in body  # no empty <nav> for a screen reader to find
    assert "<noscript>" in body and "새로 고치면" in body


def test_a_key_event_reads_as_its_first_line_in_plain_text(client, live, editor, committed):
    with committed():
        update = services.live_update_create(
            section=live,
            author=editor,
            body="## 기조연설 *시작*\n\n둘째 문단은 목록에 나오지 않습니다.\n\n- 하나\n- 둘",
            is_key_event=True,
        )
    body = client.get(live.get_absolute_url()).content.decode()
    strip = body.split('<nav class="key-events"', 1)[1].split("</nav>", 1)[0]
    assert f'<a href="#update-{update.pk}">기조연설 시작</a>' in strip
    assert "##" not in strip and "둘째" not in strip and "<em>" not in strip
    times = re.findall(r"<time[^>]*data-relative[^>]*>", body)
    assert len(times) >= 2  # the strip's and the update's
    for tag in times:
        assert re.search(rf'datetime="{DATETIME}"', tag), tag
        assert re.search(r'title="\d{4}-\d\d-\d\d \d\d:\d\d', tag), tag


def test_the_footer_sign_in_returns_to_the_page_and_only_to_this_site(live, editor):
    reader = Client()
    page = reader.get(live.get_absolute_url()).content.decode()
    login = reverse("admin:login")
    link = re.search(rf'href="({re.escape(login)}\?next=[^"]+)"', page).group(1)
    assert link == f"{login}?next={live.get_absolute_url().replace('/', '%2F')}"

    def sign_in(next_url):
        client = Client()
        return client.post(
            login, {"username": editor.username, "password": PASSWORD, "next": next_url}
        )

    assert sign_in(live.get_absolute_url())["Location"] == live.get_absolute_url()
    for unsafe in ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"]:
        assert sign_in(unsafe)["Location"] == reverse("admin:index")
    assert get_user_model().objects.filter(pk=editor.pk).exists()
