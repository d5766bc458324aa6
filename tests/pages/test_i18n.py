import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def page_in(client, language, url):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_korean_is_the_default_interface_language(client):
    body = client.get(reverse("teams:teams")).content.decode()
    assert '<html lang="ko">' in body
    assert "본문으로 건너뛰기" in body


@pytest.mark.parametrize(
    ("language", "expected", "absent"),
    [
        ("ko", ["원칙", "본문으로 건너뛰기", "인원"], ["Skip to content", "Headcount"]),
        ("en", ["Principles", "Skip to content", "Headcount"], ["본문으로 건너뛰기"]),
    ],
)
def test_the_same_page_in_both_languages(client, language, expected, absent):
    body = page_in(client, language, reverse("teams:teams"))
    assert f'<html lang="{language}">' in body
    for text in expected:
        assert text in body
    for text in absent:
        assert text not in body


def test_content_follows_the_language_korean_titles_carry_their_english_term(client):
    english = page_in(client, "en", reverse("playbook:principles"))
    assert "Work Trials" in english and "업무 평가" not in english
    korean = page_in(client, "ko", reverse("playbook:principles"))
    assert "업무 평가" in korean and '<span class="term" lang="en">Work Trials</span>' in korean


def test_language_switch_sets_the_language_and_returns(client):
    url = reverse("teams:teams")
    response = client.post(reverse("set_language"), {"language": "en", "next": url})
    assert response.status_code == 302
    assert response["Location"] == url
    assert "Skip to content" in client.get(url).content.decode()


def test_language_switch_refuses_off_site_redirects(client):
    response = client.post(
        reverse("set_language"), {"language": "en", "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


def test_the_language_link_sets_the_cookie_and_returns(client):
    url = reverse("teams:teams") + "?sort=users"
    response = client.get(reverse("language", args=["en"]), {"next": url})
    assert response.status_code == 302
    assert response["Location"] == url
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert "no-store" in response["Cache-Control"]
    assert '<html lang="en">' in client.get(url).content.decode()


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "/\\evil.example", "", "javascript:x"]
)
def test_the_language_link_goes_back_only_to_this_site(client, next_url):
    response = client.get(reverse("language", args=["en"]), {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_an_unknown_language_is_404(client):
    response = client.get(reverse("language", args=["xx"]), {"next": "/"})
    assert response.status_code == 404
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_the_switch_is_a_link_to_the_same_page_in_the_other_language(client):
    body = client.get(reverse("teams:teams") + "?sort=users&utm_source=x").content.decode()
    expected = reverse("language", args=["en"]) + "?next=%2Fteams%2F%3Fsort%3Dusers"
    assert f'href="{expected}"' in body
    assert 'aria-current="true" lang="ko"' in body
