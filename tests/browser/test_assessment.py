"""A reader runs an assessment in a real browser: answers save in place with HTMX."""

import re


def test_answering_an_item_moves_the_progress_bar_without_a_reload(app_url, page):
    page.goto(f"{app_url}/governance/responsible-ai-development/")
    page.fill("#id_subject", "브라우저 시험 시스템")
    page.click("#start-form button[type=submit]")
    page.wait_for_url(re.compile(r".*/governance/assessments/[0-9a-f-]{36}/$"))
    assert "/claim/#" in page.locator("#edit-link-url").input_value()  # shown once

    progress = page.locator("#progress-bar")
    assert progress.get_attribute("value") == "0"
    page.evaluate("window.notReloaded = true")  # lost if the page were loaded again

    row = page.locator("#item-ethical-review-every-stage")
    assert not row.locator(".save-button").is_visible()  # it saves by itself
    row.locator("input[value=yes]").check()
    page.locator("#progress-bar[value='1']").wait_for(timeout=5000)
    assert page.evaluate("window.notReloaded") is True
    assert page.locator("#total-score").inner_text() == "6%"  # weight 3 of 54
    assert page.locator("#bar-score").inner_text() == "6%"
    assert page.locator(".section-score").first.inner_text() == "33%"  # 3 of 9
    assert row.locator("input[value=yes]").is_checked()

    # n/a: the box for the reason appears, and the answer waits for it.
    other = page.locator("#item-ethics-code-culture-deck")
    reason = other.locator("#ethics-code-culture-deck-justification")
    assert not reason.is_visible()
    other.locator("#ethics-code-culture-deck-note").fill("아직 정리 중")
    other.locator("input[value=na]").check()
    assert reason.is_visible()
    page.wait_for_timeout(1200)  # past the typing pause: nothing was sent without a reason
    assert progress.get_attribute("value") == "1"
    assert other.locator(".save-state").get_attribute("data-kind") == "unsaved"
    assert other.locator("#ethics-code-culture-deck-note").input_value() == "아직 정리 중"

    reason.fill("사람을 평가하지 않습니다")
    page.locator("#progress-bar[value='2']").wait_for(timeout=5000)
    assert other.locator(".save-state[data-kind=saved]").count() == 1
    assert page.evaluate("window.notReloaded") is True
    assert page.csp_violations == []
    assert page.dialogs == []


def test_the_edit_link_opens_the_assessment_in_another_browser(app_url, browser, page):
    from tests.browser.conftest import open_tab

    page.goto(f"{app_url}/governance/responsible-ai-development/")
    page.fill("#id_subject", "다른 브라우저에서 열기")
    page.click("#start-form button[type=submit]")
    page.wait_for_url(re.compile(r".*/governance/assessments/[0-9a-f-]{36}/$"))
    link = page.locator("#edit-link-url").input_value()
    assessment_url = link.split("claim/#", 1)[0]

    other = open_tab(browser)
    try:
        requests = []
        other.on("request", lambda request: requests.append(request.url))
        other.goto(link)
        other.wait_for_url(assessment_url)
        assert other.locator("#sharing").count() == 1  # it may edit
        code = link.split("#", 1)[1]
        assert not [url for url in requests if code in url]  # no URL ever carried the code
        history = other.evaluate("window.location.href")
        assert code not in history
        assert other.csp_violations == []
    finally:
        other.context.close()
