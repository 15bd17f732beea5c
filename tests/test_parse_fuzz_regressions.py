"""Regressions from scripts/fuzz_parse.py: each input is a fixture with one deterministic mutation.

Bad input ends in one line naming the file (exit 2, no output file), never an
internal error, stray library output on stderr, or a parse that does not end.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hankkeet.cli import app
from hankkeet.errors import SourceError
from hankkeet.model import Snapshot
from hankkeet.parse import parse_bytes

from conftest import records

# Each case builds and parses a damaged PDF: together about two seconds.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = ROOT / "tests" / "fixtures" / "summary_original.pdf"
SEED_TEXT = ROOT / "seeds" / "000_321a0afa37a476e5.txt"


def _zero_streams(data: bytes) -> bytes:
    """Every stream's bytes zeroed in place: offsets stay valid, pdfminer warns on each."""
    return re.sub(
        rb"(stream\r?\n)(.*?)(\r?\nendstream)", lambda m: m.group(1) + bytes(len(m.group(2))) + m.group(3), data,
        flags=re.DOTALL,
    )


def _page_without_media_box() -> bytes:
    """One page of text whose page box is missing: pdfminer warns and assumes US Letter."""
    content = b"BT /F1 12 Tf 72 720 Td (Erityisavustus 2020) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def _font_names(data: bytes, value: bytes) -> bytes:
    """Each font descriptor's /FontName given as ``value`` (a string, a number, an array) instead of a name."""
    return re.sub(rb"/FontName\s*/([^\s/<>\[\]()]+)", lambda m: b"/FontName " + value.replace(b"NAME", m.group(1)),
                  data)


def _cli(tmp_path: Path, name: str, data: bytes, *options: str):
    source = tmp_path / name
    source.write_bytes(data)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    result = CliRunner().invoke(app, [*options, "parse", str(source), "-o", str(out_dir / "snapshot.json")],
                                env={"COLUMNS": "200", "HANKKEET_DEBUG": ""})
    return source, out_dir, result


def _assert_bad_input(result, source: Path, out_dir: Path, expected: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert str(source) in lines[0] and expected in lines[0]
    assert list(out_dir.iterdir()) == []


# -- pdfminer's warnings on damaged files ----------------------------------------------


def test_pdfminer_warnings_stay_off_stderr(tmp_path: Path) -> None:
    # pdfminer logs "Data-loss while decompressing corrupted data" for each
    # stream; with no handler configured Python printed those around our
    # message. A real process: pytest's own log capture would hide them.
    source = tmp_path / "summary.pdf"
    source.write_bytes(_page_without_media_box())
    out = tmp_path / "snapshot.json"
    env = {k: v for k, v in os.environ.items() if k != "HANKKEET_DEBUG"}
    result = subprocess.run([sys.executable, "-m", "hankkeet", "parse", str(source), "-o", str(out)],
                            capture_output=True, env=env, timeout=60, check=False)
    assert result.returncode == 2
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(source) in lines[0] and "no project table" in lines[0]
    assert not out.exists()


def test_zeroed_streams_are_a_pdf_without_text(tmp_path: Path) -> None:
    source, out_dir, result = _cli(tmp_path, "summary.pdf", _zero_streams(ORIGINAL.read_bytes()))
    _assert_bad_input(result, source, out_dir, "the PDF contains no text")


# -- a font name that is not a name -----------------------------------------------------


def test_font_name_given_as_a_string_reads_like_the_name(snapshot: Snapshot) -> None:
    data = _font_names(ORIGINAL.read_bytes(), b"(NAME)")
    assert data != ORIGINAL.read_bytes()
    parsed = parse_bytes(data, "summary.pdf")
    assert records(parsed.projects) == records(snapshot.projects)


@pytest.mark.parametrize("value", [b"7", b"[1 2]", b"<< >>"])
def test_font_name_of_another_type_is_not_an_error_of_ours(value: bytes, tmp_path: Path) -> None:
    # It was a TypeError in our bold test, reported as "cannot read PDF: TypeError".
    data = _font_names(ORIGINAL.read_bytes(), value)
    try:
        snapshot = parse_bytes(data, "summary.pdf")
    except SourceError as exc:
        assert "TypeError" not in exc.message
    else:
        assert len(snapshot.projects) == 21


# -- a very long line in the text form ------------------------------------------------------


def test_area_split_reads_each_word_once_on_a_very_long_line() -> None:
    # Every prefix of the line used to be re-read as a list of places:
    # quadratic, minutes on a 100 KB line.
    from hankkeet.kunnat.areas import is_place
    from hankkeet.parse.text import _split_shared_line

    line = "Etelä-Karjala Luodaan hankkeen toiminta-alueelle kaikille " * 2000
    calls = []

    def counting(term: str) -> bool:
        calls.append(term)
        return is_place(term)

    assert _split_shared_line(line, counting) == ("Etelä-Karjala", line[len("Etelä-Karjala ") :])
    assert len(calls) < 10


def test_area_split_keeps_the_longest_list_of_places() -> None:
    from hankkeet.kunnat.areas import is_place
    from hankkeet.parse.text import _split_shared_line

    assert _split_shared_line("Espoo, Vantaa, Kauniainen Luodaan malli", is_place) == (
        "Espoo, Vantaa, Kauniainen", "Luodaan malli")
    assert _split_shared_line("Kotka; Kouvola Kehitetään", is_place) == ("Kotka; Kouvola", "Kehitetään")
    assert _split_shared_line("Luodaan malli Espoo", is_place) is None


def test_very_long_text_line_parses(tmp_path: Path) -> None:
    text = SEED_TEXT.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.startswith("Etelä-Karjala Luodaan"))
    data = text.replace(first, first * 2000, 1).encode()
    snapshot = parse_bytes(data, "summary.txt")
    assert len(snapshot.projects) == 21


# -- the last line of defence ---------------------------------------------------------------


def test_unexpected_error_in_table_code_is_bad_input_naming_the_file(monkeypatch, tmp_path: Path) -> None:
    from hankkeet.parse import pdf

    def broken(*args, **kwargs):
        raise IndexError("list index out of range")

    monkeypatch.setattr(pdf, "_rows", broken)
    with pytest.raises(SourceError, match=r"^x\.pdf: cannot make out the project table \(IndexError\)$") as info:
        parse_bytes(ORIGINAL.read_bytes(), "x.pdf")
    assert isinstance(info.value.__cause__, IndexError)  # kept for --debug

    source, out_dir, result = _cli(tmp_path, "summary.pdf", ORIGINAL.read_bytes())
    _assert_bad_input(result, source, out_dir, "cannot make out the project table (IndexError)")


def test_our_error_reading_the_layout_is_not_called_a_damaged_pdf(monkeypatch) -> None:
    # pdfminer's failures read "cannot read PDF"; ours must not hide behind that.
    from hankkeet.parse import pdf

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(pdf, "_page", broken)
    with pytest.raises(SourceError) as info:
        parse_bytes(ORIGINAL.read_bytes(), "x.pdf")
    assert info.value.message == "x.pdf: cannot make out the project table (ZeroDivisionError)"


def test_unexpected_error_in_text_parser_is_bad_input(monkeypatch) -> None:
    from hankkeet.parse import text

    def broken(*args, **kwargs):
        raise IndexError("list index out of range")

    monkeypatch.setattr(text, "_rows", broken)
    with pytest.raises(SourceError, match=r"^x\.txt: cannot make out the project table \(IndexError\)$"):
        parse_bytes(SEED_TEXT.read_bytes(), "x.txt")


def test_debug_shows_the_original_traceback_and_keeps_exit_2(monkeypatch, tmp_path: Path) -> None:
    from hankkeet.parse import pdf

    def broken(*args, **kwargs):
        raise IndexError("simulated table failure")

    monkeypatch.setattr(pdf, "_rows", broken)
    _, out_dir, result = _cli(tmp_path, "summary.pdf", ORIGINAL.read_bytes(), "--debug")
    assert result.exit_code == 2
    assert "Traceback" in result.stderr and "simulated table failure" in result.stderr
    assert result.stderr.splitlines()[-1].endswith("cannot make out the project table (IndexError)")
    assert list(out_dir.iterdir()) == []


def test_a_very_long_line_is_no_applicant_and_costs_no_backtracking() -> None:
    # A damaged text had a 100,000-character line where an applicant may start:
    # the name patterns took time growing with the square of its length.
    from hankkeet.parse.records import MAX_NAME_CHARS, parse_applicant

    line = "Kotkan " + "kaupunki ja " * 10_000
    assert len(line) > MAX_NAME_CHARS
    assert parse_applicant(line) is None
    taken = parse_applicant(line, complete=True)
    assert taken is not None and not taken.recognised
