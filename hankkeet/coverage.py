"""Coverage queries: which projects serve a municipality, and where the gaps are.

Pure functions over projects that carry resolved ``municipalities`` (see
``hankkeet.kunnat.areas``). Regions and subregions are those of the registry
(the 2021-01-01 classification); a municipality that changed region during a
project is counted in its 2021 region, and its coverage carries a note.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from hankkeet.kunnat.registry import Municipality, registry
from hankkeet.model import BASES, Coverage, Project


class CoveringProject(NamedTuple):
    """A project and how it covers one municipality."""

    project: Project
    coverage: Coverage

    def to_dict(self) -> dict[str, Any]:
        return {**self.project.to_dict(), "basis": self.coverage.basis, "note": self.coverage.note}


class RegionCoverage(NamedTuple):
    region: str
    municipalities: int
    covered: int
    project_ids: tuple[str, ...]
    # Covered by more than regional cooperation (listed, subregion or region).
    direct: int = 0

    @property
    def share(self) -> float:
        return self.covered / self.municipalities if self.municipalities else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "municipalities": self.municipalities,
            "covered": self.covered,
            "direct": self.direct,
            "share": round(self.share, 4),
            "projects": list(self.project_ids),
        }


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
        covered = [m for m in members if m.code in by_code]
        ids = {p.id for m in covered for p, _ in by_code[m.code]}
        out.append(RegionCoverage(
            region, len(members), len(covered), tuple(sorted(ids, key=order.__getitem__)),
            direct=sum(1 for m in covered if _direct(by_code[m.code])),
        ))
    return out


def total_coverage(projects: Sequence[Project]) -> RegionCoverage:
    """The whole country as one row."""
    by_code = _coverage_by_code(projects)
    everyone = registry().municipalities
    ids = {p.id for p in projects if p.municipalities}
    ordered = tuple(p.id for p in projects if p.id in ids)
    return RegionCoverage(
        "total", len(everyone), sum(1 for m in everyone if m.code in by_code), ordered,
        direct=sum(1 for m in everyone if _direct(by_code.get(m.code, []))),
    )


def _direct(covering: list[tuple[Project, Coverage]]) -> bool:
    return any(c.basis != "cooperation" for _, c in covering)


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


def filter_projects(projects: Iterable[Project], *, kunta: str | None = None, maakunta: str | None = None) -> AreaFilter:
    """Filter by a municipality and/or a region given as a person typed them.

    Raises UnknownMunicipality / UnknownRegion for names that match nothing.
    """
    selected = list(projects)
    scope: list[str] = []
    notes: list[str] = []
    if kunta is not None:
        from hankkeet.kunnat.lookup import lookup

        match = lookup(kunta)
        if match.note and match.tier in ("fuzzy", "former"):
            notes.append(match.note)
        selected = filter_by_municipality(selected, match.municipality.code)
        scope.append(match.municipality.name)
    if maakunta is not None:
        from hankkeet.kunnat.lookup import lookup_region

        region = lookup_region(maakunta)
        if region.tier == "fuzzy" and region.note:
            notes.append(region.note)
        selected = filter_by_region(selected, region.region)
        scope.append(region.region)
    return AreaFilter(selected, scope, notes)


class PeopleCovered(NamedTuple):
    """Municipalities and people of one region (or the whole country) by how they are covered.

    ``direct``: named in an area, or in a subregion or region named there;
    ``cooperation``: reached only through another municipality's cooperation.
    """

    region: str
    municipalities: int
    direct: int
    cooperation: int
    population: int
    population_direct: int
    population_cooperation: int

    @property
    def covered(self) -> int:
        return self.direct + self.cooperation

    @property
    def population_covered(self) -> int:
        return self.population_direct + self.population_cooperation

    def to_dict(self) -> dict[str, Any]:
        def share(part: int, whole: int) -> float:
            return round(part / whole, 4) if whole else 0.0

        return {
            "region": self.region,
            "municipalities": self.municipalities,
            "covered_direct": self.direct,
            "covered_cooperation_only": self.cooperation,
            "not_covered": self.municipalities - self.covered,
            "population": self.population,
            "population_direct": self.population_direct,
            "population_cooperation_only": self.population_cooperation,
            "population_share_direct": share(self.population_direct, self.population),
            "population_share": share(self.population_covered, self.population),
        }


def people_covered(
    projects: Sequence[Project], population: Mapping[str, int]
) -> tuple[list[PeopleCovered], PeopleCovered]:
    """Per region (registry order) and in total: municipalities and people covered.

    ``population`` maps municipality codes to inhabitants; a code missing from it counts as 0.
    """
    by_code = _coverage_by_code(projects)
    rows = []
    for region in registry().regions:
        members = registry().in_region(region)
        direct = [m.code for m in members if _direct(by_code.get(m.code, []))]
        coop = [m.code for m in members if m.code in by_code and not _direct(by_code[m.code])]
        rows.append(PeopleCovered(
            region, len(members), len(direct), len(coop),
            sum(population.get(m.code, 0) for m in members),
            sum(population.get(c, 0) for c in direct),
            sum(population.get(c, 0) for c in coop),
        ))
    total = PeopleCovered(
        "total",
        *(sum(getattr(r, f) for r in rows) for f in PeopleCovered._fields[1:]),
    )
    return rows, total


def headline(projects: Sequence[Project], population: Mapping[str, int]) -> str:
    """``127 of 309 municipalities (41 %) · 70 % of the population (68 % directly) · 4 regions without a project``."""
    rows, total = people_covered(projects, population)
    empty = sum(1 for r in rows if r.covered == 0)

    def pct(part: int, whole: int) -> str:
        return f"{100 * part / whole:.0f} %" if whole else "–"

    regions = "region" if empty == 1 else "regions"
    return (
        f"{total.covered} of {total.municipalities} municipalities ({pct(total.covered, total.municipalities)}) · "
        f"{pct(total.population_covered, total.population)} of the population "
        f"({pct(total.population_direct, total.population)} directly) · {empty} {regions} without a project"
    )
