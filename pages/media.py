"""Editors' uploads (pictures of live updates), served by the app itself while they live
in a local folder (MEDIA_ROOT). With object storage, their URLs point there instead and
this view is not reached; a proxy in front may also serve the folder (docs/deploy.md)."""

from django.conf import settings
from django.views.decorators.http import require_GET
from django.views.static import serve


@require_GET
def media_file(request, path):
    # `serve` refuses paths outside the folder and answers 404 for what is not there.
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    # Stored names are random and never reused: the file behind a URL never changes.
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["X-Content-Type-Options"] = "nosniff"
    return response
