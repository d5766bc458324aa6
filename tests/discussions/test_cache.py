"""Dilemmas and the page cache (core.page_cache): a pending submission leaves every cached
page as it is; an approval, a feature and a rejection of a public one reach the next
anonymous request; the form never makes a cached page carry a token."""

import pytest
from django.test import Client
from django.urls import reverse

from core.revision import site_revision
from discussions.models import Dilemma
from discussions.services import dilemmas_moderate
from tests.discussions.helpers import HTMX, about_of, make_dilemma, send

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_pending_submission_leaves_the_cached_pages_alone(client, principle, committed):
    reader = Client()
    page = principle.get_absolute_url()
    reader.get(page)
    assert reader.get(page)["X-Page-Cache"] == "hit"
    before = site_revision()
    with committed():
        assert (
            send(client, about_of(principle, "principle"), text="대기 중 캐시").status_code == 303
        )
        rejected = make_dilemma("principle", principle, "곧 거절")
    with committed():
        dilemmas_moderate(dilemmas=[rejected], status="rejected", moderator=None)
    assert site_revision() == before
    assert reader.get(page)["X-Page-Cache"] == "hit"


def test_each_public_decision_reaches_the_next_anonymous_request(principle, editor, committed):
    with committed():
        dilemma = make_dilemma("principle", principle, "캐시를 넘는 딜레마")
    reader = Client()
    pages = [principle.get_absolute_url(), reverse("discussions:dilemmas"), reverse("home")]
    for page in pages:
        reader.get(page)
        assert reader.get(page)["X-Page-Cache"] == "hit"
    with committed():
        dilemmas_moderate(dilemmas=[dilemma], status="approved", moderator=editor)
    first = reader.get(pages[0])
    assert first["X-Page-Cache"] == "miss" and "캐시를 넘는 딜레마" in first.content.decode()
    assert reader.get(pages[0])["X-Page-Cache"] == "hit"
    with committed():
        dilemmas_moderate(dilemmas=[dilemma], status="featured", moderator=editor)
    assert "badge--sticker" in reader.get(pages[0]).content.decode()
    assert "캐시를 넘는 딜레마" in reader.get(pages[2]).content.decode()  # the home page
    with committed():
        dilemmas_moderate(dilemmas=[dilemma], status="rejected", moderator=editor)
    for page in pages:
        assert "캐시를 넘는 딜레마" not in reader.get(page).content.decode(), page
    assert reader.get(dilemma.get_absolute_url()).status_code == 404


def test_an_admin_deleting_a_public_dilemma_reaches_the_pages(principle, editor, committed):
    with committed():
        dilemma = make_dilemma("principle", principle, "지워질 딜레마")
        dilemmas_moderate(dilemmas=[dilemma], status="approved", moderator=editor)
    reader = Client()
    assert "지워질 딜레마" in reader.get(principle.get_absolute_url()).content.decode()
    with committed():
        Dilemma.objects.get(pk=dilemma.pk).delete()
    assert "지워질 딜레마" not in reader.get(principle.get_absolute_url()).content.decode()


def test_the_cached_item_page_holds_no_token_and_the_form_is_never_cached(client, principle):
    page = Client().get(principle.get_absolute_url())
    assert "csrfmiddlewaretoken" not in page.content.decode()
    assert "Set-Cookie" not in str(page.headers) and not page.cookies
    about = about_of(principle, "principle")
    for response in (
        client.get(reverse("discussions:form"), {"about": about}, **HTMX),
        client.get(reverse("discussions:new"), {"about": about}),
    ):
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]
        assert response.get("X-Page-Cache") in (None, "off", "bypass")
