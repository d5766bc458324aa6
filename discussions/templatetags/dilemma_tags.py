from django import template

from discussions.selectors import dilemmas_about, pending_count

register = template.Library()

SHOWN_ON_ITEM_PAGE = 10


@register.inclusion_tag("discussions/_item_dilemmas.html")
def item_dilemmas(kind: str, item):
    """The approved dilemmas about an item and the place its form loads into."""
    found = list(dilemmas_about(kind=kind, item_id=item.pk)[: SHOWN_ON_ITEM_PAGE + 1])
    return {
        "dilemmas": found[:SHOWN_ON_ITEM_PAGE],
        "more": len(found) > SHOWN_ON_ITEM_PAGE,
        "total": len(found) if len(found) <= SHOWN_ON_ITEM_PAGE else f"{SHOWN_ON_ITEM_PAGE}+",
        "kind": kind,
        "about": f"{kind}:{item.pk}",
    }


@register.inclusion_tag("admin/discussions/_pending.html", takes_context=True)
def pending_dilemmas(context):
    """The size of the moderation queue, for the admin index (editors who may moderate)."""
    request = context["request"]
    allowed = request.user.has_perm("discussions.change_dilemma")
    return {"allowed": allowed, "count": pending_count() if allowed else 0}
