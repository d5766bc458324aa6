"""For search engines: the sitemap lists every public page once with its language
alternates, robots.txt keeps crawlers out of private and editors' pages, pages name
their canonical address."""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from governance.models import ChecklistVersion
from governance.services import assessment_start
from playbook.models import Principle, Section
from teams.models import Talk, Team

pytestmark = pytest.mark.django_db


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    xml = response.content.decode()
    return re.findall(r"<url>(.*?)</url>", xml, re.S)


def test_the_sitemap_lists_every_public_page_with_both_languages(client):
    entries = sitemap_entries(client)
    locations = [urlsplit(re.search(r"<loc>(.*?)</loc>", e).group(1)).path for e in entries]
    assert len(locations) == len(set(locations))
    expected = {p.get_absolute_url() for p in Principle.objects.published()}
    expected |= {t.get_absolute_url() for t in Team.objects.all()}
    expected |= {t.get_absolute_url() for t in Talk.objects.all()}
    expected |= {s.get_absolute_url() for s in Section.objects.all()}
    expected |= {reverse("playbook:principles"), reverse("home"), reverse("teams:teams")}
    assert expected <= set(locations)
    for entry in entries:
        path = urlsplit(re.search(r"<loc>(.*?)</loc>", entry).group(1)).path
        alternates = dict(re.findall(r'hreflang="([\w-]+)" href="([^"]+)"', entry))
        assert set(alternates) == {"ko", "en", "x-default"}
        assert urlsplit(alternates["x-default"]).path == path
        for code in ("ko", "en"):
            alternate = urlsplit(alternates[code])
            assert (alternate.path, alternate.query) == (path, f"lang={code}")
    for path in locations:
        assert client.get(path).status_code == 200, path


def test_the_language_alternates_lead_to_the_page_in_that_language(client):
    entry = sitemap_entries(client)[1]
    english = urlsplit(re.search(r'hreflang="en" href="([^"]+)"', entry).group(1))
    page = client.get(f"{english.path}?{english.query}").content.decode()
    assert '<html lang="en">' in page
    assert f'<link rel="canonical" href="{english.path}?lang=en">' in page


def test_unpublished_principles_and_private_pages_are_not_in_the_sitemap(client):
    hidden = Principle.objects.get(slug="work-trials")
    hidden.is_published = False
    hidden.save()
    assessment, _token = assessment_start(
        version=ChecklistVersion.objects.get(number=1), subject="비공개"
    )
    xml = client.get("/sitemap.xml").content.decode()
    assert "/principles/work-trials/" not in xml
    assert "/governance/assessments/" not in xml and "/admin/" not in xml


def test_robots_txt_keeps_crawlers_out_of_private_pages(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    for private in ("/admin/", "/governance/assessments/", "/editor/", "/dilemmas/new/"):
        assert f"Disallow: {private}" in lines
    sitemap = next(line for line in lines if line.startswith("Sitemap: "))
    assert sitemap.endswith("/sitemap.xml")


def test_pages_name_their_canonical_address(client):
    for url in ("/", "/principles/work-trials/", "/teams/?sort=-users", "/talks/"):
        page = client.get(url).content.decode()
        [canonical] = re.findall(r'<link rel="canonical" href="([^"]+)">', page)
        assert canonical == urlsplit(url).path
