"""Word spaces of a PDF line: from the document's space glyphs and the line's own spacing."""

from __future__ import annotations

from hankkeet.parse.pdf import Glyph, _lines

SIZE = 10.0
LETTER = 5.0


def _line(pieces: list[tuple[str, float, bool]]) -> list[Glyph]:
    """Glyphs of one line: (text, gap before it in pt, whether a space glyph is written in that gap).

    A gap without a written space gets a space pdfminer inferred (``inferred``), as pdfminer
    does for any gap wider than a tenth of the type size.
    """
    glyphs: list[Glyph] = []
    x = 0.0
    for text, gap, written in pieces:
        if gap:
            if written:
                glyphs.append(Glyph(" ", x, x + gap, 0.0, SIZE, SIZE, False))
            else:
                glyphs.append(Glyph(" ", x, x, 0.0, SIZE, SIZE, False, inferred=True))
            x += gap
        for ch in text:
            glyphs.append(Glyph(ch, x, x + LETTER, 0.0, SIZE, SIZE, False))
            x += LETTER
    return glyphs


def test_a_small_gap_inside_a_word_of_a_line_with_written_spaces_is_no_space() -> None:
    glyphs = _line([("ympäristökuntin", 0, False), ("een", 2.0, False), ("ja", 3.5, True), ("lähikunnat", 3.5, True)])
    assert [line.text for line in _lines(glyphs)] == ["ympäristökuntineen ja lähikunnat"]


def test_a_justified_line_without_space_glyphs_keeps_its_wide_gaps_and_joins_the_narrow_one() -> None:
    glyphs = _line([("Kehitetään", 0, False), ("oppilai", 8.0, False), ("toksen", 2.0, False),
                    ("hakeutumisvaiheeseen", 8.0, False)])
    assert [line.text for line in _lines(glyphs)] == ["Kehitetään oppilaitoksen hakeutumisvaiheeseen"]


def test_plain_word_gaps_without_space_glyphs_are_spaces() -> None:
    glyphs = _line([("ohjaus", 0, False), ("ja", 3.0, False), ("neuvonta", 3.0, False)])
    assert [line.text for line in _lines(glyphs)] == ["ohjaus ja neuvonta"]
