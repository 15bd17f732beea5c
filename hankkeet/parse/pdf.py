"""Parse the summary PDF from pdfminer.six's layout objects, by geometry.

pdfminer's plain text groups a table column by column, so a row's area and
description lose their row. Here every glyph keeps its position:

1. Columns: on each page the header row (``Hankkeen tiedot``,
   ``Toiminta-alue``, ``Toiminnan kuvaus``, found by text, possibly wrapped)
   names the columns; the boundary between two columns is the widest vertical
   strip free of body text between their labels. A page without a header
   reuses the previous page's columns.
2. Lines: glyphs are split into columns by their centre and regrouped into
   lines per column (pdfminer may glue neighbouring cells into one line).
3. Rows: the project-information column has the shape applicant (bold),
   name, period line (``1.9.2020–31.8.2021``). A row starts at the first line
   after a period line, or at a bold line after regular ones. The other
   columns' lines belong to the row whose top is above them on the page: the
   row's top is the grid line above its first line when the page has ruled
   rows, else its first line (cells aligned to the top) or the widest gap
   above it (cells aligned otherwise). Lines above the first row on a page
   continue the row from the previous page.
4. Cells become records through ``records.py``, exactly as the text parser's.

Pages are read one at a time: each raw page (glyphs, rules) becomes a Page
(the lines of its columns) as soon as the pages before it tell what it needs,
and its glyphs are dropped, so memory stays flat however long the document.
Only the first ``FURNITURE_WINDOW`` pages wait as raw pages, to learn the
running headers and footers.

pdfminer's own layout objects (LTTextLine, LTChar, LTCurve) are the input;
pdfplumber, built on the same, was measured and not used: its word extraction
alone takes about twice pdfminer's extract_text on the 4-page summary, and its
table finder needs ruled tables.

Page furniture is dropped: the title and subtitle (text above the first
header, kept as Source.title/subtitle), page numbers like ``2(4)``, the
repeated header (also a copy of it further down a page), running headers and
footers (the same text, numbers aside, at the same place on most pages) and
text placed off the page.
"""

from __future__ import annotations

import bisect
import functools
import io
import math
import re
import statistics
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from hankkeet.errors import SourceError
from hankkeet.model import Source
from hankkeet.parse.cleanup import document_words, join_lines, normalise_extracted
from hankkeet.parse.records import PERIOD, ParseResult, build_project, split_info_cell, table_reconstruction, unique_ids
from hankkeet.textnorm import clean, fold

INFO, AREA, DESCRIPTION = "info", "area", "description"
COLUMN_LABELS = {INFO: "Hankkeen tiedot", AREA: "Toiminta-alue", DESCRIPTION: "Toiminnan kuvaus"}
EXPECTED_HEADER = " | ".join(COLUMN_LABELS.values())

_PAGE_NUMBER = re.compile(r"^(?:sivu\s*|page\s*)?\d+\s*(?:\(\s*\d+\s*\)|/\s*\d+)$", re.IGNORECASE)
_BOLD = re.compile(r"bold|black|heavy|demi|semibold|[-,]bd$|[-,]b$", re.IGNORECASE)
_EOF_MARKER = b"%%EOF"


# -- geometric thresholds ----------------------------------------------------------
# Sizes are in PDF points; those relative to a font size scale with the type.
# A gap between glyphs wider than this many font sizes splits a pdfminer line into
# chunks: a word space is about 0.25-0.35 em, a column gutter several ems.
CELL_GAP_EM = 1.2
# A gap wider than this share of the font size between two letters is a word space
# (narrower is kerning or tracking; some writers omit space glyphs).
WORD_GAP_EM = 0.15
# ... unless the line's own word spaces are wide (justified text): a gap that pdfminer
# took for a space is one only when it is at least this share of the line's usual word
# space. Office suites position the glyphs of justified lines one by one and leave
# small gaps inside words ("ympäristökuntin een").
LINE_WORD_GAP_SHARE = 0.55
# On a line where the document writes its spaces, a gap without one is a word space
# only when it is nearly as wide as the written ones.
WRITTEN_SPACE_SHARE = 0.8
# A space glyph that leaves less room than this (in em) is no space a reader sees:
# Skia writes each soft-hyphen break opportunity as a zero-advance space.
VISIBLE_SPACE_EM = 0.05
# A glyph starting within this share of the previous same glyph's width is the same
# letter drawn again (fake bold, a duplicate text layer).
OVERDRAW_SHARE = 0.3
# Two glyphs share a line when their vertical overlap is over this share of the
# shorter one: sub- and superscripts and mixed fonts overlap less than fully.
LINE_OVERLAP_SHARE = 0.5
# A path no thicker than this (pt) and at least RULE_MIN_LENGTH long is a table rule;
# edges of a path within RULE_FLAT (pt) of horizontal count as horizontal.
RULE_MAX_THICKNESS = 2.5
RULE_MIN_LENGTH = 5.0
RULE_FLAT = 0.5
# A horizontal stroke this close to the top or bottom edge of the page (points)
# is the border of a background, not a table rule.
PAGE_EDGE = 1.0
# Running headers and footers: the same text on at least this share of the pages,
# within these distances (pt) of one place.
FURNITURE_PAGE_SHARE = 0.6
FURNITURE_DY = 1.5
FURNITURE_DX = 3.0
# Cells count as top-aligned when at least this share of rows have a cell opener
# level (within half a line) with the info cell's first line.
TOP_ALIGNED_SHARE = 0.6
# A header cell holds its label and little else (at most this many words): prose
# that merely mentions a label is no header.
HEADER_CELL_WORDS = 4
# The three labels of one header row stand within this many label heights of each
# other (a wrapped or vertically centred label sits lower than the others).
HEADER_ROW_SPREAD = 3.0
# The header cell's own bottom edge (a rule, the end of its shading) lies within
# this many label heights below the labels.
HEADER_EDGE_REACH = 1.5
# Without rules, running headers and footers stand in this share of the page at its top or bottom.
MARGIN_SHARE = 1 / 8
# Positions are compared with this slack (pt): writers round coordinates.
POSITION_SLACK = 0.5
# Title lines of one paragraph are at most this many font sizes apart.
PARAGRAPH_GAP_EM = 0.5



@dataclass(slots=True)
class Glyph:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    # A word space pdfminer inferred from a gap (no space glyph in the document).
    inferred: bool = False

    @property
    def centre_x(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(eq=False)
class Chunk:
    """A run of glyphs on one typeset line without a wide gap in it.

    Its glyphs never change once it is made, so its extent is computed once.
    Compared and hashed by identity (``eq=False``): two chunks with the same
    text at the same place on different pages are different chunks.
    """

    glyphs: list[Glyph]

    @functools.cached_property
    def text(self) -> str:
        return "".join(g.text for g in self.glyphs)

    @functools.cached_property
    def x0(self) -> float:
        return min(g.x0 for g in self.glyphs)

    @functools.cached_property
    def x1(self) -> float:
        return max(g.x1 for g in self.glyphs)

    @functools.cached_property
    def top(self) -> float:
        return min(g.top for g in self.glyphs if g.text.strip()) if self._ink else self.glyphs[0].top

    @functools.cached_property
    def bottom(self) -> float:
        return max(g.bottom for g in self.glyphs if g.text.strip()) if self._ink else self.glyphs[0].bottom

    @functools.cached_property
    def _ink(self) -> bool:
        return any(g.text.strip() for g in self.glyphs)


@dataclass(slots=True)
class Line:
    """One typeset line of one column."""

    text: str
    top: float
    bottom: float
    size: float
    bold: bool  # its first letter is bold

    @property
    def centre(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class _RawPage:
    """A page as pdfminer lays it out, glyph by glyph: alive only while the page is read."""

    number: int
    chunks: list[Chunk]
    rules: list[tuple[float, float, float]]  # horizontal rules: y, x0, x1 (y grows downwards)
    has_images: bool
    height: float = 0.0
    width: float = 0.0


@dataclass(frozen=True)
class Page:
    """One page of the table as the row reader needs it, built once from its raw page.

    It holds lines of text, not glyphs, so that a long document's pages cost
    little once read.
    """

    number: int
    rules: tuple[tuple[float, float, float], ...]  # horizontal rules: y, x0, x1 (y grows downwards)
    body_top: float  # where the table's body starts (below the header; 0 on a page without one)
    info_left: float  # left edge of the info column's text
    columns: dict[str, list[Line]]  # the lines of each column, top to bottom

    @property
    def has_table(self) -> bool:
        return any(self.columns.values())


# Running headers and footers are learned from the first pages (all of a short
# document) and then recognised on the pages after them, so that a long document
# is read page by page.
FURNITURE_WINDOW = 8


def parse_pdf(data: bytes, file_name: str, sha256: str, password: str = "",
              progress: Callable[[int, int], None] | None = None) -> ParseResult:
    """Read the project table of a summary PDF (source, projects, warnings);
    raise SourceError for anything else. ``progress(done, total)`` is called
    after each page."""
    with table_reconstruction():
        return _parse_pdf(data, file_name, sha256, password, progress)


def _parse_pdf(data: bytes, file_name: str, sha256: str, password: str,
               progress: Callable[[int, int], None] | None) -> ParseResult:
    # A cut-off file is the common damage; pdfminer would quietly recover
    # what it can and we would return too few projects, so refuse it.
    if _EOF_MARKER not in data[-2048:]:
        raise SourceError("truncated PDF: the end-of-file marker (%%EOF) is missing")
    reader = _TableReader()
    for done, (layout, total) in enumerate(_layouts(data, password), start=1):
        reader.add(_page(done, layout))
        if progress is not None:
            progress(done, max(total, done))
    pages, title_lines = reader.finish()
    known = document_words(
        [line.text for page in pages for lines in page.columns.values() for line in lines]
        + [line.text for line in title_lines]
    )
    title, subtitle = _title(title_lines, known)
    warnings: list[str] = []
    projects = []
    unread: list[str] = []
    for number, (info, bold, area, description) in enumerate(_rows(pages), start=1):
        try:
            projects.append(build_project(
                number, *split_info_cell(info, known, bold), area, description, known_words=known, warnings=warnings,
            ))
        except SourceError as exc:
            # One row that cannot be read does not sink the others.
            unread.append(f"row {number}: {exc.message} (begins {clean(' '.join(info))[:60]!r})")
    if not projects:
        if unread:
            raise SourceError(f"no row could be read; {unread[0]}")
        raise SourceError("no projects found under the table header")
    source = Source(title=title, subtitle=subtitle, file=file_name, sha256=sha256)
    return ParseResult(source, unique_ids(projects), warnings, unread)


# -- reading ----------------------------------------------------------------


def _layouts(data: bytes, password: str) -> Iterator[tuple[Any, int]]:
    """pdfminer's page layouts, one at a time, with the page count the document
    declares (0 if it declares none); its failures on a damaged file as SourceError.

    Only pdfminer's own work is guarded: an exception in our reading of the
    layout objects (raised in the caller, outside this generator) is a bug to
    see, not a damaged file.
    """
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.psexceptions import PSException

    _quiet_pdfminer()
    # boxes_flow=None: no ordering of text boxes; we order by geometry ourselves
    # and it is the most expensive step of pdfminer's layout analysis.
    laparams = LAParams(boxes_flow=None, all_texts=True)
    try:
        try:
            document = PDFDocument(PDFParser(io.BytesIO(data)), password=password)
        except UnicodeEncodeError:
            # pdfminer encodes the password as Latin-1 for the older (RC4, AES-128)
            # schemes; producers encode other characters as UTF-8.
            utf8_as_latin1 = password.encode("utf-8").decode("latin-1")
            document = PDFDocument(PDFParser(io.BytesIO(data)), password=utf8_as_latin1)
        total = _page_count(document)
        resources = PDFResourceManager(caching=True)
        device = PDFPageAggregator(resources, laparams=laparams)
        interpreter = PDFPageInterpreter(resources, device)
        for page in PDFPage.create_pages(document):
            interpreter.process_page(page)
            yield device.get_result(), total
    except SourceError:
        raise  # our own limits (InputTooLarge), raised inside pdfminer's decoding
    except PDFPasswordIncorrect:
        if password:
            raise SourceError("wrong password for this encrypted PDF") from None
        raise SourceError("the PDF is encrypted; give its password with --password") from None
    except PDFEncryptionError as exc:
        raise SourceError(f"cannot decrypt the PDF: {_describe(exc)}") from None
    except (PSException, Exception) as exc:  # noqa: BLE001 - pdfminer raises assorted built-ins on damaged files
        raise SourceError(f"cannot read PDF: {_describe(exc)}") from None


def _page_count(document: Any) -> int:
    """The number of pages the page tree declares (for progress only; 0 if unknown)."""
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(document.catalog.get("Pages")).get("Count"))
    except Exception:  # noqa: BLE001 - a damaged tree: the pages themselves will tell
        return 0
    return count if isinstance(count, int) and count > 0 else 0


def _quiet_pdfminer() -> None:
    """Keep pdfminer's warnings about damaged files off stderr.

    Without a handler of its own, Python's last-resort handler prints every
    warning (``Data-loss while decompressing corrupted data``, ...) on stderr,
    around our one-line message. A NullHandler stops that and still lets an
    application that configures logging see them.
    """
    import logging

    logger = logging.getLogger("pdfminer")
    if not any(isinstance(handler, logging.NullHandler) for handler in logger.handlers):
        logger.addHandler(logging.NullHandler())


def _describe(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    name = type(exc).__name__
    return f"{name}: {text[:120]}" if text else name


def _page(number: int, layout: Any) -> _RawPage:
    from pdfminer.layout import LTChar, LTCurve, LTImage, LTTextLine

    height = layout.height
    chunks: list[Chunk] = []
    rules: list[tuple[float, float, float]] = []
    has_images = False
    stack = [layout]
    while stack:
        obj = stack.pop()
        if isinstance(obj, LTTextLine):
            glyphs = []
            last = None
            for item in obj:
                if isinstance(item, LTChar):
                    last = Glyph(
                        _glyph_text(item.get_text()), item.x0, item.x1, height - item.y1, height - item.y0,
                        item.size, _is_bold(item.fontname),
                    )
                    glyphs.append(last)
                elif last is not None and item.get_text() == " ":
                    # pdfminer's inferred word space: keep it, placed after the letter.
                    glyphs.append(Glyph(" ", last.x1, last.x1, last.top, last.bottom, last.size, last.bold, True))
            chunks.extend(_chunks(glyphs))
        elif isinstance(obj, LTCurve):  # LTLine and LTRect are curves too
            rules.extend(_horizontal_edges(obj, height))
        elif isinstance(obj, LTImage):
            has_images = True
        elif isinstance(obj, LTChar):  # a glyph outside any line (rare)
            chunks.append(Chunk([Glyph(_glyph_text(obj.get_text()), obj.x0, obj.x1, height - obj.y1,
                                       height - obj.y0, obj.size, _is_bold(obj.fontname))]))
        if hasattr(obj, "__iter__") and not isinstance(obj, LTTextLine):
            stack.extend(obj)
    width = layout.width
    # The edges of a page-sized background rectangle (matplotlib draws one) lie on
    # the page's border, where no table rule can be seen: they are not rules.
    rules = [r for r in rules if PAGE_EDGE < r[0] < height - PAGE_EDGE]
    chunks = [
        c for c in chunks
        if c.text.strip()
        and not _PAGE_NUMBER.match(clean(c.text))
        # Text placed off the page is never seen by a reader (hidden leftovers).
        and c.x1 > 0 and c.x0 < width and c.bottom > 0 and c.top < height
    ]
    return _RawPage(number, chunks, rules, has_images, height=height, width=width)


# A document uses a handful of fonts and a few hundred distinct glyphs.
_glyph_text = functools.lru_cache(maxsize=8192)(normalise_extracted)


def _is_bold(fontname: object) -> bool:
    # pdfminer passes a damaged file's FontName through as it stands: a
    # string (bytes), a number or an array instead of a name.
    if isinstance(fontname, bytes):
        fontname = fontname.decode("latin-1")
    return _is_bold_name(fontname) if isinstance(fontname, str) else False


@functools.lru_cache(maxsize=256)
def _is_bold_name(fontname: str) -> bool:
    return bool(_BOLD.search(fontname))


def _chunks(glyphs: list[Glyph]) -> Iterable[Chunk]:
    """Split a pdfminer line at gaps wider than a word space: cells side by side."""
    current: list[Glyph] = []
    previous: Glyph | None = None
    for glyph in glyphs:
        if not glyph.text.strip():
            current.append(glyph)
            continue
        if previous is not None and glyph.x0 - previous.x1 > CELL_GAP_EM * max(glyph.size, previous.size):
            yield Chunk(current)
            current = []
        current.append(glyph)
        previous = glyph
    if current:
        yield Chunk(current)


def _horizontal_edges(curve: Any, height: float) -> list[tuple[float, float, float]]:
    """Horizontal strokes of a path: table rules (also thin filled rectangles)."""
    pts = list(getattr(curve, "pts", []) or [])
    if curve.height <= RULE_MAX_THICKNESS and curve.width > RULE_MIN_LENGTH:
        return [(height - (curve.y0 + curve.y1) / 2, curve.x0, curve.x1)]
    edges = []
    for (xa, ya), (xb, yb) in zip(pts, pts[1:] + pts[:1], strict=True):
        if abs(ya - yb) <= RULE_FLAT and abs(xa - xb) > RULE_MIN_LENGTH:
            edges.append((height - ya, min(xa, xb), max(xa, xb)))
    return edges


# -- columns ------------------------------------------------------------------


@dataclass
class _Label:
    column: str
    x0: float
    x1: float
    top: float
    bottom: float
    chunks: tuple[int, ...]

    @property
    def centre_x(self) -> float:
        return (self.x0 + self.x1) / 2


_LABEL_START = re.compile(r"hank|toim|kuva|tied|alue", re.IGNORECASE)


def _key(text: str) -> str:
    # A hyphen glyph some writers map back to U+00AD is a hyphen in a label.
    return re.sub(r"\s+", "", fold(text.replace("\u00ad", "-")))


def _find_labels(page: _RawPage) -> list[_Label]:
    """Every place a column label stands as whole words, on one line or wrapped onto two."""
    found: list[_Label] = []
    for index, chunk in enumerate(page.chunks):
        # Cheap test first: folding every word of the page is the slow part.
        if not _LABEL_START.search(chunk.text):
            continue
        words = _words(chunk)
        for column, label in COLUMN_LABELS.items():
            wanted = _key(label)
            for start in range(len(words)):
                joined = ""
                for end in range(start, len(words)):
                    joined += words[end][0]
                    if joined == wanted:
                        glyphs = [g for _, gs in words[start : end + 1] for g in gs]
                        found.append(_Label(column, min(g.x0 for g in glyphs), max(g.x1 for g in glyphs),
                                            chunk.top, chunk.bottom, (index,)))
                    if not wanted.startswith(joined):
                        break
                else:
                    # The chunk ends with the start of the label: look on the next line.
                    if start == 0 and joined and joined != wanted and len(joined) >= 4:
                        below = _continuation(page, chunk, wanted[len(joined):])
                        if below is not None:
                            other = page.chunks[below]
                            found.append(_Label(column, min(chunk.x0, other.x0), max(chunk.x1, other.x1),
                                                chunk.top, other.bottom, (index, below)))
    return found


def _words(chunk: Chunk) -> list[tuple[str, list[Glyph]]]:
    words: list[tuple[str, list[Glyph]]] = []
    current: list[Glyph] = []
    for glyph in [*chunk.glyphs, Glyph(" ", 0, 0, 0, 0, 0, False)]:
        if glyph.text.strip():
            current.append(glyph)
        elif current:
            words.append((_key("".join(g.text for g in current)), current))
            current = []
    return words


def _continuation(page: _RawPage, chunk: Chunk, rest: str) -> int | None:
    size = max(g.size for g in chunk.glyphs)
    for index, other in enumerate(page.chunks):
        if (
            other is not chunk
            and chunk.bottom - 0.3 * size <= other.top <= chunk.bottom + size
            and other.x0 < chunk.x1
            and other.x1 > chunk.x0
            and _key(other.text) == rest
        ):
            return index
    return None


def _header_row(labels: list[_Label]) -> list[_Label] | None:
    """The topmost set of the three labels side by side, left to right."""
    by_column = {c: [lab for lab in labels if lab.column == c] for c in COLUMN_LABELS}
    best = None
    for info in by_column[INFO]:
        height = info.bottom - info.top
        for area in by_column[AREA]:
            for description in by_column[DESCRIPTION]:
                row = [info, area, description]
                if max(lab.top for lab in row) - min(lab.top for lab in row) > HEADER_ROW_SPREAD * height:
                    continue
                ordered = sorted(row, key=lambda lab: lab.x0)
                if any(a.x1 > b.x0 for a, b in pairwise(ordered)):
                    continue
                if best is None or info.top < best[0].top:
                    best = row
    return best


class _TableReader:
    """Turns raw pages into Pages one at a time, in document order.

    What a page needs from the pages before it is kept here: the columns of
    the last header (a page without one reuses them), the title (the text
    above the first header), and the running headers and footers, learned
    from the first ``FURNITURE_WINDOW`` pages. Those pages are held as raw
    pages until the window fills (or the document ends); every later page is
    made a Page as soon as it is read, and its glyphs are dropped.
    """

    def __init__(self) -> None:
        self.pages: list[Page] = []
        self.window: list[_RawPage] | None = []
        self.furniture: set[Chunk] = set()
        self.furniture_places: dict[str, list[tuple[float, float, float]]] = {}  # text key -> (top, x0, x1)
        self.previous: dict[str, tuple[float, float]] | None = None
        self.title_chunks: list[Chunk] = []
        self.partial: list[tuple[_RawPage, _Label, str]] = []  # labels alone, for the wrong-columns message
        self.any_text = self.any_images = False
        self.glyphs = self.undecodable = 0

    def add(self, raw: _RawPage) -> None:
        letters = [g.text for c in raw.chunks for g in c.glyphs if g.text.strip()]
        self.glyphs += len(letters)
        self.undecodable += sum(t.startswith("(cid:") for t in letters)
        self.any_text = self.any_text or bool(raw.chunks)
        self.any_images = self.any_images or raw.has_images
        if self.window is None:
            self.pages.append(self._page(raw))
            return
        self.window.append(raw)
        if len(self.window) >= FURNITURE_WINDOW:
            self._flush()

    def finish(self) -> tuple[list[Page], list[Line]]:
        """The pages and the title's lines; raise SourceError for a document without a table."""
        if self.window is not None:
            if not self.window:
                raise SourceError("the PDF has no pages")
            self._check_text()
            self._flush()
        self._check_text()
        if self.previous is None:
            if self.partial:
                _wrong_columns(self.partial)
            raise SourceError(f"no project table: no table header '{EXPECTED_HEADER}' found")
        return self.pages, _lines([g for c in self.title_chunks for g in c.glyphs])

    def _check_text(self) -> None:
        if not self.any_text:
            if self.any_images:
                raise SourceError("no text layer (the pages are images); this needs OCR")
            raise SourceError("the PDF contains no text")
        if self.glyphs and self.undecodable > self.glyphs / 2:
            raise SourceError("the text layer cannot be decoded (fonts without a Unicode mapping)")

    def _flush(self) -> None:
        assert self.window is not None
        window, self.window = self.window, None
        self.furniture = _running_furniture(window)
        for chunk in self.furniture:
            self.furniture_places.setdefault(_furniture_key(chunk), []).append((chunk.top, chunk.x0, chunk.x1))
        self.pages.extend(self._page(raw) for raw in window)
        self.furniture = set()

    def _is_furniture(self, raw: _RawPage, chunk: Chunk) -> bool:
        if chunk in self.furniture:
            return True
        if not self.furniture_places or not _outside_table(raw, chunk):
            return False
        places = self.furniture_places.get(_furniture_key(chunk), ())
        ruled = _ruled(raw)
        return any((ruled or abs(top - chunk.top) <= FURNITURE_DY) and _aligned(x0, x1, chunk.x0, chunk.x1)
                   for top, x0, x1 in places)

    def _page(self, raw: _RawPage) -> Page:
        """Find the page's column bounds and body top, and its lines per column."""
        labels = _find_labels(raw)
        header = _header_row(labels)
        if header is None:
            if self.previous is None:
                # A label alone in its chunk looks like a header cell, not prose.
                self.partial.extend((raw, lab, clean(raw.chunks[lab.chunks[0]].text)) for lab in labels
                                    if len(raw.chunks[lab.chunks[0]].text.split()) <= HEADER_CELL_WORDS)
                # Pages before the first header (a cover page) carry no table.
                return Page(raw.number, tuple(raw.rules), 0.0, 0.0, {column: [] for column in COLUMN_LABELS})
            body = [c for c in raw.chunks if not self._is_furniture(raw, c)]
            return _split_columns(raw, body, self.previous, 0.0)
        extra_headers = _more_header_rows(raw, labels, header)
        header_top = min(lab.top for lab in header)
        body_top = max(lab.bottom for lab in header)
        # The header cell's own bottom edge (a rule or the end of its shading).
        reach = HEADER_EDGE_REACH * max(lab.bottom - lab.top for lab in header)
        below = [y for y, _, _ in raw.rules if body_top <= y <= body_top + reach]
        if below:
            body_top = min(below)
        used = {i for lab in header for i in lab.chunks} | extra_headers
        if self.previous is None:
            self.title_chunks = [
                c for i, c in enumerate(raw.chunks)
                if c.bottom <= header_top and i not in used and not self._is_furniture(raw, c)
            ]
        # The header and anything beside it (a header cell's second line) is not body.
        body = [
            c for i, c in enumerate(raw.chunks)
            if i not in used and c.top >= body_top - POSITION_SLACK and not self._is_furniture(raw, c)
        ]
        self.previous = _bounds(body, header)
        return _split_columns(raw, body, self.previous, body_top)


def _more_header_rows(page: _RawPage, labels: list[_Label], first: list[_Label]) -> set[int]:
    """Chunks of further copies of the header row on the page (some writers repeat it mid-page)."""
    used: set[int] = {i for lab in first for i in lab.chunks}
    extra: set[int] = set()
    while True:
        # A header cell holds little else; prose that merely mentions a label does not count.
        rest = [
            lab for lab in labels
            if not used.intersection(lab.chunks) and len(page.chunks[lab.chunks[0]].text.split()) <= HEADER_CELL_WORDS
        ]
        header = _header_row(rest)
        if header is None:
            return extra
        chunks = {i for lab in header for i in lab.chunks}
        used |= chunks
        extra |= chunks


_DIGITS = re.compile(r"\d+")


def _outside_table(page: _RawPage, chunk: Chunk) -> bool:
    """Is the chunk where running headers and footers stand: above the first or
    below the last horizontal rule of a ruled page, else in its top or bottom eighth?"""
    ys = sorted({round(y) for y, _, _ in page.rules})
    # Two edges may be only a shaded header row; a ruled table has more.
    upper, lower = (ys[0], ys[-1]) if _ruled(page) else (page.height * MARGIN_SHARE, page.height * (1 - MARGIN_SHARE))
    return chunk.bottom <= upper + POSITION_SLACK or chunk.top >= lower - POSITION_SLACK


def _ruled(page: _RawPage) -> bool:
    """Does the page have table rules (three heights at least, more than a shaded header)?
    Then text above the first or below the last rule is outside the table wherever it stands."""
    return len({round(y) for y, _, _ in page.rules}) >= 3


def _furniture_key(chunk: Chunk) -> str:
    return _DIGITS.sub("0", clean(chunk.text))


def _aligned(x0: float, x1: float, other_x0: float, other_x1: float) -> bool:
    """Do two texts stand at one place, set flush left, flush right or centred?

    A page number grows by a digit at page 10: flush right its left edge moves,
    centred both edges move by half a digit.
    """
    return (abs(x0 - other_x0) <= FURNITURE_DX or abs(x1 - other_x1) <= FURNITURE_DX
            or abs((x0 + x1) - (other_x0 + other_x1)) / 2 <= FURNITURE_DX)


def _running_furniture(pages: list[_RawPage]) -> set[Chunk]:
    """The running headers and footers: the same text (numbers aside) at the same place on several pages.

    Only text outside the table counts (``_outside_table``): table rows may
    repeat a short line at the same place by chance. A period line is row
    content wherever it stands.
    """
    if len(pages) < 2:
        return set()
    placed: dict[str, list[tuple[int, Chunk, bool]]] = {}
    for page in pages:
        ruled = _ruled(page)
        for chunk in page.chunks:
            if _outside_table(page, chunk) and not PERIOD.match(clean(chunk.text)):
                placed.setdefault(_furniture_key(chunk), []).append((page.number, chunk, ruled))
    # Furniture is on (nearly) every page; a row's line recurring by chance is not.
    needed = max(2, math.ceil(FURNITURE_PAGE_SHARE * len(pages)))
    furniture: set[Chunk] = set()
    for found in placed.values():
        if len({number for number, _, _ in found}) < needed:
            continue
        for _number, chunk, ruled in found:
            # Outside the rules of a ruled table, a line may follow the table's end
            # (LaTeX longtable's "jatkuu seuraavalla sivulla"): its height varies.
            pages_alike = {
                other_number for other_number, other, other_ruled in found
                if (abs(other.top - chunk.top) <= FURNITURE_DY or (ruled and other_ruled))
                and _aligned(other.x0, other.x1, chunk.x0, chunk.x1)
            }
            if len(pages_alike) >= needed:
                furniture.add(chunk)
    return furniture


def _wrong_columns(partial: list[tuple[_RawPage, _Label, str]]) -> None:
    page, found, _ = partial[0]
    height = found.bottom - found.top
    row = sorted((c for c in page.chunks if abs(c.top - found.top) <= 1.5 * height), key=lambda c: c.x0)
    reads = " | ".join(clean(c.text) for c in row)
    present = {lab.column for p, lab, _ in partial if p is page}
    missing = [label for column, label in COLUMN_LABELS.items() if column not in present]
    raise SourceError(
        f"wrong columns: the table header reads '{reads}'; expected '{EXPECTED_HEADER}'"
        + (f" (missing: {', '.join(missing)})" if missing else "")
    )


def _bounds(body: list[Chunk], header: list[_Label]) -> dict[str, tuple[float, float]]:
    """Column x-ranges: split at the widest strip without body text between labels."""
    ordered = sorted(header, key=lambda lab: lab.x0)
    covered = sorted((g.x0, g.x1) for c in body for g in c.glyphs if g.text.strip())
    cuts = []
    for left, right in pairwise(ordered):
        lo, hi = left.centre_x, right.centre_x
        best_gap, best_at = -1.0, right.x0 - 0.5
        cursor = lo
        for x0, x1 in covered:
            if x1 <= cursor:
                continue
            if x0 >= hi:
                break
            if x0 > cursor and x0 - cursor > best_gap:
                best_gap, best_at = x0 - cursor, (cursor + x0) / 2
            cursor = max(cursor, x1)
        if hi > cursor and hi - cursor > best_gap:
            best_at = (cursor + hi) / 2
        cuts.append(best_at)
    edges = [float("-inf"), *cuts, float("inf")]
    return {lab.column: (edges[i], edges[i + 1]) for i, lab in enumerate(ordered)}


def _split_columns(raw: _RawPage, body: list[Chunk], bounds: dict[str, tuple[float, float]],
                   body_top: float) -> Page:
    """Glyphs to columns by their centre, then regrouped into lines per column."""
    per_column: dict[str, list[Glyph]] = {column: [] for column in COLUMN_LABELS}
    ordered = sorted(bounds.items(), key=lambda item: item[1][0])
    cuts = [x0 for _, (x0, _) in ordered[1:]]
    names = [column for column, _ in ordered]
    for chunk in body:
        column = None
        previous: Glyph | None = None
        for glyph in chunk.glyphs:
            if not glyph.text.strip():
                previous = None  # a word space: the next letter starts a word
            else:
                # A word goes whole to the column its first letter is in: a long
                # word that runs into the gutter keeps its last letters.
                if previous is None or glyph.x0 - previous.x1 > WORD_GAP_EM * glyph.size:
                    column = names[bisect.bisect_right(cuts, (glyph.x0 + glyph.x1) / 2)]
                previous = glyph
            if column is not None:
                per_column[column].append(glyph)
    info_left = min((g.x0 for g in per_column[INFO] if g.text.strip()), default=0.0)
    columns = {column: _lines(glyphs) for column, glyphs in per_column.items()}
    return Page(raw.number, tuple(raw.rules), body_top, info_left, columns)


def _lines(glyphs: list[Glyph]) -> list[Line]:
    """Group glyphs into lines by vertical overlap, left to right within a line."""
    groups: list[tuple[float, float, list[Glyph]]] = []  # reference top, bottom, glyphs
    for glyph in sorted(glyphs, key=lambda g: (g.top + g.bottom) / 2):
        if groups:
            top, bottom, members = groups[-1]
            overlap = min(bottom, glyph.bottom) - max(top, glyph.top)
            if overlap > LINE_OVERLAP_SHARE * min(bottom - top, glyph.bottom - glyph.top):
                members.append(glyph)
                continue
        groups.append((glyph.top, glyph.bottom, [glyph]))
    lines = []
    for _, _, members in groups:
        # A word space sits where its word ends: before a letter starting there.
        members.sort(key=lambda g: (g.x0, bool(g.text.strip())))
        letters = [g for g in members if g.text.strip()]
        if not letters:
            continue
        size = statistics.median(g.size for g in letters)
        min_gap = _word_gap(members, size)
        parts: list[str] = []
        previous: Glyph | None = None
        for glyph, spaced in _letters(members):
            # A space glyph that leaves no room between the letters is not a
            # word space a reader sees (Skia writes each soft-hyphen break
            # opportunity as a zero-advance space).
            if spaced and (previous is None or glyph.x0 - previous.x1 >= VISIBLE_SPACE_EM * size):
                parts.append(" ")
            if (
                previous is not None
                and glyph.text == previous.text
                and glyph.x0 - previous.x0 < OVERDRAW_SHARE * (previous.x1 - previous.x0)
            ):
                # The same letter drawn again on top of itself (a fake bold or
                # a writer's duplicate text layer): one letter.
                continue
            if previous is not None and glyph.x0 - previous.x1 > min_gap:
                parts.append(" ")
            parts.append(glyph.text)
            previous = glyph
        text = "".join(parts).rstrip()
        # A soft hyphen ending the line marks a soft break for join_lines.
        soft = "\u00ad" if text.endswith("\u00ad") else ""
        # One drawn inside the line is a printed hyphen: a soft hyphen shows only at a
        # break, and some writers map the hyphen glyph back to U+00AD (typst's bold).
        text = re.sub(r"(?<=[^\W\d_])\u00ad(?=[^\W\d_])", "-", text.rstrip("\u00ad"))
        lines.append(
            Line(clean(text) + soft, min(g.top for g in letters), max(g.bottom for g in letters), size, letters[0].bold)
        )
    return [line for line in lines if line.text]


def _letters(members: list[Glyph]) -> Iterator[tuple[Glyph, bool]]:
    """The letters of a line in order, each with whether the document wrote a space glyph
    before it (a space pdfminer only inferred is judged by the gap instead)."""
    spaced = False
    for glyph in members:
        if not glyph.text.strip():
            spaced = spaced or not glyph.inferred
            continue
        yield glyph, spaced
        spaced = False


def _word_gap(members: list[Glyph], size: float) -> float:
    """The narrowest gap between two letters of a line that is a word space.

    At least ``WORD_GAP_EM`` of the font size, and a share of the line's usual
    word space, so that a small gap left inside a word of a justified line is not
    read as a space: ``WRITTEN_SPACE_SHARE`` of the median gap at the line's
    (visible) space glyphs when the document writes any there, else
    ``LINE_WORD_GAP_SHARE`` of the median of the gaps wider than ``WORD_GAP_EM``
    (a writer that places every word on its own).
    """
    floor = WORD_GAP_EM * size
    written: list[float] = []
    wide: list[float] = []
    previous: Glyph | None = None
    for glyph, spaced in _letters(members):
        if previous is not None:
            gap = glyph.x0 - previous.x1
            if spaced:
                # A space that leaves no room is no word space (Skia's soft-hyphen marks).
                if gap >= VISIBLE_SPACE_EM * size:
                    written.append(gap)
            elif gap > floor:
                wide.append(gap)
        previous = glyph
    if written:
        return max(floor, WRITTEN_SPACE_SHARE * statistics.median(written))
    if len(wide) >= 2:
        return max(floor, LINE_WORD_GAP_SHARE * statistics.median(wide))
    return floor


# -- title ----------------------------------------------------------------------


def _title(lines: list[Line], known: frozenset[str]) -> tuple[str, str]:
    """The first two paragraphs above the table: a wider gap or another size splits them."""
    paragraphs: list[list[Line]] = []
    for line in lines:
        if paragraphs:
            last = paragraphs[-1][-1]
            gap = line.top - last.bottom
            if gap <= PARAGRAPH_GAP_EM * last.size and abs(line.size - last.size) <= 0.5 and line.bold == last.bold:
                paragraphs[-1].append(line)
                continue
        paragraphs.append([line])
    texts = [join_lines([line.text for line in p], known) for p in paragraphs]
    return (texts[0] if texts else "", texts[1] if len(texts) > 1 else "")


# -- rows -------------------------------------------------------------------------


@dataclass(eq=False)
class _Row:
    info: list[Line] = field(default_factory=list)
    area: list[Line] = field(default_factory=list)
    description: list[Line] = field(default_factory=list)
    # page number -> the row's first line there, when the row starts on that page
    starts: dict[int, Line] = field(default_factory=dict)


def _rejoin_periods(lines: list[Line]) -> list[Line]:
    """A narrow column breaks the period after its dash: ``1.9.2020–`` / ``31.8.2021``."""
    out: list[Line] = []
    for line in lines:
        if out and line.text[:1].isdigit() and out[-1].text[:1].isdigit() and not PERIOD.match(out[-1].text):
            joined = clean(f"{out[-1].text} {line.text}")
            joined = re.sub(r"\s*([–—-])\s*", r"\1", joined)
            if PERIOD.match(joined):
                previous = out.pop()
                line = Line(joined, previous.top, line.bottom, previous.size, previous.bold)
        out.append(line)
    return out


def _rows(pages: list[Page]) -> list[tuple[list[str], list[bool], list[str], list[str]]]:
    info_lines = [(page, line) for page in pages for line in _rejoin_periods(page.columns[INFO])]
    any_bold = any(line.bold for _, line in info_lines)
    any_regular = any(not line.bold for _, line in info_lines)
    rows: list[_Row] = []
    previous: Line | None = None
    for page, line in info_lines:
        if (
            previous is None
            or PERIOD.match(previous.text) is not None
            or (any_bold and any_regular and line.bold and not previous.bold)
        ):
            rows.append(_Row(starts={page.number: line}))
        rows[-1].info.append(line)
        previous = line
    if not rows:
        raise SourceError("no projects found: the 'Hankkeen tiedot' column is empty")
    # The rows that start on each page, in order.
    starting: dict[int, list[_Row]] = {}
    for row in rows:
        for number in row.starts:
            starting.setdefault(number, []).append(row)
    top_aligned = _top_aligned(pages, starting)
    position = {row: index for index, row in enumerate(rows)}
    carry: _Row | None = None
    for page in pages:
        regions = [(_row_top(page, row.starts[page.number], top_aligned), row) for row in starting.get(page.number, [])]
        last = regions[-1][1] if regions else carry
        early = _row_before_its_info(page)
        if early is not None and last is not None and position[last] + 1 < len(rows):
            # A ruled row begins at the foot of the page but its info cell
            # only on the next page (a renderer kept the cell's lines together):
            # the text under the rule is the next row's.
            regions.append((early, rows[position[last] + 1]))
        for column in (AREA, DESCRIPTION):
            for line in page.columns[column]:
                owner = carry
                for top, row in regions:
                    if line.centre >= top:
                        owner = row
                if owner is None and regions and carry is None:
                    # Cells aligned to the bottom or middle start above the
                    # first info line; nothing precedes the first row.
                    owner = regions[0][1]
                if owner is None:
                    raise SourceError(f"unexpected text before the first project: {line.text[:60]!r}")
                getattr(owner, column).append(line)
        if regions:
            carry = regions[-1][1]
    return [
        ([line.text for line in row.info], [line.bold for line in row.info], [line.text for line in row.area],
         [line.text for line in row.description])
        for row in rows
    ]


def _crossing_rules(page: Page) -> list[float]:
    """Heights of the rules that cross the info column: row borders."""
    return [y for y, x0, x1 in page.rules if x0 <= page.info_left + 1 and x1 >= page.info_left + 10]


def _row_before_its_info(page: Page) -> float | None:
    """The rule opening a row whose cells have text on this page while its info cell is empty.

    That is a row rule below all of the page's info text with area or
    description text below it. Only a ruled table tells: without rules the
    text is the previous row's.
    """
    if not page.columns[INFO]:
        return None
    lower = max(line.bottom for line in page.columns[INFO])
    others = [line.centre for c in (AREA, DESCRIPTION) for line in page.columns[c]]
    below = [
        y for y in _crossing_rules(page)
        if y > lower + 0.5 and y > page.body_top + 1 and any(centre > y for centre in others)
    ]
    return min(below) if below else None


def _top_aligned(pages: list[Page], starting: dict[int, list[_Row]]) -> bool:
    """Do the other cells start level with the info cell? (Word's default.)"""
    hits = total = 0
    for page in pages:
        # Only a line that opens its cell counts: with cells aligned to the
        # bottom or middle, a line inside a taller cell may stand level with
        # the info cell's first line by chance (the same line pitch).
        others = [line for c in (AREA, DESCRIPTION) for line in _cell_openers(page.columns[c])]
        for row in starting.get(page.number, []):
            first = row.starts[page.number]
            total += 1
            tolerance = 0.5 * (first.bottom - first.top)
            if any(abs(line.top - first.top) <= tolerance for line in others):
                hits += 1
    return total > 0 and hits >= TOP_ALIGNED_SHARE * total


def _cell_openers(lines: list[Line]) -> list[Line]:
    """Lines of a column with more space above them than the column's usual line gap."""
    ordered = sorted(lines, key=lambda line: line.top)
    gaps = [b.top - a.bottom for a, b in pairwise(ordered)]
    if not gaps:
        return ordered
    usual = statistics.median(gaps)
    return ordered[:1] + [
        line for line, gap in zip(ordered[1:], gaps, strict=True) if gap > usual + 0.2 * (line.bottom - line.top)
    ]


def _row_top(page: Page, first: Line, top_aligned: bool) -> float:
    """Where a row's region begins on a page: the rule above it, else by alignment."""
    height = first.bottom - first.top
    lower = max((line.bottom for line in page.columns[INFO] if line.bottom <= first.top + 0.1), default=page.body_top)
    crossing = _crossing_rules(page)
    # Rules only inside the header (its shading) do not make a ruled table.
    if any(y > page.body_top + 1 for y in crossing):
        rules = [y for y in crossing if lower - 0.5 <= y <= first.top + 0.3 * height]
        if rules:
            return max(rules)
    if top_aligned:
        return first.top - 0.5 * height
    return _gap_above(page, first, lower)


def _gap_above(page: Page, first: Line, lower: float) -> float:
    """Without rules or top alignment: the widest empty strip between the rows."""
    others = sorted(
        (line for c in (AREA, DESCRIPTION) for line in page.columns[c] if lower < line.centre < first.top),
        key=lambda line: line.top,
    )
    if not others:
        return first.top - 0.5 * (first.bottom - first.top)
    edges = [lower, *[y for line in others for y in (line.top, line.bottom)], first.top]
    best_gap, best_at = -1.0, first.top
    for k in range(0, len(edges) - 1, 2):
        gap = edges[k + 1] - edges[k]
        if gap > best_gap:
            best_gap, best_at = gap, (edges[k] + edges[k + 1]) / 2
    return best_at
