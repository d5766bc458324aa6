"""Scores of an assessment, computed in Python from rows already loaded for the page.

The rule (docs/decisions.md): an item's value is yes = 1, partly = 1/2, no = 0, and an
unanswered item counts as 0; "not applicable" leaves the item out of the denominator.
A score is the sum of weight × value over the sum of the weights of the applicable
items. Fractions keep the arithmetic exact; pages round only for display.
"""

import math
from dataclasses import dataclass, field
from fractions import Fraction

from governance.models import AnswerStatus

VALUES = {
    AnswerStatus.YES: Fraction(1),
    AnswerStatus.PARTIAL: Fraction(1, 2),
    AnswerStatus.NO: Fraction(0),
}


@dataclass
class Row:
    item: object  # ChecklistItem
    answer: object | None  # Answer, or None while unanswered
    form: object | None = None  # the bound form of a rejected save, shown with its errors
    tier_required: bool = False  # required by the assessment's risk tier (risk_tiers)
    # A refused save (governance.answer_views): the answer saved meanwhile elsewhere (None
    # when there is none), or the assessment was completed meanwhile.
    conflict: object | None = None
    has_conflict: bool = False
    locked: bool = False

    @property
    def required(self) -> bool:
        return self.item.required or self.tier_required

    @property
    def status(self) -> str:
        return self.answer.status if self.answer else ""

    @property
    def values(self) -> dict:
        """What the row's inputs show: the rejected input if any, else the saved answer."""
        if self.form is not None:
            return self.form.data
        if self.answer is None:
            return {}
        return {
            "status": self.answer.status,
            "justification": self.answer.justification,
            "note": self.answer.note,
            "evidence_url": self.answer.evidence_url,
        }

    @property
    def shown_version(self) -> int:
        """The answer's version the page shows: the one a refused post was made from."""
        if self.form is not None and str(self.form.data.get("version", "")).isdigit():
            return int(self.form.data["version"])
        return self.answer.version if self.answer else 0

    @property
    def has_problems(self) -> bool:
        return bool(self.errors) or self.has_conflict or self.locked

    @property
    def errors(self) -> dict:
        return self.form.errors if self.form is not None else {}

    @property
    def is_open_risk(self) -> bool:
        return self.required and self.status == AnswerStatus.NO


@dataclass
class Score:
    earned: Fraction = Fraction(0)
    possible: int = 0
    answered: int = 0
    total: int = 0

    def add(self, row: Row) -> None:
        self.total += 1
        if row.answer is None:
            self.possible += row.item.weight
            return
        self.answered += 1
        if row.status == AnswerStatus.NOT_APPLICABLE:
            return
        self.possible += row.item.weight
        self.earned += row.item.weight * VALUES[row.status]

    @property
    def ratio(self) -> Fraction | None:
        """None when every item is not applicable: there is nothing to score."""
        return self.earned / self.possible if self.possible else None

    @property
    def percent(self) -> int | None:
        ratio = self.ratio
        # Half up (62.5 → 63), the way people round by hand; round() would go to even.
        return None if ratio is None else math.floor(ratio * 100 + Fraction(1, 2))

    @property
    def progress_percent(self) -> int:
        return math.floor(100 * self.answered / self.total) if self.total else 0

    @property
    def earned_display(self) -> str:
        return f"{float(self.earned):g}"


@dataclass
class SectionResult:
    section: object  # ChecklistSection
    rows: list[Row] = field(default_factory=list)
    score: Score = field(default_factory=Score)


@dataclass
class Results:
    sections: list[SectionResult]
    score: Score
    open_risks: list[Row]
    missing_required: list[Row]

    @property
    def can_complete(self) -> bool:
        return not self.missing_required

    def row(self, key: str) -> tuple[SectionResult, Row] | None:
        for result in self.sections:
            for row in result.rows:
                if row.item.key == key:
                    return result, row
        return None


def compute(sections, answers, tier_required=frozenset()) -> Results:
    """`sections` with their items prefetched; `answers` of one assessment;
    `tier_required` the keys of items its risk tier makes required."""
    by_item = {answer.item_id: answer for answer in answers}
    total = Score()
    results, open_risks, missing = [], [], []
    for section in sections:
        result = SectionResult(section=section)
        for item in section.items.all():
            row = Row(
                item=item, answer=by_item.get(item.pk), tier_required=item.key in tier_required
            )
            result.rows.append(row)
            result.score.add(row)
            total.add(row)
            if row.is_open_risk:
                open_risks.append(row)
            if row.required and row.answer is None:
                missing.append(row)
        results.append(result)
    return Results(sections=results, score=total, open_risks=open_risks, missing_required=missing)
