"""Browser tests: Playwright driving Debian's Chromium against the app served by gunicorn
from its own PostgreSQL database, loaded the way an operator loads it."""

import os
import shutil

import dj_database_url
import psycopg
import pytest

from tests.app_server import app_env, manage, serving

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
EDITOR = ("minji", "a-long-browser-password-7")


def _admin_connection():
    config = dj_database_url.parse(
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/playbook")
    )
    return config, psycopg.connect(
        dbname="postgres",
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        autocommit=True,
    )


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """The base URL of a running app with the playbook and one editor account."""
    config, admin = _admin_connection()
    # Named after the main database, so that checkouts testing side by side never share it.
    browser_db = f"test_{config['NAME']}_browser"
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{browser_db}" WITH (FORCE)')
        admin.execute(f"CREATE DATABASE \"{browser_db}\" TEMPLATE template0 ENCODING 'UTF8'")
    database_url = "postgres://{user}{password}@{host}:{port}/{name}".format(
        user=config["USER"] or "",
        password=f":{config['PASSWORD']}" if config["PASSWORD"] else "",
        host=config["HOST"] or "127.0.0.1",
        port=config["PORT"] or 5432,
        name=browser_db,
    )
    env = app_env(
        tmp_path_factory.mktemp("browser"),
        DATABASE_URL=database_url,
        PLAYBOOK_EDITOR_PASSWORD=EDITOR[1],
        PLAYBOOK_LIVE_POLL_SECONDS="2",  # readers ask every 2 s instead of 10
    )
    manage(env, "migrate", "--noinput")
    manage(env, "load_playbook")
    manage(env, "createeditor", EDITOR[0])
    with serving(env) as base:
        yield base
    _, admin = _admin_connection()
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{browser_db}" WITH (FORCE)')


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
