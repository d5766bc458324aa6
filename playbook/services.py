"""Writes made from the live section page. Each validates, saves inside a transaction and
(through SectionContent.save) bumps the section's revision so pollers see the change.

Edits carry the version they were made against; a newer stored version means somebody
else saved first, and the edit is refused with EditConflict rather than overwriting it.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from playbook.models import LiveUpdate, Principle, Section

MAX_UPDATE_CHARS = 10_000


class EditConflict(Exception):
    """Somebody saved the object after the version the edit was based on."""

    def __init__(self, current):
        super().__init__(f"{current!r} changed to version {current.version}")
        self.current = current


def _lock(model, pk: int, expected_version: int):
    """The row, locked for this transaction, if it is still at the expected version."""
    current = model.objects.select_for_update().get(pk=pk)
    if current.version != expected_version:
        raise EditConflict(current)
    return current


def _clean_body(body: str) -> str:
    body = (body or "").replace("\x00", "").strip()
    if not body:
        raise ValidationError({"body": _("Write something before posting.")})
    if len(body) > MAX_UPDATE_CHARS:
        raise ValidationError(
            {"body": _("At most %(limit)s characters, please.") % {"limit": MAX_UPDATE_CHARS}}
        )
    return body


def live_update_create(*, section: Section, author, body: str, is_key_event: bool = False):
    if not section.is_live:
        raise ValidationError(_("Updates can only be posted to a live section."))
    with transaction.atomic():
        return LiveUpdate.objects.create(
            section=section, author=author, body=_clean_body(body), is_key_event=is_key_event
        )


def live_update_edit(
    *, update: LiveUpdate, editor, body: str, is_key_event: bool, expected_version: int
) -> LiveUpdate:
    body = _clean_body(body)
    with transaction.atomic():
        current = _lock(LiveUpdate, update.pk, expected_version)
        if current.is_retracted:
            raise ValidationError(_("A retracted update cannot be edited."))
        if current.body != body:
            current.body = body
            current.edited_at = timezone.now()
        current.is_key_event = is_key_event
        current._history_user = editor
        current.save()
    return current


def live_update_set_key_event(
    *, update: LiveUpdate, editor, is_key_event: bool, expected_version: int
) -> LiveUpdate:
    with transaction.atomic():
        current = _lock(LiveUpdate, update.pk, expected_version)
        current.is_key_event = is_key_event
        current._history_user = editor
        current.save()
    return current


def live_update_retract(*, update: LiveUpdate, editor, expected_version: int) -> LiveUpdate:
    with transaction.atomic():
        current = _lock(LiveUpdate, update.pk, expected_version)
        if current.is_retracted:
            return current
        current.retracted_at = timezone.now()
        current.retracted_by = editor
        current.is_key_event = False
        current._history_user = editor
        current.save()
    return current


def principle_edit(
    *,
    principle: Principle,
    editor,
    title: str,
    title_en: str,
    summary: str,
    responsible_ai: str,
    expected_version: int,
) -> Principle:
    with transaction.atomic():
        current = _lock(Principle, principle.pk, expected_version)
        current.title = title.strip()
        current.title_en = title_en.strip()
        current.summary = summary.strip()
        current.responsible_ai = responsible_ai.strip()
        current.full_clean()
        current._history_user = editor
        current.save()
    return current
