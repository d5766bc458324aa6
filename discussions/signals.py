"""Dilemmas and the site-wide content revision (core.revision).

Cached reader pages change only when a dilemma that is or was public changes: a reader's
pending submission, or the rejection of a pending one, shows on no shared page, so it
must not empty the page cache for everyone (a flood of submissions would otherwise
re-render the whole site for every one of them)."""

from django.db.models.signals import post_delete, post_save

from core.revision import bump_site_revision, keep_out_of_site_revision


def _bump_if_public(sender, instance, **kwargs):
    if instance.is_public or getattr(instance, "_was_public", False):
        bump_site_revision()
    instance._was_public = instance.is_public


def connect() -> None:
    from discussions.models import Dilemma

    keep_out_of_site_revision("discussions.Dilemma")
    post_save.connect(_bump_if_public, sender=Dilemma, dispatch_uid="discussions.revision.save")
    post_delete.connect(_bump_if_public, sender=Dilemma, dispatch_uid="discussions.revision.delete")
