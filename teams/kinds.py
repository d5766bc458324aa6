"""The kinds of content the teams app owns, registered in TeamsConfig.ready()."""

from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.bilingual import EnglishTermInKorean, Localized, columns, localized_concat
from core.kinds import ChangesSpec, EvidenceSpec, Kind, SearchSpec, register


def _teams():
    from teams.models import Team

    return Team.objects.all()


def _talks():
    from teams.models import Talk

    return Talk.objects.all()


def register_kinds() -> None:
    register(
        Kind(
            name="team",
            label=_("Team"),
            plural=_("Teams"),
            model="teams.Team",
            url=lambda slug, _anchor=None: reverse("teams:team", args=[slug]),
            order=20,
            search=SearchSpec(
                queryset=_teams,
                columns={
                    "title": Localized("name"),
                    "subtitle": EnglishTermInKorean("name"),
                    "text": localized_concat("tagline", "leader", "summary"),
                    "link_a": F("slug"),
                },
                title_fields=tuple(columns("name")),
                text_fields=tuple(columns("tagline", "leader", "summary")),
                boost=1.5,
            ),
            changes=ChangesSpec(label=Localized("name"), slug=F("slug")),
            evidence=EvidenceSpec(links="team_links", target="team"),
            discussable=_teams,
        )
    )
    register(
        Kind(
            name="talk",
            label=_("Talk"),
            plural=_("Talks"),
            model="teams.Talk",
            url=lambda slug, _anchor=None: reverse("teams:talk", args=[slug]),
            order=30,
            search=SearchSpec(
                queryset=_talks,
                columns={
                    "title": Localized("title"),
                    "subtitle": EnglishTermInKorean("title"),
                    "text": Localized("summary"),
                    "link_a": F("slug"),
                },
                title_fields=tuple(columns("title")),
                text_fields=tuple(columns("summary", "event")),
                boost=1.2,
            ),
            changes=ChangesSpec(label=Localized("title"), slug=F("slug")),
            evidence=EvidenceSpec(links="talk_links", target="talk"),
            discussable=_talks,
        )
    )
