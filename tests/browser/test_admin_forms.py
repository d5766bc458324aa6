"""The admin as an editor uses it, in a real browser: every add and change form an editor
can open passes axe (no serious or critical problem) and fits 1280 px; the principle
autocomplete puts the exact title first; a talk linked twice to one principle is refused
with a message on the form, not a 500."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = {"serious", "critical"}


def axe_serious(page):
    """(violation id, number of nodes) of axe-core's serious and critical violations; run
    through the DevTools protocol, which the page's Content Security Policy does not govern."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,"
        " first: v.nodes[0].target.join(' ')}))"
    )
    return [v for v in found if v["impact"] in SERIOUS]


# Boxes inside the talk's principle links that scroll sideways (or are cut off).
WIDE_LINKS = """() => [...document.querySelectorAll('#principle_links-group *')]
  .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX != 'visible')
  .map(e => e.tagName.toLowerCase() + '.' + e.className + '#' + e.id + ' '
  + e.scrollWidth + '>' + e.clientWidth).slice(0, 5)"""


def editor_forms(page, app_url):
    """The add form of every model the editor may add, and the change form of the first
    object of every list the editor may open, from the admin's own index."""
    page.goto(f"{app_url}/admin/")
    adds = page.eval_on_selector_all("a.addlink", "links => links.map(a => a.href)")
    lists = page.eval_on_selector_all(
        "tr[class^=model-] th[scope=row] a", "links => links.map(a => a.href)"
    )
    forms = {url.removeprefix(app_url): url for url in adds}
    for url in lists:
        page.goto(url)
        first = page.locator("#result_list tbody tr th a, #result_list tbody tr td a").first
        if first.count():
            href = first.get_attribute("href")
            forms[re.sub(r"/\d+/change/$", "/<id>/change/", href)] = app_url + href
    return forms


def test_every_editor_form_passes_axe_and_fits(editor_page, app_url, capsys):
    if not AXE.exists():
        pytest.skip(f"axe-core is missing at {AXE}: run `make checkers`")
    page = editor_page
    page.set_viewport_size({"width": 1280, "height": 900})
    forms = editor_forms(page, app_url)
    assert any("/teams/talk/add/" in path for path in forms)
    counts, problems = {}, []
    for path, url in sorted(forms.items()):
        page.goto(url)
        found = axe_serious(page)
        counts[path] = sum(v["nodes"] for v in found)
        problems += [f"{path}: {v['id']} ({v['impact']}) ×{v['nodes']} {v['first']}" for v in found]
        if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
            problems.append(f"{path}: scrolls sideways at 1280 px")
        # The talk's principle links once were a table wider than the page, scrolling
        # inside its own box: they must fit now.
        if "/teams/talk/" in path:
            wide = page.evaluate(WIDE_LINKS)
            if wide:
                problems.append(f"{path}: the principle links scroll sideways: {wide}")
    with capsys.disabled():
        print("\naxe serious/critical nodes per editor admin form (1280 px):")
        for path, count in counts.items():
            print(f"  {count:3d}  {path}")
    assert problems == [], "\n".join(problems)


def test_a_second_link_to_the_same_principle_gets_a_message_not_a_500(editor_page, app_url):
    page = editor_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{app_url}/admin/teams/talk/")
    page.locator("#result_list tbody tr th a").first.click()
    group = page.locator("#principle_links-group")
    linked = group.locator("select[name$='-principle'] option[selected]").first.inner_text()
    empty = group.locator(".inline-related:not(.has_original):not(.empty-form)").first
    empty.locator(".select2-selection").click()
    page.locator(".select2-search--dropdown .select2-search__field").fill(linked)
    option = page.locator(".select2-results__option", has_text=linked).first
    option.wait_for(timeout=10000)
    option.click()
    chosen = empty.locator("select[name$='-principle'] option:checked")
    assert chosen.inner_text() == linked
    page.locator("input[name=_continue]").click()
    page.wait_for_load_state()
    assert page.locator(".errornote").is_visible()
    errors = " ".join(page.locator(".errorlist").all_inner_texts())
    assert "이미 이 원칙에 연결" in errors or "중복" in errors, errors
    assert "Server Error" not in page.content()
