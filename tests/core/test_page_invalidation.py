"""After any write commits, the next anonymous request shows it: each kind of content of
the registry (core.kinds), an admin save, a live post, a retraction, the section's own
state, and an assessment's completion on the page its readers share."""

import pytest
from django.db.models import F
from django.test import Client
from django.urls import reverse

from core.kinds import all_kinds, searchable_kinds
from core.revision import REVISION_KEY, site_revision
from governance import services as governance_services
from governance.models import Checklist
from governance.selectors import newest_published_version
from playbook import services
from playbook.models import Page, Principle, Section
from tests.discussions.helpers import approved, make_dilemma

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clean_cache(settings):
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a write's on-commit hooks (the revision copied to the cache), as a commit does."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def page_of(kind, row) -> str:
    return kind.url(row["link_a"], row.get("link_b"))


def a_row_of(kind):
    """One row readers can reach, with the address of its page and the field to change."""
    field = (kind.search.title_fields or kind.search.text_fields)[0]
    links = {k: v for k, v in kind.search.columns.items() if k in {"link_a", "link_b"}}
    row = (
        kind.search.queryset()
        .annotate(**links)
        .values("pk", "link_a", *(["link_b"] if "link_b" in links else []))
        .first()
    )
    assert row, f"the seed has no {kind.name} to show"
    return field, row


@pytest.mark.parametrize("kind", searchable_kinds(), ids=lambda kind: kind.name)
def test_a_saved_change_of_each_kind_is_on_the_next_anonymous_page(kind, editor, committed):
    with committed():  # the seed has no live update nor dilemma yet
        services.live_update_create(
            section=Section.objects.get(is_live=True), author=editor, body="처음 글"
        )
        approved("principle", Principle.objects.get(title_en="Work Trials"), editor)
    field, row = a_row_of(kind)
    address = page_of(kind, row)
    reader = Client()
    assert reader.get(address).status_code == 200
    assert reader.get(address)["X-Page-Cache"] == "hit"

    marker = f"바뀐 내용 {kind.name} 7431"
    instance = kind.model_class.objects.get(pk=row["pk"])
    setattr(instance, field, marker)
    with committed():
        instance.save()
    response = reader.get(address)
    assert response["X-Page-Cache"] == "miss"
    assert marker in response.content.decode(), (kind.name, address)


@pytest.mark.parametrize(
    "kind", [kind for kind in all_kinds() if kind.search is None], ids=lambda kind: kind.name
)
def test_a_saved_change_of_each_kind_search_leaves_out_is_on_its_next_page(kind, committed):
    """The kinds of the registry that search does not list (sections): their own page."""
    instance = kind.model_class.objects.first()
    address = instance.get_absolute_url()
    reader = Client()
    reader.get(address)
    assert reader.get(address)["X-Page-Cache"] == "hit"
    marker = f"바뀐 제목 {kind.name} 8812"
    instance.title = marker
    with committed():
        instance.save()
    response = reader.get(address)
    assert response["X-Page-Cache"] == "miss"
    assert marker in response.content.decode(), (kind.name, address)


def test_a_write_bumps_the_revision_in_its_transaction_and_the_cache_on_commit(editor, committed):
    before = site_revision()
    principle = Section.objects.get(is_live=True).principles.first()
    with committed() as callbacks:
        principle.title = "새 제목"
        principle.save()
        from core.models import ContentRevision

        assert ContentRevision.objects.get(pk=1).value > before  # inside the transaction
        from django.core.cache import cache

        assert cache.get(REVISION_KEY) == before  # readers see the old one until the commit
    assert callbacks
    assert site_revision() == ContentRevision.objects.get(pk=1).value


def test_a_cold_cache_reads_the_revision_once(django_assert_num_queries):
    from django.core.cache import cache

    cache.delete(REVISION_KEY)
    with django_assert_num_queries(1):
        value = site_revision()
    with django_assert_num_queries(0):
        assert site_revision() == value


def test_an_admin_save_is_on_the_next_anonymous_page(editor_client, committed):
    introduction = Page.objects.get(slug="introduction")
    reader = Client()
    reader.get(reverse("home"))
    assert reader.get(reverse("home"))["X-Page-Cache"] == "hit"
    with committed():
        response = editor_client.post(
            reverse("admin:playbook_page_change", args=[introduction.pk]),
            {
                "title_ko": "관리자가 바꾼 제목",
                "title_en": introduction.title_en,
                "slug": introduction.slug,
                "lead_ko": introduction.lead_ko,
                "lead_en": introduction.lead_en,
                "body_ko": introduction.body_ko,
                "body_en": introduction.body_en,
            },
        )
    assert response.status_code == 302, response.content.decode()[:300]
    assert "관리자가 바꾼 제목" in reader.get(reverse("home")).content.decode()


def test_an_admin_tag_rename_is_on_the_principle_pages(editor_client, committed):
    principle = Section.objects.first().principles.exclude(tags=None).first()
    tag = principle.tags.first()
    reader = Client()
    reader.get(reverse("playbook:principles"))
    assert reader.get(reverse("playbook:principles"))["X-Page-Cache"] == "hit"
    with committed():
        editor_client.post(
            reverse("admin:playbook_tag_change", args=[tag.pk]),
            {"slug": tag.slug, "name_ko": "새 태그 이름", "name_en": tag.name_en},
        )
    assert "새 태그 이름" in reader.get(reverse("playbook:principles")).content.decode()


def test_a_live_post_and_its_retraction_reach_the_page_and_the_poll(editor, committed):
    live = Section.objects.get(is_live=True)
    reader = Client()
    page = live.get_absolute_url()
    since = live.revision
    changes = reverse("playbook:section-changes", args=[live.slug]) + f"?since={since}"
    reader.get(page)
    assert reader.get(changes).status_code == 204

    with committed():
        update = services.live_update_create(section=live, author=editor, body="현장 소식 한 줄")
    assert "현장 소식 한 줄" in reader.get(page).content.decode()
    poll = reader.get(changes)
    assert poll.status_code == 200 and "현장 소식 한 줄" in poll.content.decode()

    with committed():
        services.live_update_retract(update=update, editor=editor, expected_version=update.version)
    body = reader.get(page).content.decode()
    assert "update--retracted" in body and f'id="update-{update.pk}"' in body


def test_a_thousand_pollers_after_one_update_cost_one_render(
    editor, committed, django_assert_num_queries
):
    live = Section.objects.get(is_live=True)
    since = live.revision
    with committed():
        services.live_update_create(section=live, author=editor, body="한 번만 그린다")
    changes = reverse("playbook:section-changes", args=[live.slug]) + f"?since={since}"
    first = Client().get(changes)
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    for _ in range(3):
        with django_assert_num_queries(0):
            again = Client().get(changes)
        assert again.content == first.content


def test_pinning_and_ending_the_coverage_reach_the_page(editor, committed):
    live = Section.objects.get(is_live=True)
    with committed():
        update = services.live_update_create(section=live, author=editor, body="고정할 소식")
    reader = Client()
    reader.get(live.get_absolute_url())
    with committed():
        services.section_pin(section=live, update=update)
    assert 'id="pinned"' in reader.get(live.get_absolute_url()).content.decode()
    with committed():
        services.section_end_coverage(section=live, summary="행사가 끝났습니다")
    assert "행사가 끝났습니다" in reader.get(live.get_absolute_url()).content.decode()


def test_an_update_saved_without_a_transaction_still_bumps(committed):
    reader = Client()
    reader.get(reverse("teams:teams"))
    from teams.models import Team

    with committed():
        Team.objects.filter(slug="gamma").update(order=F("order"))  # no signal: no bump
        team = Team.objects.get(slug="gamma")
        team.name = "Gamma 새 이름"
        team.save()
    assert "Gamma 새 이름" in reader.get(reverse("teams:teams")).content.decode()


def test_a_completed_assessment_shows_at_once_to_the_readers_of_its_shared_page(client):
    checklist = Checklist.objects.get(slug="responsible-ai-development")
    version = newest_published_version(checklist=checklist)
    assessment, _token = governance_services.assessment_start(version=version, subject="공유")
    governance_services.assessment_share(assessment=assessment, shared=True)
    reader = Client()
    first = reader.get(assessment.get_absolute_url())
    assert first.status_code == 200
    assert "no-store" in first["Cache-Control"] and "X-Page-Cache" not in first

    assessment.completed_at = assessment.created_at
    assessment.save(update_fields=["completed_at"])  # no commit hook needed: never cached
    assert "badge--done" in reader.get(assessment.get_absolute_url()).content.decode()


def test_an_assessments_answers_leave_the_readers_pages_cached(client, committed):
    reader = Client()
    reader.get(reverse("home"))
    checklist = Checklist.objects.get(slug="responsible-ai-development")
    with committed():
        governance_services.assessment_start(
            version=newest_published_version(checklist=checklist), subject="비공개"
        )
    assert reader.get(reverse("home"))["X-Page-Cache"] == "hit"


def test_a_dilemma_approved_by_a_moderator_is_on_the_next_item_page(editor, committed):
    from discussions.services import dilemmas_moderate

    principle = Principle.objects.get(title_en="Work Trials")
    with committed():
        dilemma = make_dilemma("principle", principle, text="승인을 기다리는 질문 5521")
    reader = Client()
    page = principle.get_absolute_url()
    reader.get(page)
    assert "승인을 기다리는 질문 5521" not in reader.get(page).content.decode()
    with committed():
        dilemmas_moderate(dilemmas=[dilemma], status="approved", moderator=editor)
    assert "승인을 기다리는 질문 5521" in reader.get(page).content.decode()
