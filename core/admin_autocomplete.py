"""The admin's autocomplete widgets keep only the values that can be keys.

When a form comes back with an error, Django's autocomplete widget looks up the chosen
objects with the submitted values as they are: a value that cannot be a key (":", a NUL,
a number too big for the column) makes that query fail, and the editor gets a 500 instead
of the form with "Select a valid choice". The field itself refuses such a value properly,
so the widget only has to leave it out. One patch here covers every admin form and inline
with `autocomplete_fields`, present and future (installed by core.apps)."""

from django.contrib.admin.widgets import AutocompleteMixin
from django.core.exceptions import ValidationError


def possible_keys(widget, values) -> list:
    remote = widget.field.remote_field
    meta = remote.model._meta
    target = meta.get_field(getattr(remote, "field_name", None) or meta.pk.attname)
    kept = []
    for value in values:
        try:
            target.run_validators(target.to_python(value))
        except (ValidationError, ValueError, TypeError):
            continue
        kept.append(value)
    return kept


def install() -> None:
    original = AutocompleteMixin.optgroups
    if getattr(original, "keeps_possible_keys", False):
        return

    def optgroups(self, name, value, attr=None):
        return original(self, name, possible_keys(self, value), attr)

    optgroups.keeps_possible_keys = True
    AutocompleteMixin.optgroups = optgroups
