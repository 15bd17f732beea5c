"""English and Swedish terms of the field, with their Finnish words.

The project texts are Finnish. A query word that matches nothing in them
and is a term of ``data/glossary.csv`` is searched through its Finnish
equivalents (``guidance`` -> ``ohjaus``, ``invandrare`` -> ``maahanmuuttaja``).
The file is read on first use only.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from hankkeet.data import read_text
from hankkeet.textnorm import fold, nfc

LONGEST_TERM = 3  # words in the longest term


class Entry(NamedTuple):
    language: str  # "en" or "sv"
    finnish: tuple[str, ...]  # alternatives, each one Finnish word or phrase, as written (NFC)


# Plural, definite, genitive and adjective endings tried when a term is not
# found as typed (personalen -> personal, networks -> network, barnens -> barn,
# digitala -> digital).
_ENDINGS = ("ernas", "arnas", "ornas", "erna", "arna", "orna", "ens", "ets", "en", "et", "na", "ar", "er", "or",
            "es", "s", "n", "t", "a")
# Words that only join others (integration och rådgivning, social services and
# libraries): left out of a query that the glossary translated.
FUNCTION_WORDS = frozenset(
    "and or the of for in on with to a an och eller samt för av i på med till som".split()
)
_MIN_STEM = 4


@cache
def _table() -> dict[str, dict[str, list[str]]]:
    """Folded term -> language -> Finnish alternatives, in file order."""
    text = read_text("glossary.csv")
    table: dict[str, dict[str, list[str]]] = {}
    # Plain comma-separated lines without quoting (a test checks the file).
    for line in text.splitlines()[1:]:
        if not line.strip():
            continue
        language, raw_term, raw_finnish = line.split(",")
        term, finnish = fold(raw_term).replace("-", " "), nfc(raw_finnish.strip())
        alternatives = table.setdefault(term, {}).setdefault(language.strip(), [])
        if finnish not in alternatives:
            alternatives.append(finnish)
    return table


def lookup(term: str) -> Entry | None:
    """The Finnish words for ``term`` (folded words joined by spaces), or None.

    An English or Swedish ending is dropped when the term as typed is not
    found. A term in both languages (``integration``) has both sets of words.
    """
    table = _table()
    key = term.replace("-", " ")
    candidates = [key] + [
        key[: -len(e)] for e in _ENDINGS if key.endswith(e) and len(key) - len(e) >= _MIN_STEM
    ]
    if key.endswith("ies") and len(key) > _MIN_STEM + 2:
        candidates.append(key[:-3] + "y")  # communities -> community
    for candidate in candidates:
        languages = table.get(candidate)
        if languages:
            finnish: list[str] = []
            for words in languages.values():
                finnish.extend(w for w in words if w not in finnish)
            return Entry("/".join(languages), tuple(finnish))
    return None
