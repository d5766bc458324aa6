"""The Tiny Team rule and ARR display, on unsaved teams (no database needed)."""

import pytest

from core.templatetags.content_tags import arr_range, number, usd_millions
from teams.models import Team

M = 1_000_000


@pytest.mark.parametrize(
    ("headcount", "low", "high", "precision", "expected"),
    [
        (15, 20 * M, None, "exact", True),  # Bolt.new
        (80, 100 * M, None, "at_least", True),  # Cognition
        (7, 1 * M, 9_999_999, "range", None),  # Datalab: the range straddles 7
        (30, None, None, "", None),  # Gamma: no ARR given
        (None, 20 * M, None, "exact", None),  # no headcount given
        (30, 20 * M, None, "exact", False),
        (30, 1 * M, 9_999_999, "range", False),
        (200, 100 * M, None, "at_least", None),  # "more than $100M" cannot tell
        (20, 20 * M, None, "exact", False),  # equal is not more
    ],
)
def test_tiny_team(headcount, low, high, precision, expected):
    team = Team(headcount=headcount, arr_min_usd=low, arr_max_usd=high, arr_precision=precision)
    assert team.is_tiny_team is expected


def test_arr_is_shown_as_the_source_gives_it():
    assert arr_range(Team(arr_min_usd=20 * M, arr_precision="exact")) == "$20M"
    datalab = Team(arr_min_usd=M, arr_max_usd=9_999_999, arr_precision="range")
    assert arr_range(datalab) == "$1M – $9.99M"
    assert "$100M" in arr_range(Team(arr_min_usd=100 * M, arr_precision="at_least"))
    assert arr_range(Team()) != "$0M"


def test_unknown_numbers_are_a_dash_not_zero():
    assert number(None) == "—"
    assert number(0) == "0"
    assert number(50_000_000) == "50,000,000"
    assert usd_millions(None) == "—"
    assert usd_millions(2_500_000) == "$2.5M"


@pytest.mark.parametrize(
    ("fields", "field_in_error"),
    [
        ({"arr_max_usd": 5 * M}, "arr_min_usd"),
        ({"arr_min_usd": 5 * M, "arr_max_usd": M, "arr_precision": "range"}, "arr_max_usd"),
        ({"arr_min_usd": 5 * M}, "arr_precision"),
    ],
)
def test_inconsistent_arr_figures_are_refused_with_a_message(fields, field_in_error):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        Team(name="x", slug="x", **fields).clean()
    assert field_in_error in error.value.message_dict
