import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_failed_sign_ins_are_limited_per_account(editor, settings):
    client = Client()
    for attempt in range(settings.LOGIN_FAILURES_PER_ACCOUNT):
        response = sign_in(client, "editor", "wrong", address=f"10.0.0.{attempt}")
        assert response.status_code == 200  # the usual form with its usual message
    blocked = sign_in(client, "editor", PASSWORD, address="10.0.9.9")
    assert blocked.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another account from the same addresses is not affected.
    assert sign_in(client, "someone-else", "wrong", address="10.0.9.9").status_code == 200


def test_failed_sign_ins_are_limited_per_address(editor, settings):
    client = Client()
    for attempt in range(settings.LOGIN_FAILURES_PER_ADDRESS):
        sign_in(client, f"guess-{attempt}", "wrong", address="10.1.1.1")
    assert sign_in(client, "editor", PASSWORD, address="10.1.1.1").status_code == 429
    assert sign_in(client, "editor", PASSWORD, address="10.1.1.2").status_code == 302


def test_messages_do_not_tell_which_part_was_wrong(editor):
    client = Client()
    unknown = sign_in(client, "nobody", "wrong").content.decode()
    wrong_password = sign_in(client, "editor", "wrong").content.decode()

    def error_of(page):
        return re.search(r'<p class="errornote">(.*?)</p>', page, re.S).group(1).strip()

    assert error_of(unknown) == error_of(wrong_password)


def test_a_correct_sign_in_still_works(editor):
    response = sign_in(Client(), "editor", PASSWORD)
    assert response.status_code == 302


def test_the_next_parameter_refuses_off_site_redirects(editor):
    client = Client()
    response = client.post(
        reverse("admin:login") + "?next=https://evil.example/",
        {"username": "editor", "password": PASSWORD},
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


def test_behind_a_proxy_the_forwarded_address_counts(editor, settings):
    settings.PROXY_COUNT = 1
    client = Client()
    for attempt in range(settings.LOGIN_FAILURES_PER_ADDRESS):
        client.post(
            reverse("admin:login"),
            {"username": f"guess-{attempt}", "password": "wrong"},
            REMOTE_ADDR="127.0.0.1",  # the proxy
            HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9",  # the first part is the client's own
        )
    blocked = client.post(
        reverse("admin:login"),
        {"username": "editor", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.9",
    )
    assert blocked.status_code == 429
    other = client.post(
        reverse("admin:login"),
        {"username": "editor", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.10",
    )
    assert other.status_code == 302  # another client behind the same proxy is not blocked


def test_look_alike_spellings_of_a_name_share_its_limit(editor, settings):
    """Django signs in "ｅditor" (full-width e) as "editor": both must count as one account."""
    client = Client()
    for attempt in range(settings.LOGIN_FAILURES_PER_ACCOUNT):
        sign_in(client, "editor", "wrong", address=f"10.2.0.{attempt}")
    for name in ["ｅditor", "EDITOR", "ｅｄｉｔｏｒ ", "Editor"]:
        response = sign_in(client, name, PASSWORD, address="10.2.9.9")
        assert response.status_code == 429, name
    assert "_auth_user_id" not in client.session


def test_failures_under_look_alike_names_add_up(editor, settings):
    client = Client()
    names = ["editor", "ｅditor", "EDITOR", "Ｅｄｉｔｏｒ", "edıtor"]  # the last is not the same
    for attempt, name in enumerate(names[: settings.LOGIN_FAILURES_PER_ACCOUNT - 1]):
        sign_in(client, name, "wrong", address=f"10.3.0.{attempt}")
    sign_in(client, "eDiToR", "wrong", address="10.3.1.1")
    assert sign_in(client, "editor", PASSWORD, address="10.3.9.9").status_code == 429
