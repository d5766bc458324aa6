import json
import math
import re
from html import unescape

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core import images
from core.bilingual import DEFAULT_LANGUAGE, LANGUAGE_CODES, active_language, text_and_language
from core.people import public_name

register = template.Library()


@register.filter
def byline(user) -> str:
    """The public name of an author (core.people): never the sign-in name."""
    return public_name(user)


@register.filter
def headline(html: str, limit: int = 80) -> str:
    """The first block of rendered HTML (a heading, a paragraph, a list item) as plain
    text: a key event's entry reads as its first line, not as every block run together."""
    first = re.split(r"</(?:p|h[1-6]|li|blockquote|pre|td|th)>", html or "", maxsplit=1)[0]
    text = " ".join(unescape(strip_tags(first)).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@register.filter
def machine_time(value) -> str:
    """A `datetime` attribute value HTML accepts: local time to the second with its offset
    (Django's "c" format writes microseconds, which the HTML grammar refuses)."""
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.isoformat(timespec="seconds")


MILLION = 1_000_000


@register.filter
def rendered(html: str):
    """Mark a `*_html` field safe. Those fields are written only by
    core.markdown.render_markdown, which sanitises with nh3; never use this filter on
    anything else."""
    return mark_safe(html or "")  # noqa: S308 - sanitised on save


@register.simple_tag
def content(obj, name: str, element: str = ""):
    """A content text in the active language, for every place a page shows one.

    A text shown in the other language, because its translation is missing, is wrapped in
    an element with that language's `lang` (a screen reader then reads it right).
    `*_html` fields hold Markdown sanitised on save (core.markdown) and are shown as HTML
    in a <div>; every other field is escaped, in a <span>."""
    if obj is None:
        return ""
    text, language = text_and_language(obj, name)
    is_html = name.endswith("_html")
    # *_html is written only by core.markdown.render_markdown, which sanitises with nh3.
    value = mark_safe(text) if is_html else text  # noqa: S308 - sanitised on save
    if not text or language == active_language():
        return conditional_escape(value)
    tag = element or ("div" if is_html else "span")
    return format_html('<{0} lang="{1}">{2}</{0}>', tag, language, value)


@register.simple_tag
def content_language(obj, name: str) -> str:
    """The language the text `content` shows is written in (for a `lang` attribute)."""
    return text_and_language(obj, name)[1] if obj is not None else active_language()


@register.simple_tag
def english_term(obj, name: str = "title", element: str = "span"):
    """On a Korean page, the English title beside the Korean one, as the playbook gives
    English terms in parentheses; nothing on an English page, whose title is English."""
    if obj is None or active_language() != DEFAULT_LANGUAGE:
        return ""
    english = getattr(obj, f"{name}_{LANGUAGE_CODES[1]}", "") or ""
    if not english or english == getattr(obj, f"{name}_{DEFAULT_LANGUAGE}", ""):
        return ""
    return format_html(
        '<{0} class="term" lang="{1}">{2}</{0}>', element, LANGUAGE_CODES[1], english
    )


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """<link rel="alternate" hreflang> for each language of this page (`?lang=`, see
    pages.language) and the address without it as x-default."""
    request = context.get("request")
    if request is None:
        return ""
    links = []
    for code in (*LANGUAGE_CODES, "x-default"):
        params = request.GET.copy()
        params.pop("lang", None)
        if code != "x-default":
            params["lang"] = code
        query = params.urlencode()
        url = request.build_absolute_uri(request.path + (f"?{query}" if query else ""))
        links.append(format_html('<link rel="alternate" hreflang="{}" href="{}">', code, url))
    return mark_safe("\n  ".join(links))  # noqa: S308 - each link built by format_html


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
        if team.arr_min_usd % team.headcount:
            # $20M ÷ 15 is not $1,333,333: a quotient that is not whole is given roughly.
            return _("about %(amount)s") % {"amount": rough_usd(value)}
        return usd(value)
    return _("at least %(amount)s") % {"amount": usd(value)}


def rough_usd(value: int) -> str:
    """$1.3M, $140,000: two significant figures."""
    if value >= MILLION:
        return f"${value / MILLION:.1f}M"
    digits = len(str(value)) - 2
    return f"${round(value, -digits):,}"


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


@register.filter
def picture_shown(variants):
    """{% with shown=image.variants|picture_shown %}: the `src` variant and its URL."""
    return images.shown_variant(variants)


@register.filter
def picture_srcset(variants):
    return images.srcset(variants)
