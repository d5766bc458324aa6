from tests.browser.conftest import EDITOR


def test_reader_switches_the_interface_language(app_url, page):
    page.goto(f"{app_url}/teams/")
    assert page.locator("h1").inner_text() == "팀"
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{app_url}/teams/")
    assert page.locator("h1").inner_text() == "Teams"
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="한국어").click()
    assert page.locator("h1").inner_text() == "팀"
    assert page.csp_violations == []


def test_keyboard_users_can_skip_to_the_content(app_url, page):
    page.goto(app_url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "본문으로 건너뛰기"
    box = page.locator(".skip-link").bounding_box()
    assert box is not None and box["x"] >= 0  # moved into view once focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_editor_sees_a_live_markdown_preview_in_the_admin(app_url, page):
    page.goto(f"{app_url}/admin/login/")
    page.fill("#id_username", EDITOR[0])
    page.fill("#id_password", EDITOR[1])
    page.click("input[type=submit]")
    page.goto(f"{app_url}/admin/playbook/principle/?q=Work+Trials")
    page.get_by_role("link", name="업무 평가").click()

    # Korean and English side by side, each with its own preview.
    preview = page.locator('[data-preview-for="id_summary_ko"]')
    assert "4일" in preview.inner_text()  # the saved rendering, shown at once
    english = page.locator('[data-preview-for="id_summary_en"]')
    assert "four days" in english.inner_text()
    page.fill("#id_summary_ko", "*기울임* 그리고 <img src=x onerror=alert(1)>")
    preview.locator("em", has_text="기울임").wait_for(timeout=5000)
    assert "onerror" not in preview.inner_html()
    page.fill("#id_summary_en", "*slanted*")
    english.locator("em", has_text="slanted").wait_for(timeout=5000)
    assert page.dialogs == []
    assert page.csp_violations == []
