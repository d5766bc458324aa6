"""The private edit token never reaches the server in a URL, so the access log of a real
gunicorn (config/gunicorn.py logs every path and query) never holds it (issue 11,
finding 5)."""

import html
import re

import pytest

from tests.app_server import Session, loaded_app, serving

pytestmark = pytest.mark.smoke

CHECKLIST = "/governance/responsible-ai-development/"


def form_token(page):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def test_starting_and_claiming_an_assessment_logs_no_token(tmp_path):
    log = []
    with (
        loaded_app(tmp_path, "token_log") as env,
        serving(env, config_file="config/gunicorn.py", log=log) as base,
    ):
        owner = Session(base)
        page = owner.request(CHECKLIST + "start/")[2]  # the start form, with its CSRF token
        status, _, page = owner.request(
            CHECKLIST + "start/", {"subject": "로그 시험", "csrfmiddlewaretoken": form_token(page)}
        )
        assert status == 200  # followed the redirect to the assessment
        link = html.unescape(re.search(r'id="edit-link-url"[^>]*value="([^"]+)"', page).group(1))
        other = Session(base)
        if "#" not in link:  # an edit link with the token in its path (as before issue 11)
            token = link.rstrip("/").rsplit("/", 1)[1]
            status, _, page = other.request(link.removeprefix(base))
        else:
            path, token = link.removeprefix(base).split("#", 1)
            claim_page = other.request(path)[2]
            status, _, page = other.request(
                path, {"token": token, "csrfmiddlewaretoken": form_token(claim_page)}
            )
        assert len(token) >= 40
        assert status == 200 and 'id="sharing"' in page  # the other browser may edit
    access_log = "".join(log)
    assert '"path": "/governance/assessments/' in access_log  # the log does record paths
    assert token not in access_log
