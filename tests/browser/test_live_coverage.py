"""A reader's open live page follows the pinned update and learns that the coverage ended,
after which it asks the server nothing more."""

import time

LIVE = "/sections/tech-and-product/"


def test_pin_unpin_and_the_end_of_the_coverage_reach_an_open_page(app_url, page, editor_page):
    page.goto(app_url + LIVE)
    editor_page.goto(app_url + LIVE)
    editor_page.fill("#id_post_body", "고정할 소식: 브라우저 시험")
    editor_page.click("#post-form button[type=submit]")
    posted = editor_page.locator("#live-updates > li", has_text="고정할 소식")
    posted.wait_for()
    posted.locator("form[action$='/pin/'] button").click()
    editor_page.locator("#pinned details", has_text="고정할 소식").wait_for()

    page.locator("#pinned details", has_text="고정할 소식").wait_for(timeout=15_000)
    editor_page.locator("#pinned form button").click()
    page.locator("#pinned details").wait_for(state="detached", timeout=15_000)

    polls = []
    page.on("request", lambda r: "/changes?since=" in r.url and polls.append(time.monotonic()))
    try:
        editor_page.click(".coverage-end summary")
        editor_page.fill("#coverage-summary", "오늘 중계는 **여기까지**")
        editor_page.click(".coverage-end button[type=submit]")
        editor_page.locator(".coverage-ended").wait_for()

        page.locator(".coverage-ended strong", has_text="여기까지").wait_for(timeout=15_000)
        ended = time.monotonic()
        page.wait_for_timeout(8_000)  # four poll intervals of this test server
        assert [t for t in polls if t > ended + 1] == []
        assert page.csp_violations == [] and editor_page.csp_violations == []
    finally:
        editor_page.goto(app_url + LIVE)
        reopen = editor_page.locator("form[action$='/coverage/reopen/'] button")
        if reopen.count():
            reopen.click()


def test_the_compose_box_keeps_a_draft_and_posts_with_ctrl_enter(app_url, editor_page):
    editor_page.goto(app_url + LIVE)
    editor_page.fill("#id_post_body", "초안: 새로고침해도 남는 글")
    editor_page.reload()
    assert editor_page.locator("#id_post_body").input_value() == "초안: 새로고침해도 남는 글"

    editor_page.locator("#id_post_body").press("Control+Enter")
    editor_page.locator("#live-updates > li", has_text="새로고침해도 남는 글").wait_for()
    editor_page.reload()
    assert editor_page.locator("#id_post_body").input_value() == ""  # the draft was sent
    assert editor_page.csp_violations == []
