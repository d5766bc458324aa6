import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import Checklist, ChecklistItem, ChecklistSection, ChecklistVersion
from playbook.models import Principle

pytestmark = pytest.mark.django_db


def draft_of(checklist):
    number = checklist.versions.order_by("-number").first().number + 1
    version = ChecklistVersion.objects.create(checklist=checklist, number=number)
    section = ChecklistSection.objects.create(version=version, title="초안 섹션")
    item = ChecklistItem.objects.create(section=section, key="draft-only", prompt="초안 질문?")
    item.principles.add(Principle.objects.get(title_en="Work Trials"))
    return version


def test_the_page_shows_the_newest_published_version_only(
    client, django_capture_on_commit_callbacks
):
    checklist = Checklist.objects.first()
    version = draft_of(checklist)
    body = client.get(checklist.get_absolute_url()).content.decode()
    assert "초안 질문?" not in body
    principle_page = client.get(reverse("playbook:principle", args=["work-trials"]))
    assert "초안 질문?" not in principle_page.content.decode()

    version.status = "published"
    version.published_at = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):  # as a real commit would
        version.save()
    body = client.get(checklist.get_absolute_url()).content.decode()
    assert "초안 질문?" in body
    assert f"버전 {version.number}" in body


def test_a_checklist_without_a_published_version_is_404(client):
    checklist = Checklist.objects.create(slug="empty-checklist", title="빈 체크리스트")
    assert client.get(checklist.get_absolute_url()).status_code == 404
    listing = client.get(reverse("governance:checklists")).content.decode()
    assert checklist.get_absolute_url() in listing  # listed, marked as not yet published


def test_items_link_to_the_principles_they_test_and_back(client):
    checklist = Checklist.objects.first()
    item = (
        ChecklistItem.objects.filter(section__version__checklist=checklist)
        .exclude(principles=None)
        .first()
    )
    principle = item.principles.first()
    body = client.get(checklist.get_absolute_url()).content.decode()
    assert principle.get_absolute_url() in body
    back = client.get(principle.get_absolute_url()).content.decode()
    assert f"{checklist.get_absolute_url()}#item-{item.key}" in back


def test_an_item_key_is_unique_within_a_version():
    from django.core.exceptions import ValidationError

    existing = ChecklistItem.objects.first()
    duplicate = ChecklistItem(
        section=existing.section, key=existing.key, prompt="같은 키?", weight=1
    )
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "이미 이 키를 사용합니다" in error.value.message_dict["key"][0]
    other_version = draft_of(existing.section.version.checklist)
    carried = ChecklistItem(
        section=other_version.sections.first(), key=existing.key, prompt="다음 버전", weight=1
    )
    carried.full_clean()  # the same key in another version is how answers carry over


def test_the_start_forms_come_from_an_uncached_page(client):
    """The checklist page is shared by every reader, so its forms (which need a CSRF
    token) are behind a link that htmx replaces with the start page's form part."""
    checklist = Checklist.objects.get(slug="responsible-ai-development")
    start = reverse("governance:assessment-start", args=[checklist.slug])
    page = client.get(checklist.get_absolute_url())
    body = page.content.decode()
    assert "csrfmiddlewaretoken" not in body and not page.cookies
    assert f'data-hx-get="{start}"' in body and f'href="{start}"' in body

    whole = client.get(start)
    assert "<html" in whole.content.decode() and 'id="start-form"' in whole.content.decode()
    part = client.get(start, HTTP_HX_REQUEST="true")
    fragment = part.content.decode()
    assert "<html" not in fragment and fragment.strip().startswith('<div id="start-forms">')
    assert 'name="csrfmiddlewaretoken"' in fragment and 'id="import-form"' in fragment
    assert "no-store" in part["Cache-Control"] and "HX-Request" in part["Vary"]
    assert client.cookies["csrftoken"].value
