"""Area resolution: each area form, each basis, precedence and the 2021 region transfers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hankkeet.kunnat.areas import classify, is_place, region_members, resolve_area
from hankkeet.kunnat.lookup import lookup_county
from hankkeet.kunnat.registry import registry
from hankkeet.model import BASES, load

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("*.txt"))
PERIOD = {"start": "2020-09-01", "end": "2021-08-31"}  # straddles 2021-01-01


def names(resolution, basis=None):
    return {c.name for c in resolution.municipalities if basis is None or c.basis == basis}


def current(region):
    return {m.name for m in registry().in_region(region)}


def test_a_municipality_alone_is_listed():
    r = resolve_area("Espoo")
    assert [(c.name, c.basis) for c in r.municipalities] == [("Espoo", "listed")]
    assert r.regions == ("Uusimaa",) and r.unresolved == ()


@pytest.mark.parametrize("region", ["Etelä-Karjala", "Pirkanmaa", "Lappi", "Ahvenanmaa"])
def test_a_region_alone_covers_its_municipalities(region):
    r = resolve_area(region, start="2021-02-01", end="2021-12-31")  # after the transfers
    assert names(r) == names(r, "region") == current(region)
    assert r.regions == (region,)


def test_a_subregion_covers_its_members():
    for label in ("Forssan seutukunta", "Raahen seutukunta", "Suupohjan seutukunta"):
        r = resolve_area(label)
        assert names(r) == names(r, "subregion") == {m.name for m in registry().in_subregion(label)}
        assert r.unresolved == ()


def test_an_explicit_list_is_what_counts_and_the_label_is_context():
    r = resolve_area("Kainuu; Kajaani, Sotkamo, Suomussalmi, Kuhmo")
    assert names(r) == names(r, "listed") == {"Kajaani", "Sotkamo", "Suomussalmi", "Kuhmo"}
    assert r.regions == ("Kainuu",)
    r = resolve_area("Keski-Suomi; Jyväskylä")
    assert names(r) == {"Jyväskylä"}


def test_the_list_keeps_the_written_order():
    r = resolve_area("Riihimäen seutukunta; Riihimäki, Hausjärvi, Loppi")
    assert [c.name for c in r.municipalities] == ["Riihimäki", "Hausjärvi", "Loppi"]


@pytest.mark.parametrize("label", ["Keski-Uusimaa", "Itä-Uusimaa", "Oulun alue", "Länsi-Uusimaa"])
def test_informal_labels_are_context_without_warnings(label):
    r = resolve_area(f"{label}; Porvoo")
    assert names(r) == {"Porvoo"} and r.unresolved == ()
    alone = resolve_area(label)
    county = lookup_county(label)
    if county is None:
        assert alone.municipalities == () and alone.unresolved == (label,)
    else:
        # Standing alone, a county's short name means the county's municipalities.
        assert names(alone) == {m.name for m in registry().in_county(county.name)} and alone.unresolved == ()
        assert all(county.name in (c.note or "") for c in alone.municipalities)


@pytest.mark.parametrize("county", [c for c in registry().counties if "-" in c.short_name])
def test_a_county_short_name_alone_is_the_county(county):
    r = resolve_area(county.short_name)
    if classify(county.short_name).kind == "informal":
        assert names(r) == {m.name for m in registry().in_county(county.name)} and r.unresolved == ()


@pytest.mark.parametrize("code", ["049", "257", "753", "710", "905", "638"])  # bilingual municipalities
@pytest.mark.parametrize("dash", [" – ", " — ", " - ", " / ", "/"])
def test_a_place_in_both_languages_is_one_place(code, dash):
    m = registry().by_code(code)
    for first, second in ((m.name, m.name_sv), (m.name_sv, m.name)):
        r = resolve_area(f"{first}{dash}{second}")
        assert [c.code for c in r.municipalities] == [code] and r.unresolved == ()


def test_two_different_places_joined_by_a_dash_are_reported():
    r = resolve_area("Espoo – Vantaa")
    assert r.municipalities == () and r.unresolved == ("Espoo – Vantaa",)


def test_a_subregion_name_inside_a_list():
    r = resolve_area("Etelä-Pohjanmaa; Kurikka, Alavus, Kauhava, Suupohja")
    assert names(r, "listed") == {"Kurikka", "Alavus", "Kauhava"}
    assert names(r, "subregion") == {m.name for m in registry().in_subregion("Suupohjan seutukunta")}


def test_cooperation_prose_covers_the_rest_of_the_label_region():
    r = resolve_area("Pohjois-Savo; Kuopio, maakunnallinen yhteistyö muiden kuntien kanssa", **PERIOD)
    assert names(r, "listed") == {"Kuopio"}
    moved_in = {t.name for t in registry().transfers if t.to_region == "Pohjois-Savo"}
    moved_out = {t.name for t in registry().transfers if t.from_region == "Pohjois-Savo"}
    assert names(r, "cooperation") == (current("Pohjois-Savo") | moved_out | moved_in) - {"Kuopio"}
    assert r.unresolved == ()


def test_basis_precedence_listed_subregion_region_cooperation():
    r = resolve_area("Pohjois-Savo; Kuopio, Ylä-Savon seutukunta, Pohjois-Savo, maakunnallinen yhteistyö muiden kanssa")
    basis = {c.name: c.basis for c in r.municipalities}
    assert basis["Kuopio"] == "listed"
    assert {basis[m.name] for m in registry().in_subregion("Ylä-Savon seutukunta")} == {"subregion"}
    assert "cooperation" not in basis.values()  # the whole region was named: region beats cooperation
    assert len(basis) == len(r.municipalities)  # each municipality once
    ranks = [BASES.index(c.basis) for c in r.municipalities]
    assert ranks == sorted(ranks)


def test_unknown_terms_are_reported_never_dropped():
    r = resolve_area("Atlantis; Espoo, Xyzzy")
    assert r.unresolved == ("Atlantis", "Xyzzy")
    assert names(r) == {"Espoo"}
    assert resolve_area("Pääkaupunkiseutu").unresolved == ("Pääkaupunkiseutu",)


def test_abbreviation_and_former_name_in_a_list_carry_a_note():
    r = resolve_area("Varsinais-Suomi; Turku, Uki")
    uki = next(c for c in r.municipalities if c.name == "Uusikaupunki")
    assert uki.basis == "listed" and "Uki" in uki.note
    r = resolve_area("Satakunta; Honkajoki")
    assert [(c.name, c.basis) for c in r.municipalities] == [("Kankaanpää", "listed")]
    assert "Honkajoki" in r.municipalities[0].note


@pytest.mark.parametrize("transfer", registry().transfers, ids=lambda t: t.name)
def test_region_coverage_across_the_2021_transfers(transfer):
    for region in (transfer.from_region, transfer.to_region):
        r = resolve_area(region, **PERIOD)
        moved = next(c for c in r.municipalities if c.code == transfer.code)
        assert moved.basis == "region"
        assert moved.note == f"in {transfer.from_region} until 2020-12-31; {transfer.to_region} from {transfer.date}"
        others = [c for c in r.municipalities if c.code not in {t.code for t in registry().transfers}]
        assert all(c.note is None for c in others)
    before = resolve_area(transfer.from_region, start="2020-01-01", end="2020-12-31")
    assert transfer.code in {c.code for c in before.municipalities}
    assert transfer.code not in {c.code for c in resolve_area(transfer.to_region, start="2020-01-01", end="2020-12-31").municipalities}
    after = resolve_area(transfer.from_region, start="2021-01-01", end="2021-12-31")
    assert transfer.code not in {c.code for c in after.municipalities}
    assert all(c.note is None for c in after.municipalities)


def test_pirkanmaa_and_kymenlaakso_in_the_project_period():
    pirkanmaa = resolve_area("Pirkanmaa", **PERIOD)
    assert len(pirkanmaa.municipalities) == len(current("Pirkanmaa")) == 23
    assert "Kuhmoinen" in names(pirkanmaa)
    kymenlaakso = resolve_area("Kymenlaakso", **PERIOD)
    assert names(kymenlaakso) == current("Kymenlaakso") | {"Iitti"}
    iitti = next(c for c in kymenlaakso.municipalities if c.name == "Iitti")
    assert "Kymenlaakso" in iitti.note and "Päijät-Häme" in iitti.note


def test_region_members_without_a_period_include_both_sides():
    codes = {m.code for m, _ in region_members("Kymenlaakso")}
    assert {m.code for m in registry().in_region("Kymenlaakso")} < codes


def test_classify_kinds():
    assert classify("Espoo").kind == "municipality"
    assert classify("Forssan seutukunta").kind == "subregion"
    assert classify("Pirkanmaa").kind == "region"
    assert classify("Keski-Uusimaa").kind == "informal"
    assert classify("maakunnallinen yhteistyö muiden kuntien kanssa").kind == "cooperation"
    assert classify("Luodaan").kind == "unknown"


def test_is_place_for_every_area_term_of_the_snapshot(snapshot=None):
    for project in load().projects:
        label, _, rest = project.area.partition(";")
        assert is_place(label), label
        for item in rest.split(","):
            if item.strip() and "yhteistyö" not in item:
                assert is_place(item.strip()), item
    for word in ("Luodaan", "Kehitetään", "Helsingissä luodaan"):
        assert not is_place(word)


def test_bundled_snapshot_carries_the_resolution():
    for project in load().projects:
        r = resolve_area(project.area, start=project.start, end=project.end)
        assert project.municipalities == r.municipalities, project.id
        assert project.regions == r.regions
        assert r.unresolved == (), project.id
        assert project.municipalities, project.id


def test_regenerating_the_snapshot_from_the_seed_is_identical(tmp_path):
    from hankkeet.model import save
    from hankkeet.parse import parse_file

    out = tmp_path / "projects.json"
    snapshot = parse_file(SEED)
    assert snapshot.warnings == ()
    save(snapshot, out)
    bundled = ROOT / "hankkeet" / "data" / "projects.json"
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(bundled.read_text(encoding="utf-8"))


def _county_names(county_name):
    return {m.name for m in registry().in_county(county_name)}


@pytest.mark.parametrize("county", [c for c in registry().counties if classify(c.short_name).kind == "informal"])
def test_a_county_short_name_among_other_items_is_the_county(county):
    # "Keski-Uusimaa, koko alue", "Itä-Uusimaa ja Kymenlaakso": a whole county, not a label.
    members = _county_names(county.name)
    for area in (f"{county.short_name}, koko alue", f"{county.short_name} (koko alue)", f"{county.short_name}; koko alue"):
        r = resolve_area(area)
        assert names(r) == members and r.unresolved == (), area
    r = resolve_area(f"{county.short_name} ja Kainuu")
    assert names(r) == members | {m.name for m in registry().in_region("Kainuu")} and r.unresolved == ()


@pytest.mark.parametrize("county", [c for c in registry().counties if classify(c.short_name).kind == "informal"])
def test_a_county_short_name_before_its_own_municipalities_only_labels_them(county):
    first, second = sorted(_county_names(county.name))[:2]
    r = resolve_area(f"{county.short_name}, {first} ja {second}")
    assert names(r) == {first, second} and r.unresolved == ()


@pytest.mark.parametrize("region", ["Pirkanmaa", "Satakunta", "Lappi"])
def test_koko_maakunta_as_the_list_after_a_region_label_is_the_whole_region(region):
    r = resolve_area(f"{region}; koko maakunta")
    assert names(r) == {m.name for m in registry().in_region(region)} and r.unresolved == ()


def test_koko_kaupunki_after_a_municipality_is_that_municipality():
    for area in ("Helsinki; koko kaupunki", "Oulu, koko kaupunki"):
        r = resolve_area(area)
        assert len(r.municipalities) == 1 and r.unresolved == (), area
