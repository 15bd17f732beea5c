"""The meaning of a row's cells: applicant, co-implementers, period, ids."""

import pytest

from hankkeet.errors import SourceError
from hankkeet.model import Project
from hankkeet.parse.records import build_project, parse_applicant, parse_period, split_info_cell, unique_ids


@pytest.mark.parametrize(
    ("text", "organisation", "co", "slug"),
    [
        ("Kotkan kaupunki (osatoteuttajana Kouvolan kaupunki)", "Kotkan kaupunki", ("Kouvolan kaupunki",), "kotka"),
        ("Turun kaupunki (osatoteuttajina Uusikaupunki ja Laitila)", "Turun kaupunki", ("Uusikaupunki", "Laitila"), "turku"),
        ("Helsingin kaupunki", "Helsingin kaupunki", (), "helsinki"),
        ("Lahden kaupunki", "Lahden kaupunki", (), "lahti"),
        ("Riihimäen kaupunki", "Riihimäen kaupunki", (), "riihimaki"),
        ("Pedersören kunta", "Pedersören kunta", (), "pedersore"),
        ("Forssan seudun hyvinvointikuntayhtymä, FSHKY", "Forssan seudun hyvinvointikuntayhtymä, FSHKY", (), "fshky"),
        (
            "Etelä-Karjalan sosiaali- ja terveydenhuollon kuntayhtymä, Eksote",
            "Etelä-Karjalan sosiaali- ja terveydenhuollon kuntayhtymä, Eksote",
            (),
            "eksote",
        ),
        ("Inarin kunta (osatoteuttajina Utsjoki, Enontekiö ja Sodankylä)", "Inarin kunta", ("Utsjoki", "Enontekiö", "Sodankylä"), "inari"),
    ],
)
def test_applicant(text, organisation, co, slug):
    applicant = parse_applicant(text)
    assert applicant is not None
    assert (applicant.organisation, applicant.co_implementers, applicant.slug) == (organisation, co, slug)


@pytest.mark.parametrize(
    "text",
    [
        "Kotkan kaupunki (osa",  # parenthesis still open: the cell goes on
        "Etelä-Karjalan sosiaali- ja terveydenhuollon",
        "Forssan seudun hyvinvointikuntayhtymä,",
        "Luodaan alueellinen tukirakenne. Porvoon kaupunki",
        "maahanmuuttajien ohjaus",
    ],
)
def test_incomplete_or_other_text_is_not_an_applicant(text):
    assert parse_applicant(text) is None


def test_period_is_read_as_iso_dates():
    assert parse_period("1.9.2020–31.8.2021") == ("2020-09-01", "2021-08-31")
    assert parse_period("1.10.2020 - 31.8.2021") == ("2020-10-01", "2021-08-31")
    assert parse_period("31.2.2020–31.8.2021") is None
    assert parse_period("syksy 2020") is None


def test_info_cell_splits_into_applicant_name_and_period():
    lines = ["Kotkan kaupunki (osa-", "toteuttajana Kouvolan", "kaupunki)", "Maahanmuuttajien oh-", "jaus", " ", "1.9.2020–31.8.2021"]
    applicant, name, period = split_info_cell(lines, frozenset())
    assert applicant == ["Kotkan kaupunki (osa-", "toteuttajana Kouvolan", "kaupunki)"]
    assert name == ["Maahanmuuttajien oh-", "jaus"]
    assert period == "1.9.2020–31.8.2021"


def test_info_cell_without_period_is_an_error():
    with pytest.raises(SourceError, match="period"):
        split_info_cell(["Kotkan kaupunki", "Hanke"], frozenset())


def _project(pid: str, number: int) -> Project:
    return Project(pid, number, "Turun kaupunki", (), "x", "2020-01-01", "2020-12-31", "Turku", "y")


def test_repeated_ids_get_a_suffix_in_document_order():
    ids = [p.id for p in unique_ids([_project("turku", 1), _project("oulu", 2), _project("turku", 3)])]
    assert ids == ["turku", "oulu", "turku-2"]


def test_parenthesis_on_the_line_after_a_complete_applicant_belongs_to_it():
    # An office suite wraps "Kotkan kaupunki" before its co-implementer parenthesis.
    lines = ["Kotkan kaupunki", "(osatoteuttajana Kouvolan", "kaupunki)", "Hanke", "1.9.2020–31.8.2021"]
    applicant, name, _ = split_info_cell(lines, frozenset())
    assert applicant == ["Kotkan kaupunki", "(osatoteuttajana Kouvolan", "kaupunki)"]
    assert name == ["Hanke"]


def test_name_in_parentheses_after_an_applicant_stays_the_name():
    # A parenthesis that does not read as part of the applicant is left alone.
    lines = ["Riihimäen kaupunki", "(RISEKO) Riihimäen", "seudun kotouttamo", "1.9.2020–31.8.2021"]
    applicant, name, _ = split_info_cell(lines, frozenset())
    assert applicant == ["Riihimäen kaupunki"]
    assert name == ["(RISEKO) Riihimäen", "seudun kotouttamo"]


def test_acronym_cut_by_a_hyphen_is_not_a_complete_applicant():
    lines = ["Etelä-Karjalan sosiaali- ja terveydenhuollon kuntayhtymä, Ek-", "sote", "Hanke", "1.9.2020–31.8.2021"]
    _applicant, name, _ = split_info_cell(lines, frozenset())
    assert name == ["Hanke"]
    assert parse_applicant("Etelä-Karjalan sosiaali- ja terveydenhuollon kuntayhtymä, Ek-") is None


@pytest.mark.parametrize(
    ("applicant", "slug"),
    [
        ("Kauniaisten kaupunki", "kauniainen"),  # -nen names take the plural genitive
        ("Ikaalisten kaupunki", "ikaalinen"),
        ("Pornaisten kunta", "pornainen"),
        ("Helsingin kaupunki", "helsinki"),
        ("Lahden kaupunki", "lahti"),
    ],
)
def test_the_id_is_the_municipality_the_genitive_names(applicant: str, slug: str) -> None:
    from hankkeet.parse.records import parse_applicant

    parsed = parse_applicant(applicant)
    assert parsed is not None and parsed.slug == slug


@pytest.mark.parametrize(("applicant", "name", "organisation", "co", "project_name"), [
    ("Koulutuskuntayhtymä", ["Tavastia (osatoteuttajana Hämeenlinnan", "kaupunki) Kampusneuvonta"],
     "Koulutuskuntayhtymä Tavastia", ("Hämeenlinnan kaupunki",), "Kampusneuvonta"),
    ("Nivala-Haapajärven seutukunta", ["(seutuyhteistyöelin) Selänteen", "neuvonta"],
     "Nivala-Haapajärven seutukunta (seutuyhteistyöelin)", (), "Selänteen neuvonta"),
    ("Kotkan kaupunki", ["(osatoteuttajina Haminan kaupunki ja Pyhtään kunta)", "Kotona Kotkassa"],
     "Kotkan kaupunki", ("Haminan kaupunki", "Pyhtään kunta"), "Kotona Kotkassa"),
    # Left alone: the applicant has its parenthesis already; a name's own parenthesis later on.
    ("Kotkan kaupunki (osatoteuttajana Haminan kaupunki)", ["(Pilotti) Neuvonta"],
     "Kotkan kaupunki", ("Haminan kaupunki",), "(Pilotti) Neuvonta"),
    ("Oulun kaupunki", ["Neuvonta (OSKU) kaikille"], "Oulun kaupunki", (), "Neuvonta (OSKU) kaikille"),
])
def test_what_a_line_split_left_of_the_applicant_in_the_name(applicant, name, organisation, co, project_name):
    project = build_project(1, [applicant], name, "1.9.2025–31.8.2026", ["Oulu"], ["Kuvaus."], frozenset())
    assert (project.organisation, project.co_implementers, project.name) == (organisation, co, project_name)


def test_an_applicant_of_no_known_kind_does_not_end_in_a_broken_word() -> None:
    # Text without type faces: the fallback takes the first line, and the line after it
    # when the first ends in a word broken at a hyphen.
    applicant, name, period = split_info_cell(
        ["Koulutuskeskus Sal-", "paus", "Ohjaamo plus", "1.8.2024–31.7.2025"], frozenset())
    assert (applicant, name, period) == (["Koulutuskeskus Sal-", "paus"], ["Ohjaamo plus"], "1.8.2024–31.7.2025")
