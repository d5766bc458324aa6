import json
import math

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()

MILLION = 1_000_000


@register.filter
def rendered(html: str):
    """Mark a `*_html` field safe. Those fields are written only by
    core.markdown.render_markdown, which sanitises with nh3; never use this filter on
    anything else."""
    return mark_safe(html or "")  # noqa: S308 - sanitised on save


@register.filter
def number(value):
    """Digits grouped by thousands; None (unknown) shows as a dash, never as zero."""
    if value is None or value == "":
        return "—"
    return f"{value:,}"


@register.filter
def usd_millions(value):
    if value is None:
        return "—"
    millions = math.floor(value / MILLION * 100) / 100
    text = f"{millions:,.2f}".rstrip("0").rstrip(".")
    return f"${text}M"


@register.simple_tag
def arr_range(team):
    """The ARR as the source gives it: exact, a range, or a lower bound."""
    if team.arr_min_usd is None:
        return _("unknown")
    low = usd_millions(team.arr_min_usd)
    if team.arr_precision == "range" and team.arr_max_usd is not None:
        return f"{low} – {usd_millions(team.arr_max_usd)}"
    if team.arr_precision == "at_least":
        return _("at least %(amount)s") % {"amount": low}
    return low


@register.filter
def usd(value):
    """Whole dollars with grouped digits; None (unknown) shows as a dash, never as zero."""
    if value is None:
        return "—"
    return f"${value:,}"


@register.simple_tag
def arr_per_person(team):
    """ARR per person from the ARR's lower bound, marked "at least" unless the ARR is exact."""
    value = team.arr_per_person_min_usd
    if value is None:
        return _("unknown")
    if team.arr_precision == "exact":
        return usd(value)
    return _("at least %(amount)s") % {"amount": usd(value)}


JSON_IN_HTML_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """A JSON-LD block. The JSON is escaped as Django's json_script escapes it, so no
    text inside (an update's body, say) can close the element; browsers never run it."""
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder).translate(
        JSON_IN_HTML_ESCAPES
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308
