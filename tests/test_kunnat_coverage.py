"""Coverage queries over the bundled snapshot."""

from __future__ import annotations

from hankkeet import coverage
from hankkeet.kunnat.registry import registry
from hankkeet.model import BASES, load

PROJECTS = load().projects


def test_projects_covering_agrees_with_the_snapshot():
    for m in registry().municipalities:
        rows = coverage.projects_covering(PROJECTS, m.code)
        expected = {(p.id, c.basis) for p in PROJECTS for c in p.municipalities if c.code == m.code}
        assert {(r.project.id, r.coverage.basis) for r in rows} == expected
        ranks = [BASES.index(r.coverage.basis) for r in rows]
        assert ranks == sorted(ranks)


def test_covering_row_json_adds_basis_and_note():
    code = PROJECTS[0].municipalities[0].code
    row = coverage.projects_covering(PROJECTS, code)[0]
    data = row.to_dict()
    assert data["basis"] == row.coverage.basis and "note" in data and data["id"] == row.project.id


def test_region_summary_adds_up():
    summary = coverage.region_summary(PROJECTS)
    assert [s.region for s in summary] == list(registry().regions)
    assert sum(s.municipalities for s in summary) == 309
    total = coverage.total_coverage(PROJECTS)
    covered_codes = {c.code for p in PROJECTS for c in p.municipalities}
    assert total.covered == sum(s.covered for s in summary) == len(covered_codes)
    assert 0 <= total.direct <= total.covered
    for s in summary:
        assert 0.0 <= s.share <= 1.0
        members = {m.code for m in registry().in_region(s.region)}
        expected_ids = {p.id for p in PROJECTS if any(c.code in members for c in p.municipalities)}
        assert set(s.project_ids) == expected_ids


def test_uncovered_is_the_complement():
    groups = coverage.uncovered(PROJECTS)
    missing = {m.code for ms in groups.values() for m in ms}
    covered = {c.code for p in PROJECTS for c in p.municipalities}
    assert missing | covered == {m.code for m in registry().municipalities}
    assert not missing & covered
    assert all(ms for ms in groups.values())


def test_coverage_list_has_every_municipality():
    listing = coverage.coverage_list(PROJECTS)
    assert len(listing) == 309
    assert set(listing[0]) == {"code", "name", "name_sv", "region", "subregion", "county", "population", "projects"}
    by_code = {row["code"]: row for row in listing}
    for p in PROJECTS:
        for c in p.municipalities:
            assert {"id": p.id, "basis": c.basis} in by_code[c.code]["projects"]
    only = coverage.coverage_list(PROJECTS, only_uncovered=True)
    assert only and all(row["projects"] == [] for row in only)


# Read off the Toiminta-alue cells by a person, not computed by the code.
COVERED_BY = {
    "Loppi": ["riihimaki"],
    "Helsinki": ["helsinki"],
    "Siilinjärvi": ["kuopio"],  # "maakunnallinen yhteistyö" in Pohjois-Savo
    "Tammela": ["fshky"],  # in Forssan seutukunta
    "Nokia": ["tampere"],  # Pirkanmaa as a whole
    "Uusikaupunki": ["turku"],  # written "Uki"
    "Hämeenlinna": [],
    "Rovaniemi": [],
}
BASIS_OF = {("Siilinjärvi", "kuopio"): "cooperation", ("Tammela", "fshky"): "subregion",
            ("Nokia", "tampere"): "region", ("Loppi", "riihimaki"): "listed", ("Kuopio", "kuopio"): "listed"}
IN_REGION = {
    "Uusimaa": ["espoo", "helsinki", "jarvenpaa", "porvoo", "vantaa"],
    "Kanta-Häme": ["fshky", "riihimaki"],
    "Pirkanmaa": ["tampere"],
    "Lappi": [], "Satakunta": [], "Keski-Pohjanmaa": [], "Ahvenanmaa": [],
}


def _code(name):
    from hankkeet.kunnat.lookup import lookup

    return lookup(name).municipality.code


def test_filters_give_what_the_document_says():
    for name, ids in COVERED_BY.items():
        assert [p.id for p in coverage.filter_by_municipality(PROJECTS, _code(name))] == ids, name
    for region, ids in IN_REGION.items():
        assert [p.id for p in coverage.filter_by_region(PROJECTS, region)] == ids, region
    for (name, pid), basis in BASIS_OF.items():
        rows = {r.project.id: r.coverage.basis for r in coverage.projects_covering(PROJECTS, _code(name))}
        assert rows[pid] == basis, (name, pid)


def test_regions_without_a_project():
    uncovered = {s.region for s in coverage.region_summary(PROJECTS) if not s.project_ids}
    assert uncovered == {"Satakunta", "Keski-Pohjanmaa", "Lappi", "Ahvenanmaa"}
