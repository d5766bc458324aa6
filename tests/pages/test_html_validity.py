"""Every kind of page, in both languages, is valid HTML for the Nu Html Checker (vnu.jar,
installed from npm by `make test` into node_modules/), and names itself in its <head>:
a description, Open Graph tags and an icon that exists."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

from tests.governance.helpers import start
from tests.page_kinds import page_kinds, with_language

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LANGUAGES = ("ko", "en")


def pages_of_every_kind(client):
    kinds = page_kinds()
    kinds["assessment"] = start(client).get_absolute_url()
    pages = {}
    for name, url in kinds.items():
        for code in LANGUAGES:
            response = client.get(with_language(url, code))
            expected = 404 if name == "not found" else 200
            assert response.status_code == expected, (name, code, response.status_code)
            pages[f"{name} ({code})"] = response.content.decode()
    return pages


def nu_html_checker_errors(pages: dict[str, str], folder: Path) -> list[str]:
    files = {}
    for index, (name, html) in enumerate(pages.items()):
        path = folder / f"page-{index}.html"
        path.write_text(html, encoding="utf-8")
        files[path.name] = name
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]
        + [str(folder / name) for name in files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{files.get(Path(m.get('url', '')).name, m.get('url'))} line {m.get('lastLine')}: "
        f"{m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]


def test_every_kind_of_page_is_valid_html_in_both_languages(client, tmp_path):
    if shutil.which("java") is None:
        pytest.skip("Java is missing, so the Nu Html Checker cannot run: install a JRE 17+")
    if not VNU_JAR.exists():
        pytest.skip(f"the Nu Html Checker is missing at {VNU_JAR}: run `make checkers`")
    pages = pages_of_every_kind(client)
    assert len(pages) >= 2 * 20
    errors = nu_html_checker_errors(pages, tmp_path)
    assert errors == [], "\n".join(errors)


def test_the_checker_finds_errors_where_there_are_some(tmp_path):
    """So that a silent checker (no Java output, a wrong path) cannot pass the test above."""
    if shutil.which("java") is None or not VNU_JAR.exists():
        pytest.skip("the Nu Html Checker is not installed (see the test above)")
    broken = (
        '<!doctype html><html lang="ko"><title>x</title><a hx-get="/">x</a>'
        '<time datetime="2026-01-01T00:00:00.123456+09:00">x</time>'
    )
    errors = nu_html_checker_errors({"broken": broken}, tmp_path)
    assert any("hx-get" in error for error in errors)
    assert any("datetime" in error for error in errors)


def test_every_page_has_a_description_open_graph_tags_and_an_icon(client):
    for name, url in page_kinds().items():
        for code in LANGUAGES:
            html = client.get(with_language(url, code)).content.decode()
            head = html.split("</head>", 1)[0]
            description = re.search(r'<meta name="description" content="([^"]+)">', head)
            assert description and description.group(1).strip(), (name, code)
            for prop in ("og:title", "og:description", "og:type", "og:url", "og:locale"):
                assert f'<meta property="{prop}" content="' in head, (name, code, prop)
            assert re.search(r'<meta property="og:url" content="https?://', head), (name, code)
            assert '<link rel="icon" href="/favicon.ico"' in head, (name, code)


def test_the_favicon_is_served_at_its_well_known_address(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert client.get(reverse("favicon")).status_code == 200
