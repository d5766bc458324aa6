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


def test_an_editor_schedules_an_update_that_readers_do_not_see_yet(app_url, page, editor_page):
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    later = datetime.now(ZoneInfo("Asia/Seoul")) + timedelta(hours=2)
    editor_page.goto(app_url + LIVE)
    editor_page.fill("#id_post_body", "두 시간 뒤에 올라갈 소식")
    editor_page.fill("#id_scheduled_for", later.strftime("%Y-%m-%dT%H:%M"))
    editor_page.press("#id_post_body", "Control+Enter")
    scheduled = editor_page.locator("#scheduled-updates li", has_text="두 시간 뒤에")
    scheduled.wait_for()
    assert later.strftime("%H:%M") in scheduled.inner_text()
    assert editor_page.locator("#live-updates > li", has_text="두 시간 뒤에").count() == 0
    assert editor_page.locator("#id_post_body").input_value() == ""  # a fresh form

    page.goto(app_url + LIVE)
    assert "두 시간 뒤에" not in page.content()
    scheduled.locator("button").click()
    scheduled.wait_for(state="detached")
    assert editor_page.csp_violations == []


def test_an_update_with_a_picture_reaches_an_open_reader_page(app_url, page, editor_page, tmp_path):
    from PIL import Image

    photo = tmp_path / "stage.jpg"
    Image.new("RGB", (1200, 800), (30, 90, 160)).save(photo, "JPEG")
    page.goto(app_url + LIVE)
    editor_page.goto(app_url + LIVE)
    editor_page.fill("#id_post_body", "사진과 함께: 무대")
    editor_page.click(".picture-fields summary")
    editor_page.set_input_files("#id_picture", str(photo))
    editor_page.fill("#id_picture_alt", "파란 조명의 무대")
    editor_page.click("#post-form button[type=submit]")
    editor_page.locator("#live-updates > li", has_text="사진과 함께").wait_for()

    shown = page.locator("#live-updates > li", has_text="사진과 함께").locator("img")
    shown.wait_for(timeout=20_000)
    assert shown.get_attribute("alt") == "파란 조명의 무대"
    assert shown.get_attribute("loading") == "lazy" and "480w" in shown.get_attribute("srcset")
    shown.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=shown.element_handle()
    )
    assert page.csp_violations == [] and editor_page.csp_violations == []


def test_a_video_in_an_update_plays_only_when_asked(app_url, page, editor_page):
    video = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    page.goto(app_url + LIVE)
    editor_page.goto(app_url + LIVE)
    post(editor_page, f"영상으로 보기\n\n{video}")
    box = page.locator("#live-updates > li", has_text="영상으로 보기").locator("[data-embed-src]")
    box.wait_for(timeout=20_000)
    assert box.locator("iframe").count() == 0
    box.locator(".video-play").click()  # shown by the script even for an update that arrived later
    frame = box.locator("iframe")
    frame.wait_for()
    assert frame.get_attribute("src").startswith(
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    )


def test_copy_link_puts_the_updates_own_address_on_the_clipboard(app_url, browser, editor_page):
    context = browser.new_context(locale="ko-KR", permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    try:
        editor_page.goto(app_url + LIVE)
        post(editor_page, "주소를 복사할 소식")
        tab.goto(app_url + LIVE)
        item = tab.locator("#live-updates > li", has_text="주소를 복사할 소식")
        button = item.locator("button[data-copy-link]")
        button.click()
        copied = tab.evaluate("navigator.clipboard.readText()")
        assert copied == app_url + item.locator("a.permalink").get_attribute("href")
        assert "/updates/" in copied and button.inner_text() != "링크 복사"
    finally:
        context.close()
