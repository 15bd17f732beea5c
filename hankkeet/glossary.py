"""English and Swedish terms of the field, with their Finnish words.

The project texts are Finnish. A query word that matches nothing in them
and is a term of ``data/glossary.csv`` is searched through its Finnish
equivalents (``guidance`` -> ``ohjaus``, ``invandrare`` -> ``maahanmuuttaja``).
The file is read on first use only, and a search looks up every query word,
so that first use stays cheap: the whole file is folded in one pass and the
first look-ups scan it; its terms are put in a set only for a long query, and
the table of Finnish words is built only when a term is found.
"""

from __future__ import annotations

import itertools
import re
from functools import cache
from typing import NamedTuple

from hankkeet.data import read_text
from hankkeet.textnorm import fold, fold_latin1, fold_lines, nfc

LONGEST_TERM = 6  # words in the longest term (ministry of economic affairs and employment)


class Entry(NamedTuple):
    language: str  # "en" or "sv", or "en/sv" for a term of both
    finnish: tuple[str, ...]  # alternatives, each one Finnish word or phrase, as written (NFC)


# Plural, definite, genitive and adjective endings tried when a term is not
# found as typed (personalen -> personal, networks -> network, barnens -> barn,
# digitala -> digital).
_ENDINGS = ("ernas", "arnas", "ornas", "erna", "arna", "orna", "ens", "ets", "en", "et", "na", "ar", "er", "or",
            "es", "s", "n", "t", "a")
# Endings that stand for another one (communities -> community; Swedish
# invandrarna -> invandrare, kvinnor -> kvinna, pojkar -> pojke, områdena -> område).
_REPLACED = (("ies", "y"), ("arnas", "are"), ("arna", "are"), ("ornas", "a"), ("orna", "a"), ("or", "a"),
             ("arna", "e"), ("ar", "e"), ("ena", "e"))
# Words that only join others (integration och rådgivning, social services and
# libraries): left out of a query that the glossary translated.
FUNCTION_WORDS = frozenset(
    "and or the of for in on with to a an och eller samt för av i på med till som".split()
)
_MIN_STEM = 4

# One row of the file: language,term,finnish (plain comma-separated, no quoting; a test checks the file).
_ROW = r"^(en|sv),([^,\r\n]+),([^,\r\n]+?)\r?$"
_LANGUAGES = frozenset(("en", "sv"))


def _fields(text: str) -> list[str] | None:
    """The fields of the file, three a row, header first; None if a row is not three fields of a language."""
    fields = text.replace("\r\n", "\n").rstrip("\n").replace("\n", ",").split(",")
    return fields if len(fields) % 3 == 0 and set(fields[3::3]) <= _LANGUAGES else None


@cache
def _text() -> str:
    return read_text("glossary.csv")


@cache
def _terms() -> tuple[str, ...]:
    """The folded term of each row (hyphens as spaces), in file order.

    Every search asks for it, so it is made in one pass over the whole file.
    """
    fields = _fields(fold_lines(_text()).replace("-", " "))
    if fields is not None:
        return tuple(fields[4::3])
    rows = re.findall(_ROW, _text(), re.MULTILINE)  # a malformed row: the rows that can be read
    return tuple(fold_lines("\n".join(term for _, term, _ in rows).replace("-", " ")).split("\n"))


@cache
def _known() -> frozenset[str]:
    return frozenset(_terms())


@cache
def _haystack() -> tuple[bytes, str]:
    """The whole file folded (hyphens as spaces), as bytes, and their encoding."""
    text = _text()
    data = fold_latin1(text)
    if data is not None:
        return data.replace(b"-", b" "), "latin-1"
    return fold_lines(text).replace("-", " ").encode(), "utf-8"


def _scan(candidate: str) -> bool:
    """Might ``candidate`` be a term? A search of the folded file for ``,candidate,``
    (only the term stands between two commas; the header's ``term`` is a false hit)."""
    data, encoding = _haystack()
    try:
        return b"," + candidate.encode(encoding) + b"," in data
    except UnicodeEncodeError:
        return False


# The first look-ups of a process scan the folded file, which costs less than
# splitting it into its terms; a long query then has them put in a set.
_SCANS = 12
_looked_up = itertools.count()


def _is_term(candidate: str) -> bool:
    return _scan(candidate) if next(_looked_up) < _SCANS else candidate in _known()


@cache
def _table() -> dict[str, dict[str, list[str]]]:
    """Folded term -> language -> Finnish alternatives, in file order."""
    text = nfc(_text())
    fields = _fields(text)
    rows = list(zip(fields[3::3], fields[5::3], strict=True)) if fields is not None else [
        (language, finnish) for language, _, finnish in re.findall(_ROW, text, re.MULTILINE)
    ]
    table: dict[str, dict[str, list[str]]] = {}
    for term, (language, finnish) in zip(_terms(), rows, strict=True):
        alternatives = table.setdefault(term, {}).setdefault(language, [])
        if finnish.strip() not in alternatives:
            alternatives.append(finnish.strip())
    return table


@cache
def _lines() -> list[str]:
    return nfc(_text()).split("\n")


_ROW_LINE = re.compile(r"(en|sv),([^,\r\n]+),([^,\r\n]+?)\r?")


def _rows_of(term: str) -> list[tuple[str, str]]:
    """``(language, finnish)`` of the rows of the folded ``term``, in file order.

    Found in the folded file and read off the same lines of the file as written,
    so that a look-up does not build the table of every term (a few milliseconds
    of every translated query's start-up)."""
    data, encoding = _haystack()
    try:
        needle = b"," + term.encode(encoding) + b","
    except UnicodeEncodeError:
        return []
    lines = _lines()
    rows: list[tuple[str, str]] = []
    line, counted = 0, 0
    at = data.find(needle)
    while at >= 0:
        line += data.count(b"\n", counted, at)
        counted = at
        row = _ROW_LINE.fullmatch(lines[line]) if line < len(lines) else None
        if row is not None and fold(row[2]).replace("-", " ") == term:
            rows.append((row[1], row[3].strip()))
        at = data.find(needle, at + 1)
    return rows


@cache
def finnish_words() -> dict[str, tuple[str, ...]]:
    """The Finnish words of the glossary (folded; a phrase gives each of its
    words), by first letter: a lexicon of the field's real words, for telling
    a slip from a word the texts do not have."""
    words: dict[str, set[str]] = {}
    finnish = (line.rpartition(",")[2] for line in _text().split("\n")[1:])
    for word in fold(" ".join(finnish).replace("-", " ")).split():
        if word.isalpha():
            words.setdefault(word[0], set()).add(word)
    return {letter: tuple(sorted(found)) for letter, found in words.items()}


def candidates(term: str) -> list[str]:
    """``term`` (folded words joined by spaces) and the forms tried when it is not
    a term as typed: an English or Swedish ending dropped or replaced."""
    key = term.replace("-", " ")
    found = [key] + [key[: -len(e)] for e in _ENDINGS if key.endswith(e) and len(key) - len(e) >= _MIN_STEM]
    found += [key[: -len(e)] + r for e, r in _REPLACED if key.endswith(e) and len(key) - len(e) >= _MIN_STEM]
    words = key.split(" ")
    for i, word in enumerate(words[:-1]):
        # An English plural inside a term: experts by experience -> expert by experience.
        for ending, replaced in (("ies", "y"), ("s", "")):
            if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
                found.append(" ".join([*words[:i], word[: -len(ending)] + replaced, *words[i + 1 :]]))
                break
    return found


def lookup(term: str) -> Entry | None:
    """The Finnish words for ``term`` (folded words joined by spaces), or None.

    An English or Swedish ending is dropped or replaced when the term as typed
    is not found. A term in both languages (``integration``) has both sets of words.
    """
    for candidate in candidates(term):
        languages: dict[str, list[str]] = {}
        for language, word in _rows_of(candidate) if _is_term(candidate) else ():
            alternatives = languages.setdefault(language, [])
            if word not in alternatives:
                alternatives.append(word)
        if languages:
            finnish: list[str] = []
            for words in languages.values():
                finnish.extend(w for w in words if w not in finnish)
            return Entry("/".join(languages), tuple(finnish))
    return None
