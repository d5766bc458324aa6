"""Writes that touch several governance models: validate, then save in one transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.bilingual import columns
from core.markdown import render_markdown
from governance import risk_tiers, tokens
from governance.models import (
    JUSTIFICATION_MAX,
    NOTE_MAX,
    Answer,
    AnswerStatus,
    Assessment,
    Checklist,
    ChecklistItem,
    ChecklistSection,
    ChecklistVersion,
    CrosswalkLink,
    VersionStatus,
)
from governance.selectors import newest_published_version

# ---------------------------------------------------------------------------
# Checklist versions (admin actions)
# ---------------------------------------------------------------------------


def _language_columns(obj, *names: str) -> dict:
    return {name: getattr(obj, name) for name in columns(*names)}


@transaction.atomic
def checklist_version_copy(*, version: ChecklistVersion) -> ChecklistVersion:
    """A new draft holding a copy of `version`: same sections, items, keys and principles."""
    checklist = version.checklist
    last = checklist.versions.select_for_update().aggregate(n=Max("number"))["n"] or 0
    draft = ChecklistVersion.objects.create(
        checklist=checklist,
        number=last + 1,
        status=VersionStatus.DRAFT,
        changelog=_("Copied from version %(number)s.") % {"number": version.number},
    )
    sections = version.sections.prefetch_related("items__principles")
    links = ChecklistItem.principles.through
    for section in sections:
        copy = ChecklistSection.objects.create(
            version=draft, order=section.order, **_language_columns(section, "title")
        )
        originals = list(section.items.all())
        copies = ChecklistItem.objects.bulk_create(
            ChecklistItem(
                section=copy,
                key=item.key,
                # bulk_create skips save(), so the rendered texts are copied too.
                **_language_columns(item, "prompt", "guidance", "guidance_html"),
                weight=item.weight,
                required=item.required,
                order=item.order,
            )
            for item in originals
        )
        links.objects.bulk_create(
            links(checklistitem_id=new.pk, principle_id=principle.pk)
            for new, old in zip(copies, originals, strict=True)
            for principle in old.principles.all()
        )
    return draft


@transaction.atomic
def checklist_version_publish(*, version: ChecklistVersion) -> ChecklistVersion:
    version = ChecklistVersion.objects.select_for_update().get(pk=version.pk)
    if version.is_published:
        raise ValidationError(
            _("Version %(number)s is already published.") % {"number": version.number}
        )
    items = ChecklistItem.objects.filter(section__version=version)
    if not items.exists():
        raise ValidationError(_("A version without items cannot be published."))
    keys = list(items.values_list("key", flat=True))
    if len(keys) != len(set(keys)):
        raise ValidationError(_("Two items of this version share a key."))
    version.status = VersionStatus.PUBLISHED
    version.published_at = timezone.now()
    version.save(update_fields=["status", "published_at"])
    return version


@transaction.atomic
def checklist_import(*, parsed, checklist: Checklist | None = None, title: str = ""):
    """A new draft version holding a framework file read by governance.importers.

    Without `checklist`, the checklist named by the file's title (or `title`) is used,
    made if it does not exist yet. Everything is written in this one transaction, so a
    failure leaves no half-imported version behind.
    """
    title = title.strip() or parsed.title
    if checklist is None:
        slug = slugify(title)[: Checklist._meta.get_field("slug").max_length].strip("-")
        if not slug:
            raise ValidationError(_("Give the checklist a title with letters or digits."))
        checklist, _created = Checklist.objects.get_or_create(
            slug=slug,
            defaults={"title_ko": title, "title_en": title, "source_format": parsed.format},
        )
    # Locks the checklist so that two imports cannot take the same version number.
    checklist = Checklist.objects.select_for_update().get(pk=checklist.pk)
    if checklist.source_format != parsed.format:
        raise ValidationError(
            _("The checklist %(checklist)s is not imported from %(format)s files.")
            % {"checklist": checklist.title, "format": parsed.format}
        )
    last = checklist.versions.aggregate(n=Max("number"))["n"] or 0
    draft = ChecklistVersion.objects.create(
        checklist=checklist,
        number=last + 1,
        status=VersionStatus.DRAFT,
        changelog=_("Imported from a %(format)s file: %(count)s items.")
        % {"format": parsed.format, "count": parsed.item_count},
    )
    for position, section in enumerate(parsed.sections, start=1):
        row = ChecklistSection.objects.create(
            version=draft, title_ko=section.title, title_en=section.title, order=position
        )
        ChecklistItem.objects.bulk_create(
            ChecklistItem(
                section=row,
                key=item.key,
                source_ref=item.ref,
                # The frameworks are published in English: their texts are English, and a
                # Korean page shows them marked as such (core.bilingual).
                prompt_en=item.prompt,
                guidance_en=item.guidance,
                guidance_html_en=render_markdown(item.guidance),  # bulk_create skips save()
                weight=item.weight,
                required=item.required,
                order=order,
            )
            for order, item in enumerate(section.items, start=1)
        )
    return draft


# ---------------------------------------------------------------------------
# Assessments
# ---------------------------------------------------------------------------


@transaction.atomic
def assessment_start(*, version: ChecklistVersion, subject: str) -> tuple[Assessment, str]:
    """Returns the assessment and its edit token, which is never stored and never shown again."""
    if not version.is_published:
        raise ValidationError(_("Only a published checklist version can be assessed."))
    token, token_hash = tokens.new_token()
    assessment = Assessment.objects.create(
        checklist_version=version, subject=subject.strip(), edit_token_hash=token_hash
    )
    return assessment, token


class AnswerConflict(Exception):
    """The answer changed since the page showed it (another tab or browser saved first)."""

    def __init__(self, current: Answer | None):
        super().__init__("The answer changed since it was shown.")
        self.current = current  # the saved answer now, or None when it was never saved


class AssessmentLocked(Exception):
    """The assessment is marked complete: its answers change only after it is reopened."""


@transaction.atomic
def answer_save(
    *, assessment: Assessment, item: ChecklistItem, data: dict, expected_version: int | None = None
) -> Answer:
    """`data` is the cleaned data of an AnswerForm. `expected_version` is the answer's
    version the page showed (0: not answered yet); None skips the check (imports, tests).
    Raises AnswerConflict when another save came first, AssessmentLocked once complete."""
    if item.section.version_id != assessment.checklist_version_id:
        raise ValidationError(_("This item belongs to another checklist version."))
    # The assessment's row is the lock: completing and saving cannot interleave.
    locked = Assessment.objects.select_for_update().filter(pk=assessment.pk)
    if locked.values_list("completed_at", flat=True).get() is not None:
        raise AssessmentLocked()
    current = Answer.objects.select_for_update().filter(assessment=assessment, item=item).first()
    if expected_version is not None and expected_version != (current.version if current else 0):
        raise AnswerConflict(current)
    fields = {
        "status": data["status"],
        "justification": data.get("justification", ""),
        "note": data.get("note", ""),
        "evidence_url": data.get("evidence_url", ""),
    }
    if current is None:
        answer = Answer.objects.create(assessment=assessment, item=item, **fields)
    else:
        answer = current
        for name, value in fields.items():
            setattr(answer, name, value)
        answer.version += 1
        answer.save()
    locked.update(updated_at=timezone.now())
    return answer


@transaction.atomic
def assessment_complete(*, assessment: Assessment, results) -> Assessment:
    """`results` from governance.scoring.compute; refuses while required items are open.
    A completed assessment's answers are locked until it is reopened."""
    if not results.can_complete:
        raise ValidationError(
            _("Answer every required item before marking the assessment as complete.")
        )
    assessment.completed_at = timezone.now()
    assessment.save(update_fields=["completed_at", "updated_at"])
    return assessment


def assessment_reopen(*, assessment: Assessment) -> Assessment:
    """Unlock the answers of a completed assessment; it counts as in progress again."""
    assessment.completed_at = None
    assessment.save(update_fields=["completed_at", "updated_at"])
    return assessment


def assessment_share(*, assessment: Assessment, shared: bool) -> Assessment:
    assessment.is_shared = shared
    assessment.save(update_fields=["is_shared", "updated_at"])
    return assessment


@transaction.atomic
def assessment_upgrade(*, assessment: Assessment) -> list[dict]:
    """Move the assessment to the newest published version of its checklist.

    Answers follow their item's stable key; those whose key is gone are kept on the
    assessment in `not_carried_over` and returned. Completion is cleared: it was about
    another set of questions.
    """
    assessment = Assessment.objects.select_for_update().for_page().get(pk=assessment.pk)
    current = newest_published_version(checklist=assessment.checklist)
    if current is None or current.number <= assessment.checklist_version.number:
        raise ValidationError(_("This assessment already uses the newest checklist version."))
    new_items = {item.key: item for item in ChecklistItem.objects.filter(section__version=current)}
    left_behind = []
    for answer in assessment.answers.select_related("item"):
        target = new_items.get(answer.item.key)
        if target is None:
            left_behind.append(
                {
                    "from_version": assessment.checklist_version.number,
                    "key": answer.item.key,
                    "prompt": answer.item.prompt,
                    "status": answer.status,
                    "justification": answer.justification,
                    "note": answer.note,
                    "evidence_url": answer.evidence_url,
                }
            )
            answer.delete()
        else:
            answer.item = target
            answer.save(update_fields=["item", "updated_at"])
    assessment.checklist_version = current
    assessment.completed_at = None
    assessment.not_carried_over = [*assessment.not_carried_over, *left_behind]
    assessment.save()
    return left_behind


@transaction.atomic
def assessment_import(*, data) -> tuple[Assessment, str]:
    """`data` is governance.exports.ImportedAssessment, already validated."""
    assessment, token = assessment_start(version=data.version, subject=data.subject)
    Answer.objects.bulk_create(
        Answer(assessment=assessment, item=data.items[key], **fields)
        for key, fields in data.answers.items()
    )
    assessment.completed_at = data.completed_at
    assessment.not_carried_over = data.not_carried_over
    assessment.save(update_fields=["completed_at", "not_carried_over", "updated_at"])
    if data.risk_yes is not None:
        assessment_set_risk_tier(assessment=assessment, yes=data.risk_yes)
    return assessment, token


# The weakest answer wins when several playbook answers speak for one framework item: a
# "yes" on one principle does not vouch for another that was answered "no".
_WEAKEST_FIRST = [AnswerStatus.NO, AnswerStatus.PARTIAL, AnswerStatus.YES]


def _carried(answers) -> dict:
    prompts = "; ".join(answer.item.prompt for answer in answers)
    note = _("Carried over from the playbook assessment: %(items)s") % {"items": prompts}
    applicable = [answer for answer in answers if answer.status != AnswerStatus.NOT_APPLICABLE]
    if not applicable:
        reasons = " / ".join(answer.justification for answer in answers)
        return {
            "status": AnswerStatus.NOT_APPLICABLE,
            "justification": reasons[:JUSTIFICATION_MAX],
            "note": note[:NOTE_MAX],
        }
    weakest = min(applicable, key=lambda answer: _WEAKEST_FIRST.index(answer.status))
    return {"status": weakest.status, "note": note[:NOTE_MAX]}


@transaction.atomic
def assessment_carry_over(*, source: Assessment, version: ChecklistVersion):
    """A new assessment of a framework version, answered from `source` (an assessment of
    the playbook's checklist) wherever an editor mapped the framework item to a principle
    that an answered playbook item tests. Returns (assessment, token, answers carried)."""
    if not version.checklist.source_format:
        raise ValidationError(_("Answers are carried over to an imported framework only."))
    assessment, token = assessment_start(version=version, subject=source.subject)
    by_principle = {}
    for answer in source.answers.select_related("item").prefetch_related("item__principles"):
        for principle in answer.item.principles.all():
            by_principle.setdefault(principle.pk, []).append(answer)
    links = {}
    for link in CrosswalkLink.objects.filter(checklist=version.checklist_id):
        links.setdefault(link.key, set()).add(link.principle_id)
    carried = []
    for item in ChecklistItem.objects.filter(section__version=version):
        answers = {
            answer.pk: answer
            for principle_id in sorted(links.get(item.key, ()))
            for answer in by_principle.get(principle_id, ())
        }
        if answers:
            carried.append(
                Answer(assessment=assessment, item=item, **_carried(list(answers.values())))
            )
    Answer.objects.bulk_create(carried)
    return assessment, token, len(carried)


def assessment_set_risk_tier(*, assessment: Assessment, yes: list[str]) -> Assessment:
    """Store the pre-questionnaire's answers ("yes" keys) and the tier they give."""
    unknown = set(yes) - risk_tiers.KEYS
    if unknown:
        raise ValidationError(_("Unknown question: %(key)s") % {"key": sorted(unknown)[0]})
    assessment.risk_answers = [q.key for q in risk_tiers.QUESTIONS if q.key in set(yes)]
    assessment.risk_tier = risk_tiers.tier_for(set(yes))
    assessment.save(update_fields=["risk_answers", "risk_tier", "updated_at"])
    return assessment


def assessments_expire_untouched(*, before) -> int:
    """Delete assessments nobody has worked on since they were started: no answer, no risk
    tier, nothing carried over, not completed, unchanged since `before`. Returns how many."""
    untouched = Assessment.objects.filter(
        updated_at__lt=before,
        completed_at__isnull=True,
        risk_tier="",
        not_carried_over=[],
        answers__isnull=True,
    )
    deleted, _rows = Assessment.objects.filter(pk__in=untouched.values("pk")).delete()
    return deleted


def assessment_rotate_token(*, assessment: Assessment) -> str:
    """Replace the edit token; the old one (its link, its cookies) stops working."""
    token, token_hash = tokens.new_token()
    Assessment.objects.filter(pk=assessment.pk).update(
        edit_token_hash=token_hash, updated_at=timezone.now()
    )
    assessment.edit_token_hash = token_hash
    return token
