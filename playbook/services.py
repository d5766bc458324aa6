"""Writes made from the live section page. Each validates, saves inside a transaction and
(through SectionContent.save) bumps the section's revision so pollers see the change.

Edits carry the version they were made against; a newer stored version means somebody
else saved first, and the edit is refused with EditConflict rather than overwriting it.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import images
from core.bilingual import column, columns, text_and_language
from core.markdown import validate_markdown
from core.versioning import EditConflict
from playbook import scheduling
from playbook.models import LiveUpdate, LiveUpdateImage, Principle, Section, bump_section_revision

MAX_UPDATE_CHARS = 10_000
# A principle's summary and responsible-AI note, inline and in the admin alike.
MAX_PRINCIPLE_TEXT_CHARS = 10_000
# Far enough for the days of an event; a year typed wrong is refused, not hidden away.
MAX_SCHEDULE_AHEAD = timedelta(days=30)


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
    try:
        validate_markdown(body)
    except ValidationError as error:
        raise ValidationError({"body": error.messages[0]}) from error
    return body


def check_principle_texts(principle: Principle) -> None:
    """The limits on a principle's Markdown, wherever it is edited."""
    errors = {}
    for field in columns("summary", "responsible_ai"):
        text = getattr(principle, field) or ""
        if len(text) > MAX_PRINCIPLE_TEXT_CHARS:
            limit = {"limit": MAX_PRINCIPLE_TEXT_CHARS}
            errors[field] = _("At most %(limit)s characters, please.") % limit
        else:
            try:
                validate_markdown(text)
            except ValidationError as error:
                errors[field] = error.messages[0]
    if errors:
        raise ValidationError(errors)


def _check_schedule(when):
    if when is None:
        return None
    now = timezone.now()
    if when <= now:
        raise ValidationError(
            {"scheduled_for": _("Choose a time in the future, or leave it empty to post now.")}
        )
    if when > now + MAX_SCHEDULE_AHEAD:
        raise ValidationError(
            {
                "scheduled_for": _("At most %(days)s days ahead, please.")
                % {"days": MAX_SCHEDULE_AHEAD.days}
            }
        )
    return when


def _clean_alt(alt: str) -> str:
    alt = " ".join((alt or "").replace("\x00", "").split())
    if not alt:
        raise ValidationError(
            {"picture_alt": _("Describe the picture for readers who cannot see it.")}
        )
    if len(alt) > LiveUpdateImage.ALT_MAX:
        raise ValidationError(
            {
                "picture_alt": _("At most %(limit)s characters, please.")
                % {"limit": LiveUpdateImage.ALT_MAX}
            }
        )
    return alt


def live_update_create(
    *,
    section: Section,
    author,
    body: str,
    is_key_event: bool = False,
    scheduled_for=None,
    picture=None,
    picture_alt: str = "",
):
    """Posts an update now, or schedules it: readers see it from `scheduled_for` on. A
    picture (an uploaded file) is checked and stored first; if anything then fails,
    its files are removed again, so nothing is half-saved."""
    if not section.is_live:
        raise ValidationError(_("Updates can only be posted to a live section."))
    body, scheduled_for = _clean_body(body), _check_schedule(scheduled_for)
    variants = []
    if picture is not None:
        alt = _clean_alt(picture_alt)
        try:
            stored = images.store_picture(images.read_upload(picture), folder="live")
            variants = [variant.as_dict() for variant in stored]
        except ValidationError as error:
            raise ValidationError({"picture": error.messages}) from None
    try:
        with transaction.atomic():
            update = _create_update(section, author, body, is_key_event, scheduled_for)
            if variants:
                LiveUpdateImage.objects.create(update=update, alt=alt, variants=variants)
    except Exception:
        images.delete_variants(variants)
        raise
    return update


def _create_update(section, author, body, is_key_event, scheduled_for):
    update = LiveUpdate.objects.create(
        section=section,
        author=author,
        body=body,
        is_key_event=is_key_event,
        scheduled_for=scheduled_for,
    )
    if scheduled_for is not None:
        scheduling.note_schedule_change(slug=section.slug, section_id=section.pk)
    return update


def live_update_cancel_scheduled(*, update: LiveUpdate, editor) -> None:
    """An update that no reader has seen yet can be withdrawn entirely (its history
    keeps it); a posted one is retracted instead."""
    with transaction.atomic():
        current = LiveUpdate.objects.select_for_update().get(pk=update.pk)
        if current.scheduled_for is None:
            raise ValidationError(
                _("This update is already posted; retract it instead of cancelling it.")
            )
        current._history_user = editor
        pictures = [v for image in current.images.all() for v in image.variants]
        current.delete()
        transaction.on_commit(lambda: images.delete_variants(pictures))
        scheduling.note_schedule_change(slug=current.section.slug, section_id=current.section_id)


def live_update_edit(
    *, update: LiveUpdate, editor, body: str, is_key_event: bool, expected_version: int
) -> LiveUpdate:
    body = _clean_body(body)
    with transaction.atomic():
        current = _lock(LiveUpdate, update.pk, expected_version)
        if current.is_retracted:
            raise ValidationError(_("A retracted update cannot be edited."))
        # The text is changed in the language it is written in (core.bilingual), so that
        # an editor reading the other interface language does not fork it.
        text, language = text_and_language(current, "body")
        if text != body:
            setattr(current, column("body", language), body)
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
        # A withdrawn statement does not stay on top of the coverage.
        Section.objects.filter(pk=current.section_id, pinned_update=current).update(
            pinned_update=None
        )
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
    summary_en: str | None = None,
    responsible_ai_en: str | None = None,
) -> Principle:
    """`title`, `summary` and `responsible_ai` are the Korean texts; an English text left
    out (None) stays as it is."""
    with transaction.atomic():
        current = _lock(Principle, principle.pk, expected_version)
        current.title_ko = title.strip()
        current.title_en = title_en.strip()
        current.summary_ko = summary.strip()
        current.responsible_ai_ko = responsible_ai.strip()
        if summary_en is not None:
            current.summary_en = summary_en.strip()
        if responsible_ai_en is not None:
            current.responsible_ai_en = responsible_ai_en.strip()
        check_principle_texts(current)
        current.full_clean()
        current._history_user = editor
        current.save()
    return current


def principle_admin_save(*, principle: Principle, editor, expected_version: int) -> Principle:
    """The admin's save of a principle (all its fields as the admin form set them), under
    the same version check and limits as the inline edit."""
    with transaction.atomic():
        current = _lock(Principle, principle.pk, expected_version)
        check_principle_texts(principle)
        principle.version = current.version  # VersionedModel.save bumps it from there
        principle._history_user = editor
        principle.save()
    return principle


def live_update_admin_save(*, update: LiveUpdate, editor, expected_version: int | None):
    """The admin's save of a live update (both languages' texts as the admin form set them):
    a new one only in a live section, a changed one under the version check, never once
    retracted, marked "edited" when a text changed; the same limits as the live page. The
    admin never changes a retraction nor moves an update."""
    errors = {}
    for name in columns("body"):
        text = (getattr(update, name) or "").replace("\x00", "").strip()
        setattr(update, name, text)
        try:
            if text:
                _clean_body(text)
        except ValidationError as error:
            errors[name] = error.messages[0]
    if not errors and not any(getattr(update, name) for name in columns("body")):
        errors[columns("body")[0]] = _("Write something before posting.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if expected_version is None:
            if not update.section.is_live:
                raise ValidationError(_("Updates can only be posted to a live section."))
            update.author = editor
            update.save()
            return update
        current = _lock(LiveUpdate, update.pk, expected_version)
        if current.is_retracted:
            raise ValidationError(_("A retracted update cannot be edited."))
        changed = [n for n in columns("body") if getattr(current, n) != getattr(update, n)]
        for name in changed:
            setattr(current, name, getattr(update, name))
        if changed:
            current.edited_at = timezone.now()
        current.is_key_event = update.is_key_event
        current._history_user = editor
        current.save()
    return current


# --- the section's own state: the pinned update, the end of the coverage ----------------

MAX_SUMMARY_CHARS = MAX_UPDATE_CHARS


def _save_section(section: Section, fields: list[str]) -> Section:
    """Save section-level state and bump the revision so open pages receive it."""
    section.revision = bump_section_revision(section.pk)
    section.save(update_fields=[*fields, "revision"])
    return section


def _live_section(section: Section) -> Section:
    current = Section.objects.select_for_update().get(pk=section.pk)
    if not current.is_live:
        raise ValidationError(_("Only a live section has live coverage."))
    return current


def section_pin(*, section: Section, update: LiveUpdate | None) -> Section:
    """Pin `update` above the stream (one per section), or unpin with None."""
    with transaction.atomic():
        current = _live_section(section)
        if update is not None:
            update = LiveUpdate.objects.select_for_update().get(pk=update.pk)
            if update.section_id != current.pk:
                raise ValidationError(_("That update belongs to another section."))
            if update.is_retracted:
                raise ValidationError(_("A retracted update cannot be pinned."))
            if update.scheduled_for is not None:
                raise ValidationError(_("An update scheduled for later is pinned once posted."))
        current.pinned_update = update
        return _save_section(current, ["pinned_update"])


def section_end_coverage(*, section: Section, summary: str = "") -> Section:
    summary = (summary or "").replace("\x00", "").strip()
    if len(summary) > MAX_SUMMARY_CHARS:
        raise ValidationError(
            {"summary": _("At most %(limit)s characters, please.") % {"limit": MAX_SUMMARY_CHARS}}
        )
    try:
        validate_markdown(summary)
    except ValidationError as error:
        raise ValidationError({"summary": error.messages[0]}) from error
    with transaction.atomic():
        current = _live_section(section)
        current.coverage_ended_at = current.coverage_ended_at or timezone.now()
        current.coverage_summary = summary
        current.render_markdown_fields()
        return _save_section(
            current, ["coverage_ended_at", "coverage_summary", "coverage_summary_html"]
        )


def section_reopen_coverage(*, section: Section) -> Section:
    with transaction.atomic():
        current = _live_section(section)
        current.coverage_ended_at = None
        return _save_section(current, ["coverage_ended_at"])
