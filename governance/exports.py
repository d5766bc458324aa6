"""Assessment reports as Markdown, CSV and JSON, and reading a JSON export back.

The JSON format is the exchange format: `import_json` accepts exactly what `as_json` writes
and validates every answer with the same form as the web page.
"""

import csv
import io
import json
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from core.markdown import escape_markdown, markdown_autolink
from governance import risk_tiers, untrusted_json
from governance.forms import AnswerForm
from governance.models import (
    EVIDENCE_URL_MAX,
    JUSTIFICATION_MAX,
    NOTE_MAX,
    SUBJECT_MAX,
    AnswerStatus,
    Checklist,
    ChecklistItem,
    ChecklistVersion,
)
from governance.untrusted_json import is_int

FORMAT = "tiny-teams-playbook/assessment"
FORMAT_VERSION = 1
CSV_COLUMNS = [
    "section", "key", "prompt", "required", "weight", "status", "justification", "note",
    "evidence_url", "updated_at",
]  # fmt: skip
MAX_LEFT_BEHIND = 200
ANSWER_FIELDS = ("status", "justification", "note", "evidence_url")


def _percent(score) -> str:
    return "—" if score.percent is None else f"{score.percent}%"


def _indented(text: str) -> str:
    """Escaped, and continuation lines stay inside their list item."""
    return "\n    ".join(escape_markdown(line) for line in text.splitlines())


def as_markdown(assessment, results, url: str) -> str:
    version = assessment.checklist_version
    status_labels = dict(AnswerStatus.choices)
    # Translated outside the f-strings below: xgettext does not look inside f-strings.
    labels = {
        "checklist": _("Checklist"),
        "assessment": _("Assessment"),
        "score": _("Score"),
        "answered": _("Answered"),
        "completed": _("Completed"),
        "risks": _("Open risks"),
        "why": _("Why it does not apply"),
        "note": _("Note"),
        "evidence": _("Evidence"),
        "tier": _("Risk tier"),
    }
    editorial = _("our editorial pre-questionnaire")
    tier = (
        f"{assessment.get_risk_tier_display()} ({editorial})"
        if assessment.risk_tier
        else _("not chosen yet")
    )
    lines = [
        f"# {escape_markdown(assessment.subject)}",
        "",
        f"- {labels['checklist']}: {escape_markdown(version.checklist.title)} v{version.number}",
        f"- {labels['assessment']}: {markdown_autolink(url)}",
        f"- {labels['score']}: {_percent(results.score)} "
        f"({results.score.earned_display} / {results.score.possible})",
        f"- {labels['answered']}: {results.score.answered} / {results.score.total}",
        f"- {labels['tier']}: {tier}",
        f"- {labels['completed']}: "
        + (
            timezone.localdate(assessment.completed_at).isoformat()
            if assessment.completed_at
            else _("no")
        ),
        "",
    ]
    if results.open_risks:
        lines += [f"## {labels['risks']}", ""]
        lines += [f"- {escape_markdown(row.item.prompt)}" for row in results.open_risks]
        lines.append("")
    for section in results.sections:
        lines += [f"## {escape_markdown(section.section.title)} — {_percent(section.score)}", ""]
        for row in section.rows:
            box = "x" if row.status == AnswerStatus.YES else " "
            label = status_labels[row.status] if row.answer else _("unanswered")
            flags = [str(label), _("weight %(weight)s") % {"weight": row.item.weight}]
            if row.required:
                flags.append(_("required"))
            lines.append(f"- [{box}] **{escape_markdown(row.item.prompt)}** ({', '.join(flags)})")
            if row.answer and row.answer.justification:
                lines.append(f"  - {labels['why']}: {_indented(row.answer.justification)}")
            if row.answer and row.answer.note:
                lines.append(f"  - {labels['note']}: {_indented(row.answer.note)}")
            if row.answer and row.answer.evidence_url:
                lines.append(
                    f"  - {labels['evidence']}: {markdown_autolink(row.answer.evidence_url)}"
                )
        lines.append("")
    return "\n".join(lines)


def _cell(value) -> str:
    """Spreadsheets run a cell that starts with = + - @ as a formula; a quote stops that."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text


def as_csv(results) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for section in results.sections:
        for row in section.rows:
            answer = row.answer
            writer.writerow(
                _cell(v)
                for v in [
                    section.section.title,
                    row.item.key,
                    row.item.prompt,
                    "yes" if row.required else "no",
                    row.item.weight,
                    row.status,
                    answer.justification if answer else "",
                    answer.note if answer else "",
                    answer.evidence_url if answer else "",
                    answer.updated_at.isoformat() if answer else "",
                ]
            )
    return out.getvalue()


def as_json(assessment, results) -> str:
    version = assessment.checklist_version

    def score(s):
        return {
            "percent": s.percent,
            "earned": s.earned_display,
            "possible": s.possible,
            "answered": s.answered,
            "items": s.total,
        }

    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "checklist": {
            "slug": version.checklist.slug,
            "title": version.checklist.title,
            "version": version.number,
        },
        "subject": assessment.subject,
        "created_at": assessment.created_at.isoformat(),
        "completed_at": assessment.completed_at.isoformat() if assessment.completed_at else None,
        "score": score(results.score),
        "sections": [{"title": s.section.title, "score": score(s.score)} for s in results.sections],
        "open_risks": [row.item.key for row in results.open_risks],
        "answers": [
            {
                "key": row.item.key,
                "prompt": row.item.prompt,
                "status": row.answer.status,
                "justification": row.answer.justification,
                "note": row.answer.note,
                "evidence_url": row.answer.evidence_url,
            }
            for section in results.sections
            for row in section.rows
            if row.answer
        ],
        "not_carried_over": assessment.not_carried_over,
        "risk_tier": {"tier": assessment.risk_tier, "yes": assessment.risk_answers},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@dataclass
class ImportedAssessment:
    version: object  # ChecklistVersion
    subject: str
    items: dict  # key -> ChecklistItem
    answers: dict  # key -> cleaned answer fields
    completed_at: datetime | None
    not_carried_over: list
    risk_yes: list | None = None  # the risk-tier questions answered "yes", when the file has them


def import_json(raw: bytes | str, *, checklist: Checklist | None = None) -> ImportedAssessment:
    """Validate an export.json; raises ValidationError with every problem found.

    With `checklist`, the file must be an assessment of that checklist (the upload form on
    a checklist page)."""
    document = untrusted_json.load(raw)
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValidationError(_("The file is not an assessment exported by this site."))
    if not is_int(document.get("format_version")) or document["format_version"] != FORMAT_VERSION:
        raise ValidationError(_("This export format version is not supported."))

    reference = document.get("checklist")
    if not isinstance(reference, dict):
        reference = {}
    slug, number = reference.get("slug"), reference.get("version")
    if checklist is not None and slug != checklist.slug:
        raise ValidationError(_("The file is an assessment of another checklist."))
    version = None
    if isinstance(slug, str) and is_int(number):
        version = (
            ChecklistVersion.objects.published()
            .filter(checklist__slug=slug, number=number)
            .select_related("checklist")
            .first()
        )
    if version is None:
        raise ValidationError(
            _("Checklist %(slug)s has no published version %(number)s here.")
            % {"slug": slug, "number": number}
        )

    subject = document.get("subject")
    if not isinstance(subject, str) or not subject.strip() or len(subject) > SUBJECT_MAX:
        raise ValidationError(
            _("The subject is missing or longer than %(limit)s characters.")
            % {"limit": SUBJECT_MAX}
        )

    items = {i.key: i for i in ChecklistItem.objects.filter(section__version=version)}
    answers, problems = {}, []
    raw_answers = document.get("answers")
    if not isinstance(raw_answers, list):
        raise ValidationError(_("The file has no list of answers."))
    for entry in raw_answers:
        key = entry.get("key") if isinstance(entry, dict) else None
        if not isinstance(key, str):
            problems.append(_("An answer has no item key (text)."))
            continue
        if key not in items:
            problems.append(_("Unknown item key: %(key)s") % {"key": key[:80]})
            continue
        wrong = [f for f in ANSWER_FIELDS if not isinstance(entry.get(f), str | None)]
        if wrong:
            problems += [
                _("%(key)s (%(field)s): must be text.") % {"key": key, "field": f} for f in wrong
            ]
            continue
        if key in answers:
            problems.append(_("Item %(key)s is answered twice.") % {"key": key})
            continue
        form = AnswerForm({f: entry.get(f) or "" for f in ANSWER_FIELDS})
        if not form.is_valid():
            for field, errors in form.errors.items():
                problems += [f"{key} ({field}): {error}" for error in errors]
            continue
        answers[key] = form.cleaned_data
    completed_at = document.get("completed_at")
    try:
        completed = parse_datetime(completed_at) if isinstance(completed_at, str) else None
    except ValueError:  # well formed but impossible, such as 2024-02-30 10:00
        completed = None
    if completed_at is not None and completed is None:
        problems.append(_("completed_at is not a date and time."))
    left_behind = document.get("not_carried_over") or []
    if not _valid_left_behind(left_behind):
        problems.append(_("not_carried_over is not a list of earlier answers."))
    tier = document.get("risk_tier")
    risk_yes = tier.get("yes") if isinstance(tier, dict) and tier.get("tier") else None
    if risk_yes is not None and not (
        isinstance(risk_yes, list)
        and all(isinstance(key, str) and key in risk_tiers.KEYS for key in risk_yes)
    ):
        problems.append(_("risk_tier.yes is not a list of question keys."))
    if problems:
        raise ValidationError(problems)
    if any(item.required and key not in answers for key, item in items.items()):
        completed = None  # completion needs every required answer; the file lacks some
    return ImportedAssessment(
        version=version,
        subject=subject.strip(),
        items=items,
        answers=answers,
        completed_at=completed,
        not_carried_over=left_behind,
        risk_yes=risk_yes,
    )


# What an upgrade keeps of an answer it could not carry over, and how long each may be.
LEFT_BEHIND_FIELDS = {
    "from_version": None,
    "key": 80,
    "prompt": 500,
    "status": 20,
    "justification": JUSTIFICATION_MAX,
    "note": NOTE_MAX,
    "evidence_url": EVIDENCE_URL_MAX,
}


def _valid_left_behind(entries) -> bool:
    """At most MAX_LEFT_BEHIND entries of the fields an upgrade writes, each within its
    limit: the file cannot store more than the site itself would."""
    if not isinstance(entries, list) or len(entries) > MAX_LEFT_BEHIND:
        return False
    for entry in entries:
        if not isinstance(entry, dict) or not set(entry) <= set(LEFT_BEHIND_FIELDS):
            return False
        for name, value in entry.items():
            limit = LEFT_BEHIND_FIELDS[name]
            if limit is None:
                if not is_int(value):
                    return False
            elif not isinstance(value, str) or len(value) > limit:
                return False
    return True
