"""The XSS corpus and hypothesis through the dilemma form: every answer is below 500, and
whatever is stored comes out unable to run, before and after approval."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from discussions.models import Dilemma
from discussions.services import dilemmas_moderate
from tests.discussions.helpers import HTMX, about_of, send
from tests.security.safety import unsafe_parts
from tests.security.xss_payloads import PAYLOADS

pytestmark = pytest.mark.django_db


@pytest.fixture
def roomy_limits(settings):
    settings.DILEMMAS_PER_ITEM = 10_000
    settings.DILEMMAS_PER_ADDRESS = 10_000


def test_the_corpus_through_the_form_and_onto_every_page(client, principle, editor, roomy_limits):
    about = about_of(principle, "principle")
    for n, payload in enumerate(PAYLOADS):
        for fields in ({"text": f"딜레마 {payload}"}, {"display_name": payload[:60]}):
            response = send(client, about, address=f"10.9.{n}.{len(fields)}", htmx=True, **fields)
            assert response.status_code in {200, 422}, (payload, response.status_code)
            assert unsafe_parts(response.content.decode()) == [], payload
    stored = list(Dilemma.objects.all())
    assert stored, "some payloads are plain text with markup and must be accepted, sanitised"
    for dilemma in stored:
        assert unsafe_parts(dilemma.text_html) == [], dilemma.text
    # The browser that sent them sees its pending ones escaped…
    mine = client.get(reverse("discussions:form"), {"about": about}, **HTMX).content.decode()
    assert unsafe_parts(mine) == []
    # …and once approved (and featured) they are safe on every page that shows them.
    dilemmas_moderate(dilemmas=stored, status="featured", moderator=editor)
    reader = Client()
    for url in [
        principle.get_absolute_url(),
        reverse("discussions:dilemmas"),
        reverse("home"),
        reverse("changes"),
        reverse("search") + "?q=딜레마",
        *[d.get_absolute_url() for d in stored[:10]],
    ]:
        html = reader.get(url).content.decode()
        assert unsafe_parts(html) == [], url
    # The admin has scripts and styles of its own; the readers' markup must not be among them.
    admin = editor_html(editor, stored[0])
    for raw in ("<script>alert", "<img src=x onerror", "<svg onload", "<iframe"):
        assert raw not in admin, raw


def editor_html(editor, dilemma):
    client = Client()
    client.force_login(editor)
    pages = [
        reverse("admin:discussions_dilemma_changelist") + "?status=all",
        reverse("admin:discussions_dilemma_change", args=[dilemma.pk]),
        reverse("admin:discussions_dilemma_history", args=[dilemma.pk]),
    ]
    return "".join(client.get(url).content.decode() for url in pages)


typed = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=80),
    st.sampled_from(
        ["", " ", "\x00", "\u202e", "ＡＤＭＩＮ", "[a](javascript:x)", "![i](x)", "가" * 2001]
    ),
)
abouts = st.one_of(
    st.sampled_from(["principle:1", "team:1", "talk:1", "section:1", "principle:0", "", ":"]),
    st.text(max_size=40),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=typed, name=typed, about=abouts, website=st.sampled_from(["", "x"]), htmx=st.booleans())
def test_any_input_gets_an_answer_below_500(
    principle, roomy_limits, text, name, about, website, htmx
):
    before = Dilemma.objects.count()
    response = send(Client(), about, htmx=htmx, text=text, display_name=name, website=website)
    assert response.status_code in {200, 303, 400, 422}, response.status_code
    stored = Dilemma.objects.count() - before
    assert stored == (1 if response.status_code in {200, 303} else 0)
    if stored:
        dilemma = Dilemma.objects.latest("pk")
        assert dilemma.status == "pending" and unsafe_parts(dilemma.text_html) == []
        assert "\x00" not in dilemma.text and len(dilemma.text) <= 2000
