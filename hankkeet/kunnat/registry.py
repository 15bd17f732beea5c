"""Municipalities, regions and subregions, loaded lazily from package data.

Source: Statistics Finland's classification ``kunta_1_20210101`` (309
municipalities); see ``hankkeet/data/KUNNAT.md`` for provenance and refresh.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from typing import Literal, NamedTuple


class Municipality(NamedTuple):
    code: str
    name: str
    name_sv: str
    region_code: str
    region: str
    subregion_code: str
    subregion: str
    # Inhabitants at the end of 2020, and the wellbeing services county (hyvinvointialue)
    # that runs its social and health services since 2023 ("" for Helsinki and Åland).
    population: int = 0
    county: str = ""

    def to_dict(self) -> dict[str, str | int | None]:
        return {
            "code": self.code,
            "name": self.name,
            "name_sv": self.name_sv,
            "region": self.region,
            "subregion": self.subregion,
            "county": self.county or None,
            "population": self.population,
        }


class County(NamedTuple):
    """A wellbeing services county (hyvinvointialue), in force since 2023-01-01."""

    id: str  # two letters, as in the map file (e.g. "PK")
    name: str  # Pohjois-Karjalan hyvinvointialue
    name_sv: str
    short_name: str  # Pohjois-Karjala
    short_name_sv: str


class Merge(NamedTuple):
    date: str
    former: str
    into: str  # name of the municipality it joined


class RegionTransfer(NamedTuple):
    date: str
    code: str
    name: str
    from_region: str
    to_region: str


class Alias(NamedTuple):
    """Another name people use for a municipality or a region (``Uki``)."""

    alias: str
    target: str  # the registry name it stands for
    source: str  # where the alias comes from, shown in notes


# The data files the registry is built from: every one of them can change what an area covers.
REGISTRY_FILES = ("kunnat.csv", "kunnat-hva.csv", "hyvinvointialueet.csv", "muutokset-2021.csv", "kunnat-aliases.csv")
# The area-resolution rules are code: the modules of this package, which turn an
# area's text into municipalities. Their text is hashed too, so that a change to the
# rules changes the version without anyone having to remember to bump a label. (The
# shared text helpers they call, hankkeet/finnish.py and textnorm.py, serve search as
# well and change often without changing what an area covers; they are left out.)
AREA_RULE_MODULES = ("kunnat/areas.py", "kunnat/lookup.py", "kunnat/inflect.py", "kunnat/registry.py")


def _code_lines(text: str) -> str:
    """A module's text without blank lines, comment lines and trailing spaces: edits
    to those alone leave the rules as they are."""
    kept = (line.rstrip() for line in text.splitlines())
    return "\n".join(line for line in kept if line and not line.lstrip().startswith("#"))


@cache
def registry_version() -> str:
    """The registry and area rules a snapshot's coverage is resolved with.

    A snapshot records it, and a load with another version says the coverage
    is stale. It is derived from content: ``areas-`` and the first 12 hex
    digits of the SHA-256 of the modules in ``AREA_RULE_MODULES`` (comment and
    blank lines aside), then ``data-`` and those of the files in
    ``REGISTRY_FILES`` (each hashed with its name), so a changed rule or
    registry file always changes it.
    """
    import hashlib
    from importlib import resources

    from hankkeet.data import read_text

    rules = hashlib.sha256()
    package = resources.files("hankkeet")
    for path in AREA_RULE_MODULES:
        text = package.joinpath(path).read_text(encoding="utf-8")
        rules.update(path.encode() + b"\0" + _code_lines(text).encode("utf-8") + b"\0")
    digest = hashlib.sha256()
    for name in REGISTRY_FILES:
        digest.update(name.encode() + b"\0" + read_text(name).encode("utf-8") + b"\0")
    return f"areas-{rules.hexdigest()[:12]}; data-{digest.hexdigest()[:12]}"


def __getattr__(name: str) -> str:
    # ``REGISTRY_VERSION`` is computed on first use: importing the module stays free.
    if name == "REGISTRY_VERSION":
        return registry_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Registry(NamedTuple):
    municipalities: tuple[Municipality, ...]
    merges: tuple[Merge, ...]
    transfers: tuple[RegionTransfer, ...]
    counties: tuple[County, ...] = ()

    def in_county(self, county: str) -> tuple[Municipality, ...]:
        """The municipalities of a wellbeing services county, by its full Finnish name."""
        return tuple(m for m in self.municipalities if m.county == county)

    def county(self, name: str) -> County | None:
        """A county by its full Finnish name (as ``Municipality.county`` holds it)."""
        return next((c for c in self.counties if c.name == name), None)

    def by_code(self, code: str) -> Municipality | None:
        return _by_code(self).get(code)

    @property
    def regions(self) -> tuple[str, ...]:
        """Region names in classification code order."""
        seen: dict[str, str] = {}
        for m in sorted(self.municipalities, key=lambda m: m.region_code):
            seen.setdefault(m.region_code, m.region)
        return tuple(seen.values())

    @property
    def subregions(self) -> tuple[str, ...]:
        seen: dict[str, str] = {}
        for m in sorted(self.municipalities, key=lambda m: m.subregion_code):
            seen.setdefault(m.subregion_code, m.subregion)
        return tuple(seen.values())

    def in_region(self, region: str) -> tuple[Municipality, ...]:
        return tuple(m for m in self.municipalities if m.region == region)

    def in_subregion(self, subregion: str) -> tuple[Municipality, ...]:
        return tuple(m for m in self.municipalities if m.subregion == subregion)


@cache
def _by_code(reg: Registry) -> dict[str, Municipality]:
    return {m.code: m for m in reg.municipalities}


def _rows(name: str) -> list[dict[str, str]]:
    from hankkeet.data import read_text

    text = read_text(name)
    return list(csv.DictReader(io.StringIO(text)))


@cache
def registry() -> Registry:
    counties = tuple(
        County(row["hva_id"], row["name_fi"], row["name_sv"], row["short_name_fi"], row["short_name_sv"])
        for row in _rows("hyvinvointialueet.csv")
    )
    county_names = {c.id: c.name for c in counties}
    extra = {row["code"]: row for row in _rows("kunnat-hva.csv")}
    municipalities = tuple(
        Municipality(
            code=row["code"],
            name=row["name_fi"],
            name_sv=row["name_sv"],
            region_code=row["maakunta_code"],
            region=row["maakunta_fi"],
            subregion_code=row["seutukunta_code"],
            subregion=row["seutukunta_fi"],
            population=int(extra[row["code"]]["population_2020"]),
            county=county_names.get(extra[row["code"]]["hva_id"], ""),
        )
        for row in _rows("kunnat.csv")
    )
    merges: list[Merge] = []
    transfers: list[RegionTransfer] = []
    for row in _rows("muutokset-2021.csv"):
        if row["kind"] == "merge":
            merges.append(Merge(date=row["date"], former=row["from"], into=row["to"]))
        elif row["kind"] == "region_transfer":
            transfers.append(
                RegionTransfer(
                    date=row["date"], code=row["code"], name=row["name_fi"],
                    from_region=row["from"], to_region=row["to"],
                )
            )
    return Registry(
        municipalities=municipalities, merges=tuple(merges), transfers=tuple(transfers), counties=counties
    )


@cache
def aliases(kind: Literal["municipality", "region"]) -> tuple[Alias, ...]:
    """The aliases of one kind, from ``data/kunnat-aliases.csv``, in file order."""
    return tuple(
        Alias(row["alias"], row["target"], row["source"]) for row in _rows("kunnat-aliases.csv") if row["kind"] == kind
    )


@cache
def place_names() -> tuple[tuple[str, str, str], ...]:
    """``(name, name_sv, region)`` of every municipality, read straight from
    ``kunnat.csv`` without building the registry: search consults it on every
    run to tell place names from look-alike words, so it is kept cheap."""
    from hankkeet.data import read_text

    lines = read_text("kunnat.csv").splitlines()
    header = lines[0].split(",")
    fi, sv, region = header.index("name_fi"), header.index("name_sv"), header.index("maakunta_fi")
    rows = [line.split(",") for line in lines[1:] if line]
    return tuple((row[fi], row[sv], row[region]) for row in rows)
