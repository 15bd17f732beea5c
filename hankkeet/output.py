"""The one output path: every listing command prints through :func:`emit`.

One place decides, in the spirit of httpie's ``Environment``:

* the **mode**: ``--json`` and ``--csv`` for scripts; otherwise a table when
  stdout is a terminal (or with ``--table``), and tab-separated **lines** when
  it is not (a header row, then one record per line, no padding, no box
  characters: the convention of ``gh`` and ``ls``), so ``| grep``, ``| wc -l``
  and ``| cut -f2`` work;
* the **fields** (``--fields id,name,area``) for every mode, and the header
  (``--no-header`` for CSV and lines);
* the **pager** for a table longer than the terminal (``$PAGER``, default
  ``less -FRX``; off with ``--no-pager``, when piped, or with ``PAGER=cat``).

A listing is described once by its :class:`Field` s. Nothing heavy is imported
unless it is used: Rich only for a table, subprocess only for a pager.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import StrEnum
from itertools import chain, islice
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from hankkeet.errors import HankkeetError

if TYPE_CHECKING:
    from rich.console import RenderableType

Row = TypeVar("Row")


class Mode(StrEnum):
    TABLE = "table"
    LINES = "lines"
    JSON = "json"
    CSV = "csv"


class Field(NamedTuple, Generic[Row]):
    """One field of a listing: its name (for ``--fields``, the CSV and lines header),
    its JSON value, its flat text (CSV, lines, table) and how a table shows it."""

    name: str
    json: Callable[[Any], Any]
    flat: Callable[[Any], str]
    heading: str = ""  # table heading; the name when empty
    ratio: int | None = None  # a share of the table's free width; None: as wide as its content
    justify: str = "left"
    min_width: int | None = None


class Listing(NamedTuple):
    """The fields a kind of record has, and which of them each mode shows by default.

    ``table_fields`` are in the order of importance: narrow terminals drop the last ones first.
    """

    fields: tuple[Field[Any], ...]
    table_fields: tuple[str, ...]
    line_fields: tuple[str, ...]
    csv_fields: tuple[str, ...]
    # The table cell of a field when it is not its flat text (e.g. highlighted matches).
    cells: dict[str, Callable[[Any], Any]] | None = None

    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> Field[Any]:
        return next(f for f in self.fields if f.name == name)

    def json_object(self, row: Any, chosen: Sequence[str] | None, full: Callable[[Any], dict[str, Any]]) -> Any:
        if chosen is None:
            return full(row)
        return {name: self.field(name).json(row) for name in chosen}


class Output(NamedTuple):
    mode: Mode
    fields: tuple[str, ...] | None = None  # None: the mode's default
    header: bool = True
    pager: bool = True


def parse_fields(text: str | None, valid: Sequence[str]) -> tuple[str, ...] | None:
    """``--fields id,name``: the chosen names in the given order; an error lists the valid ones."""
    if text is None:
        return None
    chosen = tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    if not chosen:
        raise HankkeetError(f"--fields needs at least one field; valid fields: {', '.join(valid)}")
    unknown = [name for name in chosen if name not in valid]
    if unknown:
        raise HankkeetError(f"unknown field {unknown[0]!r}; valid fields: {', '.join(valid)}")
    return chosen


def choose(*, as_json: bool, as_csv: bool, table: bool = False, no_header: bool = False,
           pager: bool = True) -> Output:
    """The output for this run from the options and where stdout goes."""
    if sum((as_json, as_csv, table)) > 1:
        raise HankkeetError("choose one of --json, --csv and --table")
    if as_json:
        mode = Mode.JSON
    elif as_csv:
        mode = Mode.CSV
    elif table or _is_terminal(sys.stdout):
        mode = Mode.TABLE
    else:
        mode = Mode.LINES
    return Output(mode=mode, header=not no_header, pager=pager)


def _is_terminal(stream: Any) -> bool:
    # FORCE_TERMINAL is Rich's convention for "treat the output as a terminal".
    if os.environ.get("FORCE_TERMINAL", "") not in ("", "0"):
        return True
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def shown_results(ranked: Sequence[Row], limit: int, *, score: Callable[[Row], float],
                  keep_ties: bool = True) -> tuple[list[Row], str]:
    """The first ``limit`` results (0: all) and a note for stderr when some are left out, so
    that nothing is dropped in silence. With ``keep_ties`` (a default limit), results tied
    with the last one shown are shown too; an explicit limit is kept, and the note says
    how many more share the last score."""
    total = len(ranked)
    if limit == 0 or total <= limit:
        return list(ranked), ""
    end = limit
    while end < total and score(ranked[end]) == score(ranked[limit - 1]):
        end += 1
    if keep_ties:
        if end == total:
            return list(ranked), ""
        return list(ranked[:end]), f"showing {end} of {total}; --limit 0 for all"
    tied = f", {end - limit} more tied with the last one shown" if end > limit else ""
    return list(ranked[:limit]), f"showing {limit} of {total}{tied}; --limit 0 for all"


# -- writing ---------------------------------------------------------------------


# Machine output (JSON, CSV, a map) printed on a terminal: a control character of the data would
# act there (ESC starts a sequence that retitles the window or clears it), and a bidirectional one
# would reorder the text. A C0 control (not a tab or a line end) shows as its picture (ESC as ␛);
# DEL, the C1 controls (0x9b is an 8-bit ESC [) and the bidi controls as their JSON escape, which in
# JSON (where only a string can hold them) is the same value. To a file or a pipe, output is exact.
_ON_TERMINAL = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)}
_ON_TERMINAL.update({c: f"\\u{c:04x}" for c in (0x7F, *range(0x80, 0xA0), *range(0x202A, 0x202F),
                                                 *range(0x2066, 0x206A), 0x061C)})
_stdout_terminal: bool | None = None


def _stdout_is_a_terminal(stream: Any) -> bool:
    """Whether stdout really is a terminal (not FORCE_TERMINAL: that asks for tables, not for this)."""
    global _stdout_terminal
    if _stdout_terminal is None:
        try:
            _stdout_terminal = os.isatty(stream.fileno())
        except (AttributeError, ValueError, OSError):
            _stdout_terminal = False
    return _stdout_terminal


def write(text: str) -> None:
    """UTF-8 bytes on stdout whatever the locale says; on a terminal, its control characters defused."""
    stream = sys.stdout
    if _stdout_is_a_terminal(stream):
        text = text.translate(_ON_TERMINAL)
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        stream.flush()
        buffer.write(text.encode("utf-8"))
    else:  # a text-only stream (an embedding program)
        stream.write(text)


def write_chunks(chunks: Iterable[str]) -> None:
    """Stream text to stdout in pieces of about 64 kB: large outputs never become one string."""
    pending: list[str] = []
    size = 0
    for chunk in chunks:
        pending.append(chunk)
        size += len(chunk)
        if size >= 1 << 16:
            write("".join(pending))
            pending, size = [], 0
    write("".join(pending))
    sys.stdout.flush()


def json_chunks(objects: Iterable[Any]) -> Iterator[str]:
    """A JSON array, one element at a time: the same text as ``json.dumps(list, indent=2)``."""
    first = True
    for obj in objects:
        yield ("[\n  " if first else ",\n  ") + indented_json(obj, "\n  ")
        first = False
    yield "[]\n" if first else "\n]\n"


_scalar_json = json.JSONEncoder(ensure_ascii=False).encode
_string_json = json.encoder.encode_basestring  # C, when the accelerator is there (as json.dumps uses it)


def _scalar(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return _string_json(value)
    if value is None:
        return "null"
    if kind is int:
        return int.__repr__(value)
    return _scalar_json(value)  # bool, float (NaN, Infinity), subclasses


def indented_json(value: Any, newline: str = "\n") -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, each line break followed by
    ``newline``'s indentation; several times faster, since json's indenting encoder is pure
    Python while its string encoder is C (a test compares the two on arbitrary values)."""
    kind = type(value)
    if kind is dict:
        if not value:
            return "{}"
        inner = newline + "  "
        parts = []
        for k, v in value.items():
            if type(k) is not str:  # json.dumps's own conversion of other keys
                return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", newline)
            parts.append(_string_json(k) + ": " + (_string_json(v) if type(v) is str else indented_json(v, inner)))
        return "{" + inner + ("," + inner).join(parts) + newline + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        inner = newline + "  "
        return "[" + inner + ("," + inner).join(
            [_string_json(v) if type(v) is str else indented_json(v, inner) for v in value]) + newline + "]"
    if isinstance(value, (dict, list, tuple)):  # a subclass (a NamedTuple): as json.dumps sees it
        return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", newline)
    return _scalar(value)


def _flat_line(value: str) -> str:
    """One record per line: tabs and line breaks inside a value become spaces; other control
    characters and bidirectional overrides are shown as symbols (lines reach terminals too)."""
    from hankkeet.render import visible

    return visible(" ".join(value.split()))


def line_chunks(header: Sequence[str] | None, rows: Iterable[Sequence[str]]) -> Iterator[str]:
    if header is not None:
        yield "\t".join(header) + "\n"
    for row in rows:
        yield "\t".join(_flat_line(v) for v in row) + "\n"


def csv_chunks(header: Sequence[str] | None, rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """RFC 4180 CSV (see hankkeet.render.to_csv), a thousand rows at a time."""
    from itertools import islice

    from hankkeet.render import to_csv

    iterator = iter(rows)
    batch = list(islice(iterator, 1000))
    yield to_csv(header, batch)
    while batch := list(islice(iterator, 1000)):
        yield to_csv(None, batch)


# -- tables ------------------------------------------------------------------------


def print_renderable(renderable: RenderableType, out: Output) -> None:
    """A Rich renderable on stdout, through the pager when it is longer than the terminal."""
    from hankkeet.render import make_console

    console = make_console()
    if out.pager and console.is_terminal:
        with console.capture() as capture:
            console.print(renderable)
        text = capture.get()
        if text.count("\n") > console.height and _page(text):
            return
        write(text)
        sys.stdout.flush()
        return
    console.print(renderable)
    sys.stdout.flush()


def _page(text: str) -> bool:
    """Show ``text`` through $PAGER (default ``less -FRX``); False if there is no pager to run."""
    import shlex
    import subprocess

    command = os.environ.get("PAGER", "less -FRX")
    if not command.strip() or command.strip() == "cat":
        return False
    try:
        argv = shlex.split(command)
        pager = subprocess.Popen(argv, stdin=subprocess.PIPE)
    except (OSError, ValueError):
        return False
    assert pager.stdin is not None
    try:
        pager.stdin.write(text.encode("utf-8"))
        pager.stdin.close()
    except BrokenPipeError:  # the user quit the pager early
        pass
    try:
        pager.wait()
    except KeyboardInterrupt:
        # Ctrl-C reaches the pager too: let it restore the terminal, then end as interrupted (130).
        pager.wait()
        raise
    return True


# Between two columns of a SIMPLE_HEAD table without edges: one space of padding on each side, and a
# space of slack so that a fitted table is not squeezed.
COLUMN_GAP = 3


def table(listing: Listing, rows: Sequence[Any], chosen: Sequence[str] | None, *,
          width: int | None = None) -> RenderableType:
    """A table of ``rows`` that fits the terminal: no word is broken; what does not fit ends in '…';
    without ``--fields``, the least important columns go first when the terminal is narrow."""
    from rich import box
    from rich.table import Table

    from hankkeet.render import make_console, text

    available = width if width is not None else make_console().width
    names = list(chosen) if chosen is not None else _fitting(listing, rows, available)
    flexible = any(listing.field(n).ratio is not None for n in names)
    grid = Table(box=box.SIMPLE_HEAD, show_edge=False, expand=flexible, pad_edge=False)
    for name in names:
        f = listing.field(name)
        grid.add_column(f.heading or f.name, justify=f.justify,  # type: ignore[arg-type]
                        ratio=f.ratio, overflow="ellipsis", min_width=f.min_width,
                        no_wrap=f.ratio is None)
    cells = listing.cells or {}
    for row in rows:
        grid.add_row(*(_cut_cell(cells[n](row)) if n in cells else text(_cut(listing.field(n).flat(row)))
                       for n in names))
    return grid


# A table cell shows at most this many characters (then '…'): far more than any real cell, and a
# bound on the layout work (Rich wraps about a million characters a second), whatever a snapshot holds.
MAX_CELL = 2000


def _cut(value: str, limit: int = MAX_CELL) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _cut_cell(cell: Any) -> Any:
    """A cell renderable (a Rich Text) cut like :func:`_cut`, its highlights kept."""
    if len(getattr(cell, "plain", "")) <= MAX_CELL:
        return cell
    cut = cell[: MAX_CELL - 1]
    cut.append("…")
    return cut


def _natural_width(f: Field[Any], rows: Sequence[Any]) -> int:
    """What a column needs: its widest value for a fixed column, its minimum for a flexible one."""
    heading = len(f.heading or f.name)
    if f.ratio is not None:
        return max(f.min_width or 8, min(heading, 12))
    return max([heading, *(len(f.flat(r)) for r in rows[:200])])


def _fitting(listing: Listing, rows: Sequence[Any], width: int) -> list[str]:
    """The default table fields that fit ``width``, most important first, in display order."""
    chosen: list[str] = []
    used = 0
    for name in listing.table_fields:
        need = _natural_width(listing.field(name), rows) + COLUMN_GAP
        if chosen and used + need > width:
            continue
        chosen.append(name)
        used += need
    order = {name: i for i, name in enumerate(listing.names())}
    return sorted(chosen, key=order.__getitem__)


# -- the one entry point ------------------------------------------------------------------


# A table is for reading: past this many rows it shows the first ones and says how to get all.
MAX_TABLE_ROWS = 1000


def first_rows(rows: Iterable[Row], limit: int | None = None) -> tuple[list[Row], int]:
    """The first ``limit`` rows (MAX_TABLE_ROWS) and how many there are in all (the rest are counted, not kept)."""
    if limit is None:
        limit = MAX_TABLE_ROWS
    if isinstance(rows, Sequence):
        return list(rows[:limit]), len(rows)
    iterator = iter(rows)
    shown = list(islice(iterator, limit))
    return shown, len(shown) + sum(1 for _ in iterator)


class Counted(Generic[Row]):
    """An iterable that counts what passes through it (``count`` once it has been consumed)."""

    def __init__(self, rows: Iterable[Row]) -> None:
        self._rows = rows
        self.count = 0

    def __iter__(self) -> Iterator[Row]:
        for row in self._rows:
            self.count += 1
            yield row


def emit(out: Output, listing: Listing, rows: Iterable[Any], *,
         full_json: Callable[[Any], dict[str, Any]], before: RenderableType | str | None = None,
         after: RenderableType | str | None = None, total: int | None = None) -> str | None:
    """Print ``rows`` in the chosen mode (nothing is printed for an empty table or lines).

    ``rows`` may be a stream: JSON, CSV and lines are written as they come, a table keeps the
    first MAX_TABLE_ROWS and counts the rest. ``total``: how many rows there are in all when
    ``rows`` holds only the first of them. ``before`` and ``after`` (a renderable, or plain text)
    frame a table; other modes leave them out. Returns a note for stderr when a table showed
    only part of the rows."""
    chosen = out.fields
    note = None
    if out.mode == Mode.TABLE:
        shown, count = first_rows(rows)
        count = max(count, total or 0)
        if count > len(shown):
            note = (f"showing {len(shown)} of {count} in the table; "
                    "--json, --csv or a pipe (tab-separated lines) give all")
        rows = shown
    if out.mode == Mode.JSON:
        write_chunks(json_chunks(listing.json_object(r, chosen, full_json) for r in rows))
    elif out.mode == Mode.CSV:
        names = chosen or listing.csv_fields
        flats = [listing.field(n).flat for n in names]
        write_chunks(csv_chunks(names if out.header else None, ([f(r) for f in flats] for r in rows)))
    elif out.mode == Mode.LINES:
        iterator = iter(rows)
        first = next(iterator, _NONE)
        if first is not _NONE:
            names = chosen or listing.line_fields
            flats = [listing.field(n).flat for n in names]
            everything = chain((first,), iterator)
            write_chunks(line_chunks(names if out.header else None, ([f(r) for f in flats] for r in everything)))
    else:
        from rich.console import Group

        from hankkeet.render import text

        parts = [text(p) if isinstance(p, str) else p
                 for p in (before, table(listing, shown, chosen) if shown else None, after) if p is not None]
        if parts:
            print_renderable(Group(*parts), out)
    return note


_NONE = object()
