from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from playbook.models import Section


@require_GET
def section_detail(request, slug):
    section = get_object_or_404(Section.objects.with_published_principles(), slug=slug)
    return render(request, "playbook/section_detail.html", {"section": section})


@require_GET
def principle_list(request):
    sections = Section.objects.with_published_principles()
    return render(request, "playbook/principle_list.html", {"sections": sections})
