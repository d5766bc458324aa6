"""Every kind of public page in a real browser, at a desktop width (1280 px) and a phone's
(390 px), in both languages: nothing scrolls sideways, axe finds no serious or critical
problem, drawings keep their text at 12 px or more; and the sections sidebar and the map
work with the keyboard alone (the sidebar also without JavaScript)."""

import json
import re
from pathlib import Path

import pytest

from tests.app_server import manage
from tests.browser.conftest import open_tab

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"desktop": 1280, "phone": 390}
LANGUAGES = ("ko", "en")
SERIOUS = {"serious", "critical"}


@pytest.fixture(scope="module")
def kinds(app):
    """Kind of page → address, from the app's own database (tests/page_kinds.py)."""
    _base, env = app
    output = manage(env, "shell", "-c", "from tests.page_kinds import print_page_kinds as p; p()")
    return json.loads(output.split("PAGE_KINDS ", 1)[1])


def start_assessment(tab, base, kinds) -> str:
    """An assessment started through its form, as a reader starts one: its address. The
    edit token stays with this tab's cookies, so only this tab can open it."""
    tab.goto(base + kinds["assessment start"])
    tab.fill("#start-form input[name=subject]", "화면 점검용 평가")
    tab.click("#start-form [type=submit]")
    tab.wait_for_url(re.compile(r"/governance/assessments/"))
    return tab.url.removeprefix(base)


def axe_problems(page):
    """axe-core's violations of impact serious or critical. Evaluated through the DevTools
    protocol, which the page's Content Security Policy does not govern. It waits for the
    forms htmx brings in (core form slots) to settle: mid-fade, their colours are not
    the ones a reader sees."""
    page.wait_for_load_state("networkidle")
    page.wait_for_function(
        "!document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')"
    )
    page.wait_for_timeout(250)  # the last transition after the classes are gone
    page.evaluate(AXE.read_text(encoding="utf-8"))
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
    )
    return [v for v in found if v["impact"] in SERIOUS]


SMALL_SVG_TEXT = """() => [...document.querySelectorAll('svg text')].filter(t => {
  const box = t.getBoundingClientRect();
  if (!box.width || !t.checkVisibility()) return false;
  const svg = t.ownerSVGElement, view = svg.viewBox.baseVal;
  const scale = view && view.width ? svg.getBoundingClientRect().width / view.width : 1;
  return parseFloat(getComputedStyle(t).fontSize) * scale < 11.95;
}).map(t => t.textContent.trim()).slice(0, 5)"""


# Elements that reach past the right edge, innermost first: what a failure names.
WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > innerWidth + 1 && !e.querySelector('*'))
  .slice(0, 4).map(e => e.tagName.toLowerCase() + '.' + e.className + ': '
  + (e.textContent || '').trim().slice(0, 40))"""


# Our 404 page is not among them: the test app runs with DEBUG on, which shows Django's
# technical 404 instead (tests/pages/test_html_validity.py checks ours).
PAGE_KINDS = [
    "home", "section", "live section", "live update", "event", "principles", "principle",
    "tag", "teams", "team", "talks", "talk", "checklists", "checklist", "checklist item",
    "crosswalk", "assessment start", "assessment", "search", "changes", "map", "dilemmas",
    "dilemma", "dilemma form",
]  # fmt: skip


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_kind_of_page_fits_a_phone_and_passes_axe(browser, app_url, kinds, kind):
    if not AXE.exists():
        pytest.skip(f"axe-core is missing at {AXE}: run `make checkers`")
    problems = []
    tab = open_tab(browser)
    try:
        address = start_assessment(tab, app_url, kinds) if kind == "assessment" else kinds[kind]
        for label, width in WIDTHS.items():
            tab.set_viewport_size({"width": width, "height": 900})
            for code in LANGUAGES:
                url = address + ("&" if "?" in address else "?") + f"lang={code}"
                tab.goto(app_url + url)
                where = f"{kind} ({code}, {label} {width} px)"
                scroll = tab.evaluate("document.documentElement.scrollWidth")
                inner = tab.evaluate("window.innerWidth")
                if scroll > inner:
                    wide = tab.evaluate(WIDEST)
                    problems.append(f"{where}: scrolls sideways ({scroll} > {inner} px): {wide}")
                small = tab.evaluate(SMALL_SVG_TEXT)
                if small:
                    problems.append(f"{where}: drawing text under 12 px: {small}")
                for violation in axe_problems(tab):
                    problems.append(f"{where}: axe {violation}")
        assert not tab.csp_violations, tab.csp_violations
    finally:
        tab.context.close()
    assert problems == [], "\n".join(problems)


def tab_until(page, selector, limit=80):
    """Press Tab until the focused element matches `selector`; its handle, or None."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return page.evaluate_handle("document.activeElement")
    return None


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_the_sidebar_opens_and_leads_on_with_the_keyboard_on_a_phone(
    browser, app_url, kinds, javascript
):
    context = browser.new_context(
        locale="ko-KR", viewport={"width": 390, "height": 800}, java_script_enabled=javascript
    )
    page = context.new_page()
    try:
        page.goto(app_url + kinds["principle"])
        sidebar = page.locator("details.section-nav")
        assert not sidebar.evaluate("d => d.open")  # a closed drawer on a phone
        assert tab_until(page, "details.section-nav > summary") is not None
        page.keyboard.press("Enter")
        assert sidebar.evaluate("d => d.open")
        current = page.locator('.section-nav a[aria-current="page"]')
        assert current.get_attribute("href") == kinds["principle"]
        link = tab_until(page, ".section-nav-principles a:not([aria-current])")
        assert link is not None
        target = link.evaluate("a => a.getAttribute('href')")
        page.keyboard.press("Enter")
        page.wait_for_url(app_url + target)
        marked = page.locator('.section-nav a[aria-current="page"]').get_attribute("href")
        assert marked == target
    finally:
        context.close()


def test_the_sidebar_is_open_beside_the_page_on_a_desktop(browser, app_url, kinds):
    page = open_tab(browser)
    try:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(app_url + kinds["principle"] + "?lang=en")
        sidebar = page.locator("details.section-nav")
        page.wait_for_function("document.querySelector('details.section-nav').open")
        nav_box, main_box = sidebar.bounding_box(), page.locator("main").bounding_box()
        assert nav_box["x"] + nav_box["width"] <= main_box["x"]  # beside, not above
        # The keyboard reaches the current principle's link before the page's content.
        focused = tab_until(page, '.section-nav a[aria-current="page"]')
        assert focused is not None
        # Previous/next at the bottom, by keyboard too.
        following = tab_until(page, '.prev-next a[rel="next"]', limit=400)
        assert following is not None
        target = following.evaluate("a => a.getAttribute('href')")
        page.keyboard.press("Enter")
        page.wait_for_url(app_url + target)
    finally:
        page.context.close()


@pytest.mark.parametrize("width", WIDTHS.values())
def test_map_tiles_are_links_the_keyboard_reaches(browser, app_url, kinds, width):
    page = open_tab(browser)
    try:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(app_url + kinds["map"])
        if width < 640:
            # On a phone the drawing gives way to the list of principles, links as well.
            assert not page.locator("svg.map-svg").is_visible()
            link = tab_until(page, ".map-principle > a")
        else:
            link = tab_until(page, "a.map-tile")
            assert page.evaluate("document.activeElement.getBoundingClientRect().width") > 0
        assert link is not None
        target = link.evaluate("a => a.getAttribute('href')")
        assert target.startswith("/principles/")
        page.keyboard.press("Enter")
        page.wait_for_url(app_url + target)
        assert page.locator("h1").is_visible()
    finally:
        page.context.close()


def test_the_header_is_one_row_on_a_desktop_in_both_languages(browser, app_url):
    page = open_tab(browser)
    try:
        page.set_viewport_size({"width": 1280, "height": 900})
        for code in LANGUAGES:
            page.goto(f"{app_url}/?lang={code}")
            tops = page.evaluate(
                "[...document.querySelectorAll('.header-inner > *')]"
                ".map(e => Math.round(e.getBoundingClientRect().top))"
            )
            assert max(tops) - min(tops) <= 8, (code, tops)
    finally:
        page.context.close()


def test_key_figures_stay_visible_on_a_phone(browser, app_url):
    """The teams table as cards: ARR, ARR per person and the tiny-team mark of every team
    are inside the screen at 390 px."""
    page = open_tab(browser)
    try:
        page.set_viewport_size({"width": 390, "height": 900})
        page.goto(f"{app_url}/teams/")
        cells = page.locator("#teams-table tbody td[data-label]")
        assert cells.count() >= 8 * 6
        offscreen = page.evaluate(
            "[...document.querySelectorAll('#teams-table tbody td')].filter(td => {"
            " const b = td.getBoundingClientRect(); return b.right > innerWidth || b.left < 0 })"
            ".length"
        )
        assert offscreen == 0
        page.goto(f"{app_url}/changes/")
        assert page.evaluate(
            "[...document.querySelectorAll('table.data td')].every(td =>"
            " td.getBoundingClientRect().right <= innerWidth)"
        )
    finally:
        page.context.close()
