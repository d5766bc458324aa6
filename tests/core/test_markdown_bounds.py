"""Rendering Markdown is bounded in time for any input within the length limits (issue 11,
finding 9: 10,000 `[` took 31 s). The worst cases known, at the live update limit, each
render in well under a second; the forms refuse them with a message."""

import time

import pytest
from django.core.exceptions import ValidationError

from core.markdown import render_markdown, unrenderable, validate_markdown

N = 10_000  # the live update limit
WORST = {
    "unclosed [": "[" * N,
    "unclosed ![": "![" * (N // 2),
    "[](": "[](" * (N // 3),
    "[a](": "[a](" * (N // 4),
    "nested [[ ]]": "[[" * 3000 + "]]" * 2000,
    "deeply nested": "[" * (N // 2) + "]" * (N // 2),
    "[^": "[^" * (N // 2),
    "*[": "*[" * (N // 2),
    "[ and newlines": "[\n" * (N // 2),
    "[a](<": "[a](<" * (N // 5),
    "raw tags": "<a " * (N // 3),
    "autolinks": "<http://" * (N // 8),
    "abbreviations": "*[a]: b\n" * (N // 8),
    "a few [ then text": "[" * 30 + "a" * (N - 30),
    "many paragraphs of [": ("[" * 380 + "\n\n") * 25,
    "quotes": "> " * (N // 2),
    "emphasis": "*_" * (N // 2),
    "fences": "```\n" * (N // 4),
}
# Just within the budget: rendered as Markdown, still fast.
WITHIN = {
    "some unclosed [": "[" * 12 + "a" * (N - 12),
    "many links": "[link](https://example.org/) " * 340,
    "nested a little": "[" * 300 + "]" * 300 + "a" * (N - 600),
    "tags": "<b>x</b> " * 240,
}


@pytest.mark.parametrize("name", [*WORST, *WITHIN])
def test_rendering_takes_well_under_a_second(name):
    source = {**WORST, **WITHIN}[name]
    assert len(source) <= N + 10
    # CPU time of this process: other processes on a busy machine do not count.
    started = time.process_time()
    html = render_markdown(source)
    assert time.process_time() - started < 1.0
    assert "<script" not in html


@pytest.mark.parametrize("name", ["unclosed [", "[a](", "deeply nested", "*[", "raw tags"])
def test_the_forms_refuse_pathological_text_with_a_message(name):
    with pytest.raises(ValidationError) as refused:
        validate_markdown(WORST[name])
    assert refused.value.code == "unrenderable" and refused.value.messages[0]


def test_ordinary_markdown_is_left_alone():
    text = "See [the talk](https://example.org/t) and [another](https://example.org/u).\n\n" * 50
    assert not unrenderable(text)
    validate_markdown(text)
    assert render_markdown(text).count('<a href="https://example.org/t"') == 50


def test_what_cannot_be_rendered_is_shown_as_plain_text():
    html = render_markdown("[" * N + "\n\n<b>x</b>")
    assert html.startswith("<p>[[[")
    assert "&lt;b&gt;" in html  # escaped, not a tag
