"""The glossary of English and Swedish terms: the file's format, its loader and the term endings."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import pytest

from hankkeet import glossary
from hankkeet.data import read_text
from hankkeet.model import Snapshot, load
from hankkeet.search import search
from hankkeet.textnorm import fold, fold_lines


def rows() -> list[tuple[str, str, str]]:
    lines = read_text("glossary.csv").splitlines()
    assert lines[0] == "language,term,finnish"
    out = []
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split(",")
        assert len(fields) == 3, f"line {number}: {line!r} is not three comma-separated fields"
        language, term, finnish = fields
        out.append((language, term, finnish))
    return out


# A term is what a query can be: words of letters (and digits), single spaces, inner hyphens.
TERM = re.compile(r"[^\W_]+(?:[ -][^\W_]+)*")


def test_the_glossary_file_is_well_formed() -> None:
    text = read_text("glossary.csv")
    assert text.endswith("\n") and "\r" not in text and '"' not in text
    assert unicodedata.normalize("NFC", text) == text, "the file must be NFC"
    seen: set[tuple[str, str, str]] = set()
    for language, term, finnish in rows():
        line = f"{language},{term},{finnish}"
        assert language in ("en", "sv"), line
        assert TERM.fullmatch(term) and term == term.lower(), f"{line}: a term is lowercase words"
        assert finnish.strip() == finnish and finnish and "  " not in finnish, line
        # Each Finnish word is searched as a query word: no elliptical hyphen (sosiaali- ja ...).
        assert all(TERM.fullmatch(word) for word in finnish.split(" ")), line
        key = (language, fold(term).replace("-", " "), finnish)
        assert key not in seen, f"{line}: a duplicate"
        seen.add(key)


def test_the_longest_term_is_looked_up() -> None:
    longest = max(len(term.replace("-", " ").split()) for _, term, _ in rows())
    assert longest == glossary.LONGEST_TERM


def test_the_one_pass_loader_reads_every_row_as_a_row_by_row_parse_would() -> None:
    expected: dict[str, dict[str, list[str]]] = {}
    for language, term, finnish in rows():
        words = expected.setdefault(fold(term).replace("-", " "), {}).setdefault(language, [])
        if finnish not in words:
            words.append(finnish)
    assert glossary._table() == expected
    assert glossary._known() == frozenset(expected)


def test_the_scan_of_the_first_look_ups_finds_what_the_set_of_terms_has() -> None:
    terms = glossary._known()
    assert all(glossary._scan(term) for term in terms)
    for word in ("kotoutuminen", "palveluohjaus", "ohjaus", "en", "sv", "a", "guidanc", "uidance"):
        assert glossary._scan(word) == (word in terms), word
    assert glossary._scan("term") and glossary.lookup("term") is None  # the header


def test_a_look_up_is_the_same_by_scan_and_by_set(monkeypatch: pytest.MonkeyPatch) -> None:
    import itertools

    typed = ["guidance", "services", "invandrarna", "kvinnor", "social och halsovard", "kotoutuminen", "term", "xyz"]
    monkeypatch.setattr(glossary, "_looked_up", itertools.count())  # the first look-ups: a scan
    by_scan = [glossary.lookup(t) for t in typed[:8]]
    monkeypatch.setattr(glossary, "_looked_up", itertools.count(glossary._SCANS))  # then the set
    assert [glossary.lookup(t) for t in typed[:8]] == by_scan
    assert by_scan[0] is not None and by_scan[-1] is None


@pytest.fixture()
def glossary_text(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Replace the file's text: append lines to the list the fixture gives."""
    lines = ["language,term,finnish"]
    monkeypatch.setattr(glossary, "_text", lambda: "\n".join(lines) + "\n")
    caches = (glossary._terms, glossary._known, glossary._table, glossary._haystack, glossary._lines)
    for cached in caches:
        cached.cache_clear()
    yield lines
    for cached in caches:
        cached.cache_clear()


def test_a_malformed_row_is_skipped_and_the_others_are_kept(glossary_text: list[str]) -> None:
    glossary_text += ["en,guidance,ohjaus", "xx,broken", "sv,vägledning,ohjaus", "en,a,b,c", "en,Co-Operation,yhteistyö"]
    assert glossary.lookup("guidance") == glossary.Entry("en", ("ohjaus",))
    assert "guidance" in glossary._known() and "broken" not in glossary._known()
    assert glossary.lookup("vagledning") == glossary.Entry("sv", ("ohjaus",))
    assert glossary.lookup("co operation") == glossary.Entry("en", ("yhteistyö",))
    assert glossary.lookup("broken") is None


@pytest.mark.parametrize(
    ("typed", "term"),
    [
        ("invandrarna", "invandrare"),  # Swedish -are nouns: plural definite
        ("arbetsgivarna", "arbetsgivare"),
        ("kvinnor", "kvinnor"),  # a term as written is found as it is
        ("frågorna", "fraga"),  # -or plurals of -a nouns
        ("pojkar", "pojke"),  # -ar plurals of -e nouns
        ("områdena", "omrade"),
        ("tjänsterna", "tjanst"),
        ("communities", "community"),
        ("services", "service"),
        ("businesses", "business"),
    ],
)
def test_plural_and_definite_endings_lead_to_the_term(typed: str, term: str) -> None:
    assert term in glossary.candidates(fold(typed))


def test_a_plural_inside_a_term_finds_the_term() -> None:
    assert glossary.lookup("experts by experience") == glossary.lookup("expert by experience") is not None


def test_a_look_up_reads_the_rows_the_table_has() -> None:
    table = glossary._table()
    for term in list(table)[::7]:
        entry = glossary.lookup(term)
        assert entry is not None and set(entry.finnish) == {w for words in table[term].values() for w in words}, term


def test_endings_find_the_glossary_terms() -> None:
    assert glossary.lookup("invandrarna") == glossary.lookup("invandrare")
    assert glossary.lookup("arbetsgivarna") == glossary.lookup("arbetsgivare") is not None
    assert glossary.lookup("hemsidor") == glossary.lookup("hemsida") is not None
    assert glossary.lookup(fold("sociala tjänsterna")) == glossary.lookup(fold("sociala tjänster")) is not None
    # A short word keeps its ending: no stem under four letters is tried (barn is not bar).
    assert glossary.candidates("barn") == ["barn"]


@pytest.fixture(scope="module")
def bundled() -> Snapshot:
    return load()


@pytest.mark.parametrize(
    ("query", "finnish"),
    [
        ("early childhood education and care", "varhaiskasvatus"),
        ("småbarnspedagogik", "varhaiskasvatus"),
        ("social- och hälsovård", "sote"),  # an elliptical hyphen in a Swedish term
        ("ministry of economic affairs and employment", "elinkeinoministeriö"),
        ("joint municipal authority", "kuntayhtymä"),
        ("wellbeing services county", "hyvinvointialue"),
        ("välfärdsområdena", "hyvinvointialue"),
    ],
)
def test_long_and_swedish_terms_are_read_as_their_finnish_words(bundled: Snapshot, query: str, finnish: str) -> None:
    translations = glossary.lookup(" ".join(fold(w) for w in query.replace("- ", " ").split()))
    assert translations is not None and finnish in translations.finnish, query
    hits = search(bundled, query)
    assert len(hits[0].translations) == 1 and finnish in hits[0].translations[0].finnish if hits else True
    found = {h.project.id for h in hits}
    assert {h.project.id for h in search(bundled, finnish)} <= found


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n",
        "Vägledning\nÅLAND\nStraße\nµ",
        "  two  spaces \n\tTab\r\nCR\u00a0nbsp",
        "soft\u00adhyphen\nzero\u200bwidth",
        "a\u0308 (NFD)\nŠkoda\nΩmega é",
        "x\u2028y\nz\x85w",
        "".join(chr(c) for c in range(256) if c != 10),
    ],
)
def test_fold_lines_folds_each_line_as_fold_does(text: str) -> None:
    assert fold_lines(text) == "\n".join(fold(line) for line in text.split("\n"))
