"""Who may read or change an assessment: whoever holds its edit token (governance.tokens)
may change it; without the token a shared assessment can be read and an unshared one does
not exist (404), so that its URL alone reveals nothing."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from governance import tokens
from governance.models import Assessment


def may_read(request, assessment) -> bool:
    return assessment.is_shared or tokens.can_edit(request, assessment)


def readable_assessment(request, pk) -> tuple[Assessment, bool]:
    """The assessment and whether this request may edit it; 404 when it may not read it."""
    assessment = get_object_or_404(Assessment.objects.for_page(), pk=pk)
    editable = tokens.can_edit(request, assessment)
    if not editable and not assessment.is_shared:
        raise Http404("No such assessment.")
    return assessment, editable


def editable_assessment(request, pk) -> Assessment:
    assessment, editable = readable_assessment(request, pk)
    if not editable:
        raise PermissionDenied("Editing needs the assessment's edit token.")
    return assessment
