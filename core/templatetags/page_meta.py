"""What a page says about itself in its <head>: the title and description once, reused by
the Open Graph tags that link previews read (`{% capture %}` renders a block once and keeps
the text, because a Django block cannot be placed twice)."""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.safestring import mark_safe

register = template.Library()

# Open Graph names a locale as language_TERRITORY.
OG_LOCALES = {"ko": "ko_KR", "en": "en_US"}


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        # Rendered template output is escaped already; tags (a `lang` span around a
        # fallback text) and indentation are not part of a title or a description.
        text = " ".join(strip_tags(self.nodelist.render(context)).split())
        context[self.name] = mark_safe(text)  # noqa: S308 - escaped by the template engine
        return ""


@register.tag
def capture(parser, token):
    """{% capture as name %}…{% endcapture %}: the rendered text in `name`, nothing shown."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.simple_tag(takes_context=True)
def open_graph(context, title, description, kind="website"):
    """og:* meta tags. Their addresses are absolute, as Open Graph requires; the page cache
    keys on scheme and host (core.page_cache), so a cached page names its own host."""
    request = context.get("request")
    language = context.get("LANGUAGE_CODE") or "ko"
    tags = [
        ("og:type", kind),
        ("og:site_name", context.get("site_name", "")),
        ("og:title", title),
        ("og:description", description),
        ("og:locale", OG_LOCALES.get(language, language)),
        *[("og:locale:alternate", og) for code, og in OG_LOCALES.items() if code != language],
    ]
    if request is not None:
        # The canonical address (base.html): the path, with ?lang= when the address names it.
        path = request.path + (f"?lang={language}" if "lang" in request.GET else "")
        tags.append(("og:url", request.build_absolute_uri(path)))
        tags.append(("og:image", request.build_absolute_uri(static("img/apple-touch-icon.png"))))
    html = format_html_join(
        "\n  ", '<meta property="{}" content="{}">', ((k, v) for k, v in tags if v)
    )
    return html + format_html('\n  <meta name="twitter:card" content="{}">', "summary")
