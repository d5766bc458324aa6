"""Bilingual content fields (django-modeltranslation): `summary` reads the active language's
column, `summary_ko` / `summary_en` are the columns themselves.

What the pages need beyond that: which language a text shown really is in (so that a
Korean text shown to an English reader sits in an element with `lang="ko"`), query
expressions that read the active language with the same fallback, and the list of
columns of a field for search documents, backups and the admin.
"""

import re

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce, Concat, NullIf
from django.utils import translation

# Korean first: the order of the fallback and of the columns everywhere.
LANGUAGE_CODES: tuple[str, ...] = tuple(settings.MODELTRANSLATION_LANGUAGES)
DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def active_language() -> str:
    """The active language if it is one of the content's languages, else Korean."""
    code = (translation.get_language() or DEFAULT_LANGUAGE).split("-")[0]
    return code if code in LANGUAGE_CODES else DEFAULT_LANGUAGE


def resolution_order(language: str | None = None) -> list[str]:
    """The active language first, then the others in the order of LANGUAGE_CODES."""
    first = language or active_language()
    return [first, *(code for code in LANGUAGE_CODES if code != first)]


def column(name: str, language: str) -> str:
    return f"{name}_{language}"


def columns(*names: str) -> list[str]:
    """Every language's column of each field: columns("title") == ["title_ko", "title_en"]."""
    return [column(name, code) for name in names for code in LANGUAGE_CODES]


def text_and_language(obj, name: str) -> tuple[str, str]:
    """The text a reader sees for field `name` of `obj`, and the language it is written in.

    An object without per-language columns (a field that is not translated) is taken as
    written in the active language."""
    order = resolution_order()
    if isinstance(obj, dict):  # a row built by a view: already in the reader's language
        return obj.get(name) or "", order[0]
    if not hasattr(obj, column(name, order[0])):
        return getattr(obj, name, "") or "", order[0]
    for code in order:
        value = getattr(obj, column(name, code), None)
        if value:
            return value, code
    return "", order[0]


HANGUL_SYLLABLE = re.compile("[\uac00-\ud7a3]")


def script_language(text: str) -> str:
    """The language of a text that a query's fallback chose (Localized), told by its script:
    of our two languages only Korean is written in Hangul."""
    return "ko" if HANGUL_SYLLABLE.search(text or "") else "en"


def missing_languages(obj, name: str) -> list[str]:
    return [code for code in LANGUAGE_CODES if not getattr(obj, column(name, code), None)]


class Localized(models.Func):
    """A query expression for a translated field in the active language, falling back
    as the model attribute does: Coalesce(NULLIF(title_en, ''), NULLIF(title_ko, ''), '').

    The language is read when the expression is resolved (when the query is built), so
    one expression object can sit in a registry and serve both languages. `prefix` walks
    a relation (Localized("title", prefix="section__"))."""

    def __init__(self, name: str, prefix: str = "", output_field=None):
        self.name = name
        self.prefix = prefix
        super().__init__(output_field=output_field or models.TextField())

    def deconstruct(self):
        return "core.bilingual.Localized", (self.name,), {"prefix": self.prefix}

    def resolve_expression(self, *args, **kwargs):
        parts = [
            NullIf(models.F(f"{self.prefix}{column(self.name, code)}"), models.Value(""))
            for code in resolution_order()
        ]
        expression = Coalesce(*parts, models.Value(""), output_field=self.output_field)
        return expression.resolve_expression(*args, **kwargs)


class EnglishTermInKorean(models.Func):
    """The English text of a field beside a Korean one, as the playbook gives English terms
    in parentheses: title_en on a Korean page, nothing on an English page (where the
    title itself is English)."""

    def __init__(self, name: str, prefix: str = ""):
        self.name = name
        self.prefix = prefix
        super().__init__(output_field=models.TextField())

    def deconstruct(self):
        return "core.bilingual.EnglishTermInKorean", (self.name,), {"prefix": self.prefix}

    def resolve_expression(self, *args, **kwargs):
        if active_language() == DEFAULT_LANGUAGE:
            expression = Coalesce(
                models.F(f"{self.prefix}{column(self.name, LANGUAGE_CODES[1])}"),
                models.Value(""),
                output_field=models.TextField(),
            )
        else:
            expression = models.Value("", output_field=models.TextField())
        return expression.resolve_expression(*args, **kwargs)


def localized_concat(*names: str, separator: str = "\n\n") -> models.Func:
    """Several translated fields in the active language, joined (for search snippets)."""
    parts = []
    for name in names:
        if parts:
            parts.append(models.Value(separator))
        parts.append(Localized(name))
    return Concat(*parts, output_field=models.TextField()) if len(parts) > 1 else parts[0]


def sql_localized(alias: str, name: str, quote) -> str:
    """The SQL of `name` in the active language with its fallback, for hand-written
    queries: COALESCE(NULLIF(t."title_en", ''), NULLIF(t."title_ko", ''), '').
    `alias` and `name` are the caller's own identifiers, never a reader's input."""
    parts = [f"NULLIF({alias}.{quote(column(name, code))}, '')" for code in resolution_order()]
    return f"COALESCE({', '.join(parts)}, '')"


def first_browser_language(request) -> str:
    from django.utils.translation.trans_real import parse_accept_lang_header

    ranked = parse_accept_lang_header(request.headers.get("Accept-Language", ""))
    return ranked[0][0].split("-")[0].lower() if ranked else ""


def reader_language(request) -> str:
    """The language a request is answered in: `?lang=` (one page, the hreflang
    alternates), else the reader's choice in the language cookie, else the browser's first
    language if it is Korean or English, else Korean, the playbook's first language
    (Django alone would take English from further down "fr, en;q=0.8")."""
    asked = request.GET.get("lang", "")
    if asked in LANGUAGE_CODES:
        return asked
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if chosen in LANGUAGE_CODES:
        return chosen
    first = first_browser_language(request)
    return first if first in LANGUAGE_CODES else DEFAULT_LANGUAGE
