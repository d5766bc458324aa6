"""For search engines: /sitemap.xml (django.contrib.sitemaps) and /robots.txt.

Each page is listed once, with its hreflang alternates: the page in each language
(`?lang=ko`, `?lang=en`, core.bilingual.reader_language) and the page itself as
x-default, as the pages' own <head> names them."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from discussions.selectors import public_dilemmas
from governance.models import Checklist
from governance.selectors import published_checklist_versions
from playbook.models import Principle, Section
from playbook.selectors import tags_in_use
from teams.models import Talk, Team


class BilingualSitemap(Sitemap):
    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            location = url["location"]
            url["alternates"] = [
                {"lang_code": code, "location": f"{location}?{urlencode({'lang': code})}"}
                for code, _name in settings.LANGUAGES
            ] + [{"lang_code": "x-default", "location": location}]
        return urls


class ListPages(BilingualSitemap):
    """The pages that list each kind of content."""

    def items(self):
        return [
            "home",
            "playbook:principles",
            "teams:teams",
            "teams:talks",
            "governance:checklists",
            "governance:crosswalk",
            "map",
            "changes",
            "discussions:dilemmas",
        ]

    def location(self, item):
        return reverse(item)


class Sections(BilingualSitemap):
    def items(self):
        return Section.objects.order_by("order", "id")


class Principles(BilingualSitemap):
    def items(self):
        return Principle.objects.published().order_by("section__order", "order", "id")


class Teams(BilingualSitemap):
    def items(self):
        return Team.objects.order_by("order", "name", "id")


class Talks(BilingualSitemap):
    def items(self):
        return Talk.objects.order_by("order", "title", "id")


class Checklists(BilingualSitemap):
    def items(self):
        published = published_checklist_versions().filter(checklist=OuterRef("pk"))
        return Checklist.objects.filter(Exists(published)).order_by("order", "title", "id")


class Tags(BilingualSitemap):
    def items(self):
        return tags_in_use()


class Dilemmas(BilingualSitemap):
    def items(self):
        return public_dilemmas()


SITEMAPS = {
    "pages": ListPages,
    "sections": Sections,
    "principles": Principles,
    "teams": Teams,
    "talks": Talks,
    "checklists": Checklists,
    "tags": Tags,
    "dilemmas": Dilemmas,
}


@require_GET
def robots_txt(request):
    """What crawlers may read: not the admin, private assessments, the editors' tools,
    the language switch or the forms; the sitemap's address."""
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    return render(
        request, "robots.txt", {"sitemap": sitemap}, content_type="text/plain; charset=utf-8"
    )
