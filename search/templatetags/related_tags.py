from django import template

from search.related import related_items

register = template.Library()


@register.inclusion_tag("search/_related.html")
def related(kind: str, item):
    """The "Related" block of an item's page (search.related)."""
    return {"related": related_items(kind, item.pk) if item is not None else []}
