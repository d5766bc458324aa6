"""One address of every kind of page a reader can open, for the checkers that go over all
of them (the Nu Html Checker, axe, the 390 px layout tests). Content the seed does not have
(a live update, an approved dilemma) is made once, through the services, as an editor
would; the assessment page is reached through its start form by each test itself.

Also run inside an app process the browser tests start (`print_page_kinds`), so the
browser and the in-process tests go over the same pages."""

import json

from django.contrib.auth import get_user_model
from django.urls import reverse

# Kinds a person reaches only through a form (not a fixed address).
ASSESSMENT = "assessment"


def _live_update(section):
    from playbook import services
    from playbook.models import LiveUpdate

    update = LiveUpdate.objects.filter(section=section, retracted_at__isnull=True).first()
    if update:
        return update
    author, _ = get_user_model().objects.get_or_create(username="page-kinds-editor")
    return services.live_update_create(
        section=section, author=author, body="**첫 소식**: 세션이 시작되었습니다."
    )


def _dilemma(principle):
    from discussions import services
    from discussions.models import Dilemma

    dilemma = Dilemma.objects.public().first()
    if dilemma:
        return dilemma
    moderator, _ = get_user_model().objects.get_or_create(username="page-kinds-editor")
    dilemma = services.dilemma_submit(
        kind="principle",
        item_id=principle.pk,
        text="업무 평가를 유급으로 하지 않으면 공정한가요?",
        display_name="",
        language="ko",
        submitter_hash="page-kinds",
    )
    services.dilemmas_moderate(
        dilemmas=[dilemma], status=Dilemma.Status.APPROVED, moderator=moderator
    )
    return dilemma


def page_kinds() -> dict[str, str]:
    """Kind of page → its address (without a language: callers add ?lang=)."""
    from governance.models import Checklist
    from governance.selectors import current_checklist_items
    from playbook.models import Principle, Section, Tag
    from teams.models import Talk

    live = Section.objects.get(is_live=True)
    section = Section.objects.filter(is_live=False).order_by("order").first()
    principle = Principle.objects.get(title_en="Work Trials")
    checklist = Checklist.objects.get(slug="responsible-ai-development")
    item = current_checklist_items().filter(section__version__checklist=checklist).first()
    update = _live_update(live)
    dilemma = _dilemma(principle)
    tag = Tag.objects.filter(principles__isnull=False).order_by("slug").first()
    kinds = {
        "home": reverse("home"),
        "section": section.get_absolute_url(),
        "live section": live.get_absolute_url(),
        "live update": reverse("playbook:update", args=[live.slug, update.pk]),
        "event": live.event.get_absolute_url() if live.event_id else None,
        "principles": reverse("playbook:principles"),
        "principle": principle.get_absolute_url(),
        "teams": reverse("teams:teams"),
        "team": reverse("teams:team", args=["gamma"]),
        "talks": reverse("teams:talks"),
        "talk": Talk.objects.filter(team__slug="gamma").first().get_absolute_url(),
        "checklists": reverse("governance:checklists"),
        "checklist": checklist.get_absolute_url(),
        "checklist item": reverse("governance:checklist-item", args=[checklist.slug, item.key]),
        "crosswalk": reverse("governance:crosswalk"),
        "assessment start": reverse("governance:assessment-start", args=[checklist.slug]),
        "search": reverse("search") + "?q=%EC%9C%A4%EB%A6%AC",
        "changes": reverse("changes"),
        "map": reverse("map"),
        "dilemmas": reverse("discussions:dilemmas"),
        "dilemma": dilemma.get_absolute_url(),
        "dilemma form": reverse("discussions:new") + f"?about=principle:{principle.pk}",
        "not found": "/no-such-page/",
    }
    kinds["tag"] = tag.get_absolute_url()
    return {name: url for name, url in kinds.items() if url}


def with_language(url: str, code: str) -> str:
    return url + ("&" if "?" in url else "?") + f"lang={code}"


def print_page_kinds():
    """For `manage.py shell -c`: the kinds as JSON on one line."""
    print("PAGE_KINDS " + json.dumps(page_kinds()))
