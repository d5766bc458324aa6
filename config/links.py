"""Where each kind of content lives, for pages that list several kinds together (search,
recent changes)."""

from django.urls import reverse


def content_url(kind: str, slug: str, anchor_id=None) -> str:
    """`slug` is the page's own slug; for a live update, its section's, and for a
    checklist item, its checklist's, with `anchor_id` the update's id or the item's key."""
    if kind == "principle":
        return reverse("playbook:principle", args=[slug])
    if kind == "team":
        return reverse("teams:team", args=[slug])
    if kind == "talk":
        return reverse("teams:talk", args=[slug])
    if kind == "item":
        return reverse("governance:checklist", args=[slug]) + f"#item-{anchor_id}"
    if kind == "update":
        return reverse("playbook:section", args=[slug]) + f"#update-{anchor_id}"
    raise ValueError(f"no page for {kind!r}")
