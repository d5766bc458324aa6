"""In a real browser: the talk video loads from youtube-nocookie.com only after a click,
timestamp links start it at their second, and the teams table sorts through HTMX."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import EDITOR

TALK = "/talks/gumloop-extreme-hiring-no-meetings-automation/"
VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def sign_in(page, app_url):
    page.goto(f"{app_url}/admin/login/")
    page.fill("#id_username", EDITOR[0])
    page.fill("#id_password", EDITOR[1])
    page.click("input[type=submit]")


@pytest.fixture
def talk_with_video(app_url, browser):
    """An editor gives the talk a video and a timestamp in the admin; undone afterwards."""
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    sign_in(page, app_url)

    def edit(video, timestamp):
        page.goto(f"{app_url}/admin/teams/talk/?q=Gumloop")
        page.locator("#result_list tbody th a").first.click()
        page.fill("#id_video_url", video)
        page.fill("#id_principle_links-0-timestamp_seconds", timestamp)
        page.click("input[name=_save]")
        assert page.locator(".errornote").count() == 0

    edit(VIDEO, "1:23")
    yield
    edit("", "")
    context.close()


def test_video_loads_only_after_a_click_and_timestamps_seek(app_url, page, talk_with_video):
    third_party = []
    page.on(
        "request",
        lambda request: not request.url.startswith(app_url) and third_party.append(request.url),
    )
    # The player itself is not under test; answer for YouTube so nothing leaves the machine.
    page.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(body="<!doctype html><title>player</title>"),
    )
    page.goto(app_url + TALK)
    page.wait_for_load_state("networkidle")
    assert page.locator("iframe").count() == 0
    assert third_party == []

    page.locator(".video-play").click()
    frame = page.locator("#video iframe")
    frame.wait_for()
    src = urlsplit(frame.get_attribute("src"))
    assert src.netloc == "www.youtube-nocookie.com"
    assert src.path == "/embed/dQw4w9WgXcQ"
    assert frame.get_attribute("referrerpolicy") == "strict-origin-when-cross-origin"
    assert all(url.startswith("https://www.youtube-nocookie.com/") for url in third_party)

    page.locator("a.timestamp[data-video-start='83']").click()
    # (No wait_for_function: its polling evaluates strings, which the CSP forbids.)
    expect(frame).to_have_attribute("src", re.compile(r"[?&]start=83(&|$)"))
    assert parse_qs(urlsplit(frame.get_attribute("src")).query)["start"] == ["83"]
    assert page.url == app_url + TALK  # the page stayed; the player moved
    assert page.csp_violations == []


def test_timestamp_link_without_javascript_goes_to_the_video_at_that_time(
    app_url, browser, talk_with_video
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(app_url + TALK)
    assert page.locator(".video-play").is_hidden()
    href = page.locator("a.timestamp").first.get_attribute("href")
    assert href == VIDEO + "&t=83s"
    context.close()


def test_teams_table_sorts_with_htmx_and_the_url_keeps_the_sort(app_url, page):
    page.goto(f"{app_url}/teams/")
    rows = page.locator("#teams-table tbody tr")
    page.locator("#sort-arr-per-person").click()
    page.wait_for_url(f"{app_url}/teams/?sort=-arr-per-person")
    expect(rows.first).to_have_id("team-bolt")
    assert page.locator("svg.chart-svg").count() == 1  # only the table was swapped
    page.locator("th[aria-sort] a").click()  # the same column again: smallest first
    page.wait_for_url(f"{app_url}/teams/?sort=arr-per-person")
    expect(rows.first).to_have_id("team-datalab")
    assert rows.last.get_attribute("id") not in {"team-bolt", "team-cognition", "team-datalab"}
    # A keyboard user keeps the focus on the header they pressed.
    page.focus("#sort-users")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{app_url}/teams/?sort=-users")
    expect(rows.first).to_have_id("team-gamma")  # 50,000,000 users
    expect(page.locator("#sort-users")).to_be_focused()
    page.go_back()
    page.wait_for_url(f"{app_url}/teams/?sort=arr-per-person")
    expect(rows.first).to_have_id("team-datalab")
    page.reload()
    expect(rows.first).to_have_id("team-datalab")
    assert page.csp_violations == []
