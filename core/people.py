"""How a person is named in public (bylines, the Atom feed, /changes/): by the name they
gave (first and last name), never by their sign-in name, which would tell an attacker which
account to lock out or guess. Without a name they are simply "Editor"."""

from django.utils.translation import gettext as _


def public_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name().strip() or _("Editor")
