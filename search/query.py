"""The query a reader typed, parsed and turned into tsquery text.

A query is parsed here, never handed to PostgreSQL as it was typed: words become quoted
lexemes with a prefix match (`'윤리':*` finds 윤리적 and 윤리를), Korean words of three or
more syllables also become a phrase of syllable bigrams (`'거버' <-> '버넌' <-> '넌스'`,
which finds the word inside a compound), "quoted words" become a phrase and -words are
excluded. Each word's lemmas (search.morphology: 윤리를 → 윤리, 지키려면 → 지키) and, when the
word is not in the content's vocabulary, its nearest words there (search.typos) are further
alternatives. The resulting text goes to to_tsquery as a parameter. On SQLite the same parse
drives case-insensitive substring matching on the same fields.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery

from search.morphology import lemmas

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20
MAX_PAGE = 500
TRIGRAM_MIN_LENGTH = 4

WORD = re.compile(r"[^\W_]+")
HANGUL = "가-힣"
SCRIPT_RUN = re.compile(rf"[{HANGUL}]+|[^{HANGUL}]+")
# A chunk of the query: -"a phrase" or "a phrase" (an unbalanced quote runs to the end),
# or -word / word.
CHUNK = re.compile(r'(-?)"([^"]*)(?:"|$)|(-?)([^\s"]+)')


def normalize(text: str) -> str:
    """NFC (a decomposed 팀 typed on some keyboards equals the composed one), no control
    characters (PostgreSQL refuses NUL in text), whitespace collapsed."""
    text = unicodedata.normalize("NFC", text or "")
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(text.split())


@dataclass
class ParsedQuery:
    text: str = ""
    truncated: bool = False
    terms: list[str] = field(default_factory=list)
    phrases: list[list[str]] = field(default_factory=list)
    excluded: list[list[str]] = field(default_factory=list)
    # The positive chunks as typed (their case kept: the sentence model reads it)
    positive_text: str = ""
    # word -> its lemmas when they differ from the word itself (윤리를 -> [윤리])
    word_lemmas: dict[str, list[str]] = field(default_factory=dict)
    # word -> the vocabulary's nearest words, for a word the content does not have
    corrections: dict[str, list[str]] = field(default_factory=dict)

    @property
    def lemmas(self) -> list[str]:
        """The lemmas of every positive word (the lemma signal's query)."""
        found = []
        for word in self.positive_words:
            for lemma in self.word_lemmas.get(word, [word]):
                if lemma not in found:
                    found.append(lemma)
        return found

    @property
    def positive_words(self) -> list[str]:
        return [*self.terms, *(word for phrase in self.phrases for word in phrase)]

    @property
    def semantic_text(self) -> str:
        """What the sentence model reads: the query without its excluded words."""
        return self.positive_text

    @property
    def is_blank(self) -> bool:
        return not self.text

    @property
    def has_positive(self) -> bool:
        return bool(self.terms or self.phrases)

    @property
    def needles(self) -> list[str]:
        """What to mark in titles and snippets: every positive word, and the runs of one
        script inside it (AI거버넌스 marks 거버넌스 in "AI 거버넌스")."""
        found = set()
        for word in self.positive_words:
            found.add(word)
            found.update(run for run in SCRIPT_RUN.findall(word) if len(run) > 1)
            found.update(lemma for lemma in self.word_lemmas.get(word, []) if len(lemma) > 1)
            found.update(self.corrections.get(word, []))
        return sorted(found, key=len, reverse=True)


def parse_query(raw: str) -> ParsedQuery:
    text = normalize(raw)
    truncated = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH].strip()
    parsed = ParsedQuery(text=text, truncated=truncated)
    positive = []
    for match in CHUNK.finditer(text):
        minus_phrase, phrase, minus_word, word = match.groups()
        quoted = phrase is not None
        words = [w.lower() for w in WORD.findall(phrase if quoted else word)]
        if not words:
            continue  # operators and punctuation alone: nothing to look for
        if minus_phrase or minus_word:
            parsed.excluded.append(words)
        elif quoted and len(words) > 1:
            parsed.phrases.append(words)
            positive.append(phrase)
        else:
            parsed.terms.extend(words)
            positive.append(phrase if quoted else word)
    parsed.positive_text = " ".join(positive)
    for word in parsed.positive_words:
        found = lemmas(word)
        if found and found != [word]:
            parsed.word_lemmas[word] = found
    return parsed


# --- PostgreSQL: tsquery text built from sanitised lexemes ------------------------------


def _lexeme(word: str) -> str:
    return "'" + word.replace("'", "''") + "'"


def _bigram_phrase(run: str, weight: str = "") -> str:
    suffix = f":{weight}" if weight else ""
    bigrams = (_lexeme(run[i : i + 2]) + suffix for i in range(len(run) - 1))
    return "(" + " <-> ".join(bigrams) + ")"


def _word_query(word: str, weight: str = "", parsed: "ParsedQuery | None" = None) -> str:
    alternatives = [f"{_lexeme(word)}:*{weight}"]
    if parsed is not None:
        word_lemmas = parsed.word_lemmas.get(word)
        if word_lemmas:
            alternatives.append(
                "(" + " & ".join(f"{_lexeme(lemma)}:*{weight}" for lemma in word_lemmas) + ")"
            )
        alternatives += [
            f"{_lexeme(near)}{weight and ':' + weight}" for near in parsed.corrections.get(word, [])
        ]
    runs = SCRIPT_RUN.findall(word)
    has_long_hangul = any(re.fullmatch(rf"[{HANGUL}]{{3,}}", run) for run in runs)
    if has_long_hangul or len(runs) > 1:
        parts = [
            _bigram_phrase(run, weight)
            if re.fullmatch(rf"[{HANGUL}]{{3,}}", run)
            else f"{_lexeme(run)}:*{weight}"
            for run in runs
        ]
        alternatives.append("(" + " & ".join(parts) + ")")
    return "(" + " | ".join(alternatives) + ")"


def _phrase_query(words: list[str], weight: str = "") -> str:
    return "(" + " <-> ".join(f"{_lexeme(w)}:*{weight}" for w in words) + ")"


def _group_query(words: list[str]) -> str:
    return _word_query(words[0]) if len(words) == 1 else _phrase_query(words)


def tsquery_text(parsed: ParsedQuery, weight: str = "") -> str:
    """The positive part of the query in to_tsquery syntax; with `weight` ("A"), only
    lexemes of that weight match (the titles)."""
    parts = [_word_query(w, weight, parsed) for w in parsed.terms]
    parts += [_phrase_query(p, weight) for p in parsed.phrases]
    return " & ".join(parts)


def excluded_tsquery_text(parsed: ParsedQuery) -> str:
    return " | ".join(_group_query(words) for words in parsed.excluded)


def raw_tsquery(text: str) -> SearchQuery:
    return SearchQuery(text, search_type="raw", config="simple")
