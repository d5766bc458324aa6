"""The parser turns what a reader typed into sanitised lexemes; nothing typed reaches
to_tsquery as syntax."""

import re
import unicodedata

from search.query import MAX_QUERY_LENGTH, excluded_tsquery_text, parse_query, tsquery_text
from search.snippets import highlight, snippet


def test_words_phrases_and_minus_terms():
    parsed = parse_query('윤리 "설명 가능성" -모델 Gumloop')
    assert parsed.terms == ["윤리", "gumloop"]
    assert parsed.phrases == [["설명", "가능성"]]
    assert parsed.excluded == [["모델"]]


def test_prefix_and_bigrams_for_korean_words():
    assert tsquery_text(parse_query("윤리")) == "('윤리':*)"
    assert tsquery_text(parse_query("거버넌스")) == (
        "('거버넌스':* | (('거버' <-> '버넌' <-> '넌스')))"
    )
    assert tsquery_text(parse_query("AI거버넌스")) == (
        "('ai거버넌스':* | ('ai':* & '거버넌스':*) | ('ai':* & ('거버' <-> '버넌' <-> '넌스')))"
    )
    assert tsquery_text(parse_query('"설명 가능성"')) == "('설명':* <-> '가능성':*)"
    assert excluded_tsquery_text(parse_query("a -모델")) == "('모델':*)"


def test_a_word_with_its_particle_or_ending_also_looks_for_its_lemmas():
    """mecab-ko reduces 윤리를 to 윤리 and 지키려면 to 지키: the lemma is one more
    alternative of the word, beside the word and its bigrams."""
    assert "('윤리':*)" in tsquery_text(parse_query("윤리를"))
    assert "('지키':*)" in tsquery_text(parse_query("지키려면"))
    assert parse_query("채용했다 윤리적인").lemmas == ["채용", "윤리"]
    assert parse_query("비서실장은").lemmas == ["비서", "실장"]


def test_operators_and_punctuation_never_reach_the_tsquery():
    for raw in ["& | ! :* <-> ( )", "'; DROP TABLE x; --", '"', "-", "\\", "<2>"]:
        parsed = parse_query(raw)
        text = tsquery_text(parsed) + excluded_tsquery_text(parsed)
        # Whatever was typed sits inside quoted lexemes; outside them only our own
        # operators remain (the old check looked for "DROP TABLE" in lower-cased text).
        outside_lexemes = re.sub(r"'(?:[^']|'')*'", "", text)
        assert set(outside_lexemes) <= set("()&|:*<-> "), (raw, text)
        assert "drop" not in outside_lexemes.lower()
        assert not set(text) & set("\\;") or text == ""
    assert tsquery_text(parse_query("drop'table")) == "('drop':*) & ('table':*)"


def test_unbalanced_quote_runs_to_the_end():
    assert parse_query('윤리 "설명 가능').phrases == [["설명", "가능"]]


def test_nfc_nul_and_length():
    assert parse_query(unicodedata.normalize("NFD", "팀")).terms == ["팀"]
    assert parse_query("윤리\x00채용").terms == ["윤리", "채용"]
    long = parse_query("가" * (MAX_QUERY_LENGTH + 50))
    assert long.truncated and len(long.text) == MAX_QUERY_LENGTH
    assert not parse_query("가" * MAX_QUERY_LENGTH).truncated


def test_highlight_escapes_everything_but_its_marks():
    html = highlight('<b>윤리</b>적 & "x"', ["윤리"])
    assert html == "&lt;b&gt;<mark>윤리</mark>&lt;/b&gt;적 &amp; &quot;x&quot;"
    # A needle never matches inside an entity produced by escaping.
    assert highlight("a < b", ["lt"]) == "a &lt; b"


def test_snippet_shows_the_text_around_the_first_match():
    text = "앞 " * 200 + "여기에 **윤리적** 판단이 있습니다. " + "뒤 " * 200
    html = snippet(text, ["윤리"])
    assert "<mark>윤리</mark>적 판단" in html
    assert html.startswith("… ") and html.endswith(" …")
    assert len(html) < 400


def test_title_query_restricts_every_lexeme_to_weight_a():
    assert tsquery_text(parse_query("거버넌스 Gumloop"), weight="A") == (
        "('거버넌스':*A | (('거버':A <-> '버넌':A <-> '넌스':A))) & ('gumloop':*A)"
    )
