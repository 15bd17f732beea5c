"""Later-round documents (2022, 2023; tests/later_round/, written before the parser
was generalised): the parse compared field by field with the generator's records.

`scripts/score_later_round.py` prints the full table; this test holds the floor
reached so far, so that a change that reads fewer fields or rows fails.
"""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from score_later_round import FIELDS, documents, score

PDFS = [(label, path, expected) for label, path, expected in documents() if label.endswith(".pdf")]
TEXTS = [(label, path, expected) for label, path, expected in documents() if not label.endswith(".pdf")]
# Fields right over all PDFs of a round must not fall below this share.
PDF_FLOOR = 0.99
# The same for the text of pdftotext -layout, per document.
LAYOUT_FLOOR = 0.97
# -layout texts not yet at that floor: the fields right so far must not fall. (A row whose
# cells look misread is refused, and all its fields count as wrong: 156 and 167 before
# such rows were refused.) Justified text with small gaps inside words, where pdftotext
# writes a space.
LAYOUT_SHORT = {
    "round2024_justified.pdftotext-layout.txt": 151,
    # typst with no gutter: cells a single space apart, words of two columns run together.
    "round2027_typst.pdftotext-layout.txt": 163,
}


@pytest.mark.slow
@pytest.mark.parametrize(("label", "path", "expected"), PDFS, ids=[p[0] for p in PDFS])
def test_every_row_of_a_later_round_pdf_is_read(label, path, expected) -> None:
    result = score(path, expected)
    assert result["error"] is None, result["error"]
    assert result["rows"] == result["rows_total"]
    assert result["fields"] >= PDF_FLOOR * result["fields_total"], result["wrong"]
    # The fields of the record itself (not area resolution) are right in every row
    # but a few.
    record_fields = ("organisation", "start", "end")
    assert not any(result["wrong"].get(name) for name in record_fields), result["wrong"]


@pytest.mark.slow
@pytest.mark.parametrize(("label", "path", "expected"), TEXTS, ids=[p[0] for p in TEXTS])
def test_extractor_text_is_read_or_refused_in_one_line(label, path, expected) -> None:
    result = score(path, expected)
    if label.endswith("pdftotext-layout.txt"):
        # Columns kept side by side: read into the same records as the PDF.
        assert result["error"] is None, result["error"]
        if label in LAYOUT_SHORT:
            assert result["fields"] >= LAYOUT_SHORT[label], result["wrong"]
            return
        assert result["rows"] == result["rows_total"]
        assert result["fields"] >= LAYOUT_FLOOR * result["fields_total"], result["wrong"]
    else:
        # Plain pdftotext and pdfminer's extract_text lose the cells' row order
        # (and plain pdftotext the hyphens at line ends): refused in one line.
        assert result["error"] is not None
        assert "\n" not in result["error"]
        assert label in result["error"]
        assert "pdftotext" in result["error"] and "pdfminer" in result["error"] and "give the PDF" in result["error"]


def test_fields_compared() -> None:
    assert set(FIELDS) >= {"organisation", "co_implementers", "name", "start", "end", "area", "description",
                           "municipalities", "vague"}


def test_a_row_that_cannot_be_read_is_named_and_the_rest_kept(monkeypatch, runner, tmp_path) -> None:
    from hankkeet.errors import SourceError
    from hankkeet.parse import pdf, unread_rows

    from conftest import invoke

    real = pdf.build_project

    def failing(number, *args, **kwargs):
        if number == 2:
            raise SourceError("the project name is empty")
        return real(number, *args, **kwargs)

    monkeypatch.setattr(pdf, "build_project", failing)
    document = ROOT / "tests" / "later_round" / "out" / "round2022_original.pdf"
    from hankkeet.parse import parse_file

    snapshot = parse_file(document)
    assert len(snapshot.projects) == 20
    assert [line.split(":")[0] for line in unread_rows(snapshot)] == ["row 2"]
    out = tmp_path / "s.json"
    refused = invoke(runner, "parse", str(document), "-o", str(out))
    assert refused.exit_code == 2 and not out.exists()
    assert "1 of 21 rows could not be read" in refused.stderr and "row 2" in refused.stderr
    kept = invoke(runner, "parse", str(document), "-o", str(out), "--keep-going")
    assert kept.exit_code == 4 and out.exists()
    assert "1 rows not read" in kept.stderr


def test_parse_help_names_the_partial_exit_code(runner) -> None:
    from conftest import invoke

    shown = invoke(runner, "parse", "--help")
    assert shown.exit_code == 0
    assert "exit code is 4" in " ".join(shown.stdout.split())
