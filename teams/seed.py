"""The teams, people and talks of the seed file; see playbook.seed."""

from playbook.models import Principle
from playbook.seed import SeedRun, loader, pick
from teams.models import Person, Talk, TalkPrinciple, Team, TeamPrinciple

TEAM_FIELDS = (
    "slug", "name", "name_ko", "tagline", "leader", "headcount", "headcount_note", "users",
    "arr_min_usd", "arr_max_usd", "arr_precision", "arr_note", "funding_usd", "funding_note",
    "source_note", "summary", "order", "is_featured",
)  # fmt: skip


@loader(order=20)
def load_teams(data: dict, run: SeedRun) -> None:
    for team in data.get("teams", []):
        slug = team["slug"]
        run.create_once(
            f"team:{slug}",
            lambda s=slug: Team.objects.filter(slug=s).exists(),
            lambda t=team: Team.objects.create(**pick(t, *TEAM_FIELDS)),
        )
        for order, person in enumerate(team.get("people", []), start=1):
            run.create_once(
                f"person:{slug}/{person['name']}",
                lambda p=person, s=slug: Person.objects.filter(
                    team__slug=s, name=p["name"]
                ).exists(),
                lambda p=person, o=order, s=slug: Person.objects.create(
                    team=Team.objects.filter(slug=s).first(),
                    order=o,
                    **pick(p, "name", "name_ko", "role", "note"),
                ),
            )
        for link in team.get("principles", []):
            team_link_key = f"team-principle:{slug}/{link['principle']}"
            run.create_once(
                team_link_key,
                lambda s=slug, lk=link: TeamPrinciple.objects.filter(
                    team__slug=s, principle__slug=lk["principle"]
                ).exists(),
                lambda s=slug, lk=link: _link_team(s, lk),
            )
    for talk in data.get("talks", []):
        slug = talk["slug"]
        run.create_once(
            f"talk:{slug}",
            lambda s=slug: Talk.objects.filter(slug=s).exists(),
            lambda t=talk: _create_talk(t),
        )
        for link in talk.get("principles", []):
            run.create_once(
                f"talk-principle:{slug}/{link['principle']}",
                lambda s=slug, lk=link: TalkPrinciple.objects.filter(
                    talk__slug=s, principle__slug=lk["principle"]
                ).exists(),
                lambda s=slug, lk=link: _link_talk(s, lk),
            )


def _link_team(team_slug: str, link: dict) -> None:
    team = Team.objects.filter(slug=team_slug).first()
    principle = Principle.objects.filter(slug=link["principle"]).first()
    if team and principle:
        TeamPrinciple.objects.create(team=team, principle=principle, note=link.get("note", ""))


def _create_talk(data: dict) -> None:
    talk = Talk.objects.create(
        team=Team.objects.filter(slug=data.get("team", "")).first(),
        **pick(data, "slug", "title", "title_en", "event", "summary", "order"),
    )
    speakers = Person.objects.filter(name__in=data.get("speakers", []))
    if talk.team is not None:
        speakers = speakers.filter(team=talk.team)
    talk.speakers.set(speakers)


def _link_talk(talk_slug: str, link: dict) -> None:
    talk = Talk.objects.filter(slug=talk_slug).first()
    principle = Principle.objects.filter(slug=link["principle"]).first()
    if talk and principle:
        TalkPrinciple.objects.create(
            talk=talk,
            principle=principle,
            quote=link.get("quote", ""),
            note=link.get("note", ""),
        )
