"""The teams table: sorting by each figure with unknowns last, the HTMX partial, the Tiny
Team badge where the seed's figures allow it, and the chart's text alternative."""

import re

import pytest
from django.urls import reverse

from teams.models import Team

pytestmark = pytest.mark.django_db

COLUMNS = {
    "headcount": lambda t: t.headcount,
    "users": lambda t: t.users,
    "arr": lambda t: t.arr_min_usd,
    "arr-per-person": lambda t: t.arr_per_person_min_usd,
}


def row_slugs(body):
    table = body[body.index('id="teams-table"') :]
    return re.findall(r'<tr id="team-([\w-]+)"', table)


@pytest.mark.parametrize("column", COLUMNS)
@pytest.mark.parametrize("descending", [True, False])
def test_sorting_by_each_column_puts_unknowns_last(client, column, descending):
    value = COLUMNS[column]
    teams = {team.slug: team for team in Team.objects.all()}
    param = f"-{column}" if descending else column
    body = client.get(reverse("teams:teams"), {"sort": param}).content.decode()
    slugs = row_slugs(body)
    assert sorted(slugs) == sorted(teams)

    values = [value(teams[slug]) for slug in slugs]
    known = [v for v in values if v is not None]
    assert known, "the seed has some figures in every column"
    assert values[: len(known)] == known, "unknown figures come after every known one"
    assert known == sorted(known, reverse=descending)
    assert f'aria-sort="{"descending" if descending else "ascending"}"' in body


def test_arr_sorts_by_lower_bound_and_shows_a_range_as_a_range(client):
    body = client.get(reverse("teams:teams"), {"sort": "-arr"}).content.decode()
    assert row_slugs(body)[:3] == ["cognition", "bolt", "datalab"]
    assert "$1M – $9.99M" in body  # Datalab's "7자리 수"


def test_unknown_sort_key_falls_back_to_the_default_order(client):
    default = row_slugs(client.get(reverse("teams:teams")).content.decode())
    assert default == list(Team.objects.order_by("order", "name").values_list("slug", flat=True))
    for junk in ["nonsense", "-", "--users", "name; DROP TABLE", "x" * 500]:
        response = client.get(reverse("teams:teams"), {"sort": junk})
        assert response.status_code == 200
        assert row_slugs(response.content.decode()) == default


def test_sort_links_keep_their_href_and_toggle_direction(client):
    body = client.get(reverse("teams:teams"), {"sort": "-users"}).content.decode()
    # The sorted column reverses on a second click; the others start largest first.
    assert 'id="sort-users" href="/teams/?sort=users" data-hx-get="/teams/?sort=users"' in body
    assert 'href="/teams/?sort=-headcount" data-hx-get="/teams/?sort=-headcount"' in body
    assert 'data-hx-push-url="true"' in body


def test_htmx_asks_for_the_table_only_and_responses_vary_on_it(client):
    url = reverse("teams:teams")
    full = client.get(url, {"sort": "-users"})
    part = client.get(url, {"sort": "-users"}, HTTP_HX_REQUEST="true")
    assert "HX-Request" in full.headers["Vary"] and "HX-Request" in part.headers["Vary"]
    part_body = part.content.decode()
    assert part_body.lstrip().startswith('<div class="table-scroll" id="teams-table"')
    assert "<html" not in part_body and "<svg" not in part_body
    assert row_slugs(part_body) == row_slugs(full.content.decode())
    # A history restore (cache miss) needs the whole page.
    restore = client.get(
        url, {"sort": "-users"}, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    )
    assert "<html" in restore.content.decode()


def test_tiny_team_badge_exactly_where_the_figures_allow(client):
    body = client.get(reverse("teams:teams")).content.decode()
    table = body[body.index('id="teams-table"') :]
    rows = dict(re.findall(r'<tr id="team-([\w-]+)">(.*?)</tr>', table, flags=re.S))
    tiny = {slug for slug, row in rows.items() if "badge--tiny" in row}
    unknown = {slug for slug, row in rows.items() if "badge--unknown" in row}
    assert tiny == {"bolt", "cognition"}
    # Datalab's range straddles its headcount; the others lack a figure.
    assert unknown == {"gamma", "gumloop", "oleve", "hassan-el-mghari", "datalab", "every"}


def test_arr_per_person_uses_the_lower_bound_and_says_so(client):
    body = client.get(reverse("teams:teams"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "lower bound" in body
    rows = dict(re.findall(r'<tr id="team-([\w-]+)">(.*?)</tr>', body, flags=re.S))
    # $20M / 15 is not a whole number of dollars: given roughly, not as "$1,333,333".
    assert "about $1.3M" in rows["bolt"] and "1,333,333" not in rows["bolt"]
    assert "at least $142,857" in rows["datalab"]  # $1M (lower bound) / 7
    assert "at least $1,250,000" in rows["cognition"]
    assert "$0" not in rows["gamma"]


def test_chart_is_an_svg_with_a_text_alternative(client):
    body = client.get(reverse("teams:teams"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    svg = body[body.index("<svg") : body.index("</svg>")]
    assert 'role="img"' in svg and 'aria-labelledby="chart-title chart-desc"' in svg
    desc = re.search(r'<desc id="chart-desc">(.*?)</desc>', svg, flags=re.S)[1]
    for team in Team.objects.all():
        assert team.name in desc
    assert "Bolt.new: about $1.3M, headcount 15" in desc
    assert "style=" not in svg
    assert svg.count('class="chart-bar chart-bar--arr"') == 3  # Bolt, Cognition, Datalab
