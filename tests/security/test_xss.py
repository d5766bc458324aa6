"""Every payload of the corpus, through every Markdown field and every form a person can
type into, comes out unable to run."""

import pytest
from django.apps import apps
from django.urls import reverse

from core.markdown import ALLOWED_TAGS, render_markdown
from governance.selectors import newest_published_version
from playbook.models import Principle, Section
from tests.security.safety import tags_in, unsafe_parts
from tests.security.xss_payloads import PAYLOADS

HTMX = {"HTTP_HX_REQUEST": "true"}


def markdown_models():
    return [
        model
        for label in ("playbook", "teams", "governance", "discussions")
        for model in apps.get_app_config(label).get_models()
        if getattr(model, "markdown_fields", ())
    ]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_rendering_removes_every_payload(payload):
    html = render_markdown(f"앞 {payload} 뒤")
    assert unsafe_parts(html) == []
    assert tags_in(html) <= ALLOWED_TAGS


@pytest.mark.parametrize("model", markdown_models(), ids=lambda m: m._meta.label)
def test_every_markdown_field_of_every_model_is_sanitised(model):
    instance = model()
    everything = "\n\n".join(PAYLOADS)
    for field in model.markdown_fields:
        setattr(instance, field, everything)
    instance.render_markdown_fields()
    for field in model.markdown_fields:
        assert unsafe_parts(getattr(instance, f"{field}_html")) == [], field


@pytest.mark.django_db
def test_pages_showing_typed_content_stay_safe(editor_client):
    live = Section.objects.get(is_live=True)
    principle = live.principles.first()
    for payload in PAYLOADS:
        response = editor_client.post(
            reverse("playbook:update-create", args=[live.slug]), {"body": payload}, **HTMX
        )
        assert response.status_code == 200
        assert unsafe_parts(response.content.decode()) == [], payload
    response = editor_client.post(
        reverse("playbook:principle-edit", args=[principle.slug]),
        {
            "title": PAYLOADS[0],
            "title_en": PAYLOADS[8],
            "summary": "\n\n".join(PAYLOADS),
            "responsible_ai": "\n\n".join(PAYLOADS),
            "version": principle.version,
        },
        **HTMX,
    )
    assert response.status_code == 200
    for url in [
        live.get_absolute_url(),
        reverse("playbook:principles"),
        Principle.objects.get(pk=principle.pk).get_absolute_url(),
        reverse("playbook:section-feed", args=[live.slug]),
        reverse("changes"),
        reverse("home"),
        reverse("search") + "?q=script",
        reverse("search") + "?q=alert",
    ]:
        page = editor_client.get(url).content.decode()
        assert unsafe_parts(page) == [], url


@pytest.mark.django_db
def test_assessment_answers_stay_safe(client):
    from governance.models import Checklist, ChecklistItem

    checklist = Checklist.objects.first()
    response = client.post(
        reverse("governance:assessment-start", args=[checklist.slug]),
        {"subject": PAYLOADS[0]},
    )
    assert response.status_code == 302
    page_url = response["Location"]
    assessment_page = client.get(page_url)
    pk = assessment_page.context["assessment"].pk
    version = newest_published_version(checklist=checklist)
    items = ChecklistItem.objects.filter(section__version=version)[: len(PAYLOADS) // 3]
    for item, payload in zip(items, PAYLOADS, strict=False):
        client.post(
            reverse("governance:answer", args=[pk, item.key]),
            {"status": "na", "justification": payload, "note": payload},
        )
    page = client.get(page_url).content.decode()
    assert unsafe_parts(page) == []
    for export in ["export.md", "export.csv", "export.json"]:
        response = client.get(page_url + export)
        assert response.status_code == 200
        assert response["Content-Type"].split(";")[0] != "text/html"


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_search_queries_cannot_inject_markup(client, payload):
    response = client.get(reverse("search"), {"q": payload})
    assert response.status_code in {200, 400}
    assert unsafe_parts(response.content.decode()) == []
