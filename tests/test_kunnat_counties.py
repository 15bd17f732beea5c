"""Wellbeing services counties and populations in the registry."""

from __future__ import annotations

import json

from hankkeet.kunnat.registry import registry

from conftest import ROOT, invoke

MAP_FILE = ROOT / "hankkeet" / "data" / "finland-hva-2021.topo.json"


def test_21_counties_cover_every_municipality_but_helsinki_and_aland() -> None:
    reg = registry()
    assert len(reg.counties) == 21
    without = sorted(m.name for m in reg.municipalities if not m.county)
    aland = sorted(m.name for m in reg.in_region("Ahvenanmaa"))
    assert len(aland) == 16 and without == sorted(["Helsinki", *aland])
    assert sum(len(reg.in_county(c.name)) for c in reg.counties) == 309 - 17
    sizes = {c.short_name: len(reg.in_county(c.name)) for c in reg.counties}
    # From the reference README: 2 (Vantaa and Kerava) to 30 (Pohjois-Pohjanmaa).
    assert sizes["Vantaa ja Kerava"] == 2 and max(sizes.values()) == sizes["Pohjois-Pohjanmaa"] == 30
    assert {m.name for m in reg.in_county("Vantaan ja Keravan hyvinvointialue")} == {"Vantaa", "Kerava"}
    assert reg.county("Pohjois-Karjalan hyvinvointialue").short_name_sv == "Norra Karelen"


def test_populations_agree_with_the_map_file() -> None:
    raw = json.loads(MAP_FILE.read_text(encoding="utf-8"))
    people = {str(g["properties"]["id"]).zfill(3): g["properties"]["population"]
              for g in raw["objects"]["munis"]["geometries"]}
    assert {m.code: m.population for m in registry().municipalities} == people
    assert sum(people.values()) == 5_533_793


def test_kunta_shows_population_and_county(runner) -> None:
    result = invoke(runner, "kunta", "Loppi")
    assert "Kanta-Hämeen hyvinvointialue" in result.stdout and "7 853" in result.stdout
    data = json.loads(invoke(runner, "kunta", "Loppi", "--json").stdout)
    assert data["municipality"]["population"] == 7853
    assert data["municipality"]["county"] == "Kanta-Hämeen hyvinvointialue"
    helsinki = json.loads(invoke(runner, "kunta", "Helsinki", "--json").stdout)
    assert helsinki["municipality"]["county"] is None


def test_coverage_opens_with_the_headline(runner, snapshot) -> None:
    result = invoke(runner, "coverage")
    first = result.stdout.splitlines()[0]
    covered = {c.code for p in snapshot.projects for c in p.municipalities}
    assert first.startswith(f"{len(covered)} of 309 municipalities")
    assert "of the population" in first and "regions without a project" in first
    assert "coop." in result.stdout and "people" in result.stdout


def test_a_county_is_found_by_any_of_its_names() -> None:
    from hankkeet.kunnat.lookup import lookup_county

    for spelling in ("Pohjois-Karjalan hyvinvointialue", "Pohjois-Karjala", "pohjois-karjala",
                     "Norra Karelens välfärdsområde", "Norra Karelen", "POHJOIS-KARJALAN HYVINVOINTIALUE",
                     "Pohjois-Karjalassa", "Pohjois-Karjalan"):
        found = lookup_county(spelling)
        assert found is not None and found.name == "Pohjois-Karjalan hyvinvointialue", spelling
    vakehyva = lookup_county("Vantaan ja Keravan hyvinvointialue")
    assert vakehyva is not None and vakehyva.short_name == "Vantaa ja Kerava"
    assert lookup_county("Helsinki") is None and lookup_county("Loppi") is None and lookup_county("") is None
    # Every county is found by each of its four names.
    for c in registry().counties:
        for name in (c.name, c.name_sv, c.short_name, c.short_name_sv):
            assert lookup_county(name) == c, name


def test_list_kunta_says_which_county(runner) -> None:
    result = invoke(runner, "list", "--kunta", "Loppi")
    assert "Kanta-Hämeen hyvinvointialue" in result.stdout
    as_json = invoke(runner, "list", "--kunta", "Loppi", "--json")
    assert "Kanta-Hämeen hyvinvointialue" in as_json.stderr
    json.loads(as_json.stdout)
    helsinki = invoke(runner, "list", "--kunta", "Helsingfors")
    assert "no wellbeing services county" in helsinki.stdout + helsinki.stderr


def test_a_county_whose_name_has_a_ja_is_one_item_of_an_area_list() -> None:
    from hankkeet.kunnat.areas import resolve_area

    both = sorted(m.code for m in registry().in_county("Vantaan ja Keravan hyvinvointialue"))
    for area in ("Vantaan ja Keravan hyvinvointialue", "Vanda och Kervo välfärdsområde", "Vantaan ja Keravan hva"):
        resolved = resolve_area(area)
        assert sorted(c.code for c in resolved.municipalities) == both, area
        assert resolved.unresolved == (), area
    # Beside other items, and in a case form, it is still the county.
    resolved = resolve_area("Vantaan ja Keravan hyvinvointialueella, Helsinki ja Espoo")
    assert len(resolved.municipalities) == len(both) + 2 and resolved.unresolved == ()
    # Two municipalities joined by ja are still two.
    assert sorted(c.name for c in resolve_area("Porvoo ja Loviisa").municipalities) == ["Loviisa", "Porvoo"]


def test_a_county_named_in_a_case_form_resolves() -> None:
    from hankkeet.kunnat.areas import resolve_area

    whole = len(registry().in_county("Pirkanmaan hyvinvointialue"))
    for area in ("Pirkanmaan hyvinvointialueella", "Pirkanmaan hyvinvointialueen alueella", "Pirkanmaan hva:lla"):
        resolved = resolve_area(area)
        assert len(resolved.municipalities) == whole and resolved.unresolved == (), area
    assert resolve_area("hyvinvointialueella").unresolved == ("hyvinvointialueella",)
