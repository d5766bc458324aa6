from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from core.page_cache import reader_page
from playbook import scheduling
from playbook.live import live_section_context
from playbook.models import Event, Principle, Section, Tag
from playbook.navigation import section_navigation
from playbook.selectors import principles_tagged, sections_with_principle_counts, tags_in_use


@reader_page(query=("before", "after", "order", "show"), before=scheduling.release_if_due_for)
@require_GET
def section_detail(request, slug):
    section = get_object_or_404(Section.objects.with_published_principles(), slug=slug)
    if scheduling.release_if_due(section):  # then read it again, with the new revision
        section = get_object_or_404(Section.objects.with_published_principles(), slug=slug)
    navigation = section_navigation(section=section)
    if not section.is_live:
        context = {"section": section, "section_nav": navigation}
        return render(request, "playbook/section_detail.html", context)
    # Browsers revalidate it on every visit (max-age=0, core.page_cache): a copy kept
    # without asking could show a retracted update.
    context = {**live_section_context(request, section), "section_nav": navigation}
    return render(request, "playbook/section_detail.html", context)


# A page of principles stays light however many there are; the sections' list on top
# (with their counts) reaches the rest.
PRINCIPLES_PER_PAGE = 60


@reader_page(query=("page",))
@require_GET
def principle_list(request):
    principles = Principle.objects.published().select_related("section").prefetch_related("tags")
    page = Paginator(principles, PRINCIPLES_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "sections": sections_with_principle_counts(),
        "section_nav": section_navigation(),
        "page": page,
        "principles": page.object_list,
        "sections_on_page": {principle.section.slug for principle in page.object_list},
    }
    return render(request, "playbook/principle_list.html", context)


@reader_page
@require_GET
def tag_detail(request, slug):
    """Everything that carries a tag (today: principles), by section, and the other tags."""
    tag = get_object_or_404(Tag, slug=slug)
    context = {"tag": tag, "principles": principles_tagged(tag=tag), "tags": tags_in_use()}
    return render(request, "playbook/tag_detail.html", context)


@require_GET
def event_detail(request, slug):
    """An event the source names: only what the source says of it, and what links to it."""
    event = get_object_or_404(Event.objects.prefetch_related("sections", "talks"), slug=slug)
    return render(request, "playbook/event_detail.html", {"event": event})
