"""The shapes of the API's answers: the contract that openapi.json publishes."""

from datetime import date, datetime
from typing import Literal

from ninja import Schema
from pydantic import Field


class Text(Schema):
    """A text in both languages; a language without a text is null."""

    ko: str | None
    en: str | None


class Error(Schema):
    message: str
    status: int
    errors: list[dict] = Field(default_factory=list)


class Page(Schema):
    count: int = Field(description="How many objects the whole list has.")
    next: str | None = Field(description="The next page's address, null on the last page.")
    previous: str | None


class Ref(Schema):
    """Another object, named with its page and its API address."""

    slug: str
    url: str
    api_url: str


class SectionRef(Ref):
    title: Text


class TagOut(Schema):
    slug: str
    name: Text


class TeamRef(Ref):
    name: Text


class TalkRef(Ref):
    title: Text


class TeamEvidence(TeamRef):
    note: Text


class TalkEvidence(TalkRef):
    timestamp_seconds: int | None = Field(description="Where in the video, if known.")
    timestamp: str = Field(description="The same moment as a player shows it (1:23:45).")
    video_url: str | None = Field(description="The video at that moment; null without one.")
    quote: Text
    note: Text


class ItemRef(Schema):
    key: str
    prompt: Text
    checklist: str
    url: str


class PrincipleOut(Ref):
    title: Text
    section: SectionRef
    summary: Text = Field(description="Markdown as the editors wrote it.")
    summary_html: Text = Field(description="The same, rendered and sanitised.")
    responsible_ai: Text
    responsible_ai_html: Text
    order: int
    tags: list[TagOut]
    teams: list[TeamEvidence]
    talks: list[TalkEvidence]


class PrincipleDetail(PrincipleOut):
    checklist_items: list[ItemRef]


class PrincipleRef(Ref):
    title: Text


class SectionOut(SectionRef):
    intro: Text
    intro_html: Text
    order: int
    is_live: bool
    coverage_ended_at: datetime | None
    revision: int = Field(description="Rises with every change inside the section.")
    principle_count: int
    updates_url: str | None = Field(description="The live updates (live sections only).")


class SectionDetail(SectionOut):
    principles: list[PrincipleRef]


class Figure(Schema):
    value: int | None = Field(description="As the source gives it; null when unknown.")
    note: Text


class Arr(Schema):
    precision: Literal["exact", "range", "at_least", "unknown"]
    min_usd: int | None = Field(description="The stated figure, or the range's lower bound.")
    max_usd: int | None = Field(description="The range's upper bound; null otherwise.")
    note: Text = Field(description="The source's own wording.")


class PersonOut(Schema):
    id: int
    name: Text
    role: Text
    note: Text
    team: TeamRef | None
    url: str = Field(description="The page that shows the person (their team's or talk's).")


class TeamOut(TeamRef):
    tagline: Text
    leader: Text
    headcount: Figure
    users: Figure
    arr: Arr
    funding_usd: Figure
    arr_per_person_min_usd: int | None = Field(
        description="The ARR's lower bound per head; null when either is unknown."
    )
    is_tiny_team: bool | None = Field(
        description="More ARR in millions of dollars than people; null when the figures "
        "cannot tell (unknown, or a range or lower bound across the line)."
    )
    source_note: Text
    summary: Text
    summary_html: Text
    order: int


class TeamDetail(TeamOut):
    people: list[PersonOut]
    principles: list["PrincipleLink"]
    talks: list[TalkRef]


class PrincipleLink(PrincipleRef):
    note: Text


class Moment(PrincipleRef):
    timestamp_seconds: int | None
    timestamp: str
    video_url: str | None
    quote: Text
    note: Text


class TalkOut(TalkRef):
    speakers: list[PersonOut]
    team: TeamRef | None
    event: Text
    video_url: str | None = Field(description="Null until the real link is known.")
    published_on: date | None
    summary: Text
    summary_html: Text
    principles: list[Moment]


class ItemOut(Schema):
    key: str
    source_ref: str
    prompt: Text
    guidance: Text
    guidance_html: Text
    weight: int
    required: bool
    principles: list[PrincipleRef]
    url: str


class ChecklistSectionOut(Schema):
    title: Text
    items: list[ItemOut]


class VersionRef(Schema):
    number: int
    published_at: datetime | None
    changelog: Text
    item_count: int
    api_url: str


class VersionOut(VersionRef):
    checklist: str
    is_current: bool
    url: str
    sections: list[ChecklistSectionOut]


class ChecklistOut(Ref):
    title: Text
    description: Text
    description_html: Text
    source_format: str
    versions: list[VersionRef]


class UpdateOut(Schema):
    id: int
    url: str = Field(description="The update's own page.")
    section: str
    body: Text
    body_html: Text
    author: str | None = Field(description="The editor's full name, if they gave one.")
    created_at: datetime
    updated_at: datetime
    edited_at: datetime | None
    is_key_event: bool
    retracted: bool
    retracted_at: datetime | None
    revision: int = Field(description="The section revision of the update's last change.")
    change: Literal["new", "changed"] | None = Field(
        description="With `since`: new after that revision, or changed (edited, marked, "
        "retracted) while already there."
    )


class TeamPage(Page):
    results: list[TeamOut]


class PrinciplePage(Page):
    results: list[PrincipleOut]


class SectionPage(Page):
    results: list[SectionOut]


class PersonPage(Page):
    results: list[PersonOut]


class TalkPage(Page):
    results: list[TalkOut]


class ChecklistPage(Page):
    results: list[ChecklistOut]


class TagPage(Page):
    results: list[TagOut]


class UpdatePage(Page):
    results: list[UpdateOut]
    revision: int = Field(
        description="The section's revision when this answer was made: the `since` to ask "
        "with next time, once `next` is null."
    )
    coverage_ended: bool


TeamDetail.model_rebuild()


class Index(Schema):
    title: str
    version: str
    docs: str
    openapi: str
    endpoints: dict[str, str]
