"""Coverage queries: which projects serve a municipality, and where the gaps are.

Pure functions over projects that carry resolved ``municipalities`` (see
``hankkeet.kunnat.areas``). Regions and subregions are those of the registry
(the 2021-01-01 classification); a municipality that changed region during a
project is counted in its 2021 region, and its coverage carries a note.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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


def _region_row(name: str, members: Sequence[Municipality],
                by_code: dict[str, list[tuple[Project, Coverage]]], ids: tuple[str, ...]) -> RegionCoverage:
    covered = [m for m in members if m.code in by_code]
    direct = [m for m in covered if _direct(by_code[m.code])]
    return RegionCoverage(
        name, len(members), len(covered), ids, direct=len(direct),
        population=sum(m.population for m in members),
        population_direct=sum(m.population for m in direct),
        population_covered=sum(m.population for m in covered),
    )


def projects_covering(projects: Iterable[Project], code: str) -> list[CoveringProject]:
    """Projects that cover the municipality with this code, strongest basis first."""
    found = [
        CoveringProject(p, c) for p in projects for c in p.municipalities if c.code == code
    ]
    return sorted(found, key=lambda f: (BASES.index(f.coverage.basis), f.project.number))


def _coverage_by_code(projects: Iterable[Project]) -> dict[str, list[tuple[Project, Coverage]]]:
    by_code: dict[str, list[tuple[Project, Coverage]]] = {}
    for p in projects:
        for c in p.municipalities:
            by_code.setdefault(c.code, []).append((p, c))
    return by_code


def region_summary(projects: Sequence[Project]) -> list[RegionCoverage]:
    """Per region (registry order): municipalities, how many are covered, by which projects."""
    by_code = _coverage_by_code(projects)
    order = {p.id: p.number for p in projects}
    out = []
    for region in registry().regions:
        members = registry().in_region(region)
        ids = {p.id for m in members for p, _ in by_code.get(m.code, [])}
        out.append(_region_row(region, members, by_code, tuple(sorted(ids, key=order.__getitem__))))
    return out


def total_coverage(projects: Sequence[Project]) -> RegionCoverage:
    """The whole country as one row."""
    by_code = _coverage_by_code(projects)
    ordered = tuple(p.id for p in projects if p.municipalities)
    return _region_row("total", registry().municipalities, by_code, ordered)


def percent(share: float) -> str:
    """A share as people read it in Finland, with a space before the sign: ``41 %``."""
    return f"{100 * share:.0f} %"


def headline(projects: Sequence[Project]) -> str:
    """``127 of 309 municipalities (41 %) · 70 % of the population (68 % directly) · 4 regions without a project``."""
    total = total_coverage(projects)
    empty = sum(1 for r in region_summary(projects) if r.covered == 0)
    regions = "region" if empty == 1 else "regions"
    return (
        f"{total.covered} of {total.municipalities} municipalities ({percent(total.share)}) · "
        f"{percent(total.population_share)} of the population "
        f"({percent(total.population_share_direct)} directly) · {empty} {regions} without a project"
    )


def _direct(covering: list[tuple[Project, Coverage]]) -> bool:
    return any(c.basis != Basis.COOPERATION for _, c in covering)


def uncovered(projects: Sequence[Project]) -> dict[str, list[Municipality]]:
    """Municipalities no project covers, grouped by region (regions with none left out)."""
    from hankkeet.kunnat.lookup import sort_key

    by_code = _coverage_by_code(projects)
    groups: dict[str, list[Municipality]] = {}
    for region in registry().regions:
        missing = [m for m in registry().in_region(region) if m.code not in by_code]
        if missing:
            groups[region] = sorted(missing, key=lambda m: sort_key(m.name))
    return groups


def coverage_list(projects: Sequence[Project], *, only_uncovered: bool = False) -> list[dict[str, Any]]:
    """Every municipality (code order) with the projects covering it:
    ``{code, name, name_sv, region, subregion, projects: [{id, basis}]}``."""
    by_code = _coverage_by_code(projects)
    out = []
    for m in sorted(registry().municipalities, key=lambda m: m.code):
        covering = sorted(by_code.get(m.code, []), key=lambda pc: (BASES.index(pc[1].basis), pc[0].number))
        if only_uncovered and covering:
            continue
        out.append({**m.to_dict(), "projects": [{"id": p.id, "basis": c.basis} for p, c in covering]})
    return out


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


def filter_projects(
    projects: Iterable[Project], *, kunta: str | None = None, maakunta: str | None = None
) -> AreaFilter:
    """Filter by a municipality and/or a region given as a person typed them.

    Raises UnknownMunicipality / UnknownRegion for names that match nothing.
    """
    selected = list(projects)
    scope: list[str] = []
    notes: list[str] = []
    municipality: Municipality | None = None
    if kunta is not None:
        from hankkeet.kunnat.lookup import Tier, lookup

        match = lookup(kunta)
        if match.note and match.tier in (Tier.FUZZY, Tier.FORMER):
            notes.append(match.note)
        municipality = match.municipality
        selected = filter_by_municipality(selected, municipality.code)
        scope.append(match.municipality.name)
    if maakunta is not None:
        from hankkeet.kunnat.lookup import Tier, lookup_region

        region = lookup_region(maakunta)
        if region.tier == Tier.FUZZY and region.note:
            notes.append(region.note)
        selected = filter_by_region(selected, region.region)
        scope.append(region.region)
    return AreaFilter(selected, scope, notes, municipality)



class CoverageView(StrEnum):
    """What one row of ``coverage`` is."""

    REGION = "region"
    MUNICIPALITY = "municipality"

    @classmethod
    def parse(cls, text: str, *, default_machine: bool, uncovered: bool) -> CoverageView:
        """``--by``: empty means per region for a table, per municipality for JSON/CSV and --uncovered."""
        if not text:
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
