"""An assessment that saves itself, in a real browser at desktop and phone widths: each
answer saved as it changes and there after a reload, an error state when the server
refuses (a save from another tab came first), a warning before leaving with an answer
not saved, the whole 25-item checklist by keyboard alone (timed), the same flow with
JavaScript off, complete and reopen, and exports that download under a file name."""

import re
import time

import pytest

from tests.browser.conftest import open_tab

CHECKLIST = "/governance/responsible-ai-development/"
ASSESSMENT = re.compile(r".*/governance/assessments/[0-9a-f-]{36}/$")
WIDTHS = [1280, 390]


def start(page, app_url, subject):
    page.goto(f"{app_url}{CHECKLIST}")
    if not page.evaluate("!!window.htmx"):  # without JavaScript: the link to the form
        page.click("#start-forms a")
    page.fill("#id_subject", subject)
    page.click("#start-form button[type=submit]")
    page.wait_for_url(ASSESSMENT)
    return page.url


def saved(page, key):
    page.locator(f"#item-{key} .save-state[data-kind=saved]").wait_for(timeout=5000)


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", WIDTHS)
def test_each_change_saves_itself_and_is_there_after_a_reload(browser, app_url, width):
    page = open_tab(browser)
    try:
        page.set_viewport_size({"width": width, "height": 800})
        start(page, app_url, f"자동 저장 {width}")
        key = "model-cards"
        row = page.locator(f"#item-{key}")
        row.locator("input[value=partial]").check()
        saved(page, key)
        assert row.locator(".save-state").inner_text() == "저장됨"
        row.locator(f"#{key}-note").fill("카드 초안이 있습니다")
        assert row.locator(".save-state").get_attribute("data-kind") == "unsaved"
        saved(page, key)
        row.locator(f"#{key}-evidence").fill("https://example.org/cards")
        row.locator(f"#{key}-note").focus()  # leaving the field sends it at once
        saved(page, key)

        # The results bar stays in view while the reader works down the page.
        page.locator("#item-continuous-monitoring").scroll_into_view_if_needed()
        top = page.evaluate("document.getElementById('progress').getBoundingClientRect().top")
        assert 0 <= top < 5
        assert "1" in page.locator("#progress label").inner_text()
        assert no_sideways_scroll(page)

        page.reload()
        assert page.dialogs == []  # everything was saved: no question on leaving
        row = page.locator(f"#item-{key}")
        assert row.locator("input[value=partial]").is_checked()
        assert row.locator(f"#{key}-note").input_value() == "카드 초안이 있습니다"
        assert row.locator(f"#{key}-evidence").input_value() == "https://example.org/cards"
        assert row.locator(".guidance").is_visible()  # each item's guidance beside it
        assert page.csp_violations == []
    finally:
        page.context.close()


def test_a_save_another_tab_made_first_is_reported_not_overwritten(browser, app_url, page):
    url = start(page, app_url, "두 탭")
    key = "risk-registry"
    second = page.context.new_page()  # the same browser, so the same edit token
    second.goto(url)
    # The first tab saves; the second still shows the item unanswered.
    page.locator(f"#item-{key} input[value=yes]").check()
    saved(page, key)

    row = second.locator(f"#item-{key}")
    row.locator(f"#{key}-note").fill("두 번째 탭의 메모")
    row.locator("input[value=no]").check()
    conflict = second.locator(f"#{key}-conflict")
    conflict.wait_for(timeout=5000)
    assert row.locator(".save-state").get_attribute("data-kind") == "error"
    assert "예" in conflict.inner_text()  # what the other tab saved
    assert row.locator(f"#{key}-note").input_value() == "두 번째 탭의 메모"  # kept

    page.reload()  # the first tab's answer is the saved one
    assert page.locator(f"#item-{key} input[value=yes]").is_checked()

    conflict.locator("button[name=replace]").click()  # the reader keeps theirs, knowingly
    saved(second, key)
    assert second.locator(f"#{key}-conflict").count() == 0
    page.reload()
    assert page.locator(f"#item-{key} input[value=no]").is_checked()
    assert page.locator(f"#{key}-note").input_value() == "두 번째 탭의 메모"
    second.close()


def test_a_refused_save_says_so_and_leaving_then_asks_first(browser, app_url, page):
    start(page, app_url, "거절된 저장")
    key = "ai-audit"
    # The edit token is gone from this browser (as when a new edit link was made
    # elsewhere): the server refuses the save with 403.
    page.context.clear_cookies()
    page.locator(f"#item-{key} input[value=yes]").check()
    state = page.locator(f"#item-{key} .save-state[data-kind=error]")
    state.wait_for(timeout=5000)
    assert "저장하지 못했습니다" in state.inner_text()

    with page.expect_event("dialog") as asked:
        page.close(run_before_unload=True)  # the answer is not saved: the browser asks
    assert asked.value.type == "beforeunload"


def test_the_whole_checklist_by_keyboard_alone(browser, app_url, capsys):
    """Start, answer all 25 items (every kind of answer) and mark complete without the
    mouse; the test prints how long it took."""
    page = open_tab(browser)
    try:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(f"{app_url}{CHECKLIST}")
        while page.evaluate("document.activeElement.id") != "id_subject":
            page.keyboard.press("Tab")
        page.keyboard.type("키보드로만 평가")
        page.keyboard.press("Enter")
        page.wait_for_url(ASSESSMENT)
        began = time.perf_counter()
        keys = 0
        answered = 0
        # yes, partly, no, not applicable: Space picks the first, arrows the others.
        moves = [[" "], ["ArrowRight"], ["ArrowRight", "ArrowRight"], ["ArrowLeft"]]
        while answered < 25 and keys < 2000:
            page.keyboard.press("Tab")
            keys += 1
            focused = page.evaluate(
                "(() => { const e = document.activeElement;"
                " return e && e.name === 'status' && !e.form.querySelector(':checked')"
                " ? e.form.action : null })()"
            )
            if not focused:
                continue
            for key in moves[answered % 4]:
                page.keyboard.press(key)
                keys += 1
            if answered % 4 == 3:  # not applicable: say why, in the box that appeared
                page.keyboard.press("Tab")
                page.keyboard.type("이 시스템에는 해당하지 않습니다")
                keys += 2
            answered += 1
        assert answered == 25
        page.locator("#progress-bar[value='25']").wait_for(timeout=10000)
        page.wait_for_function(
            "!document.querySelector('.save-state[data-kind=saving], "
            ".save-state[data-kind=unsaved], .save-state[data-kind=error]')"
        )
        while page.evaluate("document.activeElement.closest('#complete') === null"):
            page.keyboard.press("Tab")
            keys += 1
            assert keys < 3000
        page.keyboard.press("Enter")
        page.locator("#reopen").wait_for(timeout=10000)
        elapsed = time.perf_counter() - began
        assert page.locator(".badge--done").count() >= 1
        assert page.locator("[data-answer-form]").count() == 0  # locked
        assert page.dialogs == [] and page.csp_violations == []
        with capsys.disabled():
            print(f"\n25-item assessment by keyboard alone: {elapsed:.1f} s, {keys} key presses")
    finally:
        page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_without_javascript_every_step_works_with_save_buttons(browser, app_url, width):
    context = browser.new_context(
        locale="ko-KR", java_script_enabled=False, viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    try:
        start(page, app_url, f"자바스크립트 없이 {width}")
        key = "impact-assessments"
        row = page.locator(f"#item-{key}")
        button = row.locator(".save-button")
        assert button.is_visible()
        reason = row.locator(f"#{key}-justification")
        assert not reason.is_visible()
        row.locator("input[value=na]").check()
        assert reason.is_visible()  # CSS alone shows the box
        button.click()  # without a reason: the page again, with the message
        assert page.locator(f"#{key}-justification-error").is_visible()
        page.locator(f"#{key}-justification").fill("영향 평가 대상이 아닙니다")
        page.locator(f"#item-{key} .save-button").click()
        page.wait_for_url(re.compile(rf".*/assessments/[0-9a-f-]{{36}}/#item-{key}$"))
        assert page.locator(f"#item-{key} input[value=na]").is_checked()
        assert no_sideways_scroll(page)

        page.locator("#complete button").click()  # refused: required items are open
        assert "/complete/" not in page.url and "complete=refused" in page.url
        assert page.locator("#complete [role=alert]").is_visible()
    finally:
        context.close()


def test_complete_and_reopen_land_on_the_page_not_on_a_post_address(browser, app_url, page):
    start(page, app_url, "완료와 다시 열기")
    keys = page.eval_on_selector_all(
        "[data-answer-form]", "forms => forms.map(f => f.closest('li').id.slice(5))"
    )
    assert len(keys) == 25
    for key in keys:
        page.locator(f"#item-{key} input[value=yes]").check()
        saved(page, key)
    page.locator("#complete button").click()
    page.wait_for_url(re.compile(r".*/assessments/[0-9a-f-]{36}/#results$"))
    assert page.locator("[data-answer-form]").count() == 0
    assert page.locator(".answer-status").first.inner_text() == "예"
    page.reload()  # a GET page: reloading posts nothing again
    assert page.dialogs == []
    page.locator("#locked-notice button").click()
    page.wait_for_url(re.compile(r".*/assessments/[0-9a-f-]{36}/#results$"))
    assert page.locator("[data-answer-form]").count() == 25
    assert page.locator(f"#item-{keys[0]} input[value=yes]").is_checked()


def test_exports_download_under_a_file_name(app_url, page):
    start(page, app_url, "내보내기 시험")
    for extension in ["md", "csv", "json"]:
        with page.expect_download() as download:
            page.locator(f".exports a[href$='export.{extension}']").click()
        assert download.value.suggested_filename == f"내보내기-시험.{extension}"


def test_the_private_link_has_a_copy_button(browser, app_url):
    context = browser.new_context(locale="ko-KR")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    page = context.new_page()
    try:
        start(page, app_url, "링크 복사")
        link = page.locator("#edit-link-url").input_value()
        page.locator("[data-copy-from=edit-link-url]").click()
        assert page.evaluate("navigator.clipboard.readText()") == link
        assert "안전한 곳에" in page.locator("#edit-link").inner_text()
    finally:
        context.close()
