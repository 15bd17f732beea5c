"""Parse the text extraction of a summary PDF (the form kept in ``seeds/``).

In the extracted text a table row reads: applicant lines, project-name lines,
the period line, then the area and description cells. The two right-hand cells
are interleaved: a one-line area shares its line with the first line of the
description (``Espoo Luodaan uusi …``), a longer area comes as its own block
followed by a blank line. Page furniture (title, ``4(4)``, the repeated column
header) may sit between rows, and a page break can glue the next applicant to
the end of a description, with a stray leading space.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from hankkeet.errors import SourceError
from hankkeet.model import Source
from hankkeet.parse.cleanup import document_words, join_lines, split_preamble
from hankkeet.parse.records import (
    PERIOD,
    ParseResult,
    build_project,
    cut_short_note,
    ends_mid_sentence,
    extend_to_parenthesis,
    parse_applicant,
    table_reconstruction,
    unique_ids,
)
from hankkeet.textnorm import clean, fold

HEADER_COLUMNS = ("Hankkeen tiedot", "Toiminta-alue", "Toiminnan kuvaus")
_PAGE_NUMBER = re.compile(r"^\d+\s*\(\s*\d+\s*\)$")
# How far ahead of a candidate applicant line its period line may be.
_MAX_INFO_LINES = 16
# Registry place names have at most three words ("Pielisen Karjalan seutukunta");
# an area term longer than this is prose, not a place.
_MAX_PLACE_WORDS = 6


def parse_text(text: str, file_name: str, sha256: str, is_place: Callable[[str], bool]) -> ParseResult:
    """The source, its projects and warnings (e.g. a period that cannot be read)."""
    with table_reconstruction():
        return _parse_text(text, file_name, sha256, is_place)


def _parse_text(text: str, file_name: str, sha256: str, is_place: Callable[[str], bool]) -> ParseResult:
    raw = text.splitlines()
    from hankkeet.parse.layout_text import looks_like_layout, parse_layout_text

    if looks_like_layout(raw):
        return _in_row_order(parse_layout_text(text, file_name, sha256))
    lines = [clean(line) for line in raw]
    header_at = _find_header(raw, lines)
    title, subtitle = _preamble(lines[:header_at])
    furniture = {fold(x) for x in (title, subtitle, " ".join(HEADER_COLUMNS), *HEADER_COLUMNS) if x}
    body = [
        line
        for line in lines[header_at + 1 :]
        if not _PAGE_NUMBER.match(line) and fold(line) not in furniture
    ]
    known = document_words(lines)
    warnings: list[str] = []
    projects = [
        build_project(number, *cells, known_words=known, warnings=warnings)
        for number, cells in enumerate(_rows(body, known, is_place), start=1)
    ]
    if not projects:
        raise SourceError("no projects found under the table header")
    if ends_mid_sentence(projects):
        warnings.append(cut_short_note(projects[-1]))
    return ParseResult(Source(title=title, subtitle=subtitle, file=file_name, sha256=sha256), unique_ids(projects),
                       warnings)


LOST_CELLS = (
    "the text has lost the table's cells ({how}), as pdftotext and pdfminer's extract_text make it; "
    "give the PDF itself"
)


def _in_row_order(result: ParseResult) -> ParseResult:
    """Refuse a text whose rows came out of lines in the wrong order.

    pdfminer can set a page's cells side by side, as ``pdftotext -layout`` does, yet
    give each column's paragraphs in an order of its own: the rows then start in the
    middle of a sentence. An applicant is a name and begins with a capital letter;
    one that begins in lower case is a piece of another cell.
    """
    for project in result.projects:
        if project.organisation[:1].islower():
            raise SourceError(LOST_CELLS.format(
                how=f"cells out of row order: row {project.number}'s applicant begins "
                    f"{project.organisation[:40]!r}"))
    return result


def _find_header(raw: Sequence[str], lines: Sequence[str]) -> int:
    wanted = fold(" ".join(HEADER_COLUMNS))
    for i, line in enumerate(lines):
        if fold(line) == wanted:
            # Columns set side by side with runs of spaces (pdftotext -layout).
            if re.search(r"\S {3,}\S", raw[i].strip()):
                raise SourceError(LOST_CELLS.format(how="columns side by side on each line"))
            return i
    labels = [fold(label) for label in HEADER_COLUMNS]
    folded = [fold(line) for line in lines]
    if re.search(r"\S {3,}\S", "\n".join(r.strip() for r in raw)) and any(
        labels[0] in line and ("toiminta" in line or "toiminnan" in line) for line in folded
    ):
        raise SourceError(LOST_CELLS.format(how="columns side by side on each line"))
    squeezed = re.sub(r"[^0-9a-z]+", "", " ".join(folded[:200]))
    # The labels whole, or their words on lines of their own (labels wrapped in narrow
    # columns come out interleaved with the other labels and the first cells).
    words = set(re.findall(r"[0-9a-z]+", " ".join(folded[:200])))
    if all(re.sub(r"[^0-9a-z]+", "", label) in squeezed for label in labels) or all(
        word in words for label in labels for word in re.findall(r"[0-9a-z]+", label)
    ):
        raise SourceError(LOST_CELLS.format(how="the column header broken into lines, cells out of row order"))
    raise SourceError(
        "no project table: the column header 'Hankkeen tiedot Toiminta-alue Toiminnan kuvaus' is missing"
    )


def _preamble(lines: Sequence[str]) -> tuple[str, str]:
    """Title and subtitle: the first two paragraphs before the table header."""
    return split_preamble(lines, document_words(lines))


def _applicant_ends(body: Sequence[str], start: int, known: frozenset[str]) -> int | None:
    """If a row starts at ``start``, the index after its applicant lines; else None."""
    if not body[start] or not body[start][0].isupper():
        return None
    for end in range(start + 1, min(start + 6, len(body)) + 1):
        if not body[end - 1]:
            return None
        if parse_applicant(join_lines(body[start:end], known)):
            end = extend_to_parenthesis(body, start, end, known)
            # A row goes on with the project name and then its period line.
            for k in range(end, min(start + _MAX_INFO_LINES, len(body))):
                if PERIOD.match(body[k]):
                    return end if k > end else None
            return None
    return None


# A row's cells: applicant lines, name lines, the period line, area lines, description lines.
_Cells = tuple[Sequence[str], Sequence[str], str, Sequence[str], Sequence[str]]


def _rows(body: Sequence[str], known: frozenset[str], is_place: Callable[[str], bool]) -> Iterator[_Cells]:
    """Yield (applicant, name, period, area, description) cells row by row."""
    i = 0
    starts = []
    while i < len(body):
        if _applicant_ends(body, i, known) is not None:
            starts.append(i)
            # Skip to this row's period line so that name lines are not re-tested.
            i = next(k for k in range(i, len(body)) if PERIOD.match(body[k])) + 1
        else:
            if not starts and body[i]:
                # The header was found but no row starts under it (an applicant, its
                # name, a period line): the extractor gave the cells out of row order.
                raise SourceError(LOST_CELLS.format(
                    how=f"unexpected text before the first project: {body[i][:60]!r}, not an applicant"))
            i += 1
    for n, start in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(body)
        applicant_end = _applicant_ends(body, start, known)
        assert applicant_end is not None
        period_at = next(k for k in range(applicant_end, stop) if PERIOD.match(body[k]))
        name = [line for line in body[applicant_end:period_at] if line]
        area, description = _split_area_description(body[period_at + 1 : stop], known, is_place)
        yield body[start:applicant_end], name, body[period_at], area, description


def _blocks(lines: Sequence[str]) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _split_area_description(
    lines: Sequence[str], known: frozenset[str], is_place: Callable[[str], bool]
) -> tuple[list[str], list[str]]:
    blocks = _blocks(lines)
    if not blocks:
        return [], []
    shared = _split_shared_line(blocks[0][0], is_place)
    rest_of = [line for b in blocks[1:] for line in b]
    # A separate area block is followed by a blank line; a one-line area shares
    # its line with a description sentence of several words.
    if shared is not None and (len(blocks) == 1 or len(shared[1].split(" ")) >= 3):
        area, rest = shared
        return [area], [rest, *blocks[0][1:], *rest_of]
    if len(blocks) > 1:
        return blocks[0], rest_of
    # One block and no recognisable area at its start: the first word is the area.
    area, _, rest = blocks[0][0].partition(" ")
    return [area], [rest, *blocks[0][1:]]


def _split_shared_line(line: str, is_place: Callable[[str], bool]) -> tuple[str, str] | None:
    """``Etelä-Karjala Luodaan hankkeen …`` -> (``Etelä-Karjala``, ``Luodaan hankkeen …``).

    The area is the longest run of leading words that reads as places, and the
    description must go on with a capitalised word (a sentence start).
    Prefixes are read left to right, each area term once, and the scan stops
    at the first term that is no place: a very long line stays linear.
    """
    words = line.split(" ")
    best = None
    open_term: list[str] = []  # words of the last term, not yet closed by ',' or ';'
    closed_any = False
    for k in range(1, len(words)):
        first, *more = re.split(r"[;,]", words[k - 1])
        open_term.append(first)
        for piece in more:
            term = " ".join(open_term).strip()
            if term:
                if not is_place(term):
                    break
                closed_any = True
            open_term = [piece]
        else:
            term = " ".join(open_term).strip()
            if len(term.split()) > _MAX_PLACE_WORDS:
                break
            if words[k][:1].isupper() and (term or closed_any) and (not term or is_place(term)):
                best = k
            continue
        break
    if best is None:
        return None
    return " ".join(words[:best]), " ".join(words[best:])
