"""Generated content that multiplies the seed, for query-count tests: a page whose query
count grows with the data has an N+1 access."""

from django.contrib.auth import get_user_model

from governance.models import ChecklistItem, ChecklistSection, ChecklistVersion
from playbook.models import LiveUpdate, Principle, Section, Tag
from teams.models import Person, Talk, TalkPrinciple, Team, TeamPrinciple


def grow_content(factor: int = 10) -> None:
    """Add (factor - 1) copies of every kind of seed row, linked to the existing ones."""
    extra = factor - 1
    principles = list(Principle.objects.all())
    sections = list(Section.objects.all())

    tags = Tag.objects.bulk_create(
        Tag(slug=f"grown-tag-{i}", name=f"생성 태그 {i}") for i in range(extra * 3)
    )
    for principle in principles:
        principle.tags.add(*tags)

    for copy in range(extra):
        for section in sections:
            grown = Section.objects.create(
                slug=f"{section.slug}-{copy}", title=f"{section.title} {copy}", order=100 + copy
            )
            Principle.objects.bulk_create(
                Principle(section=grown, slug=f"{p.slug}-{copy}", title=p.title, order=p.order)
                for p in principles
                if p.section_id == section.id
            )

    for team in list(Team.objects.all()):
        for copy in range(extra):
            grown = Team.objects.create(
                slug=f"{team.slug}-{copy}", name=f"{team.name} {copy}", is_featured=True
            )
            people = Person.objects.bulk_create(
                Person(team=grown, name=f"Person {copy}-{n}") for n in range(2)
            )
            TeamPrinciple.objects.bulk_create(
                TeamPrinciple(team=grown, principle=p, note="생성") for p in principles[:5]
            )
            talk = Talk.objects.create(
                slug=f"grown-talk-{team.slug}-{copy}", title="생성 강연", team=team
            )
            talk.speakers.add(*people)
            TalkPrinciple.objects.bulk_create(
                TalkPrinciple(talk=talk, principle=p, timestamp_seconds=60 * n)
                for n, p in enumerate(principles[:5])
            )
        Person.objects.bulk_create(Person(team=team, name=f"Extra {n}") for n in range(extra))

    for talk in list(Talk.objects.all()):
        TalkPrinciple.objects.bulk_create(
            (
                TalkPrinciple(talk=talk, principle=p, timestamp_seconds=3600 + n)
                for n, p in enumerate(principles[5:15])
            ),
            ignore_conflicts=True,
        )

    for version in list(ChecklistVersion.objects.all()):
        for copy in range(extra):
            section = ChecklistSection.objects.create(
                version=version, title=f"생성 {copy}", order=50
            )
            for n in range(3):
                item = ChecklistItem.objects.create(
                    section=section, key=f"grown-{copy}-{n}", prompt=f"생성 질문 {copy}-{n}"
                )
                item.principles.add(*principles[:3])

    author = get_user_model().objects.create_user("grown-author")
    for section in Section.objects.filter(is_live=True):
        for n in range(40 * factor):
            LiveUpdate.objects.create(
                section=section, author=author, body=f"생성 소식 {n}", is_key_event=n % 7 == 0
            )
