"""Where an applicant ends in text without type faces: the shape of the name itself,
registry names, and which lines the typesetter wrapped; and the line-end and area
rules met on later-round documents."""

from __future__ import annotations

import pytest

from hankkeet.kunnat.areas import resolve_area
from hankkeet.parse.cleanup import document_words, join_lines
from hankkeet.parse.records import name_goes_on, parse_applicant, split_info_cell

PERIOD = "1.9.2027–31.8.2028"


def applicant_and_name(lines: list[str], wraps: list[bool] | None = None) -> tuple[str, str]:
    known = document_words(lines)
    applicant, name, _ = split_info_cell([*lines, PERIOD], known, wraps=wraps)
    return join_lines(applicant, known), join_lines(name, known)


@pytest.mark.parametrize(("lines", "applicant", "name"), [
    # A dash at the line end: the other language's name follows.
    (["Pohjanmaan hyvinvointialue –", "Välfärdsområde Österbotten", "Jakobstadsregionens vägledning"],
     "Pohjanmaan hyvinvointialue – Välfärdsområde Österbotten", "Jakobstadsregionens vägledning"),
    # A comma at the line end: the short name follows.
    (["Länsi-Uudenmaan hyvinvointialue,", "Västra Nylands välfärd", "Neuvonnan reitit"],
     "Länsi-Uudenmaan hyvinvointialue, Västra Nylands välfärd", "Neuvonnan reitit"),
    # A genitive waiting for its noun, of an organisation of no listed kind.
    (["Pohjois-Lapin kuntien", "yhteistyöelin Revontuli", "Tunturien neuvonta"],
     "Pohjois-Lapin kuntien yhteistyöelin Revontuli", "Tunturien neuvonta"),
    (["Keski-Pohjanmaan ja", "Pietarsaaren alueen kuntien", "yhteistoimintaelin", "Yhteinen", "neuvonta"],
     "Keski-Pohjanmaan ja Pietarsaaren alueen kuntien yhteistoimintaelin", "Yhteinen neuvonta"),
    # A Swedish genitive before its noun, and a Swedish name with its kind first.
    (["Samkommunen Kust-Österbottens", "utbildning", "Vägledning för vuxna"],
     "Samkommunen Kust-Österbottens utbildning", "Vägledning för vuxna"),
    # A short name that runs on into the registry's Swedish name of the county.
    (["Varsinais-Suomen hyvinvointialue, Egentliga", "Finlands välfärd", "Saaristomeren neuvonta"],
     "Varsinais-Suomen hyvinvointialue, Egentliga Finlands välfärd", "Saaristomeren neuvonta"),
    (["Keski-Uudenmaan hyvinvointialue, Mellersta", "Nylands välfärdsområde", "Neuvonta lähellä"],
     "Keski-Uudenmaan hyvinvointialue, Mellersta Nylands välfärdsområde", "Neuvonta lähellä"),
    # A complete applicant stays as it is: a project name in capitals is no short name.
    (["Etelä-Karjalan hyvinvointialue, Eksote", "Rajaseudun neuvonta"],
     "Etelä-Karjalan hyvinvointialue, Eksote", "Rajaseudun neuvonta"),
    (["Kainuun kuntien yhteistyöryhmä Kajastus", "Kajastus neuvoo"],
     "Kainuun kuntien yhteistyöryhmä Kajastus", "Kajastus neuvoo"),
])
def test_the_applicant_ends_where_its_name_does(lines, applicant, name) -> None:
    assert applicant_and_name(lines) == (applicant, name)


def test_a_wrapped_line_carries_a_name_of_no_known_kind_on() -> None:
    lines = ["Kainuun kuntien yhteistyöryhmä", "Kajastus", "Kajastus neuvoo"]
    assert applicant_and_name(lines, [True, False, False]) == ("Kainuun kuntien yhteistyöryhmä Kajastus",
                                                               "Kajastus neuvoo")
    # Not wrapped: the first line is all the layout gives, and it is kept.
    assert applicant_and_name(lines, [False, False, False])[0] == "Kainuun kuntien yhteistyöryhmä"
    # A line that wraps on again starts a paragraph: the project name.
    lines = ["Kuntien yhteistoimintaelin", "Yhteinen", "maahanmuuttoneuvonta"]
    assert applicant_and_name(lines, [True, True, False]) == ("Kuntien yhteistoimintaelin",
                                                              "Yhteinen maahanmuuttoneuvonta")


def test_shapes_that_end_no_name() -> None:
    assert name_goes_on("Pohjanmaan hyvinvointialue –") and name_goes_on("Vantaan ja")
    assert name_goes_on("Kainuun kuntien", "yhteistyöryhmä") and not name_goes_on("Kainuun kuntien", "Kajastus")
    assert name_goes_on("Västra Nylands", "välfärdsområde")
    assert not name_goes_on("Kuntien yhteistyöryhmä Kajastus") and not name_goes_on("Yhteinen", "neuvonta")
    assert parse_applicant("Välfärdsområde Österbotten") is not None


@pytest.mark.parametrize(("lines", "joined"), [
    # A hyphenator that splits a long vowel: no word of the document starts with the rest.
    (["Järjestetään perehdytystilaisu-", "utta kahdesti."], "Järjestetään perehdytystilaisuutta kahdesti."),
    # A compound of like vowels keeps its hyphen: its second part is a word of the document.
    (["Kehitetään opinto-", "ohjausta; ohjaus on maksutonta."], "Kehitetään opinto-ohjausta; ohjaus on maksutonta."),
    # ... or its first part is.
    (["Tarjotaan neuvonta-", "apu; neuvonta on auki."], "Tarjotaan neuvonta-apu; neuvonta on auki."),
    # Three like vowels never meet inside a Finnish word.
    (["Järjestetään vapaa-", "ajan toimintaa."], "Järjestetään vapaa-ajan toimintaa."),
])
def test_a_hyphen_between_like_vowels(lines, joined) -> None:
    assert join_lines(lines, document_words(lines)) == joined


def test_a_list_with_a_comma_before_its_last_item() -> None:
    resolved = resolve_area("Oulu, Kempele, Liminka, ja Muhos")
    assert not resolved.unresolved
    assert [m.name for m in resolved.municipalities] == ["Oulu", "Kempele", "Liminka", "Muhos"]


def test_a_place_prefix_keeps_its_hyphen_a_writer_dropped() -> None:
    assert join_lines(["(osatoteuttajana EteläKarja-", "lan hyvinvointialue)"]) == \
        "(osatoteuttajana Etelä-Karjalan hyvinvointialue)"
    assert join_lines(["Koulutus WinNova"]) == "Koulutus WinNova"


HEADER = "Hankkeen tiedot              Toiminta-alue          Toiminnan kuvaus"


def _layout_page(rows: list[tuple[str, str, str]], area_at: int, description_at: int) -> str:
    return "\n".join(f"{a:<{area_at}}{b:<{description_at - area_at}}{c}".rstrip() for a, b, c in rows)


def test_a_run_after_a_broken_word_opens_the_next_cell() -> None:
    from hankkeet.parse.layout_text import parse_layout_text

    rows = [("Lahden kaupunki", "Lahti", "Avataan neuvontapiste kirjastoon;"),
            ("Neuvonta lähellä", "Hollola", "palvellaan iltaisin."), (PERIOD, "", ""),
            ("Pohjois-Pohjanmaan hy-", "", "Kehitetään seudun neuvontaa ja"),
            ("vinvointialue, Pohde", "", "kootaan tiedot yhteen."),
            ("Oulun seudun neuvonta", "", ""), (PERIOD, "", ""),
            ("Porin kaupunki", "Pori", "Tarjotaan ohjausta;"), ("Porin neuvonta", "Ulvila", "kootaan oppaat."),
            (PERIOD, "", "")]
    lines = _layout_page(rows, 35, 58).split("\n")
    # pdftotext set one area cell's first line left of its column, after the broken word.
    lines[3] = lines[3][:22] + "      Oulun seutukunta" + " " * 14 + lines[3][58:]
    text = HEADER.replace("Toiminta-alue", "      Toiminta-alue") + "\n" + "\n".join(lines) + "\n"
    project = parse_layout_text(text, "t.txt", "0").projects[1]
    assert (project.organisation, project.area) == ("Pohjois-Pohjanmaan hyvinvointialue, Pohde", "Oulun seutukunta")


def test_a_page_without_a_header_may_set_its_columns_further_off() -> None:
    from hankkeet.parse.layout_text import parse_layout_text

    first = _layout_page([("Lahden kaupunki", "Lahti", "Avataan neuvontapiste kirjastoon;"),
                          ("Neuvonta lähellä", "", "palvellaan iltaisin."), (PERIOD, "", "")], 29, 52)
    rows = [("Kotkan kaupunki", "Kotka ja Hamina", "Kootaan neuvonta yhteen;"),
            ("Satamien neuvonta", "", "palvellaan satamassa."), (PERIOD, "", ""),
            ("Porin kaupunki", "Pori", "Tarjotaan ohjausta;"), ("Porin neuvonta", "", "kootaan oppaat."),
            (PERIOD, "", "")]
    second = _layout_page(rows, 27, 45)
    text = HEADER + "\n" + first + "\n\f" + second + "\n"
    projects = parse_layout_text(text, "t.txt", "0").projects
    assert [(p.area, p.description) for p in projects[1:]] == [
        ("Kotka ja Hamina", "Kootaan neuvonta yhteen; palvellaan satamassa."),
        ("Pori", "Tarjotaan ohjausta; kootaan oppaat."),
    ]


def test_a_conjunction_set_wide_after_an_elliptical_hyphen_stays_in_its_cell() -> None:
    from hankkeet.parse.layout_text import parse_layout_text

    rows = [("Hämeenlinnan kaupunki", "Hämeenlinna", "Sijoitetaan neuvoja"),
            ("(osatoteuttajana sivistys-", "", "hyvinvointikeskukseen;"),
            ("ja hyvinvointipalvelut)", "", "kootaan ohjeet."),
            ("Neuvonta lähellä", "", ""), (PERIOD, "", "")]
    lines = _layout_page(rows, 35, 58).split("\n")
    # Justification set the line's last word wide, into the next column.
    lines[1] = "(osatoteuttajana sivistys-" + " " * 9 + "ja" + " " * 21 + "hyvinvointikeskukseen;"
    lines[2] = "hyvinvointipalvelut)" + " " * 38 + "kootaan ohjeet."
    text = HEADER.replace("Toiminta-alue", "      Toiminta-alue") + "\n" + "\n".join(lines) + "\n"
    project = parse_layout_text(text, "t.txt", "0").projects[0]
    assert project.co_implementers == ("sivistys- ja hyvinvointipalvelut",)
    assert project.area == "Hämeenlinna"
