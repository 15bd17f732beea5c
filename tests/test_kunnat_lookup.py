"""Municipality and region lookup: every name in the registry, spellings, typos, errors."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

from hankkeet.errors import HankkeetError, UnknownMunicipality, UnknownRegion
from hankkeet.kunnat.lookup import (
    Tier,
    complete_municipality,
    key,
    lookup,
    lookup_exact,
    lookup_region,
    lookup_subregion,
    suggest,
)
from hankkeet.kunnat.registry import aliases, registry
from hankkeet.textnorm import fold

from conftest import check

MUNICIPALITIES = registry().municipalities
IDS = [m.code for m in MUNICIPALITIES]


def test_registry_is_the_2021_classification():
    reg = registry()
    assert len(reg.municipalities) == 309
    assert len({m.code for m in reg.municipalities}) == 309
    assert len(reg.regions) == 19
    assert len(reg.subregions) == 69


def test_no_two_municipalities_share_a_comparison_key():
    keys: dict[str, str] = {}
    for m in MUNICIPALITIES:
        for name in {m.name, m.name_sv}:
            assert keys.setdefault(key(name), m.code) == m.code, name


def test_every_municipality_resolves_to_itself():
    problems = []
    for m in MUNICIPALITIES:
        spellings = {
            m.name, m.name_sv, m.code, str(int(m.code)),
            unicodedata.normalize("NFD", m.name), unicodedata.normalize("NFD", m.name_sv),
            m.name.upper(), m.name_sv.lower(), fold(m.name), fold(m.name_sv), f"  {m.name}\t",
        }
        for spelling in sorted(spellings):
            problems += check(f"{m.code} {spelling!r}", lambda s=spelling, m=m: _resolves_exactly(s, m))
    assert not problems, "\n".join(problems)


def _resolves_exactly(spelling, m):
    match = lookup(spelling)
    if match.municipality != m:
        return f"found {match.municipality.name}"
    if match.tier not in (Tier.CODE, Tier.NAME, Tier.FOLDED):
        return f"only by the {match.tier} tier"
    return None


# A genitive ends in -n; a locative in -ssa/-ssä (inner) or -lla/-llä (outer).
_GENITIVE = re.compile(r"n$")
_LOCATIVE = re.compile(r"(ssa|ssä|lla|llä)$")


def test_every_municipality_has_the_genitive_and_a_locative():
    """Every one-word Finnish name has a genitive and a locative among its
    generated forms, and every form resolves back to the municipality."""
    from hankkeet.kunnat.inflect import inflected_forms

    problems = []
    for m in MUNICIPALITIES:
        forms = inflected_forms(m.name)
        if " " in m.name:
            if forms:
                problems.append(f"{m.name}: a several-word name has forms {sorted(forms)[:3]}")
            continue
        others = [f for f in forms if f != m.name]
        if not any(_GENITIVE.search(f) for f in others):
            problems.append(f"{m.name}: no genitive among {sorted(forms)}")
        if not any(_LOCATIVE.search(f) for f in others):
            problems.append(f"{m.name}: no locative among {sorted(forms)}")
        for form in sorted(forms):
            problems += check(f"{m.name} {form!r}", lambda f=form, m=m: None if lookup(f).municipality == m
                              else f"found {lookup(f).municipality.name}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Lopella", "Loppi"), ("Helsingissä", "Helsinki"), ("Turussa", "Turku"),
        ("Riihimäellä", "Riihimäki"), ("Vantaalla", "Vantaa"), ("Kouvolaan", "Kouvola"),
        ("Lahdessa", "Lahti"), ("Tampereella", "Tampere"), ("Kuhmoisissa", "Kuhmoinen"),
        ("Muhoksella", "Muhos"), ("Lappeenrannassa", "Lappeenranta"), ("Jyvaskylassa", "Jyväskylä"),
        ("Espooseen", "Espoo"), ("Iissä", "Ii"), ("Kuopioon", "Kuopio"), ("Seinäjoella", "Seinäjoki"),
        ("Espoon kaupunki", "Espoo"), ("HELSINGIN", "Helsinki"),
    ],
)
def test_finnish_case_forms(text, name):
    match = lookup(text)
    assert match.municipality.name == name
    assert match.tier == "inflected"
    assert name in (match.note or "")


@pytest.mark.parametrize(
    ("text", "name"),
    [("Mantsala", "Mäntsälä"), ("Jyvaskyla", "Jyväskylä"), ("Abo", "Turku"), ("St. Michel", "Mikkeli"),
     ("S:t Michel", "Mikkeli"), ("Mantta Vilppula", "Mänttä-Vilppula"), ("Koski", "Koski Tl"),
     ("Mänttä", "Mänttä-Vilppula"), ("vilppula", "Mänttä-Vilppula"),
     ("Pedersöre", "Pedersören kunta"), ("Maarianhamina - Mariehamn", "Maarianhamina"), ("KU091", "Helsinki")],
)
def test_other_spellings(text, name):
    assert lookup(text).municipality.name == name


def test_former_municipality_points_to_its_successor_and_says_so():
    for merge in registry().merges:
        match = lookup(merge.former)
        assert match.municipality.name == merge.into
        assert match.tier == "former"
        assert merge.former in match.note and merge.into in match.note and merge.date in match.note


def test_aliases_come_from_the_data_table():
    rows = aliases("municipality")
    assert any(alias == "Uki" for alias, _, _ in rows)
    for alias, target, _ in rows:
        for spelling in (alias, alias.upper(), alias.lower()):
            match = lookup(spelling)
            assert match.municipality.name == target
            assert match.tier == "alias"


def test_a_dropped_letter_is_corrected():
    problems = []
    for m in MUNICIPALITIES:
        if len(m.name) >= 7:
            typo = m.name[:3] + m.name[4:]
            problems += check(f"{m.name} {typo!r}", lambda t=typo, m=m: _corrected(t, m))
    assert not problems, "\n".join(problems)


def _corrected(typo, m):
    try:
        match = lookup(typo)
    except UnknownMunicipality as exc:
        # Acceptable only when another name is as close: then we ask instead of guessing.
        return None if m.name in exc.suggestions else f"not suggested among {exc.suggestions}"
    if match.municipality != m:
        return f"found {match.municipality.name}"
    if match.tier == Tier.FUZZY and typo not in (match.note or ""):
        return f"a correction without a note: {match.note!r}"
    return None


def test_typos():
    assert lookup("Tampre").municipality.name == "Tampere"
    assert lookup("Tampre").tier == "fuzzy"
    assert lookup("Helsnki").municipality.name == "Helsinki"
    assert lookup("Tmapere").municipality.name == "Tampere"


@pytest.mark.parametrize("text", ["Xyzzyville", "Jyväs", "qq", "Atlantis"])
def test_unknown_names_raise_with_suggestions(text):
    with pytest.raises(UnknownMunicipality) as info:
        lookup(text)
    assert info.value.exit_code == 2
    assert text in info.value.message
    assert len(info.value.suggestions) <= 3


def test_suggestions_name_the_closest():
    assert "Jyväskylä" in suggest("Jyväs")
    with pytest.raises(UnknownMunicipality) as info:
        lookup("Jyväs")
    assert "Jyväskylä" in info.value.suggestions


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_empty_input_is_bad_input(text):
    with pytest.raises(HankkeetError) as info:
        lookup(text)
    assert info.value.exit_code == 2


def test_unknown_code():
    with pytest.raises(UnknownMunicipality, match="999"):
        lookup("999")


def test_a_region_is_not_a_municipality_and_the_message_says_so():
    with pytest.raises(UnknownMunicipality, match="region"):
        lookup("Pirkanmaa")


# One input per tier, and the municipality it must reach.
TIER_EXAMPLES = {
    "091": ("code", "Helsinki"),
    "Helsingfors": ("name", "Helsinki"),
    "Mantsala": ("folded", "Mäntsälä"),
    "Honkajoki": ("former", "Kankaanpää"),
    "Uki": ("alias", "Uusikaupunki"),
    "Lopella": ("inflected", "Loppi"),
    "Tampre": ("fuzzy", "Tampere"),
}


def test_every_tier_is_reached_and_serialises_as_its_name():
    for text, (tier, name) in TIER_EXAMPLES.items():
        match = lookup(text)
        assert (match.tier, match.municipality.name) == (tier, name), text
        assert json.dumps(match.tier) == f'"{tier}"'
    assert sorted(t for t, _ in TIER_EXAMPLES.values()) == sorted(Tier), "a tier without an example"


def test_exact_lookup_returns_none_instead_of_raising():
    assert lookup_exact("Lopella").municipality.name == "Loppi"
    assert lookup_exact("Tampre") is None  # no fuzzy tier
    assert lookup_exact("999") is None  # lookup() raises for this one
    assert lookup_exact("") is None
    with pytest.raises(UnknownMunicipality):
        lookup("999")


@pytest.mark.parametrize("region", registry().regions)
def test_every_region_resolves(region):
    for spelling in (region, region.upper(), fold(region), unicodedata.normalize("NFD", region)):
        assert lookup_region(spelling).region == region
    assert lookup_region(region[:-1] + region[-1] * 2).region == region  # a doubled last letter


def test_region_swedish_names_and_case_forms():
    for alias, target, _ in aliases("region"):
        assert lookup_region(alias).region == target
    assert lookup_region("Pirkanmaalla").region == "Pirkanmaa"
    assert lookup_region("Kymenlaaksossa").region == "Kymenlaakso"


def test_unknown_region():
    with pytest.raises(UnknownRegion):
        lookup_region("Atlantis")
    with pytest.raises(UnknownRegion):
        lookup_region(" ")


def test_every_subregion_label_resolves():
    problems = []
    for label in registry().subregions:
        for spelling in (label, fold(label)):
            found = lookup_subregion(spelling)
            if found != label:
                problems.append(f"{spelling!r}: {found!r}")
    assert len(registry().subregions) == 69
    assert not problems, "\n".join(problems)


def test_subregion_short_names_and_variants():
    assert lookup_subregion("Suupohja") == "Suupohjan seutukunta"
    assert lookup_subregion("Forssan seutu") == "Forssan seutukunta"
    assert lookup_subregion("Haapaveden-Siikalatvan seutukunta") == "Haapavesi-Siikalatvan seutukunta"
    assert lookup_subregion("Oulun alue") is None
    assert lookup_subregion("Keski-Uusimaa") is None


def test_completion_offers_names_by_prefix():
    offered = complete_municipality("hel")
    assert "Helsinki" in offered and "Helsingfors" in offered
    assert all(fold(name).startswith("hel") for name in offered)
    assert "Jyväskylä" in complete_municipality("jyvas")
    assert len(complete_municipality("")) == len({n for m in MUNICIPALITIES for n in (m.name, m.name_sv)})
    assert complete_municipality("zzz") == []
