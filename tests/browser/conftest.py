"""Browser tests: Playwright driving Debian's Chromium against the app served by gunicorn
from its own PostgreSQL database, loaded the way an operator loads it."""

import os
import shutil

import pytest

from tests.app_server import loaded_app, serving

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
EDITOR = ("minji", "a-long-browser-password-7")


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    """(base URL, environment) of a running app with the playbook and one editor account;
    the environment runs `manage.py` commands against the same database."""
    with (
        loaded_app(
            tmp_path_factory.mktemp("browser"),
            "browser",
            editor=EDITOR,
            PLAYBOOK_LIVE_POLL_SECONDS="2",  # readers ask every 2 s instead of 10
        ) as env,
        serving(env) as base,
    ):
        yield base, env


@pytest.fixture(scope="session")
def app_url(app):
    """The base URL of a running app with the playbook and one editor account."""
    return app[0]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail("Chromium is missing: `apt-get install chromium` (make test does it as root)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
        )
        yield browser
        browser.close()


def open_tab(browser, accept_dialogs=False):
    """A Korean-speaking person's tab that records CSP violations and dialogs."""
    context = browser.new_context(locale="ko-KR")
    page = context.new_page()
    page.csp_violations = []
    page.dialogs = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and page.csp_violations.append(message.text)
        ),
    )

    def answer(dialog):
        page.dialogs.append(dialog.message)
        dialog.accept() if accept_dialogs else dialog.dismiss()

    page.on("dialog", answer)
    return page


@pytest.fixture
def page(browser):
    page = open_tab(browser)
    yield page
    page.context.close()


@pytest.fixture
def editor_page(browser, app_url):
    """A tab signed in as the editor; it accepts confirmation dialogs."""
    page = open_tab(browser, accept_dialogs=True)
    page.goto(f"{app_url}/admin/login/")
    page.fill("#id_username", EDITOR[0])
    page.fill("#id_password", EDITOR[1])
    page.click("input[type=submit]")
    yield page
    page.context.close()
