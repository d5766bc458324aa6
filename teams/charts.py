"""The teams chart, laid out in Python and drawn by the template as SVG.

Two bar panels side by side, one row per team: ARR per person (from the ARR's lower bound)
and headcount. The first panel has a line at $1M per person, which is where a team becomes
a Tiny Team (ARR in millions above headcount). Unknown figures get no bar, only a label."""

from dataclasses import dataclass

MILLION = 1_000_000
ROW = 30  # px per team
TOP = 44  # room for the panel titles
LABEL_WIDTH = 170
ARR_X, ARR_WIDTH = 180, 250
HEAD_X, HEAD_WIDTH = 520, 140
WIDTH = 720
BAR_HEIGHT = 18


@dataclass(frozen=True)
class Row:
    team: object
    y: int  # top of the row's bars
    text_y: int  # baseline of the row's labels
    arr_width: int | None  # None: unknown
    head_width: int | None


def _scaled(value, largest, width):
    if value is None:
        return None
    return max(1, round(value / largest * width)) if largest else 1


def figures_chart(teams) -> dict:
    """Everything the template needs to draw the chart of these teams."""
    teams = sorted(
        teams,
        key=lambda t: (
            t.arr_per_person_min_usd is None,
            -(t.arr_per_person_min_usd or 0),
            t.headcount is None,
            -(t.headcount or 0),
        ),
    )
    per_person = [t.arr_per_person_min_usd for t in teams if t.arr_per_person_min_usd]
    heads = [t.headcount for t in teams if t.headcount]
    # The $1M line stays inside the panel even when every team is below it.
    arr_scale = max([*per_person, MILLION]) * 1.1
    head_scale = max(heads, default=1)
    rows = [
        Row(
            team=team,
            y=TOP + n * ROW + (ROW - BAR_HEIGHT) // 2,
            text_y=TOP + n * ROW + ROW // 2 + 5,
            arr_width=_scaled(team.arr_per_person_min_usd, arr_scale, ARR_WIDTH),
            head_width=_scaled(team.headcount, head_scale, HEAD_WIDTH),
        )
        for n, team in enumerate(teams)
    ]
    height = TOP + len(rows) * ROW + 10
    return {
        "rows": rows,
        "width": WIDTH,
        "height": height,
        "bar_height": BAR_HEIGHT,
        "label_x": LABEL_WIDTH,
        "arr_x": ARR_X,
        "head_x": HEAD_X,
        "tiny_line_x": ARR_X + round(MILLION / arr_scale * ARR_WIDTH),
        "axis_top": TOP - 6,
        "axis_bottom": height - 6,
        "known_count": sum(
            1 for t in teams if t.arr_per_person_min_usd is not None and t.headcount is not None
        ),
    }
