"""The crosswalk: framework items mapped to principles, shown on the matrix, the checklist
pages and the principle page, editable by editors only, in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance import importers, services
from governance.importers.base import ParsedChecklist, ParsedItem, ParsedSection
from governance.models import Checklist, CrosswalkLink
from playbook.models import Principle
from tests.governance.crosswalk_helpers import RISKS, USERS, link, mapped_frameworks

pytestmark = pytest.mark.django_db


def cells(html: str, principle_slug: str) -> list[str]:
    """The counts in the matrix row of one principle."""
    import re

    row = re.search(
        rf'<tr>\s*<th scope="row"><a href="[^"]*/{principle_slug}/#framework-items".*?</tr>',
        html,
        re.S,
    )
    assert row, principle_slug
    return re.findall(r'<td class="num">(?:<span[^>]*>)?([^<]*)', row.group(0))


def test_matrix_counts_mapped_items_per_framework_and_principle(client):
    mapped_frameworks()
    response = client.get(reverse("governance:crosswalk"))
    html = response.content.decode()
    assert response.status_code == 200
    # Columns in the checklists' order (then by title): deon's sample, then OSCAL's.
    assert html.index("Sample Ethics Checklist") < html.index("Sample Risk Framework")
    assert cells(html, RISKS) == ["·", "1"]
    assert cells(html, USERS) == ["1", "1"]
    assert cells(html, "work-trials") == ["·", "·"]
    footer = html[html.index("<tfoot>") :]
    assert footer.index("1 / 3") < footer.index("2 / 3")  # items mapped / items


def test_drafts_and_their_links_stay_off_the_matrix(client):
    version = services.checklist_import(parsed=importers.parse(_one_item("Draft Only"), "deon"))
    CrosswalkLink.objects.create(
        checklist=version.checklist, key="x-1", principle=Principle.objects.get(slug=USERS)
    )
    html = client.get(reverse("governance:crosswalk")).content.decode()
    assert "Draft Only" not in html


def _one_item(title):
    lines = "    lines:\n      - {line_id: X.1, line: q}\n"
    return f"title: {title}\nsections:\n  - title: S\n{lines}".encode()


def test_principle_page_lists_the_framework_items_mapped_to_it(client):
    oscal, _deon = mapped_frameworks()
    html = client.get(Principle.objects.get(slug=RISKS).get_absolute_url()).content.decode()
    section = html[html.index('id="framework-items"') :]
    assert "GOVERN 1.1" in section and "Someone owns the risks of the system." in section
    assert "Owning risks is what the risk registry is for." in section
    assert f"{oscal.get_absolute_url()}items/govern-1-1/" in section
    assert "MAP 1.1" not in section


def test_checklist_pages_show_the_crosswalk_both_ways(client):
    oscal, _deon = mapped_frameworks()
    framework_page = client.get(oscal.get_absolute_url()).content.decode()
    item = framework_page[framework_page.index('id="item-govern-1-1"') :]
    item = (
        item[: item.index("</li>\n      \n      <li")]
        if "</li>\n      \n      <li" in item
        else item
    )
    assert Principle.objects.get(slug=RISKS).title in item
    assert "Owning risks is what the risk registry is for." in item

    playbook = Checklist.objects.get(slug="responsible-ai-development")
    page = client.get(playbook.get_absolute_url()).content.decode()
    risk_item = page[page.index('id="item-risk-registry"') :]
    risk_item = risk_item[: risk_item.index('id="item-', 10)]
    assert "Sample Risk Framework GOVERN 1.1" in risk_item
    user_item = page[page.index('id="item-user-impact-evaluation"') :]
    user_item = user_item[: user_item.index('id="item-', 10)]
    assert (
        "Sample Risk Framework MAP 1.1" in user_item and "Sample Ethics Checklist A.1" in user_item
    )


def item_url(checklist, key):
    return reverse("governance:checklist-item", args=[checklist.slug, key])


def test_a_framework_item_has_its_own_page_with_its_principles(client):
    oscal, _deon = mapped_frameworks()
    response = client.get(item_url(oscal, "govern-1-1"))
    html = response.content.decode()
    assert response.status_code == 200
    main = html[html.index("<main") :]
    assert "GOVERN 1.1" in main and "Someone owns the risks of the system." in main
    assert Principle.objects.get(slug=RISKS).get_absolute_url() in main
    assert "Owning risks is what the risk registry is for." in main
    assert "MAP 1.1" not in main  # only this item
    # deon's A.1 is mapped to a principle GOVERN 1.1 is not mapped to: not a neighbour
    assert "Sample Ethics Checklist A.1" not in main
    neighbour = client.get(item_url(oscal, "map-1-1")).content.decode()
    assert "Sample Ethics Checklist A.1" in neighbour  # both mapped to user-focus
    assert "Sample Risk Framework MAP 1.1</a>" not in neighbour  # not itself
    # the checklist page links each question to its page
    assert item_url(oscal, "govern-1-1") in client.get(oscal.get_absolute_url()).content.decode()


def test_a_playbook_item_page_shows_every_frameworks_items_on_its_principles(client):
    mapped_frameworks()
    playbook = Checklist.objects.get(slug="responsible-ai-development")
    html = client.get(item_url(playbook, "user-impact-evaluation")).content.decode()
    main = html[html.index("<main") :]
    assert "Sample Risk Framework MAP 1.1" in main and "Sample Ethics Checklist A.1" in main
    deon = Checklist.objects.get(title="Sample Ethics Checklist")
    assert item_url(deon, "a-1") in main


def test_item_pages_of_unknown_keys_and_drafts_are_not_found(client):
    oscal, _deon = mapped_frameworks()
    assert client.get(item_url(oscal, "no-such-item")).status_code == 404
    draft = services.checklist_import(parsed=importers.parse(_one_item("Draft Only"), "deon"))
    assert client.get(item_url(draft.checklist, "x-1")).status_code == 404


def grow_frameworks(count: int, items: int):
    principles = list(Principle.objects.published())
    for n in range(count):
        parsed = ParsedChecklist(
            format="oscal",
            title=f"Grown framework {n}",
            sections=[
                ParsedSection(
                    "S",
                    "here",
                    [
                        ParsedItem(f"G {i}", f"Question {i}", "here", key=f"g-{i}")
                        for i in range(items)
                    ],
                )
            ],
        )
        version = services.checklist_import(parsed=parsed)
        services.checklist_version_publish(version=version)
        for i in range(items):
            link(version.checklist, f"g-{i}", principles[i % len(principles)].slug)


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_crosswalk_pages_run_the_same_queries_with_ten_times_the_mappings(
    client, settings, monkeypatch
):
    settings.PAGE_CACHE_ENABLED = False  # what rendering costs, not the cache's answer
    # The principle page's "Related" block is cached per revision and has its own budget
    # (tests/search/test_related_and_explain.py).
    from search.templatetags import related_tags

    monkeypatch.setattr(related_tags, "related_items", lambda kind, pk: [])
    mapped_frameworks()
    urls = [
        reverse("governance:crosswalk"),
        Principle.objects.get(slug=USERS).get_absolute_url(),
        Checklist.objects.get(slug="responsible-ai-development").get_absolute_url(),
        Checklist.objects.get(slug="sample-risk-framework").get_absolute_url(),
        reverse("governance:checklist-item", args=["responsible-ai-development", "risk-registry"]),
    ]
    client.get(urls[0])  # warm per-process caches
    before = [count(client, url) for url in urls]
    grow_frameworks(count=10, items=30)
    after = [count(client, url) for url in urls]
    assert after == before
    # The page budget of tests/pages/test_query_budgets.py (the principle page's sidebar).
    assert max(after) <= 10, after


def test_editors_map_items_in_the_admin_and_wrong_keys_are_refused(editor_client):
    oscal, _deon = mapped_frameworks()
    principle = Principle.objects.get(slug="work-trials")
    add = reverse("admin:governance_crosswalklink_add")
    data = {
        "checklist": oscal.pk,
        "key": "govern-1-2",
        "principle": principle.pk,
        "note_ko": "메모",
        "note_en": "A note",
    }
    assert editor_client.post(add, data).status_code == 302
    saved = CrosswalkLink.objects.get(checklist=oscal, key="govern-1-2")
    assert (saved.note_ko, saved.note_en) == ("메모", "A note")
    wrong = editor_client.post(add, {**data, "key": "govern-9-9"})
    assert wrong.status_code == 200 and not CrosswalkLink.objects.filter(key="govern-9-9").exists()
    playbook = Checklist.objects.get(slug="responsible-ai-development")
    own = editor_client.post(add, {**data, "checklist": playbook.pk, "key": "risk-registry"})
    assert own.status_code == 200
    assert not CrosswalkLink.objects.filter(checklist=playbook).exists()


def test_non_editors_cannot_map(client, staff_outsider):
    client.force_login(staff_outsider)
    response = client.post(reverse("admin:governance_crosswalklink_add"), {})
    assert response.status_code == 403


def test_a_crosswalk_note_is_shown_in_the_readers_language(client):
    oscal = mapped_frameworks()[0]
    mapping = CrosswalkLink.objects.get(checklist=oscal, key="govern-1-1")
    mapping.note_ko = "위험 목록이 하는 일입니다."
    mapping.note_en = "What the risk registry is for."
    mapping.save()
    url = Principle.objects.get(slug=RISKS).get_absolute_url()
    english = client.get(url, {"lang": "en"}).content.decode()
    korean = client.get(url).content.decode()
    assert "What the risk registry is for." in english and "위험 목록이" not in english
    assert "위험 목록이 하는 일입니다." in korean and "What the risk registry" not in korean


def test_a_crosswalk_note_without_english_is_marked_korean_on_the_english_page(client):
    oscal = mapped_frameworks()[0]
    CrosswalkLink.objects.filter(checklist=oscal, key="govern-1-1").update(
        note_ko="영어 번역이 없는 메모", note_en=""
    )
    for url in (
        Principle.objects.get(slug=RISKS).get_absolute_url(),
        oscal.get_absolute_url(),
    ):
        html = client.get(url, {"lang": "en"}).content.decode()
        assert '<span lang="ko">영어 번역이 없는 메모</span>' in html, url
