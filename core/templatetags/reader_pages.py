"""Forms on reader pages (core.page_cache). Such a page is shared by every reader, so it
cannot carry a CSRF token: `{% form_slot url label slot_id="…" %}` puts a link to an
uncached page holding the form (which works without JavaScript), and htmx replaces the
link with that page's `#<slot_id>` part (a `{% partialdef %}` of it) as the page loads.
The uncached page sets the CSRF cookie and token; the cached one never does."""

from django import template

register = template.Library()


@register.inclusion_tag("_form_slot.html")
def form_slot(url: str, label: str, slot_id: str = "form-slot") -> dict:
    return {"url": url, "label": label, "slot_id": slot_id}
