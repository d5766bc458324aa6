"""The API's docs page: Swagger UI from our own static files, under the site's CSP, and
its "Try it out" answering from the API."""

import pytest

pytestmark = pytest.mark.smoke


def test_api_docs_render_from_our_own_files_under_the_csp(page, app_url, tmp_path):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    response = page.goto(f"{app_url}/api/v1/docs")
    csp = response.headers["content-security-policy"]
    assert "unsafe-inline" not in csp and "script-src 'self'" in csp
    page.wait_for_selector(".opblock-summary-path", timeout=15000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/v1/principles/" in path for path in paths)
    page.screenshot(path=str(tmp_path / "api-docs.png"))
    outside = [url for url in requested if not url.startswith(app_url)]
    assert outside == [], "the docs page loaded something from another site"
    assert page.csp_violations == []

    # Try it out: the page asks the API and shows its answer.
    page.locator(".opblock-summary-path", has_text="/api/v1/teams/").first.click()
    page.get_by_role("button", name="Try it out").first.click()
    page.get_by_role("button", name="Execute").first.click()
    status = page.locator(".live-responses-table tbody .response-col_status").first
    status.wait_for(timeout=15000)
    assert "200" in status.inner_text()
    assert page.csp_violations == []
