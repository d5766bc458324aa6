"""Checks that a piece of HTML can run no script that did not come from our own files."""

import json
from html.parser import HTMLParser

DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "background", "poster"}
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}


class _Audit(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.tags = set()
        self.in_script = False
        self.in_data_block = False

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        attrs = dict(attrs)
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        if tag == "script" and attrs.get("type") == "application/ld+json" and "src" not in attrs:
            # A JSON data block (structured data): browsers never run it; its text must be
            # JSON, or something closed it early and injected markup after it.
            self.in_data_block = True
        elif tag == "script":
            self.in_script = True
            if not (attrs.get("src") or "").startswith("/static/"):
                self.problems.append("<script> not from /static/")
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            self.problems.append("meta refresh")
        for name, value in attrs.items():
            # htmx reads its attributes with or without the `data-` prefix.
            name = name.removeprefix("data-") if name.startswith("data-hx-") else name
            if name.startswith("on") or name.startswith("hx-on"):
                self.problems.append(f"{name}= on <{tag}>")
            # htmx triggers that fire by themselves would let injected markup send requests.
            if name == "hx-trigger" and any(
                word in (value or "") for word in ("load", "revealed", "intersect", "every")
            ):
                self.problems.append(f"hx-trigger={value!r} on <{tag}>")
            if name in URL_ATTRIBUTES and value:
                cleaned = "".join(value.split()).lower()
                if cleaned.startswith(DANGEROUS_SCHEMES):
                    self.problems.append(f"{name}={value!r} on <{tag}>")
            if name == "style":
                self.problems.append(f"style= on <{tag}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = self.in_data_block = False

    def handle_data(self, data):
        if self.in_data_block:
            try:
                json.loads(data)
            except ValueError:
                self.problems.append("a JSON-LD block that is not JSON")
        elif self.in_script and data.strip():
            self.problems.append("inline script content")


def _audit(html: str) -> _Audit:
    audit = _Audit()
    audit.feed(html)
    audit.close()
    return audit


def unsafe_parts(html: str) -> list[str]:
    return _audit(html).problems


def tags_in(html: str) -> set[str]:
    return _audit(html).tags
