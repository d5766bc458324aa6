"""The sort order of the teams table, read from and written to its `?sort=` parameter."""

from dataclasses import dataclass

from django.urls import reverse

from teams.models import TEAM_SORT_FIELDS


@dataclass(frozen=True)
class TeamSort:
    key: str = ""  # "" is the editors' order
    descending: bool = False

    @classmethod
    def from_param(cls, value: str | None) -> "TeamSort":
        """`-users` is users, largest first; anything unknown is the default order."""
        value = (value or "").strip()
        key = value.removeprefix("-")
        if key not in TEAM_SORT_FIELDS:
            return cls()
        return cls(key=key, descending=value.startswith("-"))

    @property
    def param(self) -> str:
        if not self.key:
            return ""
        return f"-{self.key}" if self.descending else self.key

    def url(self) -> str:
        base = reverse("teams:teams")
        return f"{base}?sort={self.param}" if self.key else base

    def column(self, key: str) -> dict:
        """Header state of a sortable column: where its link goes and how it is sorted now.

        A first click sorts largest first, the usual question ("who has the most?");
        a second click on the same column reverses it."""
        if key != self.key:
            return {"key": key, "url": TeamSort(key, descending=True).url(), "aria_sort": ""}
        return {
            "key": key,
            "url": TeamSort(key, descending=not self.descending).url(),
            "aria_sort": "descending" if self.descending else "ascending",
        }

    def columns(self) -> dict:
        return {key.replace("-", "_"): self.column(key) for key in TEAM_SORT_FIELDS}
