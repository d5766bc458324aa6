"""The Korean catalogue is complete and compiled: every interface string has a Korean
translation, none is a fuzzy guess, and the .mo file the app reads matches the .po."""

import gettext
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KO = ROOT / "locale" / "ko" / "LC_MESSAGES"


def entries(po_file: Path):
    """(msgid, msgstr or msgstr[0], is_fuzzy) for every entry but the header."""
    for block in po_file.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.splitlines() if line.strip()]
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        fields, current = {}, None
        for line in lines:
            if line.startswith("#"):
                continue
            if line.startswith('"'):
                fields[current] += line[1:-1]
                continue
            current, _, value = line.partition(" ")
            fields[current] = value[1:-1]
        if fields.get("msgid"):
            yield fields["msgid"], fields.get("msgstr", fields.get("msgstr[0]", "")), fuzzy


def test_every_string_has_a_korean_translation():
    missing = [msgid for msgid, msgstr, _ in entries(KO / "django.po") if not msgstr]
    fuzzy = [msgid for msgid, _, is_fuzzy in entries(KO / "django.po") if is_fuzzy]
    assert not missing, f"untranslated: {missing[:10]}"
    assert not fuzzy, f"fuzzy: {fuzzy[:10]}"


def test_the_compiled_catalogue_matches_the_source():
    with open(KO / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = [
        msgid
        for msgid, msgstr, _ in entries(KO / "django.po")
        if "\\" not in msgid and compiled.gettext(msgid) != msgstr and "%" not in msgid
    ]
    assert not stale, f"run `make messages` (compilemessages): {stale[:5]}"
