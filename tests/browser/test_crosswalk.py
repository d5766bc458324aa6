"""An editor imports a framework file, publishes it and maps an item in the admin; a
reader on a 390 px wide phone reads the crosswalk matrix without the page overflowing."""

import re
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "governance" / "frameworks" / "oscal-sample.json"


def test_editor_maps_an_item_and_the_matrix_fits_a_phone(app_url, editor_page, browser):
    page = editor_page
    page.goto(f"{app_url}/admin/governance/checklist/import/")
    page.set_input_files("#id_file", str(SAMPLE))
    page.select_option("#id_format", "oscal")
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/governance/checklistversion/\d+/change/$"))

    page.goto(f"{app_url}/admin/governance/checklistversion/?status__exact=draft")
    row = page.locator("tr", has_text="Sample Risk Framework")
    row.locator("input[name=_selected_action]").check()
    page.select_option("select[name=action]", "publish")
    page.click("button[name=index]")
    page.wait_for_load_state()

    page.goto(f"{app_url}/admin/governance/crosswalklink/add/")
    page.select_option("#id_checklist", label="Sample Risk Framework")
    page.fill("#id_key", "govern-1-1")
    page.select_option("#id_principle", index=1)
    page.fill("#id_note_ko", "브라우저에서 연결")
    page.fill("#id_note_en", "Linked in the browser")
    page.click("input[name=_save]")
    page.wait_for_url(re.compile(r".*/admin/governance/crosswalklink/$"))

    phone = browser.new_context(locale="ko-KR", viewport={"width": 390, "height": 844})
    reader = phone.new_page()
    reader.goto(f"{app_url}/governance/crosswalk/")
    table = reader.locator("#crosswalk")
    assert "Sample Risk Framework" in table.inner_text()
    assert "1 / 3" in reader.locator("#crosswalk tfoot").inner_text()
    # The page itself never scrolls sideways; only the table's own region may.
    assert reader.evaluate("document.documentElement.scrollWidth") <= 390
    first_cell = reader.locator("#crosswalk tbody th").first.bounding_box()
    assert first_cell["x"] >= 0 and first_cell["x"] + first_cell["width"] <= 390
    phone.close()
