from django.db import models
from django.utils.translation import gettext_lazy as _


class VersionedModel(models.Model):
    """A `version` that every save of an existing row bumps.

    An edit form carries the version it was made against; saving against an older one
    is refused (optimistic locking), so concurrent edits are detected, not overwritten.
    """

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)


class EditConflict(Exception):
    """Somebody saved the object after the version the edit was based on."""

    def __init__(self, current):
        super().__init__(f"{current!r} changed to version {current.version}")
        self.current = current
