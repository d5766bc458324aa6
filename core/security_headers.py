"""Headers every response gets that Django has no setting for, and the log filter that keeps
refused requests (403) out of the error log's tracebacks."""

import logging

from django.core.exceptions import PermissionDenied
from django.utils.cache import patch_cache_control

# Nothing on the site uses the camera, the microphone, the location or payments; the talk
# player (YouTube's privacy-enhanced embed, teams/video.py) may autoplay, go full screen
# and play protected media, and nothing else may.
PLAYER = '"https://www.youtube-nocookie.com"'
PERMISSIONS_POLICY = ", ".join(
    [
        *(
            f"{feature}=()"
            for feature in (
                "accelerometer", "camera", "display-capture", "geolocation", "gyroscope",
                "hid", "magnetometer", "microphone", "midi", "payment",
                "publickey-credentials-get", "serial", "usb", "xr-spatial-tracking",
                "browsing-topics",
            )
        ),
        *(
            f"{feature}=(self {PLAYER})"
            for feature in ("autoplay", "encrypted-media", "fullscreen", "picture-in-picture")
        ),
    ]
)  # fmt: skip


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            # The page carries this reader's CSRF token: no shared cache may keep it.
            kept = [
                part.strip()
                for part in response.get("Cache-Control", "").split(",")
                if part.strip() and part.strip() != "public"
                if not part.strip().startswith("s-maxage")
            ]
            response["Cache-Control"] = ", ".join(kept)
            patch_cache_control(response, private=True)
        return response


class PermissionDeniedWithoutTraceback(logging.Filter):
    """A refused request is expected, not an error of the app: its log line stays, its
    traceback goes (django.request logs it with the exception attached)."""

    def filter(self, record):
        if record.exc_info and isinstance(record.exc_info[1], PermissionDenied):
            record.exc_info = None
            record.exc_text = None
        return True
