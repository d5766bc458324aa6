"""An editor and a reader on the same live section, in two browser contexts."""

import time

LIVE = "/sections/tech-and-product/"


def test_reader_sees_a_new_update_and_its_retraction_without_reloading(app_url, page, editor_page):
    page.goto(app_url + LIVE)
    page.evaluate("window.loadedOnce = true")  # gone if the page reloads

    editor_page.goto(app_url + LIVE)
    editor_page.fill("#id_post_body", "**키노트** 시작: 브라우저 테스트")
    editor_page.click("[data-preview-button]")
    editor_page.locator("#post-preview strong", has_text="키노트").wait_for()
    editor_page.click("#post-form button[type=submit]")
    posted = editor_page.locator("#live-updates > li", has_text="브라우저 테스트")
    posted.wait_for()
    assert editor_page.locator("#id_post_body").input_value() == ""  # a fresh form

    started = time.monotonic()
    seen = page.locator("#live-updates > li", has_text="브라우저 테스트")
    seen.wait_for(timeout=15_000)
    assert time.monotonic() - started < 15
    assert seen.locator("strong").inner_text() == "키노트"
    assert page.evaluate("window.loadedOnce") is True

    posted.locator("button.danger").click()  # retract; the dialog is accepted
    editor_page.locator("#live-updates > li.update--retracted").wait_for()
    page.locator("#live-updates > li.update--retracted", has_text="브라우저 테스트").wait_for(
        timeout=15_000
    )
    assert page.locator("#live-updates > li", has_text="브라우저 테스트").count() == 1
    assert page.evaluate("window.loadedOnce") is True
    assert page.csp_violations == [] and editor_page.csp_violations == []


def test_a_reader_who_scrolled_down_gets_a_bar_instead_of_a_jump(app_url, page, editor_page):
    page.set_viewport_size({"width": 1000, "height": 500})
    page.goto(app_url + LIVE)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    anchor = page.locator(".section-principles li.principle").last
    before = anchor.bounding_box()["y"]

    editor_page.goto(app_url + LIVE)
    editor_page.fill("#id_post_body", "스크롤한 독자를 위한 소식")
    editor_page.click("#post-form button[type=submit]")

    bar = page.locator("[data-new-updates-bar] button")
    bar.wait_for(timeout=15_000)
    assert "1" in bar.inner_text()
    assert page.locator("#live-updates > li", has_text="스크롤한 독자").count() == 0
    assert abs(anchor.bounding_box()["y"] - before) < 2  # nothing moved under the reader
    assert bar.is_visible()
    bar.click()
    page.locator("#live-updates > li", has_text="스크롤한 독자").wait_for()
    assert page.locator("[data-new-updates-bar]").is_hidden()


def test_editor_edits_a_principle_in_place(app_url, editor_page, page):
    editor_page.goto(app_url + LIVE)
    card = editor_page.locator("#principle-simple-product")
    card.locator('a[href="/principles/simple-product/edit/"]').click()
    form = editor_page.locator("#principle-simple-product form")
    form.locator("[name=title]").fill("간단한 제품 (현장 수정)")
    form.locator("button[type=submit]").click()
    editor_page.locator("#principle-simple-product h3", has_text="현장 수정").wait_for()
    page.goto(app_url + LIVE)
    assert "현장 수정" in page.locator("#principle-simple-product h3").inner_text()
