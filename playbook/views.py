from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from playbook.live import live_section_context
from playbook.models import Section


@require_GET
def section_detail(request, slug):
    section = get_object_or_404(Section.objects.with_published_principles(), slug=slug)
    if not section.is_live:
        return render(request, "playbook/section_detail.html", {"section": section})
    response = render(
        request, "playbook/section_detail.html", live_section_context(request, section)
    )
    # A live page must always be revalidated: a cached copy could show a retracted update.
    patch_cache_control(response, no_cache=True)
    return response


@require_GET
def principle_list(request):
    sections = Section.objects.with_published_principles()
    return render(request, "playbook/principle_list.html", {"sections": sections})
