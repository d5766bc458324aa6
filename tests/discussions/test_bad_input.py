"""What the dilemma form refuses: each answer is a 4xx with a message, nothing is stored,
nothing is shown."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from discussions.defences import form_started_token
from discussions.models import NAME_MAX_LENGTH, TEXT_MAX_LENGTH, Dilemma
from playbook.models import Principle, Section
from tests.discussions.helpers import about_of, form_data, send

pytestmark = pytest.mark.django_db

LINKS = "see https://a.example and https://b.example and https://c.example"
REFUSED = {
    "empty": ({"text": ""}, 422),
    "only spaces and zero-width characters": ({"text": "  \u200b\u200b \n "}, 422),
    "over the length limit": ({"text": "가" * (TEXT_MAX_LENGTH + 1)}, 422),
    "a NUL byte": ({"text": "딜레마\x00입니다"}, 422),
    "another control character": ({"text": "딜레마\x1b[31m"}, 422),
    "three links": ({"text": LINKS}, 422),
    "three full-width links": (
        {"text": "ｈｔｔｐｓ：//a.example ｈｔｔｐｓ：//b.example www.c.example"},
        422,
    ),
    "three Markdown links": (
        {"text": "[a](https://a.example) [b](https://b.example) <https://c.example>"},
        422,
    ),
    "an image": ({"text": "![sticker](https://evil.example/pixel.png)"}, 422),
    "an HTML image": ({"text": '<img src="https://evil.example/pixel.png">'}, 422),
    "direction overrides (Trojan Source)": ({"text": "승인 \u202eDESREVER\u202c 딜레마"}, 422),
    "a name of 500 characters": ({"display_name": "김" * 500}, 422),
    "a name just over the limit": ({"display_name": "a" * (NAME_MAX_LENGTH + 1)}, 422),
    "a full-width look-alike of admin": ({"display_name": "ＡＤＭＩＮ"}, 422),
    "an editor's title in Korean": ({"display_name": "운영자"}, 422),
    "a spaced look-alike of moderator": ({"display_name": "m o d e r a t o r"}, 422),
    "a name that is a web address": ({"display_name": "ｃｈｅａｐ-pills.com"}, 422),
    "a name with a direction override": ({"display_name": "\u202enimda"}, 422),
    "the honeypot filled in": ({"website": "https://spam.example"}, 400),
    "a forged timestamp": ({"started": "1700000000000:forged"}, 422),
    "sent within a second of loading": ({"started": lambda: form_started_token(time.time())}, 422),
    "a form open for three hours": (
        {"started": lambda: form_started_token(time.time() - 3 * 3600)},
        422,
    ),
    "no timestamp": ({"started": ""}, 422),
}


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
def test_refused_with_a_message_and_nothing_stored(client, principle, case, htmx):
    fields, status = REFUSED[case]
    fields = {name: value() if callable(value) else value for name, value in fields.items()}
    response = send(client, about_of(principle, "principle"), htmx=htmx, **fields)
    assert response.status_code == status, case
    html = response.content.decode()
    assert 'class="field-error"' in html or 'class="form-errors"' in html, case
    assert not Dilemma.objects.exists()
    assert "own-dilemmas" not in response.cookies


@pytest.mark.parametrize(
    "about",
    ["principle:999999", "nonsense:1", "principle:", "principle:1e3", "principle:١", "", "x" * 500],
)
def test_a_target_that_does_not_exist_is_refused(client, about):
    response = send(client, about)
    assert response.status_code == 422
    assert not Dilemma.objects.exists()
    assert Client().get(reverse("discussions:form"), {"about": about}).status_code == 404
    assert Client().get(reverse("discussions:new"), {"about": about}).status_code == 404


def test_items_readers_cannot_see_take_no_dilemmas(client):
    hidden = Principle.objects.published().first()
    Principle.objects.filter(pk=hidden.pk).update(is_published=False)
    quiet = Section.objects.filter(is_live=False).first()
    for about in (about_of(hidden, "principle"), about_of(quiet, "section")):
        assert send(client, about).status_code == 422
        assert client.get(reverse("discussions:form"), {"about": about}).status_code == 404
    assert not Dilemma.objects.exists()


def test_a_post_without_the_csrf_token_is_refused(principle):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("discussions:new"), form_data(about_of(principle, "principle")))
    assert response.status_code == 403
    assert not Dilemma.objects.exists()


def test_too_quick_keeps_the_text_and_the_timestamp_so_that_sending_again_works(client, principle):
    about = about_of(principle, "principle")
    token = form_started_token(time.time() - 1)
    first = send(client, about, htmx=True, started=token, text="조금 빨랐던 딜레마")
    assert first.status_code == 422
    assert "조금 빨랐던 딜레마" in first.content.decode() and token in first.content.decode()
    time.sleep(2.1)
    assert send(client, about, started=token, text="조금 빨랐던 딜레마").status_code == 303


def test_html_and_script_are_sanitised_not_run(client, principle, editor):
    from discussions.services import dilemmas_moderate
    from tests.security.safety import unsafe_parts

    text = '<script>alert(1)</script><b onmouseover="alert(2)">굵게</b> [x](javascript:alert(3))'
    assert send(client, about_of(principle, "principle"), text=text).status_code == 303
    dilemma = Dilemma.objects.get()
    assert "<script" not in dilemma.text_html and "javascript:" not in dilemma.text_html
    assert "onmouseover" not in dilemma.text_html
    dilemmas_moderate(dilemmas=[dilemma], status="approved", moderator=editor)
    for url in (
        principle.get_absolute_url(),
        reverse("discussions:dilemmas"),
        dilemma.get_absolute_url(),
    ):
        assert unsafe_parts(Client().get(url).content.decode()) == [], url


def test_a_flood_from_one_address_gets_429_with_a_message(client, principle, settings):
    about = about_of(principle, "principle")
    answers = [send(client, about, text=f"홍수 {n}번째").status_code for n in range(50)]
    allowed = settings.DILEMMAS_PER_ADDRESS
    assert answers[:allowed] == [303] * allowed
    assert set(answers[allowed:]) == {429}
    assert Dilemma.objects.count() == allowed
    refused = send(client, about, htmx=True, text="또")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert 'id="dilemma-throttled"' in refused.content.decode()
    # Another address is not held back by this one.
    assert send(client, about, address="198.51.100.9", text="다른 주소").status_code == 303


def test_invalid_attempts_are_limited_too(client, principle, settings):
    about = about_of(principle, "principle")
    answers = [
        send(client, about, text="").status_code
        for _ in range(settings.DILEMMAS_PER_ADDRESS * 4 + 3)
    ]
    assert answers[-1] == 429 and 422 in answers


def test_many_addresses_cannot_flood_one_item(client, principle, settings):
    settings.DILEMMAS_PER_ITEM = 3
    about = about_of(principle, "principle")
    answers = [
        send(client, about, address=f"192.0.2.{n}", text=f"봇넷 {n}").status_code for n in range(6)
    ]
    assert answers == [303, 303, 303, 429, 429, 429]
    assert Dilemma.objects.count() == 3


def test_an_editors_public_name_cannot_be_borrowed(client, principle, editor):
    editor.first_name, editor.last_name = "민지", "김"
    editor.save()
    about = about_of(principle, "principle")
    for name in ("김 민지", "민지 김", "김민지", "김.민지"):
        response = send(client, about, display_name=name)
        assert response.status_code == 422, name
        assert "편집자" in response.content.decode() or "editors" in response.content.decode()
    assert not Dilemma.objects.exists()
    assert send(client, about, display_name="김민수").status_code == 303
