"""The teams, people and talks of the seed file; see playbook.seed."""

from playbook.models import Event, Principle
from playbook.seed import SeedRun, loader, names, pick, texts
from teams.models import Person, Talk, TalkPrinciple, Team, TeamPrinciple

TEAM_FIGURES = (
    "slug", "headcount", "users", "arr_min_usd", "arr_max_usd", "arr_precision",
    "funding_usd", "order", "is_featured",
)  # fmt: skip
TEAM_TEXTS = (
    "tagline", "leader", "headcount_note", "headcount_qualifier", "arr_note", "funding_note",
    "source_note", "summary",
)  # fmt: skip
PERSON_TEXTS = ("role", "note")
LINK_TEXTS = ("note", "source")
TALK_TEXTS = ("title", "source_section", "event", "summary")


def _team_texts(data: dict) -> dict:
    return {**names(data), **texts(data, *TEAM_TEXTS)}


def _person(team_slug: str, name: str):
    return Person.objects.filter(team__slug=team_slug, name_en=name).first()


@loader(order=20)
def load_teams(data: dict, run: SeedRun) -> None:
    for team in data.get("teams", []):
        slug = team["slug"]
        run.create_once(
            f"team:{slug}",
            lambda s=slug: Team.objects.filter(slug=s).exists(),
            lambda t=team: Team.objects.create(**pick(t, *TEAM_FIGURES), **_team_texts(t)),
        )
        run.fill_once(
            f"team:{slug}", lambda s=slug: Team.objects.filter(slug=s).first(), _team_texts(team)
        )
        for order, person in enumerate(team.get("people", []), start=1):
            key = f"person:{slug}/{person['name']}"
            run.create_once(
                key,
                lambda p=person, s=slug: _person(s, p["name"]) is not None,
                lambda p=person, o=order, s=slug: Person.objects.create(
                    team=Team.objects.filter(slug=s).first(),
                    order=o,
                    **names(p),
                    **texts(p, *PERSON_TEXTS),
                ),
            )
            run.fill_once(
                key,
                lambda p=person, s=slug: _person(s, p["name"]),
                {**names(person), **texts(person, *PERSON_TEXTS)},
            )
        for link in team.get("principles", []):
            key = f"team-principle:{slug}/{link['principle']}"
            find = lambda s=slug, lk=link: TeamPrinciple.objects.filter(  # noqa: E731
                team__slug=s, principle__slug=lk["principle"]
            ).first()
            run.create_once(
                key, lambda f=find: f() is not None, lambda s=slug, lk=link: _link_team(s, lk)
            )
            run.fill_once(key, find, texts(link, *LINK_TEXTS))
    for talk in data.get("talks", []):
        slug = talk["slug"]
        run.create_once(
            f"talk:{slug}",
            lambda s=slug: Talk.objects.filter(slug=s).exists(),
            lambda t=talk: _create_talk(t),
        )
        run.fill_once(
            f"talk:{slug}",
            lambda s=slug: Talk.objects.filter(slug=s).first(),
            {
                **texts(talk, *TALK_TEXTS),
                "title_inferred": talk.get("title_inferred", False),
                "event_record": Event.objects.filter(slug=talk.get("event_slug", "")).first(),
            },
        )
        for link in talk.get("principles", []):
            key = f"talk-principle:{slug}/{link['principle']}"
            find = lambda s=slug, lk=link: TalkPrinciple.objects.filter(  # noqa: E731
                talk__slug=s, principle__slug=lk["principle"]
            ).first()
            run.create_once(
                key, lambda f=find: f() is not None, lambda s=slug, lk=link: _link_talk(s, lk)
            )
            run.fill_once(key, find, texts(link, "quote", *LINK_TEXTS))


def _link_team(team_slug: str, link: dict) -> None:
    team = Team.objects.filter(slug=team_slug).first()
    principle = Principle.objects.filter(slug=link["principle"]).first()
    if team and principle:
        TeamPrinciple.objects.create(team=team, principle=principle, **texts(link, *LINK_TEXTS))


def _create_talk(data: dict) -> None:
    talk = Talk.objects.create(
        team=Team.objects.filter(slug=data.get("team", "")).first(),
        event_record=Event.objects.filter(slug=data.get("event_slug", "")).first(),
        **pick(data, "slug", "order", "title_inferred"),
        **texts(data, *TALK_TEXTS),
    )
    speakers = Person.objects.filter(name_en__in=data.get("speakers", []))
    if talk.team is not None:
        speakers = speakers.filter(team=talk.team)
    talk.speakers.set(speakers)


def _link_talk(talk_slug: str, link: dict) -> None:
    talk = Talk.objects.filter(slug=talk_slug).first()
    principle = Principle.objects.filter(slug=link["principle"]).first()
    if talk and principle:
        TalkPrinciple.objects.create(
            talk=talk, principle=principle, **texts(link, "quote", *LINK_TEXTS)
        )
