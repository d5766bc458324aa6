"""Writes of readers' dilemmas: submitting one and moderating them. The admin moderates
through `dilemmas_moderate` too, so the moderator, the time and the history are kept the
same way whichever screen decided."""

from django.db import transaction
from django.utils import timezone

from discussions.models import Dilemma


class ModerationError(ValueError):
    pass


def dilemma_submit(
    *,
    kind: str,
    item_id: int,
    text: str,
    display_name: str,
    language: str,
    submitter_hash: str,
) -> Dilemma:
    """Store a reader's dilemma, pending. The form has validated it; nothing here makes
    it public."""
    dilemma = Dilemma(
        about_kind=kind,
        about_id=item_id,
        text=text,
        display_name=display_name,
        language=language,
        submitter_hash=submitter_hash,
        status=Dilemma.Status.PENDING,
    )
    dilemma.full_clean(exclude=["text_html"])
    dilemma.save()
    return dilemma


MODERATED_STATUSES = {Dilemma.Status.APPROVED, Dilemma.Status.REJECTED, Dilemma.Status.FEATURED}


def dilemmas_moderate(*, dilemmas, status: str, moderator) -> list[Dilemma]:
    """Approve, reject or feature the given dilemmas (a queryset or a list); those already
    in that status are left as they are. A decision cannot send one back to pending.
    Returns the dilemmas that changed, each saved once (one history row each, by the
    moderator)."""
    if status not in MODERATED_STATUSES:
        raise ModerationError(f"{status!r} is not a moderation decision")
    now = timezone.now()
    changed = []
    with transaction.atomic():
        ids = [d.pk for d in dilemmas]
        for dilemma in Dilemma.objects.select_for_update().filter(pk__in=ids).order_by("pk"):
            if dilemma.status == status:
                continue
            dilemma.status = status
            dilemma.moderated_by = moderator
            dilemma.moderated_at = now
            dilemma._history_user = moderator
            dilemma.save(update_fields=["status", "moderated_by", "moderated_at"])
            changed.append(dilemma)
    return changed
