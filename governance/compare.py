"""Two assessments of one checklist side by side: the earlier one ("then") and the later
one ("now"), possibly of different versions. Items are matched by their stable key,
sections by title; the figures are the same scores the assessment pages show."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.markdown import escape_markdown, markdown_autolink
from governance import risk_tiers
from governance.models import Answer, AnswerStatus
from governance.scoring import Results, compute
from governance.selectors import checklist_sections


@dataclass
class SectionPair:
    title: str
    then: object | None  # scoring.Score, None when that version has no such section
    now: object | None


@dataclass
class Change:
    key: str
    prompt: str
    then: str  # an AnswerStatus value, "" for unanswered, None when the item was not there
    now: str | None

    @property
    def then_label(self) -> str:
        return _status(self.then)

    @property
    def now_label(self) -> str:
        return _status(self.now)


@dataclass
class Comparison:
    then: object  # Assessment
    now: object
    then_results: Results
    now_results: Results
    sections: list[SectionPair]
    changes: list[Change]
    opened: list  # scoring.Row of "now": required items answered "no" now, not then
    closed: list  # scoring.Row of "then": open risks then that are not open now


def _results(assessment) -> Results:
    sections = checklist_sections(version_id=assessment.checklist_version_id)
    tier_required = risk_tiers.required_keys(assessment.risk_tier, sections)
    return compute(sections, Answer.objects.filter(assessment=assessment), tier_required)


def _rows(results: Results) -> dict:
    return {row.item.key: row for section in results.sections for row in section.rows}


def compare(first, second) -> Comparison:
    if first.checklist_version.checklist_id != second.checklist_version.checklist_id:
        raise ValidationError(_("Only assessments of the same checklist can be compared."))
    if first.pk == second.pk:
        raise ValidationError(_("Choose another assessment to compare with."))
    then, now = sorted([first, second], key=lambda a: (a.created_at, str(a.pk)))
    then_results, now_results = _results(then), _results(now)
    then_sections = {result.section.title: result.score for result in then_results.sections}
    now_sections = {result.section.title: result.score for result in now_results.sections}
    titles = list(now_sections) + [t for t in then_sections if t not in now_sections]
    sections = [SectionPair(t, then_sections.get(t), now_sections.get(t)) for t in titles]
    then_rows, now_rows = _rows(then_results), _rows(now_results)
    changes = []
    for key in list(now_rows) + [k for k in then_rows if k not in now_rows]:
        before, after = then_rows.get(key), now_rows.get(key)
        status_then = None if before is None else before.status
        status_now = None if after is None else after.status
        if status_then != status_now:
            prompt = (after or before).item.prompt
            changes.append(Change(key, prompt, status_then, status_now))
    open_then = {row.item.key for row in then_results.open_risks}
    open_now = {row.item.key for row in now_results.open_risks}
    return Comparison(
        then=then,
        now=now,
        then_results=then_results,
        now_results=now_results,
        sections=sections,
        changes=changes,
        opened=[row for row in now_results.open_risks if row.item.key not in open_then],
        closed=[row for row in then_results.open_risks if row.item.key not in open_now],
    )


def _cell(text: str) -> str:
    """A table cell: escaped, pipes included (one would end the cell early)."""
    return escape_markdown(text)


def _percent(score) -> str:
    return "—" if score is None or score.percent is None else f"{score.percent}%"


def _status(value) -> str:
    if value is None:
        return _("not in this version")
    return str(dict(AnswerStatus.choices).get(value, _("unanswered")))


def as_markdown(comparison: Comparison, then_url: str, now_url: str) -> str:
    c = comparison
    # Translated outside the f-strings below: xgettext does not look inside f-strings.
    title = _("Comparison: %(then)s and %(now)s") % {
        "then": escape_markdown(c.then.subject),
        "now": escape_markdown(c.now.subject),
    }
    label = {
        "then": _("Then"),
        "now": _("Now"),
        "section": _("Section"),
        "total": _("Total"),
        "opened": _("Risks opened"),
        "closed": _("Risks closed"),
        "changed": _("Answers that changed"),
    }
    none = ["- " + _("none")]
    total_then, total_now = _percent(c.then_results.score), _percent(c.now_results.score)
    lines = [
        f"# {title}",
        "",
        f"- {label['then']}: {escape_markdown(c.then.subject)}, "
        f"v{c.then.checklist_version.number}, "
        f"{c.then.created_at.date().isoformat()} {markdown_autolink(then_url)}",
        f"- {label['now']}: {escape_markdown(c.now.subject)}, "
        f"v{c.now.checklist_version.number}, "
        f"{c.now.created_at.date().isoformat()} {markdown_autolink(now_url)}",
        "",
        f"| {label['section']} | {label['then']} | {label['now']} |",
        "| --- | ---: | ---: |",
        f"| **{label['total']}** | {total_then} | {total_now} |",
    ]
    lines += [f"| {_cell(s.title)} | {_percent(s.then)} | {_percent(s.now)} |" for s in c.sections]
    lines += ["", f"## {label['opened']}", ""]
    lines += [f"- {escape_markdown(row.item.prompt)}" for row in c.opened] or none
    lines += ["", f"## {label['closed']}", ""]
    lines += [f"- {escape_markdown(row.item.prompt)}" for row in c.closed] or none
    lines += ["", f"## {label['changed']}", ""]
    lines += [
        f"- {escape_markdown(change.prompt)} ({escape_markdown(change.key)}): "
        f"{_status(change.then)} → {_status(change.now)}"
        for change in c.changes
    ] or none
    return "\n".join(lines) + "\n"
