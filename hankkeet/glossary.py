"""English and Swedish terms of the field, with their Finnish words.

The project texts are Finnish. A query word that matches nothing in them
and is a term of ``data/glossary.csv`` is searched through its Finnish
equivalents (``guidance`` -> ``ohjaus``, ``invandrare`` -> ``maahanmuuttaja``).
The file is read on first use only.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources
from typing import NamedTuple

from hankkeet.textnorm import fold, nfc

LONGEST_TERM = 3  # words in the longest term


class Entry(NamedTuple):
    language: str  # "en" or "sv"
    finnish: tuple[str, ...]  # alternatives, each one Finnish word or phrase, as written (NFC)


# Plural, definite and genitive endings tried when a term is not found as
# typed (personalen -> personal, networks -> network, barnens -> barn).
_ENDINGS = ("ernas", "arnas", "ornas", "erna", "arna", "orna", "ens", "ets", "en", "et", "na", "ar", "er", "or",
            "es", "s", "n", "t")
_MIN_STEM = 4


@cache
def _table() -> dict[str, dict[str, list[str]]]:
    """Folded term -> language -> Finnish alternatives, in file order."""
    text = resources.files("hankkeet.data").joinpath("glossary.csv").read_text(encoding="utf-8")
    table: dict[str, dict[str, list[str]]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        term, finnish = fold(row["term"]).replace("-", " "), nfc(row["finnish"].strip())
        alternatives = table.setdefault(term, {}).setdefault(row["language"], [])
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
