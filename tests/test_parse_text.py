"""The text-form parser, on the seed document and on synthetic documents of the same shape."""

from __future__ import annotations

import unicodedata
from importlib import resources

import pytest

from hankkeet.errors import SourceError
from hankkeet.model import dumps
from hankkeet.parse import parse_bytes, parse_file

from conftest import SEED_TEXT


@pytest.fixture(scope="module")
def parsed():
    return parse_file(SEED_TEXT)


def by_id(snapshot, pid):
    project = snapshot.get(pid)
    assert project is not None, pid
    return project


def test_bundled_snapshot_is_exactly_what_the_parser_makes_from_seeds(parsed):
    bundled = resources.files("hankkeet.data").joinpath("projects.json").read_text(encoding="utf-8")
    assert dumps(parsed.to_dict()) == bundled, (
        "hankkeet/data/projects.json is stale: run "
        "`uv run hankkeet parse seeds/000_321a0afa37a476e5.txt -o hankkeet/data/projects.json`"
    )


def test_header_records_the_source(parsed):
    import hashlib

    assert parsed.source.file == SEED_TEXT.name
    assert parsed.source.sha256 == hashlib.sha256(SEED_TEXT.read_bytes()).hexdigest()
    assert parsed.source.title.startswith("Erityisavustus kunnille ja kuntayhtymille")
    # The title is broken "neuvontapal-" / "veluiden" in the document.
    assert "neuvontapalveluiden käynnistämiseen" in parsed.source.title
    assert parsed.source.subtitle == "Yhteenveto rahoitettavista hankkeista"


def test_every_row_becomes_one_record_in_document_order(parsed):
    projects = parsed.projects
    assert [p.number for p in projects] == list(range(1, len(projects) + 1))
    # One record per period line in the document.
    periods = [line for line in SEED_TEXT.read_text(encoding="utf-8").splitlines() if "2020–" in line]
    assert len(projects) == len(periods) == 21
    assert len({p.id for p in projects}) == len(projects)


def test_all_text_is_clean_nfc(parsed):
    for project in parsed.projects:
        for value in (project.organisation, project.name, project.area, project.description, *project.co_implementers):
            assert value == unicodedata.normalize("NFC", value)
            assert value == value.strip() and "  " not in value and "\n" not in value
            # No page furniture leaks into a cell.
            assert "Hankkeen tiedot" not in value and "4(4)" not in value
        assert project.id.isascii() and project.id == project.id.lower()


def test_one_line_area_is_split_from_the_description_sharing_its_line(parsed):
    eksote = by_id(parsed, "eksote")
    assert eksote.area == "Etelä-Karjala"
    assert eksote.description.startswith("Luodaan hankkeen toiminta-alueelle")
    helsinki = by_id(parsed, "helsinki")
    # "Helsinki Luodaan Helsinkiin …": the place word in the description stays there.
    assert helsinki.area == "Helsinki"
    assert helsinki.description.startswith("Luodaan Helsinkiin monikielisten")


def test_area_block_with_broken_words(parsed):
    assert by_id(parsed, "jarvenpaa").area == "Keski-Uusimaa; Järvenpää, Tuusula, Hyvinkää, Nurmijärvi, Mäntsälä, Pornainen"
    assert by_id(parsed, "essote").area == "Etelä-Savo; Mikkeli, Juva, Hirvensalmi, Pertunmaa"
    assert by_id(parsed, "fshky").area == "Forssan seutukunta"


def test_page_break_with_stray_space_starts_a_new_row(parsed):
    # " Porvoon kaupunki" follows Järvenpää's description with no blank line.
    jarvenpaa, porvoo = by_id(parsed, "jarvenpaa"), by_id(parsed, "porvoo")
    assert jarvenpaa.description.endswith("pilotoidaan monialaisia yhteistyökäytäntöjä.")
    assert porvoo.organisation == "Porvoon kaupunki"
    assert porvoo.name == "Avointa ohjausta ja neuvontaa maahanmuuttajille, yhdessä"


def test_page_header_between_rows_is_skipped(parsed):
    vaasa, oulu = by_id(parsed, "vaasa"), by_id(parsed, "oulu")
    assert vaasa.description.endswith("koulutusta ja tilaisuuksia yhteistyöverkostolle.")
    assert oulu.organisation == "Oulun kaupunki"


def test_trailing_furniture_after_the_last_row_is_dropped(parsed):
    turku = parsed.projects[-1]
    assert turku.description.endswith("palveluiden monikanavaisuutta ja digitaalisuutta.")


def test_co_implementers_leave_the_organisation(parsed):
    kotka, turku = by_id(parsed, "kotka"), by_id(parsed, "turku")
    assert (kotka.organisation, kotka.co_implementers) == ("Kotkan kaupunki", ("Kouvolan kaupunki",))
    assert (turku.organisation, turku.co_implementers) == ("Turun kaupunki", ("Uusikaupunki", "Laitila"))
    assert sum(1 for p in parsed.projects if p.co_implementers) == 2


def test_hyphen_cases_in_the_seed(parsed):
    kotka = by_id(parsed, "kotka")
    assert "monikanavaista ja -kielistä ohjausta" in kotka.description
    assert by_id(parsed, "eksote").organisation == "Etelä-Karjalan sosiaali- ja terveydenhuollon kuntayhtymä, Eksote"
    assert by_id(parsed, "kuopio").description.endswith("vapaa-ajan neuvontapalveluita.")
    assert "Uudessakaupungissa" in by_id(parsed, "turku").description
    assert by_id(parsed, "jarvenpaa").name.endswith("keskusverkoston kehittämis- ja käynnistämishanke")


def test_periods(parsed):
    assert (by_id(parsed, "espoo").start, by_id(parsed, "espoo").end) == ("2020-10-01", "2021-08-31")
    assert (by_id(parsed, "kotka").start, by_id(parsed, "kotka").end) == ("2020-09-01", "2021-08-31")


SYNTHETIC = """\
Erityisavustus kokeiluun (2022)

Yhteenveto rahoitettavista hankkeista

Hankkeen tiedot Toiminta-alue Toiminnan kuvaus

Inarin kunta (osato-
teuttajina Utsjoki ja
Sodankylä)
Saamenkielisen oh-
jauksen kehittäminen

1.1.2022–31.12.2022

Lappi; Inari, Uts-
joki, Sodankylä

Kehitetään saamen- ja suomenkielistä oh-
jausta sekä vapaa-
ajan toimintaa Pohjois-
Lapissa.
 Kemin kaupunki
Kemin Welcome

1.3.2022–28.2.2023

Kemi Perustetaan neuvontapiste, jonka toiminta-
malli jaetaan Kemi-Tornion kuntien kanssa.



2(2)

Hankkeen tiedot Toiminta-alue Toiminnan kuvaus

Pohjois-Pohjanmaan kuntayh-
tymä, PPKY
Maahanmuuttajien neuvonta

1.1.2022–31.12.2022

Pohjois-Pohjanmaa Tarjotaan ohjausta
ja neuvontaa.
"""


def test_a_new_document_of_the_same_shape():
    snapshot = parse_bytes(SYNTHETIC.encode(), "synthetic.txt")
    assert snapshot.source.title == "Erityisavustus kokeiluun (2022)"
    inari, kemi, ppky = snapshot.projects
    assert (inari.id, inari.organisation, inari.co_implementers) == ("inari", "Inarin kunta", ("Utsjoki", "Sodankylä"))
    assert inari.name == "Saamenkielisen ohjauksen kehittäminen"
    assert (inari.start, inari.end) == ("2022-01-01", "2022-12-31")
    assert inari.area == "Lappi; Inari, Utsjoki, Sodankylä"
    assert inari.description == "Kehitetään saamen- ja suomenkielistä ohjausta sekä vapaa-ajan toimintaa Pohjois-Lapissa."
    assert (kemi.id, kemi.area) == ("kemi", "Kemi")
    assert kemi.description == "Perustetaan neuvontapiste, jonka toimintamalli jaetaan Kemi-Tornion kuntien kanssa."
    assert (ppky.id, ppky.organisation) == ("ppky", "Pohjois-Pohjanmaan kuntayhtymä, PPKY")
    assert (ppky.area, ppky.description) == ("Pohjois-Pohjanmaa", "Tarjotaan ohjausta ja neuvontaa.")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "the file is empty"),
        (b" \n\n", "the file is empty"),
        (b"just some text\nwithout a table\n", "column header"),
        (b"Hankkeen tiedot Toiminta-alue Toiminnan kuvaus\n\nKuka tahansa\n", "unexpected text"),
        (b"Hankkeen tiedot Toiminta-alue Toiminnan kuvaus\n\n", "no projects"),
        (b"\xff\xfe\x00b\x00i\x00n", "column header"),  # UTF-16 by its mark, and no table in it
        (b"\xff\xfe\x00\xd8", "not UTF-16 text"),
        (b"\x00\x01\x02binary", "neither a PDF nor a text file"),
        (b"caf\xe9 latin-1", "not UTF-8"),
    ],
)
def test_documents_that_are_not_a_summary_give_a_clear_error(content, problem):
    with pytest.raises(SourceError) as caught:
        parse_bytes(content, "bad.txt")
    assert problem in caught.value.message
    assert caught.value.message.startswith("bad.txt: ")
    assert "\n" not in caught.value.message


def test_an_impossible_date_is_a_warning_and_null_dates(runner, tmp_path):
    import json as _json

    from conftest import invoke

    document = SYNTHETIC.replace("1.3.2022–28.2.2023", "31.2.2022–28.2.2023")
    snapshot = parse_bytes(document.encode(), "odd.txt")
    kemi = snapshot.get("kemi")
    assert (kemi.start, kemi.end) == (None, None)
    assert [p.start for p in snapshot.projects if p.id != "kemi"] == ["2022-01-01", "2022-01-01"]
    assert any("kemi" in w and "31.2.2022" in w for w in snapshot.warnings)

    source, out = tmp_path / "odd.txt", tmp_path / "odd.json"
    source.write_text(document, encoding="utf-8")
    result = invoke(runner, "parse", str(source), "-o", str(out))
    assert result.exit_code == 0
    assert "warning: kemi: cannot read the period '31.2.2022–28.2.2023'" in result.stderr
    shown = invoke(runner, "--data", str(out), "show", "kemi", "--json")
    assert shown.exit_code == 0 and _json.loads(shown.stdout)["start"] is None
    table = invoke(runner, "--data", str(out), "show", "kemi")
    assert "? – ?" in table.stdout


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_text_saved_as_utf16_or_utf32_with_its_mark_parses_as_utf8_does(encoding):
    from conftest import SEED_TEXT

    text = SEED_TEXT.read_text(encoding="utf-8")
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):  # the mark, as editors write it
        data = "\ufeff".encode(encoding) + data
    assert parse_bytes(data, "a.txt").projects == parse_bytes(text.encode(), "a.txt").projects
