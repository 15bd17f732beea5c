"""More bad inputs through `hankkeet parse`: each is one line naming the file, exit 2, no output file."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from hankkeet.cli import app

FONT = Path(__file__).parent / "fixtures" / "fonts" / "DejaVuSans.ttf"
HEADER = ["Hankkeen tiedot", "Toiminta-alue", "Toiminnan kuvaus"]


def _zero_page_pdf() -> bytes:
    """A well-formed PDF whose page tree is empty (fpdf2 cannot write one)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def _table_pdf(header: list[str], rows: list[list[str]]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=10)
    pdf.text(50, 60, "Erityisavustus kunnille ja kuntayhtymille (2020)")
    xs = [50, 220, 330][: len(header)]
    for x, label in zip(xs, header, strict=True):
        pdf.text(x, 100, label)
    pdf.line(45, 105, 550, 105)
    for i, row in enumerate(rows):
        for x, cell in zip(xs, row, strict=False):  # a short row leaves columns empty
            pdf.text(x, 120 + 12 * i, cell)
    return bytes(pdf.output())


CASES = {
    "empty .pdf": (lambda: b"", "the file is empty"),
    "zero pages": (_zero_page_pdf, "the PDF has no pages"),
    "header row only": (lambda: _table_pdf(HEADER, []), "no projects found"),
    "two of three columns": (
        lambda: _table_pdf(
            ["Hankkeen tiedot", "Toiminnan kuvaus"],
            [["Kotkan kaupunki", "Kehitetään neuvontaa."], ["Hanke", ""], ["1.9.2020–31.8.2021", ""]],
        ),
        "wrong columns",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_one_line_exit_2_and_no_output(case: str, tmp_path: Path) -> None:
    make, expected = CASES[case]
    source = tmp_path / "summary.pdf"
    source.write_bytes(make())
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    result = CliRunner().invoke(app, ["parse", str(source), "-o", str(out_dir / "snapshot.json")],
                                env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert str(source) in lines[0] and expected in lines[0]
    assert list(out_dir.iterdir()) == []
