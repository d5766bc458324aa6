import pytest

from core.markdown import render_markdown
from playbook.models import Principle

DANGEROUS = [
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    '<iframe src="https://example.com"></iframe>',
    '<svg onload="alert(1)"></svg>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
]


@pytest.mark.parametrize("source", DANGEROUS)
def test_dangerous_markup_is_removed(source):
    html = render_markdown(f"Before\n\n{source}\n\nAfter").lower()
    for needle in [
        "<script",
        "onerror",
        "onload",
        "javascript:",
        "<iframe",
        "<svg",
        "style=",
        "data:",
    ]:
        assert needle not in html
    assert "before" in html and "after" in html


def test_markdown_features_survive_sanitising():
    html = render_markdown("**굵게** and [link](https://example.com)\n\n- one\n- two")
    assert "<strong>굵게</strong>" in html
    assert 'href="https://example.com"' in html
    assert 'rel="noopener noreferrer nofollow"' in html
    assert "<li>one</li>" in html


@pytest.mark.django_db
def test_saving_a_model_renders_its_markdown_twin():
    principle = Principle.objects.first()
    principle.summary = "안전한 *강조* <script>alert('x')</script>"
    principle.save()
    principle.refresh_from_db()
    assert "<em>강조</em>" in principle.summary_html
    assert "<script" not in principle.summary_html


@pytest.mark.django_db
def test_rendered_markdown_on_a_page_has_no_script(client):
    principle = Principle.objects.first()
    principle.summary = '<script>alert(1)</script><img src=x onerror="alert(2)"> 본문'
    principle.save()
    body = client.get(principle.get_absolute_url()).content.decode()
    assert "alert(1)" not in body and "onerror" not in body
    assert "본문" in body
