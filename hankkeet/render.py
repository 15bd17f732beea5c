"""Rendering: Rich tables for people, JSON and CSV for scripts.

Rich is imported only inside the table functions, so ``--json`` and ``--csv``
runs never pay for it. Every data or user string goes into a table as a
``rich.text.Text`` object, never as a plain string, so ``[bold]`` in a
description or a query is shown literally instead of being read as markup.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from hankkeet.model import Project, dumps

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from hankkeet.coverage import CoveringProject, RegionCoverage
    from hankkeet.kunnat.lookup import Match
    from hankkeet.kunnat.registry import Municipality
    from hankkeet.search import Hit


class OutputFormat(StrEnum):
    """What a listing command prints: a table for people, JSON or CSV for scripts."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def to_json(data: Any) -> str:
    return dumps(data)


# CSV follows RFC 4180: CRLF line ends, and a field holding a comma, a quote, a
# CR or an LF is quoted. A text field that starts with = + - @ (or a tab or CR)
# would be read by a spreadsheet as a formula (CSV injection); unless
# ``raw`` is asked for, such a field gets a leading apostrophe, as OWASP advises.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_RAW = False  # set by the CLI's --raw-csv / HANKKEET_RAW_CSV


def csv_safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Any]], *, raw: bool | None = None) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    if raw if raw is not None else CSV_RAW:
        writer.writerows(rows)
    else:
        writer.writerows([csv_safe(v) for v in row] for row in rows)
    return buffer.getvalue()


def make_console(*, stderr: bool = False, width: int | None = None) -> Console:
    """A console that never interprets markup, emoji codes or 'highlights' data.

    Colour follows Rich's own detection: none when piped, none with NO_COLOR;
    the width follows the terminal or COLUMNS.
    """
    from rich.console import Console

    console = Console(stderr=stderr, markup=False, emoji=False, highlight=False, width=width)
    if console.width < MIN_WIDTH:  # COLUMNS=0 or a tiny terminal: lay out for a sane width
        console.width = MIN_WIDTH
    console.on_broken_pipe = _reader_gone  # type: ignore[method-assign]
    return console


# The narrowest layout: narrower terminals (or COLUMNS=0) get lines this long.
MIN_WIDTH = 60


def _reader_gone() -> None:
    # Rich's own handler exits with status 1; the CLI treats a reader that went away as success.
    raise BrokenPipeError


# Control characters in data or input would reach the terminal as escape
# sequences; show each as its visible Unicode picture (ESC as ␛), one
# character for one, so highlight offsets stay valid. Newlines are layout.
_CONTROL_PICTURES = {c: 0x2400 + c for c in range(0x20) if c != 0x0A}
_CONTROL_PICTURES.update({0x7F: 0x2421, **dict.fromkeys(range(128, 160), 65533)})
# Bidirectional embeddings, overrides and isolates would reorder what the
# terminal shows (a name reading backwards); they become U+FFFD, one for one.
_CONTROL_PICTURES.update(dict.fromkeys((*range(8234, 8239), *range(8294, 8298), 1564), 65533))


def visible(value: object) -> str:
    return str(value).translate(_CONTROL_PICTURES)


def text(value: object, style: str = "") -> Any:
    """A literal Rich Text: never parsed as markup, control characters shown."""
    from rich.text import Text

    return Text(visible(value), style=style)


def _table(title: str | None = None) -> Table:
    from rich import box
    from rich.table import Table

    return Table(title=title, box=box.SIMPLE_HEAD, show_edge=False, expand=False, title_justify="left")


# -- projects -------------------------------------------------------------

PROJECT_CSV_HEADER = (
    "number", "id", "organisation", "co_implementers", "name", "start", "end",
    "area", "description", "regions", "municipalities",
)


def project_csv_row(p: Project) -> list[Any]:
    """A flat CSV row; list fields are joined with '; '."""
    return [
        p.number, p.id, p.organisation, "; ".join(p.co_implementers), p.name, p.start, p.end,
        p.area, p.description, "; ".join(p.regions), "; ".join(c.name for c in p.municipalities),
    ]


def projects_csv(projects: Iterable[Project]) -> str:
    return to_csv(PROJECT_CSV_HEADER, (project_csv_row(p) for p in projects))


def projects_json(projects: Iterable[Project]) -> str:
    return to_json([p.to_dict() for p in projects])


def municipality_line(m: Municipality) -> str:
    """One line placing a municipality: region and wellbeing services county."""
    if m.county:
        county = m.county
    elif m.region == "Ahvenanmaa":
        county = "no wellbeing services county (Åland)"
    else:
        county = "no wellbeing services county (organises its own social and health services)"
    return f"{m.name} ({m.code}): region {m.region}, {county}"


def projects_table(projects: Sequence[Project], title: str | None = None) -> Table:
    table = _table(title)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("id", no_wrap=True, style="bold")
    table.add_column("organisation", ratio=3, overflow="fold")
    table.add_column("project", ratio=4, overflow="fold")
    table.add_column("area", ratio=3, overflow="fold")
    table.add_column("period", no_wrap=True)
    for p in projects:
        table.add_row(
            text(p.number), text(p.id), text(_organisation_line(p)), text(p.name), text(p.area),
            text(f"{p.start or '?'} –\n{p.end or '?'}"),
        )
    return table


def _organisation_line(p: Project) -> str:
    if not p.co_implementers:
        return p.organisation
    return f"{p.organisation} (with {', '.join(p.co_implementers)})"


def project_detail(p: Project) -> Table:
    """Every field of one project as a two-column grid."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    rows: list[tuple[str, str]] = [
        ("id", p.id),
        ("number", str(p.number)),
        ("organisation", p.organisation),
        ("co-implementers", ", ".join(p.co_implementers) or "–"),
        ("name", p.name),
        ("period", p.period),
        ("area", p.area),
    ]
    if p.regions:
        rows.append(("regions", ", ".join(p.regions)))
    if p.municipalities:
        rows.append(("municipalities", _coverage_summary(p)))
    rows.append(("description", p.description))
    for label, value in rows:
        grid.add_row(text(label), text(value))
    return grid


def _coverage_summary(p: Project) -> str:
    """``Hausjärvi, Loppi, Riihimäki (listed)``: names grouped by basis."""
    groups: dict[str, list[str]] = {}
    for c in p.municipalities:
        groups.setdefault(c.basis, []).append(c.name)
    return "; ".join(f"{', '.join(names)} ({basis})" for basis, names in groups.items())


# -- municipalities and coverage ------------------------------------------


def municipality_header(match: Match) -> Table:
    """The resolved municipality of ``hankkeet kunta``: a two-column grid."""
    from rich.table import Table

    from hankkeet.kunnat.lookup import Tier

    m = match.municipality
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    rows = [("municipality", f"{m.name} ({m.code})")]
    if m.name_sv != m.name:
        rows.append(("in Swedish", m.name_sv))
    rows += [("region", m.region), ("subregion", m.subregion)]
    if m.county:
        rows.append(("wellbeing county", m.county))
    elif m.region == "Ahvenanmaa":
        rows.append(("wellbeing county", "none (Åland)"))
    else:
        rows.append(("wellbeing county", "none (organises its own social and health services)"))
    rows.append(("population", f"{m.population:,}".replace(",", " ") + " (end of 2020)"))
    if match.tier == Tier.FUZZY:
        rows.append(("note", f"corrected from {match.query!r}"))
    elif match.tier == Tier.FORMER:
        rows.append(("note", f"former municipality: {match.note}"))
    elif match.note:
        rows.append(("note", match.note))
    for label, value in rows:
        grid.add_row(text(label), text(value))
    return grid


def kunta_json(query: str, match: Match, rows: Sequence[CoveringProject]) -> str:
    """``{"query", "match", "municipality", "projects"}`` for ``hankkeet kunta --json``."""
    return to_json({
        "query": query,
        "match": {"tier": match.tier, "matched": match.matched, "note": match.note},
        "municipality": match.municipality.to_dict(),
        "projects": [row.to_dict() for row in rows],
    })


def covering_table(rows: Sequence[CoveringProject], title: str | None = None) -> Table:
    """Projects covering one municipality, with basis and note."""
    table = _table(title)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("id", no_wrap=True, style="bold")
    table.add_column("organisation", ratio=3, overflow="fold")
    table.add_column("project", ratio=4, overflow="fold")
    table.add_column("basis", no_wrap=True)
    table.add_column("note", ratio=2, overflow="fold")
    for row in rows:
        p, c = row.project, row.coverage
        table.add_row(
            text(p.number), text(p.id), text(_organisation_line(p)), text(p.name),
            text(c.basis), text(c.note or ""),
        )
    return table


def region_coverage_table(summary: Sequence[RegionCoverage], total: RegionCoverage) -> Table:
    """Per region: municipalities covered directly and by cooperation only, the people
    living in them, and the projects; then the total."""
    from hankkeet.coverage import percent

    table = _table()
    table.add_column("region", no_wrap=True)
    table.add_column("munic.", justify="right")
    table.add_column("direct", justify="right")
    table.add_column("coop. only", justify="right")
    table.add_column("people direct", justify="right")
    table.add_column("+ coop.", justify="right")
    table.add_column("projects", overflow="fold")

    def cells(row: RegionCoverage, style: str = "") -> list[Any]:
        return [
            text(row.region, style), text(row.municipalities, style), text(row.direct, style),
            text(row.covered - row.direct, style), text(percent(row.population_share_direct), style),
            text(percent(row.population_share), style),
        ]

    for row in summary:
        table.add_row(*cells(row), text(", ".join(row.project_ids)))
    table.add_section()
    table.add_row(*cells(total, "bold"), text(f"{len(total.project_ids)} projects", "bold"))
    return table


def uncovered_table(groups: Mapping[str, Sequence[Municipality]]) -> Table:
    """Municipalities no project covers, one row per region."""
    table = _table()
    table.add_column("region", no_wrap=True)
    table.add_column("uncovered", justify="right")
    table.add_column("municipalities", overflow="fold")
    for region, members in groups.items():
        table.add_row(text(region), text(len(members)), text(", ".join(m.name for m in members)))
    return table


def kunta_csv(rows: Sequence[CoveringProject]) -> str:
    """Covering projects as CSV: the project columns plus basis and note."""
    return to_csv(
        (*PROJECT_CSV_HEADER, "basis", "note"),
        ([*project_csv_row(r.project), r.coverage.basis, r.coverage.note or ""] for r in rows),
    )


def coverage_csv(listing: Sequence[dict[str, Any]]) -> str:
    """``coverage --csv``: one row per municipality; projects as ``id:basis`` joined by '; '."""
    return to_csv(
        ("code", "name", "name_sv", "region", "subregion", "county", "population", "projects"),
        (
            [m["code"], m["name"], m["name_sv"], m["region"], m["subregion"], m["county"] or "", m["population"],
             "; ".join(f"{p['id']}:{p['basis']}" for p in m["projects"])]
            for m in listing
        ),
    )


# -- search -----------------------------------------------------------------

SEARCH_HIGHLIGHT = "bold reverse"


def highlighted(value: str, spans: Iterable[tuple[int, int]], style: str = SEARCH_HIGHLIGHT) -> Any:
    """Literal Rich Text with ``spans`` styled: data never becomes markup."""
    out = text(value)
    for start, end in spans:
        out.stylize(style, start, end)
    return out


def search_table(hits: Sequence[Hit], title: str | None = None) -> Table:
    """Ranked search hits (``hankkeet.search.Hit``): score, id, organisation, name, snippet.

    English or Swedish terms read through the glossary are named in the title
    (``guidance → ohjaus``)."""
    if title is None and hits and hits[0].translations:
        title = "searched in Finnish: " + ", ".join(f"{t.term} → {' / '.join(t.finnish)}" for t in hits[0].translations)
    table = _table(title)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("id", no_wrap=True, style="bold")
    table.add_column("organisation", ratio=2, overflow="fold")
    table.add_column("project", ratio=3, overflow="fold")
    table.add_column("match", ratio=5, overflow="fold")
    for hit in hits:
        field, snippet, spans = hit.snippet()
        cell = highlighted(snippet, spans)
        if field and field != "description":
            cell = text(f"{field}: ").append_text(cell)
        p = hit.project
        table.add_row(text(hit.score), text(p.id), text(_organisation_line(p)), text(p.name), cell)
    return table


def search_json(hits: Iterable[Hit]) -> str:
    return to_json([hit.to_dict() for hit in hits])


def search_csv(hits: Iterable[Hit]) -> str:
    """The project columns plus score and matches (``field: word, word`` joined by '; ')."""
    return to_csv(
        ("score", *PROJECT_CSV_HEADER, "matches"),
        (
            [hit.score, *project_csv_row(hit.project),
             "; ".join(f"{m.field}: {', '.join(m.words)}" for m in hit.matches)]
            for hit in hits
        ),
    )
