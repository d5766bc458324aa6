"""Readers name a dilemma in a real browser: with JavaScript (the form loads in place, on a
390 px phone, with the keyboard) and without (plain POST); an editor moderates it in the
admin; then everyone sees it, and the featured one wears the sticker."""

import re

from tests.browser.conftest import open_tab

PRINCIPLE = "/principles/work-trials/"
WAIT_FOR_THE_TIMESTAMP_MS = 3300  # the form refuses what is sent within 3 s


def wait_for_focus(page, element_id, seconds=5):
    """Polls from here: the page's CSP forbids the eval behind wait_for_function."""
    for _ in range(int(seconds * 20)):
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
        page.wait_for_timeout(50)
    assert page.evaluate("document.activeElement && document.activeElement.id") == element_id


def phone_tab(browser, javascript=True):
    context = browser.new_context(
        locale="ko-KR", viewport={"width": 390, "height": 844}, java_script_enabled=javascript
    )
    return context.new_page()


def test_with_javascript_on_a_phone_with_the_keyboard_then_moderated(browser, app_url, editor_page):
    page = phone_tab(browser)
    page.csp = []
    page.on("console", lambda m: "Content Security Policy" in m.text and page.csp.append(m.text))
    page.goto(f"{app_url}{PRINCIPLE}")
    page.evaluate("window.notReloaded = true")
    opener = page.locator("#dilemma-form-box a", has_text="딜레마 제안하기")
    opener.focus()
    page.keyboard.press("Enter")
    page.locator("#dilemma-form").wait_for(timeout=5000)
    wait_for_focus(page, "id_text")  # followed
    assert page.evaluate("window.notReloaded") is True

    # Sent at once and empty: refused in place, the message shown, the field marked.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the name, onto the button (the honeypot takes no focus)
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    page.locator("#id_text[aria-invalid='true']").wait_for(timeout=5000)
    assert "먼저 딜레마를 적어 주세요." in page.locator("#dilemma-form-box").inner_text()
    wait_for_focus(page, "id_text")

    page.keyboard.type("작은 팀이 고객 대화 기록으로 모델을 학습해도 될까요? 동의는 어떻게 받죠?")
    page.keyboard.press("Tab")
    page.keyboard.type("브라우저 독자")
    page.wait_for_timeout(WAIT_FOR_THE_TIMESTAMP_MS)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    received = page.locator("#dilemma-received")
    received.wait_for(timeout=5000)
    wait_for_focus(page, "dilemma-received")
    assert "고객 대화 기록" in page.locator(".own-pending").inner_text()
    assert page.evaluate("window.notReloaded") is True
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    # Back on the page later, this browser still sees its own pending dilemma…
    page.goto(f"{app_url}{PRINCIPLE}")
    page.locator(".own-pending").wait_for(timeout=5000)
    # …and another reader does not, anywhere.
    stranger = open_tab(browser)
    stranger.goto(f"{app_url}{PRINCIPLE}")
    assert "고객 대화 기록" not in stranger.content()
    stranger.goto(f"{app_url}/dilemmas/")
    assert "고객 대화 기록" not in stranger.content()

    # The editor finds it in the queue and approves it.
    editor_page.goto(f"{app_url}/admin/")
    assert "검토를 기다리는 딜레마" in editor_page.locator("#pending-dilemmas").inner_text()
    editor_page.click("#pending-dilemmas a")
    row = editor_page.locator("#result_list tr", has_text="고객 대화 기록")
    row.locator("input[name=_selected_action]").check()
    editor_page.select_option("select[name=action]", "approve")
    editor_page.click("button[name=index]")
    editor_page.wait_for_url(re.compile(r".*/admin/discussions/dilemma/.*"))

    stranger.goto(f"{app_url}{PRINCIPLE}")
    assert "고객 대화 기록" in stranger.locator("#dilemmas").inner_text()
    assert stranger.locator("#dilemmas .badge--sticker").count() == 0

    # Featured: the sticker, on the list and on the home page.
    editor_page.goto(f"{app_url}/admin/discussions/dilemma/?status=approved")
    row = editor_page.locator("#result_list tr", has_text="고객 대화 기록")
    row.locator("input[name=_selected_action]").check()
    editor_page.select_option("select[name=action]", "feature")
    editor_page.click("button[name=index]")
    editor_page.wait_for_url(re.compile(r".*/admin/discussions/dilemma/.*"))
    stranger.goto(f"{app_url}/dilemmas/")
    featured = stranger.locator(".dilemma--featured", has_text="고객 대화 기록")
    assert "스티커" in featured.locator(".badge--sticker").inner_text()
    stranger.goto(f"{app_url}/")
    assert "고객 대화 기록" in stranger.content()
    assert page.csp == [] and stranger.csp_violations == [] and editor_page.csp_violations == []
    stranger.context.close()
    page.context.close()


def test_without_javascript_the_link_leads_to_a_form_that_posts(browser, app_url):
    page = phone_tab(browser, javascript=False)
    page.goto(f"{app_url}/teams/gamma/")
    page.click("#dilemma-form-box a")
    page.wait_for_url(
        re.compile(r".*/dilemmas/new/\?about=team%3A\d+$|.*/dilemmas/new/\?about=team:\d+$")
    )
    page.fill("#id_text", "자바스크립트 없이 보낸 딜레마: 채용 평가에 AI를 써도 될까요?")
    page.wait_for_timeout(WAIT_FOR_THE_TIMESTAMP_MS)
    page.click("#dilemma-form button[type=submit]")
    page.wait_for_url(re.compile(r".*sent=1$"))
    assert "접수했습니다" in page.locator("#dilemma-received").inner_text()
    assert "자바스크립트 없이 보낸 딜레마" in page.locator(".own-pending").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.goto(f"{app_url}/teams/gamma/")
    assert "자바스크립트 없이 보낸 딜레마" not in page.content()
    page.context.close()
