"""A reader who chose "oldest first, key events only" keeps that view while updates
arrive: a key event joins the end of the list, an ordinary update does not appear."""

from tests.browser.conftest import open_tab

LIVE = "/sections/tech-and-product/"


def post(editor_page, text, key_event=False):
    editor_page.fill("#id_post_body", text)
    if key_event:
        editor_page.check("#post-form input[name=is_key_event]")
    editor_page.click("#post-form button[type=submit]")
    editor_page.locator("#live-updates > li", has_text=text).wait_for()


def test_a_reader_keeps_oldest_first_key_events_only_as_updates_arrive(
    app_url, browser, page, editor_page
):
    page.goto(app_url + LIVE + "?order=oldest&show=key")
    everything = open_tab(browser)  # a second reader with the default view
    everything.goto(app_url + LIVE)
    try:
        assert page.locator(".reading-controls a[aria-current]").count() == 2
        editor_page.goto(app_url + LIVE)
        post(editor_page, "보기 시험: 평범한 소식")
        post(editor_page, "보기 시험: 핵심 사건", key_event=True)

        page.locator("#live-updates > li", has_text="핵심 사건").wait_for(timeout=20_000)
        last = page.locator("#live-updates > li").last
        assert "핵심 사건" in last.inner_text()  # oldest first: the newest at the end
        everything.locator("#live-updates > li", has_text="평범한 소식").wait_for(timeout=20_000)
        page.wait_for_timeout(3_000)  # a poll later, the ordinary update is still not shown
        assert page.locator("#live-updates > li", has_text="평범한 소식").count() == 0
        assert page.locator("#live-updates > li", has_text="핵심 사건").count() == 1
        assert page.csp_violations == []
    finally:
        everything.context.close()


def test_the_view_links_work_without_javascript(app_url, browser):
    context = browser.new_context(locale="ko-KR", java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(app_url + LIVE)
        tab.set_viewport_size({"width": 390, "height": 800})
        tab.click(".reading-controls a[href*='order=oldest']")
        assert "order=oldest" in tab.url
        tab.click(".reading-controls a[href*='show=key']")
        assert "order=oldest" in tab.url and "show=key" in tab.url
        assert tab.locator(".reading-controls a[aria-current]").count() == 2
        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= 390  # nothing scrolls sideways on a phone
    finally:
        context.close()
