"""Relative times on the live page stay right as time passes, in both languages, with
the absolute time in each <time>'s title; the page itself is the cached one every
reader gets, so the browser does the counting."""

import re

LIVE = "/sections/tech-and-product/"


def test_relative_times_count_on_in_both_languages(app_url, page, editor_page):
    editor_page.goto(app_url + LIVE)
    editor_page.fill("#id_post_body", "상대 시간 시험")
    editor_page.check("#post-form input[name=is_key_event]")
    editor_page.click("#post-form button[type=submit]")
    editor_page.locator("#live-updates > li", has_text="상대 시간 시험").wait_for()

    page.clock.install()
    page.goto(app_url + LIVE)
    update = page.locator("#live-updates > li", has_text="상대 시간 시험").first
    when = update.locator("time[data-relative]")
    assert when.inner_text() in ("지금", "1분 전")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d \S+", when.get_attribute("title"))
    strip = page.locator("nav.key-events time[data-relative]").first
    page.clock.fast_forward("03:00")
    assert when.inner_text() in ("3분 전", "4분 전")
    assert strip.inner_text() == when.inner_text()

    page.goto(app_url + LIVE + "?lang=en")
    english = page.locator("#live-updates > li", has_text="상대 시간 시험").first
    text = english.locator("time[data-relative]").inner_text()
    assert re.fullmatch(r"now|\d+ minutes? ago", text), text
    assert page.csp_violations == []
