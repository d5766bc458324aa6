from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from governance.models import Checklist, ChecklistItem, ChecklistSection, ChecklistVersion
from playbook.models import Principle


def published_versions():
    return ChecklistVersion.objects.published().order_by("-number")


@require_GET
def checklist_list(request):
    checklists = Checklist.objects.prefetch_related(
        Prefetch(
            "versions",
            queryset=published_versions().annotate(item_count=Count("sections__items")),
            to_attr="published_versions",
        )
    )
    return render(request, "governance/checklist_list.html", {"checklists": checklists})


@require_GET
def checklist_detail(request, slug):
    checklist = get_object_or_404(
        Checklist.objects.prefetch_related(
            Prefetch("versions", queryset=published_versions(), to_attr="published_versions")
        ),
        slug=slug,
    )
    if not checklist.published_versions:
        raise Http404("This checklist has no published version yet.")
    version = checklist.published_versions[0]
    sections = ChecklistSection.objects.filter(version=version).prefetch_related(
        Prefetch(
            "items",
            queryset=ChecklistItem.objects.prefetch_related(
                Prefetch("principles", queryset=Principle.objects.published())
            ),
        )
    )
    return render(
        request,
        "governance/checklist_detail.html",
        {"checklist": checklist, "version": version, "sections": sections},
    )
