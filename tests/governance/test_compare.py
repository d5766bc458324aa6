"""Two assessments of the playbook checklist side by side. The expected figures are worked
out by hand from the seed's weights (section "Ethical Foundations & Team Culture": items
of weight 3 (required), 2 (required), 2, 1, 1 = 9; the whole checklist weighs 54;
"Transparency & Accountability" weighs 9, its risk-registry item 2, required)."""

import pytest
from django.urls import reverse

from governance import compare
from governance.models import Assessment, ChecklistItem
from tests.governance.helpers import answer, start

pytestmark = pytest.mark.django_db
EN = {"Accept-Language": "en"}


@pytest.fixture
def pair(client):
    then = start(client, subject="챗봇 1월")
    answer(client, then, "ethical-review-every-stage", status="no")  # required: a risk
    answer(client, then, "ethics-code-culture-deck", status="yes")
    answer(client, then, "ethical-values-first", status="partial")
    answer(client, then, "risk-registry", status="no")  # required: a risk
    now = start(client, subject="챗봇 6월")
    answer(client, now, "ethical-review-every-stage", status="yes")
    answer(client, now, "ethics-code-culture-deck", status="no")  # a new risk
    answer(client, now, "ethical-values-first", status="na", justification="우리 팀은 하나뿐")
    answer(client, now, "risk-registry", status="yes")
    return then, now


def test_figures_match_the_hand_computed_ones(pair):
    then, now = pair
    result = compare.compare(now, then)  # the order given does not matter
    assert (result.then, result.now) == (then, now)
    # Then: 0·3 + 1·2 + ½·2 = 3 of 54 → 5.6 % → 6 %; now: 1·3 + 0·2 + 1·2 = 5 of 52
    # (the "not applicable" item's 2 leave the denominator) → 9.6 % → 10 %.
    assert (result.then_results.score.percent, result.now_results.score.percent) == (6, 10)
    first = result.sections[0]
    assert first.title == "윤리 기반과 팀 문화"
    assert (first.then.percent, first.now.percent) == (33, 43)  # 3/9 and 3/7
    transparency = next(s for s in result.sections if s.title == "투명성과 책임")
    assert (transparency.then.percent, transparency.now.percent) == (0, 22)  # 0/9 and 2/9
    assert [row.item.key for row in result.opened] == ["ethics-code-culture-deck"]
    assert [row.item.key for row in result.closed] == [
        "ethical-review-every-stage",
        "risk-registry",
    ]
    assert [(c.key, c.then, c.now) for c in result.changes] == [
        ("ethical-review-every-stage", "no", "yes"),
        ("ethics-code-culture-deck", "yes", "no"),
        ("ethical-values-first", "partial", "na"),
        ("risk-registry", "no", "yes"),
    ]


def test_page_and_markdown_show_the_comparison(client, pair):
    then, now = pair
    url = reverse("governance:compare", args=[now.pk])
    page = client.get(url, {"with": f"https://example.test{then.get_absolute_url()}"}, headers=EN)
    html = page.content.decode()
    assert page.status_code == 200
    assert "33%" in html and "43%" in html and "6%" in html and "10%" in html
    opened = html[html.index('id="risks-opened"') : html.index('id="risks-closed"')]
    deck = ChecklistItem.objects.filter(key="ethics-code-culture-deck").first()
    assert deck.prompt in opened and 'class="count">1<' in opened
    markdown = client.get(reverse("governance:compare-md", args=[now.pk]), {"with": str(then.pk)})
    text = markdown.content.decode()
    assert markdown["Content-Type"] == "text/markdown; charset=utf-8"
    assert "| 윤리 기반과 팀 문화 | 33% | 43% |" in text
    assert "| 투명성과 책임 | 0% | 22% |" in text


def test_an_assessment_one_cannot_read_is_not_compared_nor_revealed(client, pair):
    then, now = pair
    stranger = client.__class__()
    assert stranger.get(reverse("governance:compare", args=[now.pk])).status_code == 404
    mine = start(stranger, subject="남의 것")
    response = stranger.get(reverse("governance:compare", args=[mine.pk]), {"with": str(then.pk)})
    unknown = stranger.get(
        reverse("governance:compare", args=[mine.pk]),
        {"with": "00000000-0000-4000-8000-000000000000"},
    )
    assert response.status_code == unknown.status_code == 400
    assert then.subject not in response.content.decode()
    bad = stranger.get(reverse("governance:compare-md", args=[mine.pk]), {"with": "nonsense"})
    assert bad.status_code == 400
    assert Assessment.objects.count() == 3
