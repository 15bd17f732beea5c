"""PDFs of the table made independently of our fpdf2 generator (LibreOffice, reportlab).

They differ from our own fixtures in structure: office-suite text runs and
font subsets, hyphenation by the office suite, running headers and footers,
rows split across pages under a repeated header, a header only on the first
page, a header row repeated mid-page. How each was made: tests/fixtures/README.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hankkeet import model
from hankkeet.parse import parse_file

FIXTURES = Path(__file__).parent / "fixtures"
INDEPENDENT = [
    "lo_office.pdf",
    "lo_split.pdf",
    "lo_carlito_hyph.pdf",
    "lo_nohead_offset.pdf",
    "lo_narrow_hyph.pdf",
    "rl_helvetica.pdf",
    "rl_serif_split.pdf",
]
# regions/municipalities come from area resolution after parsing, not from the layout.
FIELDS = ("id", "number", "organisation", "co_implementers", "name", "start", "end", "area", "description")


def _records(projects) -> list[dict]:
    return [{k: p.to_dict()[k] for k in FIELDS} for p in projects]


@pytest.fixture(scope="module")
def bundled() -> model.Snapshot:
    return model.load()


@pytest.mark.parametrize("name", INDEPENDENT)
def test_independent_pdf_gives_the_bundled_records(name: str, bundled: model.Snapshot) -> None:
    snapshot = parse_file(FIXTURES / name)
    got, want = _records(snapshot.projects), _records(bundled.projects)
    # Field by field first, so a failure names the record and field.
    for g, w in zip(got, want):
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
