"""The texts extractors make of the fixture PDFs (tests/fixtures/text/), scored
field by field against the records every fixture PDF parses to.

`scripts/score_fixture_texts.py` prints the full table (first run, before the
-layout reader existed: 0 of 2,646 fields per extractor, every text refused).
"""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from score_fixture_texts import documents, score

LAYOUT = [(label, path) for label, path in documents() if label.endswith(".pdftotext-layout.txt")]
LOST = [(label, path) for label, path in documents() if not label.endswith(".pdftotext-layout.txt")]
# Fields right over all -layout texts must not fall below this share.
LAYOUT_TOTAL_FLOOR = 0.99


def test_every_fixture_pdf_has_its_three_extractor_texts() -> None:
    pdfs = {p.stem for p in (ROOT / "tests" / "fixtures").glob("*.pdf") if not p.name.startswith("bad_")}
    texts = {label.split(".")[0] for label, _ in documents()}
    assert pdfs and texts == pdfs
    assert len(documents()) == 3 * len(pdfs)


@pytest.mark.slow
def test_layout_texts_are_read_into_the_records() -> None:
    results = {label: score(path) for label, path in LAYOUT}
    # Every document is read, none refused.
    assert not [label for label, r in results.items() if r["error"]], results
    right = sum(r["fields"] for r in results.values())
    total = sum(r["fields_total"] for r in results.values())
    assert right >= LAYOUT_TOTAL_FLOOR * total, {k: r["wrong"] for k, r in results.items() if r["wrong"]}
    # Most documents come out whole, field for field.
    whole = [label for label, r in results.items() if r["fields"] == r["fields_total"]]
    assert len(whole) >= len(results) // 2, whole


@pytest.mark.slow
@pytest.mark.parametrize(("label", "path"), LOST, ids=[p[0] for p in LOST])
def test_texts_that_lost_the_cells_are_refused_in_one_line(label, path) -> None:
    result = score(path)
    assert result["error"] is not None and "\n" not in result["error"]
    assert label in result["error"] and "give the PDF itself" in result["error"]


def test_a_layout_text_through_the_cli(runner, tmp_path) -> None:
    from conftest import invoke

    out = tmp_path / "s.json"
    done = invoke(runner, "parse", str(ROOT / "tests" / "fixtures" / "text" / "summary_original.pdftotext-layout.txt"),
                  "-o", str(out))
    assert done.exit_code == 0, done.stderr
    assert "parsed 21 projects" in done.stderr
    from hankkeet import model

    assert [p.to_dict()["name"] for p in model.load(out).projects] == [p.name for p in model.load().projects]


def _paragraph_out_of_order(text: str) -> str:
    """Move the last line of the first row's description to column 0 just above the
    second row, as pdfminer does when it gives a column's paragraphs in its own order."""
    lines = text.split("\n")
    first = next(k for k, line in enumerate(lines) if line.startswith("Kotkan kaupunki"))
    last_line = next(k for k in range(first, 0, -1) if lines[k].strip() and lines[k][:1] == " ")
    description_at = len(lines[last_line]) - len(lines[last_line].lstrip())
    moved = lines[last_line][description_at:]
    lines[last_line] = lines[last_line][:description_at].rstrip()
    lines.insert(first, moved)
    return "\n".join(lines)


def test_a_side_by_side_text_with_rows_out_of_order_is_refused_not_misread(runner, tmp_path) -> None:
    from conftest import invoke

    source = (ROOT / "tests" / "fixtures" / "text" / "summary_original.pdftotext-layout.txt").read_text("utf-8")
    shuffled = tmp_path / "shuffled.txt"
    shuffled.write_text(_paragraph_out_of_order(source), "utf-8")
    out = tmp_path / "s.json"
    for extra in ((), ("--keep-going",)):
        done = invoke(runner, "parse", str(shuffled), "-o", str(out), *extra)
        assert done.exit_code == 2, done.stderr
        assert "out of row order" in done.stderr and "give the PDF itself" in done.stderr
        assert done.stderr.count("\n") == 1 and not out.exists()
