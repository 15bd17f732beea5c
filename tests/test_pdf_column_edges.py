"""A word that runs across a column boundary stays whole in its own column."""

from __future__ import annotations

from conftest import ROOT

FONTS = ROOT / "tests" / "fixtures" / "fonts"


def _pdf(overflow: str) -> bytes:
    """One row whose area word runs past the description column's left edge.

    The description's lines start at x=300 (its label too), so no strip free
    of text separates the columns; the area word ends a few points right of
    300, and on its own line the description follows it after a word space.
    """
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("DejaVuSans", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVuSans", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    pdf.set_font("DejaVuSans", "", 10)
    pdf.text(50, 60, "Erityisavustus kokeiluun (2024)")
    pdf.text(50, 100, "Hankkeen tiedot")
    pdf.text(200, 100, "Toiminta-alue")
    pdf.text(300, 100, "Toiminnan kuvaus")
    pdf.set_font("DejaVuSans", "B", 10)
    pdf.text(50, 130, "Kokkolan kaupunki")
    pdf.set_font("DejaVuSans", "", 10)
    pdf.text(50, 142, "Neuvonta kaikille")
    pdf.text(50, 166, "1.9.2024–31.8.2025")
    width = pdf.get_string_width(overflow)
    start = 304 - width  # the word ends at x=304, past the description's edge
    pdf.text(start, 130, overflow)
    pdf.text(304 + pdf.get_string_width(" "), 130, "Kehitetään")
    pdf.text(300, 142, "neuvontaa koko alueella.")
    return bytes(pdf.output())


def test_a_word_running_into_the_next_column_keeps_its_last_letters() -> None:
    from hankkeet.parse import parse_bytes

    snapshot = parse_bytes(_pdf("Jakobstadsregionen"), "edge.pdf")
    (project,) = snapshot.projects
    assert project.area == "Jakobstadsregionen"
    assert project.description == "Kehitetään neuvontaa koko alueella."
