"""Loading the playbook's content from `fixtures/playbook.toml`, once per item.

Each app contributes a loader in its own `seed` module (registered with `loader`), so the
playbook app never imports the apps that build on it. Every created item is remembered
in `SeedRecord`; a later run skips it, so it never undoes an editor's change or deletion.
"""

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from playbook.models import Page, Principle, Section, SeedRecord, Tag

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


def pick(data: dict, *names: str) -> dict:
    """The fields of a seed entry that a model takes; absent keys stay at the model default."""
    return {name: data[name] for name in names if name in data}


@loader(order=10)
def load_playbook_content(data: dict, run: SeedRun) -> None:
    for page in data.get("pages", []):
        run.create_once(
            f"page:{page['slug']}",
            lambda p=page: Page.objects.filter(slug=p["slug"]).exists(),
            lambda p=page: Page.objects.create(
                **pick(p, "slug", "title", "title_en", "lead", "body")
            ),
        )
    for tag in data.get("tags", []):
        run.create_once(
            f"tag:{tag['slug']}",
            lambda t=tag: Tag.objects.filter(slug=t["slug"]).exists(),
            lambda t=tag: Tag.objects.create(**pick(t, "slug", "name", "name_en")),
        )
    for section in data.get("sections", []):
        run.create_once(
            f"section:{section['slug']}",
            lambda s=section: Section.objects.filter(slug=s["slug"]).exists(),
            lambda s=section: Section.objects.create(
                **pick(s, "slug", "title", "title_en", "intro", "order", "is_live")
            ),
        )
    for principle in data.get("principles", []):
        run.create_once(
            f"principle:{principle['slug']}",
            lambda p=principle: Principle.objects.filter(slug=p["slug"]).exists(),
            lambda p=principle: _create_principle(p),
        )


def _create_principle(data: dict) -> None:
    section = Section.objects.filter(slug=data["section"]).first()
    if section is None:
        return  # an editor removed the section; do not bring it back
    principle = Principle.objects.create(
        section=section,
        **pick(data, "slug", "title", "title_en", "summary", "responsible_ai", "order"),
    )
    principle.tags.set(Tag.objects.filter(slug__in=data.get("tags", [])))
