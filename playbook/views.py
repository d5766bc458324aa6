from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from core.page_cache import reader_page
from playbook import scheduling
from playbook.live import live_section_context
from playbook.models import Section


@reader_page(query=("before", "after", "order", "show"), before=scheduling.release_if_due_for)
@require_GET
def section_detail(request, slug):
    section = get_object_or_404(Section.objects.with_published_principles(), slug=slug)
    if scheduling.release_if_due(section):  # then read it again, with the new revision
        section = get_object_or_404(Section.objects.with_published_principles(), slug=slug)
    if not section.is_live:
        return render(request, "playbook/section_detail.html", {"section": section})
    # Browsers revalidate it on every visit (max-age=0, core.page_cache): a copy kept
    # without asking could show a retracted update.
    return render(request, "playbook/section_detail.html", live_section_context(request, section))


@reader_page(query=("page",))
@require_GET
def principle_list(request):
    sections = Section.objects.with_published_principles()
    return render(request, "playbook/principle_list.html", {"sections": sections})
