"""Loading the playbook's content from `fixtures/playbook.toml`, once per item.

Each app contributes a loader in its own `seed` module (registered with `loader`), so the
playbook app never imports the apps that build on it. Every created item is remembered
in `SeedRecord`; a later run skips it, so it never undoes an editor's change or deletion.

Both languages come from the seed: `title` is the Korean text, `title_en` its English
twin (core.bilingual). An item made by an earlier run, before the seed had English or the
provenance facts, gets them once (`SeedRun.fill_once`): only into columns that are still
empty, so an editor's text in either language is never touched.
"""

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from core.bilingual import LANGUAGE_CODES
from playbook.models import Event, Page, Principle, Section, SeedRecord, Tag

HANGUL = re.compile("[\uac00-\ud7a3]")
DEFAULT_SEED_FILE = Path(settings.BASE_DIR) / "fixtures" / "playbook.toml"

_loaders: list[tuple[int, Callable]] = []


def loader(order: int):
    """Register a function `(data, run)` that loads one app's part of the seed."""

    def register(func):
        _loaders.append((order, func))
        return func

    return register


def registered_loaders() -> list[Callable]:
    return [func for _, func in sorted(_loaders, key=lambda pair: pair[0])]


def read_seed(path: Path = DEFAULT_SEED_FILE) -> dict:
    with open(path, "rb") as handle:
        return tomllib.load(handle)


@dataclass
class SeedRun:
    """Remembers what the seed created before, and counts what this run did."""

    known: set[str] = field(
        default_factory=lambda: set(SeedRecord.objects.values_list("key", flat=True))
    )
    created: list[str] = field(default_factory=list)
    skipped: int = 0
    # (item key, column) of every empty column an earlier item got from the seed.
    filled: list[tuple[str, str]] = field(default_factory=list)

    def create_once(self, key: str, exists: Callable[[], bool], create: Callable[[], object]):
        """Create an item unless the seed did so before or it already exists."""
        if key in self.known:
            self.skipped += 1
            return
        if not exists():
            create()
            self.created.append(key)
        else:
            self.skipped += 1
        SeedRecord.objects.create(key=key)
        self.known.add(key)

    def fill_once(self, key: str, find: Callable[[], object | None], values: dict) -> None:
        """Give an item the seed made before the columns it left empty, once.

        Only empty columns (NULL, "", False) get the seed's value; the item is then
        remembered, so an editor who empties a column later is not overruled."""
        fill_key = f"fill:{key}"
        if fill_key in self.known:
            return
        obj = find()
        if obj is not None:
            changed = [name for name, value in values.items() if value and not getattr(obj, name)]
            for name in changed:
                setattr(obj, name, values[name])
            if changed:
                obj.save(update_fields=changed)
                self.filled.extend((key, name) for name in changed)
        SeedRecord.objects.create(key=fill_key)
        self.known.add(fill_key)


def pick(data: dict, *names: str) -> dict:
    """The fields of a seed entry that a model takes; absent keys stay at the model default."""
    return {name: data[name] for name in names if name in data}


def texts(data: dict, *names: str) -> dict:
    """The language columns of translated fields: `title` is the Korean text (title_ko),
    `title_en` the English one. Absent keys are left out."""
    values = {}
    for name in names:
        for code in LANGUAGE_CODES:
            key = name if code == LANGUAGE_CODES[0] else f"{name}_{code}"
            if key in data:
                values[f"{name}_{code}"] = data[key]
            elif key != name and name in data and not HANGUL.search(str(data[name])):
                # A text without Korean letters ("AIEWF", "CEO") reads the same in English.
                values[f"{name}_{code}"] = data[name]
    return values


def names(data: dict) -> dict:
    """A team's or person's name: `name` is the one the source gives (in English), with
    `name_ko` and `name_en` beside it."""
    return {"name_ko": data.get("name_ko", ""), "name_en": data.get("name_en") or data["name"]}


PAGE_TEXTS = ("title", "lead", "body")
SECTION_TEXTS = ("title", "intro", "event_note")
PRINCIPLE_TEXTS = ("title", "summary", "responsible_ai")
EVENT_TEXTS = ("name", "dates", "place", "focus", "summary", "source")


@loader(order=10)
def load_playbook_content(data: dict, run: SeedRun) -> None:
    for page in data.get("pages", []):
        key = f"page:{page['slug']}"
        run.create_once(
            key,
            lambda p=page: Page.objects.filter(slug=p["slug"]).exists(),
            lambda p=page: Page.objects.create(slug=p["slug"], **texts(p, *PAGE_TEXTS)),
        )
        run.fill_once(
            key,
            lambda p=page: Page.objects.filter(slug=p["slug"]).first(),
            texts(page, *PAGE_TEXTS),
        )
    for tag in data.get("tags", []):
        key = f"tag:{tag['slug']}"
        run.create_once(
            key,
            lambda t=tag: Tag.objects.filter(slug=t["slug"]).exists(),
            lambda t=tag: Tag.objects.create(slug=t["slug"], **texts(t, "name")),
        )
        run.fill_once(
            key, lambda t=tag: Tag.objects.filter(slug=t["slug"]).first(), texts(tag, "name")
        )
    for order, event in enumerate(data.get("events", []), start=1):
        key = f"event:{event['slug']}"
        run.create_once(
            key,
            lambda e=event: Event.objects.filter(slug=e["slug"]).exists(),
            lambda e=event, o=order: Event.objects.create(
                slug=e["slug"], order=o, **texts(e, *EVENT_TEXTS)
            ),
        )
    for section in data.get("sections", []):
        key = f"section:{section['slug']}"
        run.create_once(
            key,
            lambda s=section: Section.objects.filter(slug=s["slug"]).exists(),
            lambda s=section: Section.objects.create(
                **pick(s, "slug", "order", "is_live"),
                event=Event.objects.filter(slug=s.get("event", "")).first(),
                **texts(s, *SECTION_TEXTS),
            ),
        )
        run.fill_once(
            key,
            lambda s=section: Section.objects.filter(slug=s["slug"]).first(),
            {
                **texts(section, *SECTION_TEXTS),
                "event": Event.objects.filter(slug=section.get("event", "")).first(),
            },
        )
    for principle in data.get("principles", []):
        key = f"principle:{principle['slug']}"
        run.create_once(
            key,
            lambda p=principle: Principle.objects.filter(slug=p["slug"]).exists(),
            lambda p=principle: _create_principle(p),
        )
        run.fill_once(
            key,
            lambda p=principle: Principle.objects.filter(slug=p["slug"]).first(),
            {
                **texts(principle, *PRINCIPLE_TEXTS),
                "responsible_ai_editorial": principle.get("responsible_ai_editorial", False),
            },
        )
    # Pairs point at each other, so they are set once every principle exists: a link
    # between two rows, not an edit of either's text, so no new version is recorded.
    for principle in data.get("principles", []):
        if principle.get("pair"):
            run.create_once(
                f"pair:{principle['slug']}",
                lambda p=principle: Principle.objects.filter(
                    slug=p["slug"], pair__isnull=False
                ).exists(),
                lambda p=principle: Principle.objects.filter(slug=p["slug"]).update(
                    pair=Principle.objects.filter(slug=p["pair"]).first()
                ),
            )


def _create_principle(data: dict) -> None:
    section = Section.objects.filter(slug=data["section"]).first()
    if section is None:
        return  # an editor removed the section; do not bring it back
    principle = Principle.objects.create(
        section=section,
        **pick(data, "slug", "order", "responsible_ai_editorial"),
        **texts(data, *PRINCIPLE_TEXTS),
    )
    principle.tags.set(Tag.objects.filter(slug__in=data.get("tags", [])))
