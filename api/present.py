"""Model rows as the API shows them: explicit shapes (api/schemas.py), both languages of
every text, and each object's address on the site and in the API.

Nothing here queries: the selectors (api/selectors.py) have loaded every relation."""

from django.urls import reverse

from api.bilingual import both
from core.kinds import content_url
from teams.timestamps import format_timestamp

NAMESPACE = "api-v1"

PRECISIONS = {"exact", "range", "at_least"}


def api_path(name: str, **kwargs) -> str:
    return reverse(f"{NAMESPACE}:{name}", kwargs=kwargs)


class Presenter:
    """Turns rows into answers for one request (addresses are absolute)."""

    def __init__(self, request):
        self.request = request

    def absolute(self, path: str) -> str:
        return self.request.build_absolute_uri(path)

    def _ref(self, slug: str, url: str, api_name: str) -> dict:
        return {
            "slug": slug,
            "url": self.absolute(url),
            "api_url": self.absolute(api_path(api_name, slug=slug)),
        }

    # Playbook ----------------------------------------------------------------------------

    def section_ref(self, section) -> dict:
        return {
            **self._ref(section.slug, section.get_absolute_url(), "section"),
            "title": both(section, "title"),
        }

    def section(self, section) -> dict:
        updates = api_path("section-updates", slug=section.slug) if section.is_live else None
        return {
            **self.section_ref(section),
            "intro": both(section, "intro"),
            "intro_html": both(section, "intro_html"),
            "order": section.order,
            "is_live": section.is_live,
            "coverage_ended_at": section.coverage_ended_at,
            "revision": section.revision,
            "principle_count": section.principle_count,
            "updates_url": self.absolute(updates) if updates else None,
        }

    def section_detail(self, section) -> dict:
        return {
            **self.section(section),
            "principles": [self.principle_ref(p) for p in section.published],
        }

    def principle_ref(self, principle) -> dict:
        return {
            **self._ref(principle.slug, content_url("principle", principle.slug), "principle"),
            "title": both(principle, "title"),
        }

    def tag(self, tag) -> dict:
        return {"slug": tag.slug, "name": both(tag, "name")}

    def principle(self, principle) -> dict:
        return {
            **self.principle_ref(principle),
            "section": self.section_ref(principle.section),
            "summary": both(principle, "summary"),
            "summary_html": both(principle, "summary_html"),
            "responsible_ai": both(principle, "responsible_ai"),
            "responsible_ai_html": both(principle, "responsible_ai_html"),
            "order": principle.order,
            "tags": [self.tag(tag) for tag in principle.tags.all()],
            "teams": [
                {**self.team_ref(link.team), "note": both(link, "note")}
                for link in principle.team_links.all()
            ],
            "talks": [
                {**self.talk_ref(link.talk), **self._moment(link)}
                for link in principle.talk_links.all()
            ],
        }

    def principle_detail(self, principle) -> dict:
        return {
            **self.principle(principle),
            "checklist_items": [self.item_ref(item) for item in principle.checklist_items.all()],
        }

    def _moment(self, link) -> dict:
        return {
            "timestamp_seconds": link.timestamp_seconds,
            "timestamp": format_timestamp(link.timestamp_seconds),
            "video_url": link.video_moment_url or None,
            "quote": both(link, "quote"),
            "note": both(link, "note"),
        }

    # Teams and talks -----------------------------------------------------------------------

    def team_ref(self, team) -> dict:
        return {
            **self._ref(team.slug, content_url("team", team.slug), "team"),
            "name": both(team, "name"),
        }

    def talk_ref(self, talk) -> dict:
        return {
            **self._ref(talk.slug, content_url("talk", talk.slug), "talk"),
            "title": both(talk, "title"),
        }

    def team(self, team) -> dict:
        has_arr = team.arr_min_usd is not None and team.arr_precision in PRECISIONS
        return {
            **self.team_ref(team),
            "tagline": both(team, "tagline"),
            "leader": both(team, "leader"),
            "headcount": {"value": team.headcount, "note": both(team, "headcount_note")},
            "users": {"value": team.users, "note": {"ko": None, "en": None}},
            "arr": {
                "precision": team.arr_precision if has_arr else "unknown",
                "min_usd": team.arr_min_usd if has_arr else None,
                "max_usd": team.arr_max_usd if has_arr else None,
                "note": both(team, "arr_note"),
            },
            "funding_usd": {"value": team.funding_usd, "note": both(team, "funding_note")},
            "arr_per_person_min_usd": team.arr_per_person_min_usd if has_arr else None,
            "is_tiny_team": team.is_tiny_team if has_arr else None,
            "source_note": both(team, "source_note"),
            "summary": both(team, "summary"),
            "summary_html": both(team, "summary_html"),
            "order": team.order,
        }

    def team_detail(self, team) -> dict:
        return {
            **self.team(team),
            "people": [self.person(person, team=team) for person in team.people.all()],
            "principles": [
                {**self.principle_ref(link.principle), "note": both(link, "note")}
                for link in team.principle_links.all()
            ],
            "talks": [self.talk_ref(talk) for talk in team.talks.all()],
        }

    def person(self, person, team=None) -> dict:
        team = team or person.team
        if team is not None:
            page = team.get_absolute_url()
        else:
            talks = list(person.talks.all())
            page = talks[0].get_absolute_url() if talks else reverse("teams:talks")
        return {
            "id": person.pk,
            "name": both(person, "name"),
            "role": both(person, "role"),
            "note": both(person, "note"),
            "team": self.team_ref(team) if team is not None else None,
            "url": self.absolute(page),
        }

    def talk(self, talk) -> dict:
        return {
            **self.talk_ref(talk),
            "speakers": [self.person(person) for person in talk.speakers.all()],
            "team": self.team_ref(talk.team) if talk.team is not None else None,
            "event": both(talk, "event"),
            "video_url": talk.video_url or None,
            "published_on": talk.published_on,
            "summary": both(talk, "summary"),
            "summary_html": both(talk, "summary_html"),
            "principles": [
                {**self.principle_ref(link.principle), **self._moment(link)}
                for link in talk.principle_links.all()
            ],
        }

    # Governance ----------------------------------------------------------------------------

    def item_ref(self, item) -> dict:
        checklist = item.section.version.checklist
        page = reverse("governance:checklist-item", args=[checklist.slug, item.key])
        return {
            "key": item.key,
            "prompt": both(item, "prompt"),
            "checklist": checklist.slug,
            "url": self.absolute(page),
        }

    def version_ref(self, version, checklist) -> dict:
        path = api_path("checklist-version", slug=checklist.slug, number=version.number)
        return {
            "number": version.number,
            "published_at": version.published_at,
            "changelog": both(version, "changelog"),
            "item_count": version.item_count,
            "api_url": self.absolute(path),
        }

    def checklist(self, checklist) -> dict:
        return {
            **self._ref(checklist.slug, checklist.get_absolute_url(), "checklist"),
            "title": both(checklist, "title"),
            "description": both(checklist, "description"),
            "description_html": both(checklist, "description_html"),
            "source_format": checklist.source_format,
            "versions": [self.version_ref(v, checklist) for v in checklist.published_versions],
        }

    def version(self, version, sections) -> dict:
        checklist = version.checklist
        is_current = version.number == version.newest_number
        return {
            **self.version_ref(version, checklist),
            "checklist": checklist.slug,
            "is_current": is_current,
            "url": self.absolute(checklist.get_absolute_url()),
            "sections": [
                {
                    "title": both(section, "title"),
                    "items": [
                        self.item(item, checklist, is_current) for item in section.items.all()
                    ],
                }
                for section in sections
            ],
        }

    def item(self, item, checklist, is_current: bool) -> dict:
        # Only the newest published version has a page per question; an older version's
        # items are answered on the checklist page.
        if is_current:
            page = reverse("governance:checklist-item", args=[checklist.slug, item.key])
        else:
            page = checklist.get_absolute_url()
        return {
            "key": item.key,
            "source_ref": item.source_ref,
            "prompt": both(item, "prompt"),
            "guidance": both(item, "guidance"),
            "guidance_html": both(item, "guidance_html"),
            "weight": item.weight,
            "required": item.required,
            "principles": [self.principle_ref(p) for p in item.principles.all()],
            "url": self.absolute(page),
        }

    # Live updates --------------------------------------------------------------------------

    def update(self, update, section, since: int | None) -> dict:
        author = update.author.get_full_name() if update.author is not None else ""
        change = None
        if since is not None:
            change = "new" if update.is_new_since(since) else "changed"
        page = reverse("playbook:update", kwargs={"slug": section.slug, "pk": update.pk})
        return {
            "id": update.pk,
            "url": self.absolute(page),
            "section": section.slug,
            "body": both(update, "body"),
            "body_html": both(update, "body_html"),
            # Never a login name: readers see the name an editor chose to give.
            "author": author or None,
            "created_at": update.created_at,
            "updated_at": update.updated_at,
            "edited_at": update.edited_at,
            "is_key_event": update.is_key_event,
            "retracted": update.is_retracted,
            "retracted_at": update.retracted_at,
            "revision": update.live_revision,
            "change": change,
        }
