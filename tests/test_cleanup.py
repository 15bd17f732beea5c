"""Rejoining the typeset lines of a cell: each line-end hyphen rule."""

from __future__ import annotations

import unicodedata

import pytest

from hankkeet.parse.cleanup import document_words, join_lines, normalise_extracted


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        # soft break inside a word
        (["Maahanmuuttajien oh-", "jaus"], "Maahanmuuttajien ohjaus"),
        (["Varsi-", "nais-Suomessa"], "Varsinais-Suomessa"),
        # elliptical compound: a conjunction follows, the hyphen and space stay
        (["sosiaali-", "ja terveydenhuollon"], "sosiaali- ja terveydenhuollon"),
        (["ohjaus-", "tai neuvontatyö"], "ohjaus- tai neuvontatyö"),
        # a conjunction-like last syllable ending the cell is no elliptical compound
        (["Kauhava, Suupoh-", "ja"], "Kauhava, Suupohja"),
        (["Suupoh-", "ja"], "Suupohja"),
        (["ohjaus-", "ja", "neuvontatyö"], "ohjaus- ja neuvontatyö"),
        (["toimintatapo-", "ja ja liikkuvien"], "toimintatapoja ja liikkuvien"),  # conjunction follows
        (["rooleja ja toimintatapo-", "ja", "ja vastuita"], "rooleja ja toimintatapoja ja vastuita"),
        # an acronym hyphenated by the typesetter joins up
        (["malli (MA-", "GEE)"], "malli (MAGEE)"),
        # free-standing elliptical hyphen belongs to the next word
        (["monikanavaista ja -", "kielistä"], "monikanavaista ja -kielistä"),
        # genuine compound hyphens at the line end stay, without a space
        (["Etelä-", "Karjala"], "Etelä-Karjala"),  # capital after the break
        (["Päijät-", "Hämeessä"], "Päijät-Hämeessä"),
        (["Keski-", "Uusimaa"], "Keski-Uusimaa"),
        (["vapaa-", "ajan"], "vapaa-ajan"),  # two identical vowels meet
        (["sote-", "hyvinvointikeskuksia"], "sote-hyvinvointikeskuksia"),  # lower-case abbreviation
        (["EU-", "hanke"], "EU-hanke"),  # upper-case abbreviation
        (["vuoden 2020-", "luvulla"], "vuoden 2020-luvulla"),  # digit
        (["ajanvaraukseton chat-", "palvelu"], "ajanvaraukseton chat-palvelu"),  # a foreign first part
        (["jazz-", "musiikki"], "jazz-musiikki"),
        (["kehittämishan-", "ke"], "kehittämishanke"),  # "sh" at a Finnish compound boundary is no foreign word
        (["Welcome Of-", "fice"], "Welcome Office"),  # a foreign word broken inside itself
        # a range of numbers broken after its dash stays one token; a dash between words keeps its space
        (["neuvonta 2026\u2013", "2027"], "neuvonta 2026\u20132027"),
        (["vuosina 2024 \u2013", "2026"], "vuosina 2024 \u2013 2026"),
        (["Pohjanmaan hyvinvointialue \u2013", "V\u00e4lf\u00e4rdsomr\u00e5de"], "Pohjanmaan hyvinvointialue \u2013 V\u00e4lf\u00e4rdsomr\u00e5de"),
        # ordinary lines get one space
        (["Kotkan kaupunki", "(osatoteuttajana"], "Kotkan kaupunki (osatoteuttajana"),
    ],
)
def test_line_end_rules(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


def test_document_spelling_keeps_hyphen() -> None:
    known = document_words(["alueen asiakas-palvelupiste toimii"])
    assert join_lines(["asiakas-", "palvelupiste"], known) == "asiakas-palvelupiste"
    assert join_lines(["asiakas-", "palvelupiste"]) == "asiakaspalvelupiste"


def test_a_first_part_the_document_hyphenates_elsewhere_keeps_its_hyphen() -> None:
    known = document_words(["neuvontaa puhelimessa ja info-iskuina", "vapaa-ajan toimintaa", "Etelä-Karjala"])
    assert join_lines(["info-", "tilaisuus"], known) == "info-tilaisuus"
    # Hyphens the vowels or a capital require teach nothing about other compounds.
    assert join_lines(["vapaa-", "palvelu"], known) == "vapaapalvelu"
    assert join_lines(["etelä-", "suunta"], known) == "eteläsuunta"


def test_soft_hyphen_at_line_end_is_always_a_soft_break() -> None:
    # Even where the capital rule would keep a visible hyphen.
    assert join_lines(["oh\u00ad", "jaus"]) == "ohjaus"
    assert join_lines(["Kotout\u00ad", "tamo"]) == "Kotouttamo"


def test_normalise_extracted_ligatures_hyphens_and_nfc() -> None:
    assert normalise_extracted("\ufb01nanssi") == "finanssi"
    assert normalise_extracted("Keski\u2010Suomi") == "Keski-Suomi"
    assert normalise_extracted("1.9.2020\u201331.8.2021") == "1.9.2020\u201331.8.2021"  # en dash kept
    assert normalise_extracted("x\u00b2") == "x\u00b2"  # not a letter: NFKC would make it "2"
    decomposed = unicodedata.normalize("NFD", "Mäntsälä")
    assert normalise_extracted(decomposed) == "Mäntsälä"


def test_plain_lines_join_with_one_space() -> None:
    assert join_lines(["Luodaan uusi  ", "  poikkihallinnollinen", "", "palvelu"]) == "Luodaan uusi poikkihallinnollinen palvelu"


def test_output_is_nfc_with_invisible_characters_removed() -> None:
    decomposed = "Ja\u0308rvenpa\u0308a\u0308"
    assert join_lines([decomposed + "\u00ad", "n kaupunki"]) == "Järvenpään kaupunki"
    assert join_lines(["palvelu\u200bpiste"]) == "palvelupiste"


def test_acronym_compound_spelled_with_hyphen_in_the_document_keeps_it() -> None:
    known = document_words(["rahoitus EU-ESR ohjelmasta"])
    assert join_lines(["EU-", "ESR"], known) == "EU-ESR"


def test_a_word_the_document_spells_whole_loses_a_line_end_hyphen_between_like_vowels() -> None:
    # A hyphenator that splits a long vowel (co-or-di-nate patterns) is no compound boundary.
    lines = ["kotoutumisko-", "ordinaattori aloittaa"]
    assert join_lines(lines) == "kotoutumisko-ordinaattori aloittaa"  # Finnish spelling alone: a compound
    known = document_words(["Palkataan kotoutumiskoordinaattori."])
    assert join_lines(lines, known) == "kotoutumiskoordinaattori aloittaa"
    # ... but not when the document also spells it with the hyphen, nor for a capital after it.
    both = document_words(["kotoutumiskoordinaattori", "kotoutumisko-ordinaattori"])
    assert join_lines(lines, both) == "kotoutumisko-ordinaattori aloittaa"
    assert join_lines(["Etelä-", "Karjala"], document_words(["Eteläkarjala"])) == "Etelä-Karjala"


def test_a_date_range_broken_after_its_dash_is_one_token() -> None:
    assert join_lines(["syksyllä 2029 (1.9.–", "30.11.2029) järjestetään"]) == "syksyllä 2029 (1.9.–30.11.2029) järjestetään"
    assert join_lines(["vuosina 2026–", "2027 ja"]) == "vuosina 2026–2027 ja"
    # A dash after a word is a dash between words.
    assert join_lines(["Kotka –", "2027"]) == "Kotka – 2027"
