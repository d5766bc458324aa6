"""Who may change content from the site's own pages (not the admin)."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseForbidden
from django.utils.translation import gettext as _

LIVE_EDITING_PERMISSIONS = ("playbook.add_liveupdate", "playbook.change_liveupdate")


PRINCIPLE_EDITING_PERMISSION = "playbook.change_principle"


def can_edit_live(user) -> bool:
    return user.is_authenticated and user.has_perms(LIVE_EDITING_PERMISSIONS)


def can_edit_principles(user) -> bool:
    return user.is_authenticated and user.has_perm(PRINCIPLE_EDITING_PERMISSION)


def editor_required(*permissions: str, any_of: bool = False):
    """Anonymous page requests go to the login page; anonymous HTMX requests, which
    cannot follow a login redirect, get 403; signed-in users without the permissions
    (all of them, or one of them with `any_of`) 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                if request.htmx:
                    return HttpResponseForbidden(_("Sign in as an editor first."))
                return redirect_to_login(request.get_full_path())
            allowed = (
                any(request.user.has_perm(p) for p in permissions)
                if any_of
                else request.user.has_perms(permissions)
            )
            if not allowed:
                raise PermissionDenied(_("Only editors may do this."))
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
