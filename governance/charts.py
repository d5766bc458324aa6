"""Geometry of the results chart. The template draws the SVG from these numbers with
presentation attributes only (x, y, width), which the strict CSP allows, unlike style=""."""

from dataclasses import dataclass

BAR_AREA = 300  # user units of the bar at 100 %
ROW_HEIGHT = 44
LABEL_HEIGHT = 18
BAR_HEIGHT = 16


@dataclass
class Bar:
    label: str
    percent: int | None
    y_label: int
    y_bar: int
    width: float
    y_value: int


@dataclass
class Chart:
    bars: list[Bar]
    width: int
    height: int
    bar_area: int = BAR_AREA
    bar_height: int = BAR_HEIGHT


def score_chart(results) -> Chart:
    rows = [(r.section.title, r.score.percent) for r in results.sections]
    rows.append(("total", results.score.percent))
    bars = []
    for index, (label, percent) in enumerate(rows):
        top = index * ROW_HEIGHT
        bars.append(
            Bar(
                label=label,
                percent=percent,
                y_label=top + LABEL_HEIGHT - 4,
                y_bar=top + LABEL_HEIGHT,
                width=round(BAR_AREA * (percent or 0) / 100, 1),
                y_value=top + LABEL_HEIGHT + BAR_HEIGHT - 3,
            )
        )
    return Chart(bars=bars, width=BAR_AREA + 60, height=len(rows) * ROW_HEIGHT)
