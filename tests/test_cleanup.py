"""Rejoining the typeset lines of a cell: each hyphen case."""

from hankkeet.parse.cleanup import document_words, join_lines, normalise_extracted


def test_plain_lines_join_with_one_space():
    assert join_lines(["Luodaan uusi  ", "  poikkihallinnollinen", "", "palvelu"]) == "Luodaan uusi poikkihallinnollinen palvelu"


def test_soft_break_inside_a_word_is_removed():
    assert join_lines(["maahanmuuttajien oh-", "jaus- ja neuvontapalvelui-", "den"]) == "maahanmuuttajien ohjaus- ja neuvontapalveluiden"


def test_elliptical_compound_keeps_hyphen_and_space():
    assert join_lines(["Etelä-Karjalan sosiaali-", "ja terveydenhuollon"]) == "Etelä-Karjalan sosiaali- ja terveydenhuollon"
    assert join_lines(["kehittämis-", "tai käynnistämishanke"]) == "kehittämis- tai käynnistämishanke"


def test_free_standing_hyphen_attaches_to_next_word():
    assert join_lines(["monikanavaista ja -", "kielistä ohjausta"]) == "monikanavaista ja -kielistä ohjausta"


def test_capital_after_break_keeps_the_hyphen():
    assert join_lines(["Etelä-", "Karjala"]) == "Etelä-Karjala"
    assert join_lines(["kehittäminen Päijät-", "Hämeessä"]) == "kehittäminen Päijät-Hämeessä"


def test_identical_vowels_meeting_keep_the_hyphen():
    assert join_lines(["vapaa-", "ajan neuvontapalveluita"]) == "vapaa-ajan neuvontapalveluita"


def test_soft_break_between_different_letters_joins():
    assert join_lines(["Uudessa-", "kaupungissa"]) == "Uudessakaupungissa"
    assert join_lines(["Varsi-", "nais-Suomessa"]) == "Varsinais-Suomessa"


def test_document_spelling_decides_for_a_genuine_hyphen():
    known = document_words(["neuvontaa osaksi alueen sote-hyvinvointikeskuksia"])
    assert join_lines(["alueen sote-", "hyvinvointikeskuksia"], known) == "alueen sote-hyvinvointikeskuksia"
    assert join_lines(["alueen sote-", "hyvinvointikeskuksia"]) == "alueen sotehyvinvointikeskuksia"


def test_digits_keep_the_hyphen():
    assert join_lines(["vuosina 2020-", "2021"]) == "vuosina 2020-2021"


def test_output_is_nfc_with_invisible_characters_removed():
    decomposed = "Ja\u0308rvenpa\u0308a\u0308"
    assert join_lines([decomposed + "\u00ad", "n kaupunki"]) == "Järvenpään kaupunki"


def test_ligatures_are_normalised():
    assert normalise_extracted("\ufb01nanssi") == "finanssi"
    assert normalise_extracted("palvelu\u00adpiste") == "palvelupiste"
