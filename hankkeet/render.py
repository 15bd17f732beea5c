"""Rendering: Rich tables for people, JSON and CSV for scripts.

Rich is imported only inside the table functions, so ``--json`` and ``--csv``
runs never pay for it. Every data or user string goes into a table as a
``rich.text.Text`` object, never as a plain string, so ``[bold]`` in a
description or a query is shown literally instead of being read as markup.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from hankkeet.model import Project, dumps
from hankkeet.output import Field, Listing

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from hankkeet.coverage import CoveringProject, RegionCoverage
    from hankkeet.kunnat.lookup import Match
    from hankkeet.kunnat.registry import Municipality
    from hankkeet.search import Hit


def to_json(data: Any) -> str:
    return dumps(data)


# CSV follows RFC 4180: CRLF line ends, and a field holding a comma, a quote, a
# CR or an LF is quoted. A text field that starts with = + - @ (or a tab or CR)
# would be read by a spreadsheet as a formula (CSV injection); so would one whose
# first character after white space and invisible format characters is one of
# them, or a form of one (fullwidth ＝, small ﹦, superscript ⁼: their NFKC is
# the character), since spreadsheets trim spaces and fold such forms. Unless
# ``raw`` is asked for, such a field gets a leading apostrophe, as OWASP advises.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_CHARS = frozenset("=+-@")
CSV_RAW = False  # set by the CLI's --raw-csv / HANKKEET_RAW_CSV


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula (see FORMULA_STARTS)."""
    if text.startswith(FORMULA_STARTS):
        return True
    for ch in text:
        if ch.isalnum():
            return False
        if ch <= "\x7f":
            if ch.isspace():
                continue
            return ch in _FORMULA_CHARS
        import unicodedata

        if ch.isspace() or unicodedata.category(ch) == "Cf":
            continue  # (NBSP, ideographic space; zero-width space, BOM, bidi marks)
        return unicodedata.normalize("NFKC", ch)[:1] in _FORMULA_CHARS
    return False


def csv_safe(value: Any) -> Any:
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value


def to_csv(header: Sequence[str] | None, rows: Iterable[Sequence[Any]], *, raw: bool | None = None) -> str:
    """RFC 4180 text; no header row when ``header`` is None."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if header is not None:
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
    elif console.width > MAX_WIDTH:  # COLUMNS=10000000: a table padded that wide would not fit in memory
        console.width = MAX_WIDTH
    console.on_broken_pipe = _reader_gone  # type: ignore[method-assign]
    return console


# The narrowest layout: narrower terminals (or COLUMNS=0) get lines this long.
MIN_WIDTH = 60
# The widest layout: wider terminals (or a huge COLUMNS) get lines this long.
MAX_WIDTH = 1000


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
    """A literal Rich Text: never parsed as markup, control characters shown; at most
    :data:`MAX_DETAIL` characters and an ellipsis (nothing on a screen is longer)."""
    from rich.text import Text

    value = str(value)
    if len(value) > MAX_DETAIL:
        value = value[:MAX_DETAIL] + "…"
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


def snapshot_summary(snapshot: Any, path: object = None, count: int | None = None) -> str:
    """One line naming a snapshot: where it is, its round and period, its size (``count``
    projects, when the snapshot was read as a stream and holds none)."""
    source = snapshot.source
    where = "bundled" if path is None else str(path)
    year = f"round {source.year}" if source.year else "round unknown"
    period = f", {source.period}" if source.period else ""
    missing = f", {len(snapshot.unread_rows)} rows not read" if snapshot.unread_rows else ""
    projects = len(snapshot.projects) if count is None else count
    return f"{where}: {year}{period}, {projects} projects from {source.file}{missing}"


def municipality_line(m: Municipality) -> str:
    """One line placing a municipality: region and wellbeing services county."""
    if m.county:
        county = m.county
    elif m.region == "Ahvenanmaa":
        county = "no wellbeing services county (Åland)"
    else:
        county = "no wellbeing services county (organises its own social and health services)"
    return f"{m.name} ({m.code}): region {m.region}, {county}"




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
        grid.add_row(text(label), text(_detail_value(value)))
    return grid


# The detail view shows at most this many characters of a field (a text field's schema limit); a
# list of a thousand long co-implementers would otherwise be megabytes to lay out.
MAX_DETAIL = 100_000


def _detail_value(value: str) -> str:
    if len(value) <= MAX_DETAIL:
        return value
    return f"{value[:MAX_DETAIL - 60]}… ({len(value) - MAX_DETAIL + 60:,} more characters; --json shows all)"


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
    rows += [("note", note) for note in match_notes(match)]
    for label, value in rows:
        grid.add_row(text(label), text(value))
    return grid


def match_notes(match: Match) -> list[str]:
    """What a person should know about how their municipality name was read."""
    from hankkeet.kunnat.lookup import Tier

    if match.tier == Tier.FUZZY:
        return [f"corrected from {match.query!r}"]
    if match.tier == Tier.FORMER:
        return [f"former municipality: {match.note}"]
    return [match.note] if match.note else []


def kunta_json(query: str, match: Match, rows: Sequence[CoveringProject],
               fields: Sequence[str] | None = None) -> str:
    """``{"query", "match", "municipality", "projects"}`` for ``hankkeet kunta --json``
    (``fields`` chooses the keys of each project)."""
    return to_json({
        "query": query,
        "match": {"tier": match.tier, "matched": match.matched, "note": match.note},
        "municipality": match.municipality.to_dict(),
        "projects": [COVERING_LISTING.json_object(row, fields, lambda r: r.to_dict()) for row in rows],
    })




def uncovered_table(groups: Mapping[str, Sequence[Municipality]]) -> Table:
    """Municipalities no project covers, one row per region."""
    table = _table()
    table.add_column("region", no_wrap=True)
    table.add_column("uncovered", justify="right")
    table.add_column("municipalities", overflow="fold")
    for region, members in groups.items():
        table.add_row(text(region), text(len(members)), text(", ".join(m.name for m in members)))
    return table






# -- search -----------------------------------------------------------------

SEARCH_HIGHLIGHT = "bold reverse"


def highlighted(value: str, spans: Iterable[tuple[int, int]], style: str = SEARCH_HIGHLIGHT) -> Any:
    """Literal Rich Text with ``spans`` styled: data never becomes markup."""
    out = text(value)
    for start, end in spans:
        out.stylize(style, start, end)
    return out


def translation_note(hits: Sequence[Hit]) -> str | None:
    """``searched in Finnish: guidance → ohjaus`` when English or Swedish terms were read
    through the glossary."""
    if not hits or not hits[0].translations:
        return None
    return "searched in Finnish: " + ", ".join(f"{t.term} → {' / '.join(t.finnish)}" for t in hits[0].translations)






# -- listings: the fields of each kind of record, for hankkeet.output -------------------


def _project_fields(get: Callable[[Any], Project]) -> tuple[Field[Any], ...]:
    def joined(values: Iterable[str]) -> str:
        return "; ".join(values)

    return (
        Field("number", lambda r: get(r).number, lambda r: str(get(r).number), "#", justify="right"),
        Field("id", lambda r: get(r).id, lambda r: get(r).id),
        Field("organisation", lambda r: get(r).organisation, lambda r: get(r).organisation, ratio=3, min_width=18),
        Field("co_implementers", lambda r: list(get(r).co_implementers), lambda r: joined(get(r).co_implementers),
              "co-implementers", ratio=2, min_width=12),
        Field("name", lambda r: get(r).name, lambda r: get(r).name, "project", ratio=4, min_width=20),
        Field("start", lambda r: get(r).start, lambda r: get(r).start or ""),
        Field("end", lambda r: get(r).end, lambda r: get(r).end or ""),
        Field("period", lambda r: get(r).period, lambda r: f"{get(r).start or '?'}–{get(r).end or '?'}"),
        Field("area", lambda r: get(r).area, lambda r: get(r).area, ratio=3, min_width=14),
        Field("description", lambda r: get(r).description, lambda r: get(r).description, ratio=6, min_width=20),
        Field("regions", lambda r: list(get(r).regions), lambda r: joined(get(r).regions), ratio=2, min_width=10),
        Field("municipalities", lambda r: [c.to_dict() for c in get(r).municipalities],
              lambda r: joined(c.name for c in get(r).municipalities), ratio=3, min_width=12),
    )


def _same(project: Project) -> Project:
    return project


def _organisation_cell(get: Callable[[Any], Project]) -> Callable[[Any], Any]:
    return lambda r: text(_organisation_line(get(r)))


PROJECT_LISTING = Listing(
    fields=_project_fields(_same),
    table_fields=("id", "name", "area", "organisation", "number", "period"),
    line_fields=("number", "id", "organisation", "name", "area", "start", "end"),
    csv_fields=PROJECT_CSV_HEADER,
    cells={"organisation": _organisation_cell(_same)},
)


def _hit_project(hit: Hit) -> Project:
    return hit.project


def _match_flat(hit: Hit) -> str:
    return "; ".join(f"{m.field}: {', '.join(m.words)}" for m in hit.matches)


def _match_cell(hit: Hit) -> Any:
    field, snippet, spans = hit.snippet()
    cell = highlighted(snippet, spans)
    if field and field != "description":
        cell = text(f"{field}: ").append_text(cell)
    return cell


SEARCH_LISTING = Listing(
    fields=(
        Field("score", lambda h: h.score, lambda h: str(h.score), justify="right"),
        *_project_fields(_hit_project),
        Field("matches", lambda h: [m.to_dict() for m in h.matches], _match_flat, "match", ratio=5, min_width=18),
    ),
    table_fields=("score", "id", "name", "matches", "organisation"),
    line_fields=("score", "number", "id", "organisation", "name", "matches"),
    csv_fields=("score", *PROJECT_CSV_HEADER, "matches"),
    cells={"matches": _match_cell, "organisation": _organisation_cell(_hit_project)},
)


def _covering_project(row: CoveringProject) -> Project:
    return row.project


COVERING_LISTING = Listing(
    fields=(
        *_project_fields(_covering_project),
        Field("basis", lambda r: r.coverage.basis, lambda r: str(r.coverage.basis)),
        Field("note", lambda r: r.coverage.note, lambda r: r.coverage.note or "", ratio=2, min_width=12),
    ),
    table_fields=("id", "name", "basis", "note", "organisation", "number"),
    line_fields=("number", "id", "organisation", "name", "basis", "note"),
    csv_fields=(*PROJECT_CSV_HEADER, "basis", "note"),
    cells={"organisation": _organisation_cell(_covering_project)},
)


def project_table_rows(projects: Iterable[Project]) -> tuple[list[Project], int, Listing, str | None]:
    """For a table of a stream of projects: the first MAX_TABLE_ROWS, how many there are, and
    the listing and the line under the table that :func:`projects_listing` gives for all of them."""
    from hankkeet.output import MAX_TABLE_ROWS

    shown: list[Project] = []
    periods: set[tuple[str | None, str | None]] = set()
    count = 0
    for project in projects:
        count += 1
        if count <= MAX_TABLE_ROWS:
            shown.append(project)
        if len(periods) < 2:
            periods.add((project.start, project.end))
    return (shown, count, *_listing_for_periods(periods))


def projects_listing(projects: Iterable[Project]) -> tuple[Listing, str | None]:
    """The project listing for these rows: a period column only when the periods differ,
    else one line under the table that gives the period of them all."""
    return _listing_for_periods({(p.start, p.end) for p in projects})


def _listing_for_periods(periods: set[tuple[str | None, str | None]]) -> tuple[Listing, str | None]:
    if len(periods) != 1:
        return PROJECT_LISTING, None
    fields = tuple(f for f in PROJECT_LISTING.table_fields if f != "period")
    start, end = next(iter(periods))
    return PROJECT_LISTING._replace(table_fields=fields), f"period of all: {start or '?'} – {end or '?'}"


# -- coverage ------------------------------------------------------------------------


def _cov(name: str) -> Any:
    return lambda row: row[name]


MUNICIPALITY_LISTING = Listing(
    fields=(
        Field("code", _cov("code"), _cov("code")),
        Field("name", _cov("name"), _cov("name")),
        Field("name_sv", _cov("name_sv"), _cov("name_sv")),
        Field("region", _cov("region"), _cov("region")),
        Field("subregion", _cov("subregion"), _cov("subregion")),
        Field("county", _cov("county"), lambda m: m["county"] or ""),
        Field("population", _cov("population"), lambda m: str(m["population"]), justify="right"),
        Field("projects", _cov("projects"), lambda m: "; ".join(f"{p['id']}:{p['basis']}" for p in m["projects"]),
              ratio=3, min_width=12),
    ),
    table_fields=("code", "name", "region", "projects", "population"),
    line_fields=("code", "name", "name_sv", "region", "subregion", "county", "population", "projects"),
    csv_fields=("code", "name", "name_sv", "region", "subregion", "county", "population", "projects"),
)


def _pct(value: float) -> str:
    from hankkeet.coverage import percent

    return percent(value)


REGION_LISTING = Listing(
    fields=(
        Field("region", lambda r: r.region, lambda r: r.region),
        Field("municipalities", lambda r: r.municipalities, lambda r: str(r.municipalities), "munic.",
              justify="right"),
        Field("covered", lambda r: r.covered, lambda r: str(r.covered), justify="right"),
        Field("direct", lambda r: r.direct, lambda r: str(r.direct), justify="right"),
        Field("cooperation_only", lambda r: r.covered - r.direct, lambda r: str(r.covered - r.direct), "coop.",
              justify="right"),
        Field("share", lambda r: round(r.share, 4), lambda r: f"{r.share:.4f}", justify="right"),
        Field("population", lambda r: r.population, lambda r: str(r.population), justify="right"),
        Field("population_direct", lambda r: r.population_direct, lambda r: str(r.population_direct),
              justify="right"),
        Field("population_covered", lambda r: r.population_covered, lambda r: str(r.population_covered),
              justify="right"),
        Field("population_share_direct", lambda r: round(r.population_share_direct, 4),
              lambda r: f"{r.population_share_direct:.4f}", "people", justify="right"),
        Field("population_share", lambda r: round(r.population_share, 4), lambda r: f"{r.population_share:.4f}",
              "+coop.", justify="right"),
        Field("projects", lambda r: list(r.project_ids), lambda r: "; ".join(r.project_ids), ratio=3, min_width=8),
    ),
    table_fields=("region", "population_share_direct", "direct", "cooperation_only", "population_share",
                  "municipalities", "projects"),
    line_fields=("region", "municipalities", "covered", "direct", "cooperation_only", "population",
                 "population_direct", "population_covered", "projects"),
    csv_fields=("region", "municipalities", "covered", "direct", "cooperation_only", "share", "population",
                "population_direct", "population_covered", "population_share", "population_share_direct",
                "projects"),
    cells={
        "population_share": lambda r: text(_pct(r.population_share)),
        "population_share_direct": lambda r: text(_pct(r.population_share_direct)),
        "projects": lambda r: text(", ".join(r.project_ids) if r.region != "total" else
                                   f"{len(r.project_ids)} projects"),
    },
)

COVERAGE_LEGEND = (
    "direct: municipalities named in an area, or in a subregion or region named there; coop.: reached only "
    "through another municipality's regional cooperation; people: share of the population (end of 2020) "
    "living in directly covered municipalities; +coop.: with cooperation."
)


def coverage_report(headline: str, rows: Sequence[RegionCoverage], total: RegionCoverage) -> Any:
    """The headline, the region table (the total last) and its one-line legend."""
    from rich.console import Group

    from hankkeet.output import table

    return Group(text(headline, "bold"), table(REGION_LISTING, [*rows, total], None), text(COVERAGE_LEGEND))
