import re


def test_results_follow_typing_and_the_address_keeps_up(app_url, page):
    page.goto(f"{app_url}/search/?q=")
    box = page.locator("#site-search-q")
    page.evaluate("window.notReloaded = true")
    box.fill("벤치마크")
    first = page.locator(".search-result__link").first
    first.wait_for(timeout=5000)
    assert first.get_attribute("href") == "/principles/benchmarks/"
    page.wait_for_url(re.compile(r"/search/\?q=%EB%B2%A4%EC%B9%98%EB%A7%88%ED%81%AC"))
    assert page.locator("mark", has_text="벤치마크").count() > 0

    box.fill("Gumloop")
    page.locator('.search-result__link[href="/teams/gumloop/"]').wait_for(timeout=5000)
    page.wait_for_url(re.compile(r"q=Gumloop"))
    assert page.evaluate("window.notReloaded") is True  # swapped in place, no reload

    page.locator('[data-facet="type"][data-value="team"]').click()
    page.wait_for_url(re.compile(r"type=team"))
    page.locator('.search-result[data-kind="team"]').first.wait_for(timeout=5000)
    assert page.locator('.search-result:not([data-kind="team"])').count() == 0
    assert page.evaluate("window.notReloaded") is True
    assert page.csp_violations == []


def test_the_header_box_is_a_plain_form_from_any_page(app_url, page):
    page.goto(f"{app_url}/teams/")
    page.fill("#site-search-q", "채용")
    page.press("#site-search-q", "Enter")
    page.wait_for_url(re.compile(r"/search/\?q=%EC%B1%84%EC%9A%A9"))
    assert page.locator(".search-result__link").count() > 0
    assert page.csp_violations == []
