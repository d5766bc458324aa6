"""A reader submits a dilemma on the page it is about: with HTMX or a plain POST, it is
held for moderation, and only the browser that sent it shows it."""

import pytest
from django.test import Client
from django.urls import reverse

from discussions.defences import OWN_COOKIE
from discussions.models import Dilemma
from tests.discussions.helpers import HTMX, about_of, send

pytestmark = pytest.mark.django_db


def test_every_item_page_offers_the_form_without_a_token_of_its_own(client, items):
    for kind, item in items:
        html = client.get(item.get_absolute_url()).content.decode()
        about = about_of(item, kind)
        assert 'id="dilemmas"' in html, kind
        # The page links to the uncached form page (no JavaScript) and loads the form from
        # the uncached fragment URL (HTMX); the page itself holds no dilemma form.
        assert f"{reverse('discussions:new')}?about={about}" in html, kind
        assert f"{reverse('discussions:form')}?about={about}" in html, kind
        assert 'id="dilemma-form"' not in html, kind


def test_the_fragment_and_the_page_carry_the_form_with_its_token(client, principle):
    about = about_of(principle, "principle")
    fragment = client.get(reverse("discussions:form"), {"about": about}, **HTMX)
    assert fragment.status_code == 200
    assert "csrfmiddlewaretoken" in fragment.content.decode()
    assert "<html" not in fragment.content.decode()
    assert "no-cache" in fragment["Cache-Control"] or "no-store" in fragment["Cache-Control"]
    page = client.get(reverse("discussions:new"), {"about": about})
    assert page.status_code == 200 and 'id="dilemma-form"' in page.content.decode()


def test_a_plain_post_is_held_and_shown_to_its_browser_only(client, items):
    for kind, item in items:
        about = about_of(item, kind)
        response = send(
            client, about, text=f"{kind} 딜레마: 어떻게 해야 할까?", address=f"10.0.0.{len(kind)}"
        )
        assert response.status_code == 303, kind
        assert response["Location"].startswith(reverse("discussions:new"))
        dilemma = Dilemma.objects.get(about_kind=kind, about_id=item.pk)
        assert dilemma.status == Dilemma.Status.PENDING
        assert dilemma.language == "ko"
        assert len(dilemma.submitter_hash) == 64 and "10.0.0" not in dilemma.submitter_hash

        landing = client.get(response["Location"]).content.decode()
        assert 'id="dilemma-received"' in landing
        assert f"{kind} 딜레마" in landing
        # The same browser sees it with the form on the item page (the uncached fragment)…
        mine = client.get(reverse("discussions:form"), {"about": about}, **HTMX).content.decode()
        assert f"{kind} 딜레마" in mine
        # …nobody else does, and the item page itself never shows it.
        theirs = Client().get(reverse("discussions:form"), {"about": about}, **HTMX)
        assert f"{kind} 딜레마" not in theirs.content.decode()
        assert f"{kind} 딜레마" not in client.get(item.get_absolute_url()).content.decode()


def test_an_htmx_post_answers_with_the_received_message_in_place(client, principle):
    about = about_of(principle, "principle")
    response = send(client, about, htmx=True, text="HTMX로 보낸 딜레마")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="dilemma-received"' in html and "HTMX로 보낸 딜레마" in html
    assert "<html" not in html
    assert 'data-own-pending="1"' in html
    cookie = response.cookies[OWN_COOKIE]
    assert cookie["path"] == "/dilemmas/" and cookie["httponly"]
    assert Dilemma.objects.get().status == Dilemma.Status.PENDING


def test_the_own_cookie_cannot_be_forged_to_read_others_pending(client, principle):
    about = about_of(principle, "principle")
    send(client, about, text="남의 딜레마")
    other = Client()
    other.cookies[OWN_COOKIE] = str(Dilemma.objects.get().pk)  # unsigned
    html = other.get(reverse("discussions:form"), {"about": about}, **HTMX).content.decode()
    assert "남의 딜레마" not in html


def test_english_readers_submit_in_english(client, principle):
    client.cookies["django_language"] = "en"
    send(client, about_of(principle, "principle"), text="Should we train on customer data?")
    assert Dilemma.objects.get().language == "en"
