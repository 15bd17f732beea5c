"""PDFs of the table made independently of our fpdf2 generator (LibreOffice, reportlab, HTML engines).

They differ from our own fixtures in structure: office-suite text runs and
font subsets, hyphenation by the office suite, running headers and footers,
rows split across pages under a repeated header, a header only on the first
page, a header row repeated mid-page, soft-hyphen break points written as
zero-width spaces, cells aligned to the bottom, a row whose info cell starts
only on the next page. How each was made: tests/fixtures/README.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hankkeet import model
from hankkeet.parse import parse_file

from conftest import records

# Fourteen layouts at a quarter to two thirds of a second each.
pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parent / "fixtures"
INDEPENDENT = [
    "lo_office.pdf",
    "lo_split.pdf",
    "lo_carlito_hyph.pdf",
    "lo_nohead_offset.pdf",
    "lo_narrow_hyph.pdf",
    "rl_helvetica.pdf",
    "rl_serif_split.pdf",
    # HTML printed by browser engines (scripts/make_html_table.py).
    "html_cr_grid_hyph.pdf",
    "html_cr_plain_middle.pdf",
    "html_cr_bottom_justify.pdf",
    "html_wp_landscape_serif.pdf",
    "html_wp_bottom_justify.pdf",
    "html_wk_grid_hyph.pdf",
    "html_wk_striped.pdf",
]


@pytest.fixture(scope="module")
def bundled() -> model.Snapshot:
    return model.load()


@pytest.mark.parametrize("name", INDEPENDENT)
def test_independent_pdf_gives_the_bundled_records(name: str, bundled: model.Snapshot) -> None:
    snapshot = parse_file(FIXTURES / name)
    got, want = records(snapshot.projects), records(bundled.projects)
    # Field by field first, so a failure names the record and field.
    for g, w in zip(got, want, strict=False):  # the count is checked below
        assert g == w
    assert len(got) == len(want) == 21
    assert snapshot.source.title == bundled.source.title
    assert snapshot.source.subtitle == bundled.source.subtitle
    # Every area term resolves and every date reads, as from the text form.
    assert snapshot.warnings == ()


def test_independent_fixtures_are_documented() -> None:
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    for name in INDEPENDENT:
        assert name in readme


def test_text_drawn_twice_on_itself_reads_once(tmp_path: Path) -> None:
    """Some writers draw text twice, a fraction of a point apart (fake bold, duplicate layers)."""
    from fpdf import FPDF

    fonts = FIXTURES / "fonts"
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
    cells = [
        (50, 60, "Erityisavustus kunnille (2020)", ""),
        (50, 76, "Yhteenveto rahoitettavista hankkeista", ""),
        (50, 110, "Hankkeen tiedot", "B"), (220, 110, "Toiminta-alue", "B"), (330, 110, "Toiminnan kuvaus", "B"),
        (50, 130, "Kotkan kaupunki", "B"), (220, 130, "Kymenlaakso", ""), (330, 130, "Kehitetään tiiviisti", ""),
        (50, 142, "Maahanmuuttajien ohjaus", ""), (330, 142, "vapaa-ajan neuvontaa.", ""),
        (50, 166, "1.9.2020–31.8.2021", ""),
    ]
    for offset in (0.0, 0.3):
        for x, y, text, style in cells:
            pdf.set_font("DejaVu", style, 10)
            pdf.text(x + offset, y, text)
    path = tmp_path / "doubled.pdf"
    pdf.output(str(path))
    snapshot = parse_file(path)
    assert snapshot.source.title == "Erityisavustus kunnille (2020)"
    assert snapshot.source.subtitle == "Yhteenveto rahoitettavista hankkeista"
    [project] = snapshot.projects
    assert (project.organisation, project.name, project.area, project.description) == (
        "Kotkan kaupunki", "Maahanmuuttajien ohjaus", "Kymenlaakso", "Kehitetään tiiviisti vapaa-ajan neuvontaa."
    )
