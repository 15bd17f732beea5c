"""Parse the text ``pdftotext -layout`` makes of a summary PDF.

``-layout`` keeps the page's columns side by side: each text line holds, at
roughly the character position of its place on the page, a line of the info
cell, of the area cell and of the description cell. The cells are rebuilt by
position, as the PDF reader rebuilds them by geometry:

1. Pages are split at form feeds. On each page the header line (the three
   column labels, in any order, possibly wrapped over two lines) gives the
   columns; their left edges are where the body lines' text starts most often
   near the labels (the labels themselves may be centred). A page without a
   header reuses the previous page's edges, refitted to its own lines.
2. Each line is cut into runs of text at gaps of two or more spaces; a run
   belongs to the column whose left edge it starts at or after. A run that
   crosses an edge (pdftotext leaves a single space where a cell ends near
   the next column) is cut at the space nearest the edge.
3. Rows: the info column holds applicant, name and period line; a row starts
   at the first info line after a period line. The other columns' lines
   belong to the row whose region they are in: a region starts at its first
   info line when the cells are aligned to the top (most rows have other text
   level with it), else at the widest blank strip since the previous row's
   period line (cells centred or aligned to the bottom).
4. Page furniture is dropped: page numbers (``2(4)``, ``Sivu 2/6``), the
   column header on every page, and running headers and footers (the same
   text, numbers aside, among the first or last lines of most pages).

Cells become records through ``records.py``, exactly as in the other parsers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from hankkeet.errors import SourceError
from hankkeet.model import Source
from hankkeet.parse.cleanup import document_words, normalise_extracted, split_preamble
from hankkeet.parse.records import (
    PERIOD,
    ParseResult,
    build_project,
    cut_short_note,
    ends_mid_sentence,
    split_info_cell,
    unique_ids,
)
from hankkeet.textnorm import clean, fold

INFO, AREA, DESCRIPTION = "info", "area", "description"
LABELS = {INFO: ("hankkeen", "tiedot"), AREA: ("toiminta-", "alue"), DESCRIPTION: ("toiminnan", "kuvaus")}
_PAGE_NUMBER = re.compile(r"^(?:sivu\s*|page\s*)?\d+\s*(?:\(\s*\d+\s*\)|/\s*\d+)$", re.IGNORECASE)

# -- thresholds, in characters of the -layout grid ------------------------------------
# Text of one cell is separated from the next column by at least this many spaces;
# one space is a word space (justified text may have more, and is rejoined).
COLUMN_GAP = 2
# pdftotext places a line's text to the nearest character; a run may start this many
# characters left of its column's usual edge.
EDGE_SLACK = 3
# A run crossing a column edge is cut at a space this many characters around it, or,
# when it starts no further left than this, belongs to the column it crosses into
# (pdftotext shifts a cell's text a few characters off its column).
CROSSING_REACH = 6
# A page without a header refits the previous page's edges within this distance.
REFIT_REACH = 3
# ... and further, to this distance, where clearly more of its runs start there.
REFIT_FAR = 10
# A row's cells may sit off the page's columns: the lines within this distance of a
# line refit its edges, when at least LOCAL_EVIDENCE of their runs start there.
LOCAL_LINES = 4
LOCAL_EVIDENCE = 3
# Running headers and footers: among the first or last lines of a page ...
FURNITURE_LINES = 3
# ... with the same text on at least this share of the pages (and two at least).
FURNITURE_PAGE_SHARE = 0.6
# Cells count as aligned to the top when at least this share of rows have other
# text level with the info cell's first line.
TOP_ALIGNED_SHARE = 0.6
# A line counts as wrapped when it and the next line's first word would be wider than
# this share of the page's longest info line (bold letters are about a tenth wider).
WRAP_WIDTH_SHARE = 0.9
# Share of non-blank lines with a gap of 3+ spaces inside that marks -layout text.
LAYOUT_LINE_SHARE = 0.2

_WIDE_GAP = re.compile(r"\S {3,}\S")
# A word broken at the line's end: a hyphen, or a soft hyphen pdftotext keeps (typst, browsers).
_BROKEN_END = re.compile(r"[^\W\d_][-\u00ad\u2010]$")
# A line of dates and dashes only: a period line, or a half of one (``1.9.2020–``).
_DATES_ONLY = re.compile(r"^[\s\d.–—-]*\d{1,2}\s*\.\s*\d{1,2}\s*\.\s*\d{4}[\s\d.–—-]*$")


def looks_like_layout(lines: Sequence[str]) -> bool:
    """Is this the text of ``pdftotext -layout``: columns side by side, under a header
    whose labels stand side by side too? (Justified text alone has wide gaps.)"""
    filled = [line for line in lines if line.strip()]
    wide = sum(1 for line in filled if _WIDE_GAP.search(line.strip()))
    return bool(filled) and wide >= LAYOUT_LINE_SHARE * len(filled) and _header(lines) is not None


@dataclass(frozen=True)
class _Run:
    start: int
    text: str
    # An edge the run is known to stand left of, however near it starts (-1: none).
    before: int = -1

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class _Line:
    """One body line, its text by column (empty string: nothing there)."""

    page: int
    cells: dict[str, str]
    # The info cell's line was broken because the next line's first word did not fit.
    wraps: bool = False

    @property
    def blank(self) -> bool:
        return not any(self.cells.values())


@dataclass
class _Row:
    first: int  # index of its first info line in the body
    info: list[str] = field(default_factory=list)
    wraps: list[bool] = field(default_factory=list)
    period_at: int = -1
    area: list[str] = field(default_factory=list)
    description: list[str] = field(default_factory=list)


def parse_layout_text(text: str, file_name: str, sha256: str) -> ParseResult:
    pages = [page.split("\n") for page in text.replace("\r\n", "\n").split("\f")]
    pages = [[line.rstrip().expandtabs() for line in page] for page in pages]
    furniture = _running_furniture(pages)
    title_lines: list[str] = []
    body: list[_Line] = []
    edges: dict[str, int] | None = None
    for number, page in enumerate(pages, start=1):
        header = _header(page)
        if header is not None:
            at, height, labels = header
            if edges is None:
                title_lines = _kept(page[:at], furniture)
            lines = [line for line in _kept(page[at + height :], furniture) if not _is_header_line(line)]
            squeezed = not any(_WIDE_GAP.search(line.strip()) or re.search(r"\S  \S", line.strip())
                               for line in page[at : at + height])
            edges = _fit_edges(lines, labels, squeezed)
        elif edges is None:
            continue  # a cover page before the table
        else:
            lines = [line for line in _kept(page, furniture) if not _is_header_line(line)]
            edges = _refit_edges(lines, edges)
        limits = _right_limits(lines, edges)
        cells: list[dict[str, str]] = []
        for k, line in enumerate(lines):
            cells.append(_cells(line, _local_edges(lines, k, edges), limits, cells[-1] if cells else None))
        _rehome_stranded_halves(cells, edges)
        wraps = _wrapped_info_lines([line_cells[INFO] for line_cells in cells])
        body.extend(_Line(number, line_cells, wrap) for line_cells, wrap in zip(cells, wraps, strict=True))
        # A page break separates like a blank line.
        body.append(_Line(number, {INFO: "", AREA: "", DESCRIPTION: ""}))
    if edges is None:
        raise SourceError("no project table: the column header 'Hankkeen tiedot Toiminta-alue Toiminnan kuvaus' "
                          "is missing")
    known = document_words([*title_lines, *(cell for line in body for cell in line.cells.values() if cell)])
    title, subtitle = _preamble([clean(line) for line in title_lines], known)
    rows = _rows(body)
    warnings: list[str] = []
    projects = []
    unread: list[str] = []
    for number, row in enumerate(rows, start=1):
        try:
            projects.append(build_project(number, *split_info_cell(row.info, known, wraps=row.wraps), row.area,
                                          row.description,
                                          known_words=known, warnings=warnings))
        except SourceError as exc:
            unread.append(f"row {number}: {exc.message} (begins {clean(' '.join(row.info))[:60]!r})")
    if not projects:
        if unread:
            raise SourceError(f"no row could be read; {unread[0]}")
        raise SourceError("no projects found under the table header")
    if projects[-1].number == len(rows) and ends_mid_sentence(projects):
        # pdftotext ends every page, the last one too, with a form feed: a text without
        # it after its last page was cut, and its last row is not whole.
        if text.rstrip(" \r\n").endswith("\f"):
            warnings.append(cut_short_note(projects[-1]))
        else:
            unread.append(cut_short_note(projects.pop()))
    return ParseResult(Source(title=title, subtitle=subtitle, file=file_name, sha256=sha256), unique_ids(projects),
                       warnings, unread)


# -- pages ----------------------------------------------------------------------------


def _words_at(line: str) -> list[tuple[int, str]]:
    return [(m.start(), fold(m.group())) for m in re.finditer(r"\S+", line)]


def _label_at(words: Sequence[tuple[int, str]], below: Sequence[tuple[int, str]], first: str,
              second: str) -> tuple[int, bool] | None:
    """Where a label starts on a line, and whether its second part is on the line below."""
    whole = first + second if first.endswith("-") else None
    for k, (pos, word) in enumerate(words):
        if word == whole or (word == first and k + 1 < len(words) and words[k + 1][1] == second):
            return pos, False
        if word == first and any(w == second and abs(p - pos) <= len(first) for p, w in below):
            return pos, True
    return None


def _header(page: Sequence[str]) -> tuple[int, int, dict[str, int]] | None:
    """(line index, number of lines, label start per column) of the page's column header.

    A label may wrap onto the next line (``Toiminta-`` / ``alue``) in a narrow column.
    """
    for at, line in enumerate(page):
        if "hankkeen" not in fold(line):
            continue
        words = _words_at(line)
        below = _words_at(page[at + 1]) if at + 1 < len(page) else []
        found = {column: _label_at(words, below, *parts) for column, parts in LABELS.items()}
        if all(found.values()):
            starts = {column: place[0] for column, place in found.items() if place is not None}
            height = 2 if any(place is not None and place[1] for place in found.values()) else 1
            return at, height, starts
    return None


def _kept(lines: Sequence[str], furniture: set[str]) -> list[str]:
    """The lines that are not page furniture (page numbers, running headers and footers)."""
    return [line for line in lines if not _PAGE_NUMBER.match(line.strip()) and _furniture_key(line) not in furniture]


def _is_header_line(line: str) -> bool:
    return _header([line]) is not None


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "0", " ".join(fold(line).split()))


def _running_furniture(pages: Sequence[Sequence[str]]) -> set[str]:
    """Text among the first or last lines of most pages (numbers aside): running headers and footers."""
    pages = [page for page in pages if any(line.strip() for line in page)]
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        filled = [line for line in page if line.strip()]
        # A period line, or a half of one broken after its dash, is row content wherever it stands.
        seen.update({
            _furniture_key(line) for line in (*filled[:FURNITURE_LINES], *filled[-FURNITURE_LINES:])
            if not _DATES_ONLY.match(line)
        })
    needed = max(2, round(FURNITURE_PAGE_SHARE * len(pages) + 0.499))
    return {key for key, count in seen.items() if count >= needed and not _header([key])}


# -- columns --------------------------------------------------------------------------


def _runs(line: str) -> list[_Run]:
    return [_Run(m.start(), m.group()) for m in re.finditer(rf"\S+(?: {{1,{COLUMN_GAP - 1}}}\S+)*", line)]


def _fit_edges(lines: Sequence[str], labels: dict[str, int], squeezed: bool = False) -> dict[str, int]:
    """Left edges of the columns: where runs start most often between neighbouring labels.

    A header whose labels stand a single space apart (``squeezed``: the labels
    did not fit their narrow columns) is no guide to where the columns are,
    only to their order: each edge is then where runs start most often right
    of its label and left of the next edge.
    """
    ordered = sorted(labels.items(), key=lambda item: item[1])
    starts = Counter(run.start for line in lines for run in _runs(line))
    if squeezed:
        upper = max((len(line) for line in lines), default=0)
        edges = {}
        for column, label in reversed(ordered[1:]):
            candidates = range(label, max(label + 1, upper))
            best = max(candidates, key=lambda x: (sum(starts[x + d] for d in (-1, 0, 1)), starts[x], -x))
            edges[column] = best if starts[best] else label
            upper = edges[column] - COLUMN_GAP
        edges[ordered[0][0]] = 0
        return edges
    edges = {ordered[0][0]: 0}
    for (_, left), (column, right) in pairwise(ordered):
        # A centred label stands right of its column's edge: look between the labels.
        candidates = range(left + 1, right + 1)
        best = max(candidates, key=lambda x: (sum(starts[x + d] for d in (-1, 0, 1)), starts[x], -abs(x - right)))
        edges[column] = best if starts[best] else right
    return edges


def _local_edges(lines: Sequence[str], at: int, edges: dict[str, int]) -> dict[str, int]:
    """The page's edges as the lines around line ``at`` have them: pdftotext may set
    one row's cells a few characters off the page's columns."""
    window = lines[max(0, at - LOCAL_LINES) : at + LOCAL_LINES + 1]
    starts = Counter(run.start for line in window for run in _runs(line))
    out = {}
    for column, edge in edges.items():
        near = range(edge - CROSSING_REACH, edge + CROSSING_REACH + 1) if edge else range(1)
        best = max(near, key=lambda x: (starts[x], -abs(x - edge)))
        out[column] = best if starts[best] >= LOCAL_EVIDENCE and starts[best] > starts[edge] else edge
    return out


def _refit_edges(lines: Sequence[str], edges: dict[str, int]) -> dict[str, int]:
    """The previous page's edges, moved to where this page's runs start most often
    nearby; further off (an office suite sets a page's columns several characters
    apart from the last one's) only where more runs start there than near the old edge."""
    starts = Counter(run.start for line in lines for run in _runs(line))
    out = {}
    for column, edge in edges.items():
        if edge == 0:
            out[column] = 0
            continue
        near = range(edge - REFIT_REACH, edge + REFIT_REACH + 1)
        best = max(near, key=lambda x: (starts[x], -abs(x - edge)))
        far = range(edge - REFIT_FAR, edge + REFIT_FAR + 1)
        further = max(far, key=lambda x: (starts[x], -abs(x - edge)))
        if starts[further] >= LOCAL_EVIDENCE and starts[further] > 2 * starts[best]:
            best = further
        out[column] = best if starts[best] else edge
    return out


def _column_of(start: int, ordered: Sequence[tuple[str, int]]) -> str:
    column = ordered[0][0]
    for name, edge in ordered:
        if start >= edge - EDGE_SLACK:
            column = name
    return column


def _right_limits(lines: Sequence[str], edges: dict[str, int]) -> dict[str, int]:
    """How far right each column's text reaches on the page, from runs that cross no edge."""
    ordered = sorted(edges.items(), key=lambda item: item[1])
    limits: dict[str, int] = {}
    for line in lines:
        for run in _runs(line):
            if not any(run.start < edge - EDGE_SLACK and run.end > edge + 1 for _, edge in ordered):
                column = _column_of(run.start, ordered)
                limits[column] = max(limits.get(column, 0), run.end)
    return limits


def _cells(line: str, edges: dict[str, int], limits: dict[str, int] | None = None,
           above: dict[str, str] | None = None) -> dict[str, str]:
    """A line's text by column. ``limits``: how far right each column's text
    reaches elsewhere on the page, which tells where a run crossing an edge ends;
    ``above``: the line above's cells (a cell that opens here starts with a capital)."""
    ordered = sorted(edges.items(), key=lambda item: item[1])
    cells: dict[str, list[str]] = {column: [] for column in edges}
    runs = _runs(line)
    if len(runs) > 1 and PERIOD.match(runs[0].text) and runs[1].start < ordered[1][1] - EDGE_SLACK:
        # The period line holds nothing else, yet more text follows it left of the
        # next column: pdftotext squeezed a short page's columns together, so the
        # runs after it are the other cells in order (a sentence is a description).
        (first, _), (area, _), (description, _) = ordered
        cells[first].append(runs[0].text)
        after = [run.text for run in runs[1:]]
        if len(after) == 1 and len(after[0].split()) > 3:
            cells[description] = after
        else:
            cells[area], cells[description] = after[:1], after[1:]
        return {column: _cell_text(" ".join(texts)) for column, texts in cells.items()}
    for run in _split_at_edges(runs, ordered, above):
        column = ordered[0][0]
        for name, edge in ordered:
            if run.start >= edge - EDGE_SLACK and not 0 <= run.before <= edge:
                column = name
        rest = run
        for name, edge in ordered:
            if rest.start < edge - EDGE_SLACK and rest.end >= edge and " " not in rest.text \
                    and edge - rest.start <= CROSSING_REACH:
                # One word shifted left of its column, reaching the column's edge.
                column = name
            elif (rest.start < edge - EDGE_SLACK and rest.end > edge + 1 and cells[column]
                  and _BROKEN_END.search(cells[column][-1]) and rest.text[:1].isupper()
                  and edge - rest.start <= 2 * CROSSING_REACH):
                # After a word broken at a hyphen, which ends its cell's line, a run
                # set apart that opens with a capital is the next cell's, shifted left
                # (``Pohjois-Pohjanmaan hy-       Oulun seutukunta``).
                column = name
            elif rest.start < edge - EDGE_SLACK and rest.end > edge + 1:
                # The run crosses into the next column: pdftotext set the two cells
                # a single space apart, or shifted the next one left of its column.
                spaces = [rest.start + i for i, ch in enumerate(rest.text) if ch == " "]
                near = _likely_cuts(rest, [at for at in spaces if abs(at + 1 - edge) <= CROSSING_REACH],
                                    above is not None and not above.get(name))
                # Where the left cell's text would reach no further than it does elsewhere.
                within = [at for at in near if limits is None or at <= limits.get(column, at)]
                if within or near:
                    at = (max(within) if within and limits is not None
                          else min(near, key=lambda at: abs(at + 1 - edge))) - rest.start
                    cells[column].append(rest.text[:at])
                    rest, column = _Run(rest.start + at + 1, rest.text[at + 1 :]), name
                elif edge - rest.start <= CROSSING_REACH:
                    column = name
        cells[column].append(rest.text)
    return {column: _cell_text(" ".join(texts)) for column, texts in cells.items()}


_CONJUNCTIONS = frozenset({"ja", "tai", "sekä", "eli", "och", "eller"})


def _split_at_edges(runs: list[_Run], ordered: Sequence[tuple[str, int]],
                    above: dict[str, str] | None = None) -> list[_Run]:
    """Runs that start just left of a column edge, after text that reaches into the
    column before on the same line, and have a word starting at the edge itself: the words before it
    end the left cell's line (justified text sets them a single space from the next
    column: ``Hämeenlinna          ja Kehitetään``). Not when the column's line above
    ends in a hyphen: then the words finish that word (``seutukun-`` / ``ta; Raahe``)."""
    out: list[_Run] = []
    for run in runs:
        for (_, left_edge), (name, edge) in pairwise(ordered):
            if (out and left_edge + EDGE_SLACK < out[-1].end < edge - EDGE_SLACK
                    and edge - EDGE_SLACK <= run.start < edge
                    and not (above and above.get(name, "").endswith("-"))):
                # The next word starts at the edge; or, after a word broken at a hyphen
                # (``Itä-`` / ``Viedään``: no conjunction), anywhere within the slack.
                at = next((i for i, ch in enumerate(run.text) if ch == " " and (
                    abs(run.start + i + 1 - edge) <= 1
                    or (abs(run.start + i + 1 - edge) <= EDGE_SLACK and _BROKEN_END.search(run.text[:i])
                        and run.text[i + 1 :].split(" ", 1)[0].casefold() not in _CONJUNCTIONS))), None)
                if at is not None:
                    out.append(_Run(run.start, run.text[:at], before=edge))
                    run = _Run(run.start + at + 1, run.text[at + 1 :])
                break
            # A word broken at a hyphen goes on in the next line, never on the same one: a run
            # at the edge that starts ``Itä- Viedään`` holds the left cell's last word first.
            words = run.text.split(" ", 2)
            if (out and left_edge + EDGE_SLACK < out[-1].end and abs(run.start - edge) <= 1 and len(words) > 1
                    and _BROKEN_END.search(words[0]) and words[1][:1].isalpha()
                    and words[1].casefold() not in _CONJUNCTIONS):
                out.append(_Run(run.start, words[0], before=run.start))
                run = _Run(run.start + len(words[0]) + 1, run.text[len(words[0]) + 1 :])
                break
        out.append(run)
    return out


def _likely_cuts(run: _Run, spaces: list[int], opens: bool) -> list[int]:
    """Of the spaces where a run crossing into the next column may be cut, those the
    text itself marks: a word broken at a hyphen ends its cell's line (``hy-`` /
    ``Oulun seutukunta``), unless a conjunction follows (``kasvatus- ja``); a cell that
    opens on this line starts with a capital or a digit. Without such a mark, all."""
    def left_end(at: int) -> str:
        return run.text[: at - run.start].rsplit(" ", 1)[-1]

    def right_word(at: int) -> str:
        return run.text[at - run.start + 1 :].split(" ", 1)[0]

    broken = [at for at in spaces
              if _BROKEN_END.search(left_end(at)) and right_word(at).casefold() not in _CONJUNCTIONS]
    if broken:
        return broken
    if opens:
        capital = [at for at in spaces if right_word(at)[:1].isupper() or right_word(at)[:1].isdigit()]
        if capital:
            return capital
    return spaces


def _rehome_stranded_halves(cells: list[dict[str, str]], edges: dict[str, int]) -> None:
    """A word broken at a hyphen goes on in the next line of its own column. One left
    alone in a column whose next line is empty, beside a column that goes on, is the
    end of that column's line set wide (justified text): ``toteuttajana      Pohjois-``."""
    ordered = [column for column, _ in sorted(edges.items(), key=lambda item: item[1])]
    for k in range(len(cells)):
        for left, column in pairwise(ordered):
            # A conjunction alone after an elliptical compound's hyphen goes on that line
            # (``sivistys-           ja`` set wide by justification).
            if cells[k][column].casefold() in _CONJUNCTIONS and cells[k][left].endswith("-"):
                cells[k][left] = f"{cells[k][left]} {cells[k][column]}"
                cells[k][column] = ""
    for k in range(len(cells) - 1):
        for left, column in pairwise(ordered):
            text = cells[k][column]
            if (" " not in text and _BROKEN_END.search(text) and not cells[k + 1][column]
                    and cells[k][left] and cells[k + 1][left]):
                cells[k][left] = f"{cells[k][left]} {text}"
                cells[k][column] = ""


def _wrapped_info_lines(info: Sequence[str]) -> list[bool]:
    """Which info lines the typesetter broke because the next word did not fit: the line,
    a space and the next line's first word would reach past the longest info line of the
    page, less a margin for bold letters, which are wider than the characters count them.
    (Read only for an applicant of no known kind: a guess from the layout beats none.)"""
    width = WRAP_WIDTH_SHARE * max((len(text) for text in info), default=0)
    out = []
    for text, following in zip(info, [*info[1:], ""], strict=True):
        word = following.split(" ", 1)[0].rstrip("\u00ad")
        out.append(bool(text and word) and len(text) + 1 + len(word) > width)
    return out


def _cell_text(raw: str) -> str:
    """A cell's line as the PDF reader sees it: extracted forms normalised, soft
    hyphens dropped, and a break at one (a browser prints ``\u00ad\u2010``) as a
    line-end hyphen, which ``join_lines`` tells from a genuine one."""
    text = raw.rstrip()
    if text.endswith(("\u00ad", "\u00ad\u2010")):
        text = text.rstrip("\u2010").rstrip("\u00ad") + "-"
    return clean(normalise_extracted(text.replace("\u00ad", "")))


# -- rows -----------------------------------------------------------------------------


def _rejoin_periods(body: list[_Line]) -> None:
    """A narrow column breaks the period after its dash: ``1.9.2020–`` / ``31.8.2021``."""
    previous: _Line | None = None
    for line in body:
        text = line.cells[INFO]
        if not text:
            continue
        if previous is not None and text[:1].isdigit() and not PERIOD.match(previous.cells[INFO]):
            joined = re.sub(r"\s*([–—-])\s*", r"\1", clean(f"{previous.cells[INFO]} {text}"))
            if previous.cells[INFO][:1].isdigit() and PERIOD.match(joined):
                previous.cells[INFO] = joined
                line.cells[INFO] = ""
                continue
        previous = line


def _rows(body: list[_Line]) -> list[_Row]:
    _rejoin_periods(body)
    rows: list[_Row] = []
    after_period = True
    for index, line in enumerate(body):
        text = line.cells[INFO]
        if not text:
            continue
        if after_period:
            rows.append(_Row(first=index))
        rows[-1].info.append(text)
        rows[-1].wraps.append(line.wraps)
        after_period = PERIOD.match(text) is not None
        if after_period:
            rows[-1].period_at = index
    if not rows:
        raise SourceError("no projects found: the 'Hankkeen tiedot' column is empty")
    top = _top_aligned(body, rows)
    starts = [0]
    for previous, row in pairwise(rows):
        starts.append(row.first if top else _widest_gap(body, previous, row))
    for k, row in enumerate(rows):
        stop = starts[k + 1] if k + 1 < len(rows) else len(body)
        for line in body[starts[k] : stop]:
            if line.cells[AREA]:
                row.area.append(line.cells[AREA])
            if line.cells[DESCRIPTION]:
                row.description.append(line.cells[DESCRIPTION])
    return rows


def _top_aligned(body: Sequence[_Line], rows: Sequence[_Row]) -> bool:
    """Do the other cells start level with the info cell (Word's default)?

    Only text that opens its cell counts (nothing above it in its column):
    with cells centred, a longer description runs past the info cell's first line.
    """
    def opens(index: int, column: str) -> bool:
        return bool(body[index].cells[column]) and (index == 0 or not body[index - 1].cells[column])

    level = sum(1 for row in rows if opens(row.first, AREA) or opens(row.first, DESCRIPTION))
    return level >= TOP_ALIGNED_SHARE * len(rows)


def _widest_gap(body: Sequence[_Line], previous: _Row, row: _Row) -> int:
    """Where a row's region starts when cells are not aligned to the top: after the
    widest run of blank lines between the previous row's period and its first line."""
    since = previous.period_at if previous.period_at >= 0 else previous.first
    best_at, best_width, run = row.first, 0, 0
    for index in range(since + 1, row.first):
        if body[index].blank:
            run += 1
            if run > best_width:
                best_width, best_at = run, index + 1
        else:
            run = 0
    return best_at


def _preamble(lines: Sequence[str], known: frozenset[str]) -> tuple[str, str]:
    """Title and subtitle above the table (a blank line or a short line ending the title splits them)."""
    return split_preamble(lines, known, last_line_subtitle=True)
