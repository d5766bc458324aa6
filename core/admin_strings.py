"""Strings of Django's admin that Django's own Korean catalogue leaves empty, so that the
Korean admin showed them in English. Named here, makemessages carries them into our
catalogue, which Django reads before its own (LOCALE_PATHS). The strings of the admin's
scripts are in locale/ko/LC_MESSAGES/djangojs.po, written by hand."""

from django.utils.translation import gettext_noop

DJANGO_ADMIN_STRINGS = [
    gettext_noop("Filter by %(field_name)s"),
    gettext_noop("Logout"),
    gettext_noop('The app "%s" could not be found.'),
]
