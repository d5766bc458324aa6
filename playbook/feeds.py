from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.kinds import FeedEntry, section_feed_entries
from core.people import public_name
from playbook import scheduling
from playbook.models import Section

FEED_ITEMS = 50


class LiveSectionFeed(Feed):
    """Atom feed of a live section's updates; retracted entries stay, marked."""

    feed_type = Atom1Feed

    def get_object(self, request, slug):
        section = get_object_or_404(Section, slug=slug, is_live=True)
        scheduling.release_if_due(section)
        return section

    def title(self, section):
        return _("%(section)s — live updates") % {"section": section.title}

    def link(self, section):
        return section.get_absolute_url()

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
        if isinstance(update, FeedEntry):
            return update.title
        title = Truncator(update.body).chars(80)
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
            return update.guid
        return f"{update.section.slug}-update-{update.pk}"

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
