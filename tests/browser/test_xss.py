"""In Chromium, content made of the XSS corpus opens no dialog and runs no script."""

import re

from tests.app_server import Session
from tests.browser.conftest import EDITOR
from tests.security.xss_payloads import PAYLOADS

LIVE = "/sections/tech-and-product/"
PRINCIPLE = "simple-governance-model"


def test_no_payload_runs_in_the_browser(app_url, page):
    editor = Session(app_url)
    editor.sign_in(*EDITOR)
    _, _, section_page = editor.request(LIVE)
    for payload in PAYLOADS:
        status, _, _ = editor.post_htmx(f"{LIVE}updates/", {"body": payload})
        assert status == 200
    _, _, form = editor.request(f"/principles/{PRINCIPLE}/edit/", headers={"HX-Request": "true"})
    version = re.search(r'name="version" value="(\d+)"', form).group(1)
    status, _, _ = editor.post_htmx(
        f"/principles/{PRINCIPLE}/edit/",
        {
            "title": PAYLOADS[0],
            "summary": "\n\n".join(PAYLOADS),
            "responsible_ai": "\n\n".join(PAYLOADS),
            "version": version,
        },
    )
    assert status == 200

    reader = Session(app_url)
    _, _, start_page = reader.request("/governance/responsible-ai-development/start/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', start_page).group(1)
    status, _, started = reader.request(  # follows the redirect to the new assessment
        "/governance/responsible-ai-development/start/",
        {"subject": PAYLOADS[8], "csrfmiddlewaretoken": token},
        headers={"Referer": app_url},
    )
    assert status == 200
    assessment = re.search(r"/governance/assessments/[0-9a-f-]+/", started).group(0)

    assert PAYLOADS[8].split()[0].lstrip("<") in started  # the subject, shown as text

    urls = [LIVE, f"/principles/{PRINCIPLE}/", "/principles/", "/changes/", "/", assessment]
    for url in urls:
        page.goto(app_url + url)
        page.wait_for_timeout(300)
        assert page.evaluate("window.__xss") is None, url
    assert page.dialogs == []
