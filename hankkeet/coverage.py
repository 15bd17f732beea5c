"""Coverage queries: which projects serve a municipality, and where the gaps are.

Pure functions over projects that carry resolved ``municipalities`` (see
``hankkeet.kunnat.areas``). Regions and subregions are those of the registry
(the 2021-01-01 classification); a municipality that changed region during a
project is counted in its 2021 region, and its coverage carries a note.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import StrEnum
from typing import Any, NamedTuple

from hankkeet.errors import HankkeetError
from hankkeet.kunnat.registry import Municipality, registry
from hankkeet.model import BASES, Basis, Coverage, Project


class CoveringProject(NamedTuple):
    """A project and how it covers one municipality."""

    project: Project
    coverage: Coverage

    def to_dict(self) -> dict[str, Any]:
        return {**self.project.to_dict(), "basis": self.coverage.basis, "note": self.coverage.note}


class RegionCoverage(NamedTuple):
    """Municipalities and people of one region (or the whole country) by how they are covered.

    ``direct``: named in an area, or in a subregion or region named there;
    the rest of ``covered`` is reached only through another municipality's cooperation.
    Populations are those at the end of 2020.
    """

    region: str
    municipalities: int
    covered: int
    project_ids: tuple[str, ...]
    direct: int = 0
    population: int = 0
    population_direct: int = 0
    population_covered: int = 0

    @property
    def share(self) -> float:
        return self.covered / self.municipalities if self.municipalities else 0.0

    @property
    def population_share(self) -> float:
        return self.population_covered / self.population if self.population else 0.0

    @property
    def population_share_direct(self) -> float:
        return self.population_direct / self.population if self.population else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "municipalities": self.municipalities,
            "covered": self.covered,
            "direct": self.direct,
            "share": round(self.share, 4),
            "population": self.population,
            "population_covered": self.population_covered,
            "population_direct": self.population_direct,
            "population_share": round(self.population_share, 4),
            "population_share_direct": round(self.population_share_direct, 4),
            "projects": list(self.project_ids),
        }


class CoverageTally:
    """What the coverage figures need of the projects, gathered in one pass and kept compact.

    Per municipality code, the covering projects as packed integers (the project's
    position times four plus its basis's rank), and per project only its id and
    number: 100,000 projects covering ten municipalities each take some tens of MB,
    not the records themselves.
    """

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.numbers = array("q")
        self.with_area = array("q")  # positions of the projects that cover any municipality
        self.covering: dict[str, array[int]] = {}

    def add(self, project: Project) -> None:
        i = len(self.ids)
        self.ids.append(project.id)
        self.numbers.append(project.number)
        if project.municipalities:
            self.with_area.append(i)
        for c in project.municipalities:
            packed = self.covering.get(c.code)
            if packed is None:
                packed = self.covering[c.code] = array("q")
            packed.append(i * 4 + _RANK[c.basis])

    @classmethod
    def of(cls, projects: Iterable[Project] | CoverageTally) -> CoverageTally:
        if isinstance(projects, CoverageTally):
            return projects
        tally = cls()
        for project in projects:
            tally.add(project)
        return tally

    def direct(self, code: str) -> bool:
        """Covered by some project otherwise than through cooperation."""
        return any(v & 3 != _COOPERATION for v in self.covering.get(code, ()))

    def by_strength(self, code: str) -> list[tuple[str, Basis]]:
        """(project id, basis) of the projects covering ``code``, strongest basis first, then by number."""
        numbers = self.numbers
        packed = sorted(self.covering.get(code, ()), key=lambda v: (v & 3, numbers[v >> 2]))
        return [(self.ids[v >> 2], BASES[v & 3]) for v in packed]


_RANK = {basis: i for i, basis in enumerate(BASES)}
_COOPERATION = _RANK[Basis.COOPERATION]
assert len(BASES) <= 4  # two bits of a packed entry


def _region_row(name: str, members: Sequence[Municipality], tally: CoverageTally,
                ids: tuple[str, ...]) -> RegionCoverage:
    covered = [m for m in members if m.code in tally.covering]
    direct = [m for m in covered if tally.direct(m.code)]
    return RegionCoverage(
        name, len(members), len(covered), ids, direct=len(direct),
        population=sum(m.population for m in members),
        population_direct=sum(m.population for m in direct),
        population_covered=sum(m.population for m in covered),
    )


def projects_covering(projects: Iterable[Project], code: str) -> list[CoveringProject]:
    """Projects that cover the municipality with this code, strongest basis first.

    ``projects`` may be a stream: only the covering ones are kept."""
    found = [
        CoveringProject(p, c) for p in projects for c in p.municipalities if c.code == code
    ]
    return sorted(found, key=lambda f: (BASES.index(f.coverage.basis), f.project.number))


def region_summary(projects: Iterable[Project] | CoverageTally) -> list[RegionCoverage]:
    """Per region (registry order): municipalities, how many are covered, by which projects."""
    tally = CoverageTally.of(projects)
    numbers = tally.numbers
    out = []
    for region in registry().regions:
        members = registry().in_region(region)
        found = {v >> 2 for m in members for v in tally.covering.get(m.code, ())}
        ids = tuple(tally.ids[i] for i in sorted(found, key=numbers.__getitem__))
        out.append(_region_row(region, members, tally, ids))
    return out


def total_coverage(projects: Iterable[Project] | CoverageTally) -> RegionCoverage:
    """The whole country as one row."""
    tally = CoverageTally.of(projects)
    ordered = tuple(tally.ids[i] for i in tally.with_area)
    return _region_row("total", registry().municipalities, tally, ordered)


def percent(share: float) -> str:
    """A share as people read it in Finland, with a space before the sign: ``41 %``."""
    return f"{100 * share:.0f} %"


def headline(projects: Iterable[Project] | CoverageTally) -> str:
    """``127 of 309 municipalities (41 %) · 70 % of the population (68 % directly) · 4 regions without a project``."""
    tally = CoverageTally.of(projects)
    total = total_coverage(tally)
    empty = sum(1 for r in region_summary(tally) if r.covered == 0)
    regions = "region" if empty == 1 else "regions"
    return (
        f"{total.covered} of {total.municipalities} municipalities ({percent(total.share)}) · "
        f"{percent(total.population_share)} of the population "
        f"({percent(total.population_share_direct)} directly) · {empty} {regions} without a project"
    )


def uncovered(projects: Iterable[Project] | CoverageTally) -> dict[str, list[Municipality]]:
    """Municipalities no project covers, grouped by region (regions with none left out)."""
    from hankkeet.kunnat.lookup import sort_key

    tally = CoverageTally.of(projects)
    groups: dict[str, list[Municipality]] = {}
    for region in registry().regions:
        missing = [m for m in registry().in_region(region) if m.code not in tally.covering]
        if missing:
            groups[region] = sorted(missing, key=lambda m: sort_key(m.name))
    return groups


def coverage_rows(projects: Iterable[Project] | CoverageTally, *,
                  only_uncovered: bool = False) -> Iterator[dict[str, Any]]:
    """Every municipality (code order) with the projects covering it, one at a time:
    ``{code, name, name_sv, region, subregion, projects: [{id, basis}]}``."""
    tally = CoverageTally.of(projects)
    for m in sorted(registry().municipalities, key=lambda m: m.code):
        if only_uncovered and m.code in tally.covering:
            continue
        yield {**m.to_dict(), "projects": [{"id": i, "basis": b} for i, b in tally.by_strength(m.code)]}


def coverage_list(projects: Iterable[Project] | CoverageTally, *,
                  only_uncovered: bool = False) -> list[dict[str, Any]]:
    """:func:`coverage_rows` as a list."""
    return list(coverage_rows(projects, only_uncovered=only_uncovered))


def filter_by_municipality(projects: Iterable[Project], code: str) -> list[Project]:
    """Projects covering the municipality, in document order."""
    return [p for p in projects if any(c.code == code for c in p.municipalities)]


def filter_by_region(projects: Iterable[Project], region: str) -> list[Project]:
    """Projects whose area touches the region: named in it, or covering one of its
    (2021) municipalities."""
    codes = {m.code for m in registry().in_region(region)}
    return [
        p for p in projects
        if region in p.regions or any(c.code in codes for c in p.municipalities)
    ]


class AreaFilter(NamedTuple):
    """The outcome of ``list --kunta/--maakunta``: projects, what they were
    filtered by (for messages) and notes on how the names were understood."""

    projects: list[Project]
    scope: list[str]
    notes: list[str]
    municipality: Municipality | None = None


class AreaSelection(NamedTuple):
    """``list --kunta/--maakunta`` before any project is read: the test a project must pass,
    what it is filtered by (for messages) and notes on how the names were understood."""

    keep: Callable[[Project], bool]
    scope: list[str]
    notes: list[str]
    municipality: Municipality | None = None

    def select(self, projects: Iterable[Project]) -> Iterator[Project]:
        """The projects that pass, in their order (a stream stays a stream)."""
        keep = self.keep
        return (p for p in projects if keep(p))


def area_selection(*, kunta: str | None = None, maakunta: str | None = None) -> AreaSelection:
    """The selection by a municipality and/or a region given as a person typed them.

    Raises UnknownMunicipality / UnknownRegion for names that match nothing.
    """
    tests: list[Callable[[Project], bool]] = []
    scope: list[str] = []
    notes: list[str] = []
    municipality: Municipality | None = None
    if kunta is not None:
        from hankkeet.kunnat.lookup import Tier, lookup

        match = lookup(kunta)
        if match.note and match.tier in (Tier.FUZZY, Tier.FORMER):
            notes.append(match.note)
        municipality = match.municipality
        code = municipality.code
        tests.append(lambda p: any(c.code == code for c in p.municipalities))
        scope.append(match.municipality.name)
    if maakunta is not None:
        from hankkeet.kunnat.lookup import Tier, lookup_region

        region = lookup_region(maakunta)
        if region.tier == Tier.FUZZY and region.note:
            notes.append(region.note)
        name = region.region
        codes = {m.code for m in registry().in_region(name)}
        tests.append(lambda p: name in p.regions or any(c.code in codes for c in p.municipalities))
        scope.append(name)
    return AreaSelection(lambda p: all(test(p) for test in tests), scope, notes, municipality)


def filter_projects(
    projects: Iterable[Project], *, kunta: str | None = None, maakunta: str | None = None
) -> AreaFilter:
    """Filter by a municipality and/or a region given as a person typed them (see :func:`area_selection`)."""
    selection = area_selection(kunta=kunta, maakunta=maakunta)
    return AreaFilter(list(selection.select(projects)), selection.scope, selection.notes, selection.municipality)


class CoverageView(StrEnum):
    """What one row of ``coverage`` is."""

    REGION = "region"
    MUNICIPALITY = "municipality"

    @classmethod
    def parse(cls, text: str | None, *, default_machine: bool, uncovered: bool) -> CoverageView:
        """``--by``: None (not given) means per region for a table, per municipality for JSON/CSV and
        --uncovered; an empty or unknown value is bad input."""
        if text is None:
            return cls.MUNICIPALITY if default_machine or uncovered else cls.REGION
        try:
            view = cls(text.strip().lower())
        except ValueError:
            raise HankkeetError(f"unknown --by {text!r}; choose one of: region, municipality") from None
        if uncovered and view == cls.REGION:
            raise HankkeetError("--uncovered lists municipalities; use it without --by region")
        return view


class RegionOrder(StrEnum):
    CODE = "code"
    NAME = "name"
    SHARE = "share"
    GAP = "gap"

    @classmethod
    def parse(cls, text: str) -> RegionOrder:
        try:
            return cls(text.strip().lower())
        except ValueError:
            raise HankkeetError(f"unknown --sort {text!r}; choose one of: {', '.join(cls)}") from None


def sort_regions(rows: Sequence[RegionCoverage], order: RegionOrder) -> list[RegionCoverage]:
    """Regions in the chosen order: by code (registry order), name (Finnish alphabet), share of
    people covered (most first), or gap (most people not covered first)."""
    from hankkeet.kunnat.lookup import sort_key

    if order == RegionOrder.NAME:
        return sorted(rows, key=lambda r: sort_key(r.region))
    if order == RegionOrder.SHARE:
        return sorted(rows, key=lambda r: (-r.population_share, -r.share))
    if order == RegionOrder.GAP:
        return sorted(rows, key=lambda r: -(r.population - r.population_covered))
    return list(rows)
