from contextvars import ContextVar

from django.contrib.syndication.views import Feed
from django.http.request import split_domain_port
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.xmlutils import SimplerXMLGenerator

from core.kinds import FeedEntry, section_feed_entries
from core.markdown import plain_text
from core.people import public_name
from playbook import scheduling
from playbook.models import Section

FEED_ITEMS = 50
TITLE_CHARACTERS = 80
FEED_TAG_YEAR = 2026

# The host the feed is read from, for its tag: URIs; per request (one Feed object serves
# every thread of a worker).
_authority: ContextVar[str] = ContextVar("feed_authority", default="localhost")


def tag_uri(path: str, when) -> str:
    """An entry's permanent id (RFC 4151): tag:<host>,<the day it was made>:<its path>.
    It stays the same when the entry is edited or retracted, unlike its title."""
    return f"tag:{_authority.get()},{localtime(when):%Y-%m-%d}:{path}"


class StyledAtom1Feed(Atom1Feed):
    """Atom with its `<?xml-stylesheet?>` line, which Django writes for RSS only."""

    def write(self, outfile, encoding):
        handler = SimplerXMLGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        for stylesheet in self.feed["stylesheets"] or []:
            handler.processingInstruction("xml-stylesheet", stylesheet)
        handler.startElement("feed", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        handler.endElement("feed")


class LiveSectionFeed(Feed):
    """Atom feed of a live section's updates; retracted entries stay, marked."""

    feed_type = StyledAtom1Feed

    # A browser that opens the feed shows it as a page (static/feeds/atom.xsl); feed
    # readers ignore it. Its HTML alternate is the section page (`link`).
    def stylesheets(self, section):
        # Asked per request: in production the address has the file's hash, known only
        # once collectstatic has run (not when this module is imported).
        return [static("feeds/atom.xsl")]

    def get_object(self, request, slug):
        domain, _port = split_domain_port(request.get_host())
        _authority.set(domain.strip("[]") or "localhost")
        section = get_object_or_404(Section, slug=slug, is_live=True)
        scheduling.release_if_due(section)
        return section

    def title(self, section):
        return _("%(section)s — live updates") % {"section": section.title}

    def link(self, section):
        return section.get_absolute_url()

    def feed_guid(self, section):
        # The feed itself has no date of its own: the year this site began to name its
        # feeds with tag: URIs (RFC 4151 lets a year stand for the date).
        return f"tag:{_authority.get()},{FEED_TAG_YEAR}:{section.get_absolute_url()}"

    def subtitle(self, section):
        if section.coverage_ended_at:
            ended = date_format(localtime(section.coverage_ended_at), "Y-m-d H:i T")
            return _("The live coverage ended at %(when)s.") % {"when": ended}
        # The feed is in the reader's language (`?lang=en` for English, pages.language):
        # on a Korean feed the English title, as the pages give English terms.
        return section.title_en if get_language() == "ko" else ""

    def items(self, section):
        updates = section.updates.for_display().select_related("section").newest_first()
        # Other kinds' entries about the section (featured readers' dilemmas…), by time.
        entries = [*updates[:FEED_ITEMS], *section_feed_entries(section)]
        entries.sort(key=lambda item: self.item_pubdate(item), reverse=True)
        return entries[:FEED_ITEMS]

    def item_title(self, update):
        # Plain text: a feed reader shows a title as it is, so Markdown stays out of it.
        if isinstance(update, FeedEntry):
            return update.title
        title = plain_text(update.body_html, TITLE_CHARACTERS)
        if update.is_retracted:
            return _("[Retracted] %(title)s") % {"title": title}
        return title

    def item_description(self, update):
        # body_html is sanitised on save (core.markdown.render_markdown).
        if isinstance(update, FeedEntry):
            return update.description
        if update.is_retracted:
            return _("This update was retracted.") + update.body_html
        return update.body_html

    def item_link(self, update):
        if isinstance(update, FeedEntry):
            return update.link
        return update.get_absolute_url()

    def item_guid(self, update):
        if isinstance(update, FeedEntry):
            return tag_uri(update.link, update.published)
        return tag_uri(update.get_permalink(), update.created_at)

    item_guid_is_permalink = False

    def item_pubdate(self, update):
        if isinstance(update, FeedEntry):
            return update.published
        return update.created_at

    def item_updateddate(self, update):
        if isinstance(update, FeedEntry):
            return update.updated or update.published
        return update.updated_at

    def item_author_name(self, update):
        if isinstance(update, FeedEntry):
            return update.author
        if update.author is None:
            return None
        return public_name(update.author)
