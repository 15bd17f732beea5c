"""What a coverage map shows: each municipality's strongest basis, the legend, the framing.

Pure: a snapshot's projects and a selection in, a :class:`MapView` out; the
SVG, HTML and terminal drawings all draw the same view.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from hankkeet.model import BASES, Basis, Project, Snapshot

NOT_COVERED = "none"
# What a municipality is drawn as: its strongest Basis, or NOT_COVERED.
# Strongest first; the order of the legend.
CATEGORIES: tuple[str, ...] = (*BASES, NOT_COVERED)

LABELS = {
    Basis.LISTED: "named in the area",
    Basis.SUBREGION: "in a subregion named in the area",
    Basis.REGION: "in a region named in the area",
    Basis.COOPERATION: "regional cooperation only",
    NOT_COVERED: "not covered",
}

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common
# colour-vision deficiencies. Strong to weak basis runs dark to light; gaps are
# a neutral light grey, so covered land stands out.
PALETTE_NAME = "Okabe–Ito"
COLOURS = {
    Basis.LISTED: "#0072B2",  # blue
    Basis.SUBREGION: "#56B4E9",  # sky blue
    Basis.REGION: "#009E73",  # bluish green
    Basis.COOPERATION: "#E69F00",  # orange
    NOT_COVERED: "#E4E4E4",  # light grey (not an Okabe–Ito colour: the absence of one)
}


class Cover(NamedTuple):
    project_id: str
    project_name: str
    basis: Basis


class Cell(NamedTuple):
    """One municipality as the map shows it."""

    code: str
    name: str
    region: str
    population: int
    category: str
    covers: tuple[Cover, ...]


class MapView(NamedTuple):
    title: str
    subtitle: str
    cells: tuple[Cell, ...]
    focus: tuple[str, ...]  # codes to frame (all when empty)
    marked: str | None  # a municipality code to outline
    caption: str  # one line under the title saying what is drawn
    projects: tuple[Project, ...] = ()  # the projects drawn

    def shown(self) -> tuple[Cell, ...]:
        """The municipalities in focus (all of them when the map is not zoomed)."""
        if not self.focus:
            return self.cells
        focus = set(self.focus)
        return tuple(c for c in self.cells if c.code in focus)

    def counts(self) -> dict[str, int]:
        """Municipalities in focus per category, for the legend."""
        out = dict.fromkeys(CATEGORIES, 0)
        for cell in self.shown():
            out[cell.category] += 1
        return out


def round_label(snapshot: Snapshot) -> str:
    """The grant round the snapshot describes: its year (and funding period) from the snapshot's header,
    else a year read off the title."""
    source = snapshot.source
    if source.year is not None:
        return f"{source.year} ({source.period})" if source.period else str(source.year)
    found = re.findall(r"\((\d{4})\)", source.title) or re.findall(r"\b(?:19|20)\d{2}\b", source.title)
    return found[-1] if found else "round unknown"


def build_view(
    snapshot: Snapshot,
    *,
    project: Project | None = None,
    region: str | None = None,
    kunta: str | None = None,
) -> MapView:
    """The map of all projects, or one ``project``'s area; framed on a ``region``
    and with one municipality (code ``kunta``) marked, when given."""
    from hankkeet.kunnat.registry import registry
    from hankkeet.maps.topology import atlas

    projects: Sequence[Project] = (project,) if project is not None else snapshot.projects
    covers: dict[str, list[Cover]] = {}
    for p in projects:
        for c in p.municipalities:
            covers.setdefault(c.code, []).append(Cover(p.id, p.name, c.basis))
    rank = {basis: i for i, basis in enumerate(BASES)}
    reg = registry()
    cells = []
    for shape in atlas().shapes:
        mine = tuple(sorted(covers.get(shape.code, ()), key=lambda c: rank[c.basis]))
        m = reg.by_code(shape.code)
        cells.append(Cell(
            code=shape.code,
            name=shape.name,
            region=m.region if m is not None else "",
            population=shape.population,
            category=mine[0].basis if mine else NOT_COVERED,
            covers=mine,
        ))
    focus = tuple(m.code for m in reg.in_region(region)) if region else ()
    what = f"project {project.id}: {project.name}" if project is not None else f"all {len(snapshot.projects)} projects"
    where = f" · {region}" if region else ""
    marked_name = next((c.name for c in cells if c.code == kunta), None)
    mark = f" · {marked_name} outlined" if marked_name else ""
    return MapView(
        title=snapshot.source.title,
        subtitle=f"Coverage by municipality, round {round_label(snapshot)} · {what}{where}{mark}",
        cells=tuple(cells),
        focus=focus,
        marked=kunta,
        caption=what,
        projects=tuple(projects),
    )


def tooltip(cell: Cell) -> str:
    """The hover text of one municipality."""
    population = f"{cell.population:,}".replace(",", " ")
    covered = "; ".join(f"{c.project_id} ({c.basis})" for c in cell.covers) if cell.covers else "no project"
    return f"{cell.name} ({cell.code}), {cell.region} · population {population} · {covered}"
