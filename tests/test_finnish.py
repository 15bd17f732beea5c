"""Rules of hankkeet.finnish: tokens, elliptical hyphens, stems, gradation, compounds."""

from __future__ import annotations

import unicodedata

import pytest

from hankkeet import finnish


def keys(text: str, kind: str | None = None) -> list[str]:
    return [w.key for w in finnish.words(text) if kind is None or w.kind == kind]


def test_words_are_folded_with_spans_into_the_original() -> None:
    text = "Etäohjausta Riihimäellä"
    found = [w for w in finnish.words(text) if w.kind == "word"]
    assert [w.key for w in found] == ["etaohjausta", "riihimaella"]
    assert [text[w.start : w.end] for w in found] == ["Etäohjausta", "Riihimäellä"]
    assert [w.position for w in found] == [0, 1]


def test_hyphenated_compound_yields_itself_and_its_parts() -> None:
    assert keys("vapaa-ajan neuvontapalveluita") == ["vapaa-ajan", "vapaa", "ajan", "neuvontapalveluita"]
    assert keys("sote-hyvinvointikeskuksia", "part") == ["sote", "hyvinvointikeskuksia"]


def test_vowel_harmony_clash_is_a_compound_boundary() -> None:
    # Folded, ä|a reads as a long aa; unfolded, back and front vowels never meet inside one word.
    assert keys("kehittäjäasiakasryhmä", "harmony") == ["kehittaja", "asiakasryhma"]
    assert keys("pääasiallinen", "harmony") == ["asiallinen"]  # a three-letter head is no part of its own
    assert keys("etäohjaukseen", "harmony") == []  # a|o is no long vowel: compound_parts splits it
    assert keys("neuvontapalveluiden toimintaa maahanmuuttajaväestön", "harmony") == []
    text = "Kehittäjäasiakasryhmä"
    parts = [w for w in finnish.words(text) if w.kind == "harmony"]
    assert [text[w.start : w.end] for w in parts] == ["Kehittäjä", "asiakasryhmä"]
    assert [w.proper for w in parts] == [False, False]  # sentence start, not a name


def test_elliptical_hyphen_forward() -> None:
    expanded = keys("ohjaus- ja neuvontapalvelu", "expansion")
    assert "ohjauspalvelu" in expanded
    assert "ohjaus" in keys("ohjaus- ja neuvontapalvelu", "word")


def test_elliptical_hyphen_backward() -> None:
    assert "monikielista" in keys("monikanavaista ja -kielistä", "expansion")


def test_elliptical_hyphen_span_covers_the_whole_phrase() -> None:
    text = "avoin ohjaus- ja neuvontapalvelu"
    (word,) = [w for w in finnish.words(text) if w.key == "ohjauspalvelu"]
    assert text[word.start : word.end] == "ohjaus- ja neuvontapalvelu"


def test_open_compound_hyphen_is_not_an_ellipsis() -> None:
    # "entry point -malli": no conjunction before the hyphen.
    assert keys("entry point -malli") == ["entry", "point", "malli"]


def test_capitalised_word_inside_a_sentence_is_a_name() -> None:
    found = {w.key: w.proper for w in finnish.words("Perustetaan piste Lappeenrantaan. Kehitetään")}
    assert found == {"perustetaan": False, "piste": False, "lappeenrantaan": True, "kehitetaan": False}


def test_query_words_cap_and_strip_non_word_characters() -> None:
    assert finnish.query_words("[bold]etä\x00ohjaus!!  vapaa-aika") == ["bold", "eta", "ohjaus", "vapaa-aika"]
    assert len(finnish.query_words("sana " * 5000)) == 32
    assert finnish.query_words("  \t -- ") == []


def test_nfd_input_folds_like_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Etäohjaus")
    assert finnish.query_words(nfd) == ["etaohjaus"]


@pytest.mark.parametrize(
    ("base", "inflected"),
    [
        ("tarve", "tarpeet"),
        ("tarve", "tarpeisiin"),
        ("aika", "ajan"),
        ("teko", "teon"),
        ("hanke", "hankkeen"),
        ("kukka", "kukan"),  # kk/k
        ("kauppa", "kaupan"),  # pp/p
        ("matto", "maton"),  # tt/t
        ("kaupunki", "kaupungin"),  # nk/ng
        ("kunta", "kunnan"),  # nt/nn
        ("ilta", "illan"),  # lt/ll
        ("parta", "parran"),  # rt/rr
        ("kotivanhempi", "kotivanhemmat"),  # mp/mm
        ("tapa", "tavan"),  # p/v
        ("katu", "kadun"),  # t/d
        ("seutu", "seudulla"),
        ("asiakas", "asiakkaita"),
        ("kotoutuminen", "kotoutumisen"),
        ("etäohjaus", "etäohjaukseen"),
        ("monikielinen", "monikielisten"),
        ("Riihimäki", "Riihimäellä"),
        ("Turku", "Turussa"),
        ("vapaa-aika", "vapaa-ajan"),
        ("kolmas", "kolmannen"),  # ordinal -s / -nne-
        ("ohjaaja", "ohjaajia"),
        ("materiaali", "materiaaleja"),  # plural e of an i-word
        ("kokeilu", "kokeiluja"),
        ("palvelut", "palvelun"),  # endings differing in the last letter
        ("opas", "oppaaseen"),  # -as nouns lengthen the vowel in the strong grade
        ("kirves", "kirveellä"),
        ("puhelin", "puhelimella"),  # -in nouns take an -ime- stem
        ("puhelin", "puhelimitse"),
    ],
)
def test_inflections_share_a_stem(base: str, inflected: str) -> None:
    (a,) = finnish.query_words(base)
    (b,) = finnish.query_words(inflected)
    assert finnish.same_lemma(a, b)
    assert finnish.same_lemma(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("tie", "tietoa"),  # a short word is not the start of a longer one
        ("asia", "asiakas"),
        ("lappi", "loppi"),
        ("seudullinen", "seudulla"),  # derived adjective, not the noun's case
        ("palveluseteli", "palveluiden"),
        ("rakenne", "rakennetaan"),
        ("ohjaaja", "ohjausta"),  # agent -ja after a long vowel is no plural ending
        ("kehittaja", "kehittamis"),  # ... nor after a/ä
        ("sali", "salo"),  # whole words differing in the last letter
        ("joki", "joka"),
        ("savonia", "savon"),  # a genitive takes no further ending
        ("lahdenia", "lahden"),
    ],
)
def test_different_words_do_not_share_a_stem(a: str, b: str) -> None:
    assert not finnish.same_lemma(a, b)


def test_weaken_undoes_gradation_in_the_last_syllable() -> None:
    assert "tarve" in finnish.weaken("tarpe")
    assert "aja" in finnish.weaken("aika")
    assert "teo" in finnish.weaken("teko")
    assert finnish.weaken("aa") == set()


def test_compound_head_middle_and_tail() -> None:
    assert finnish.in_compound("kotoutuminen", "kotoutumispalveluiden")  # head
    assert finnish.in_compound("palvelu", "neuvontapalveluverkosto")  # middle
    assert finnish.in_compound("palveluverkosto", "neuvontapalveluverkosto")  # tail
    assert finnish.in_compound("tarve", "asiakastarpeisiin")  # tail with gradation


def test_short_words_never_match_inside_compounds() -> None:
    assert finnish.in_compound("tie", "tietoverkosto") is None
    assert finnish.in_compound("alue", "toiminta-alueelle") is None  # hyphen parts are words instead


def test_four_letter_words_match_only_the_last_part() -> None:
    assert finnish.in_compound("info", "asiakasinfoja") == "infoja"
    assert finnish.in_compound("info", "infopisteessa") is None


def test_no_genitive_cut_inside_an_nta_derivation() -> None:
    # neuvonta|palvelu, neuvonnan, neuvontaa: the head is neuvonta, never the genitive neuvon
    for word in ("neuvontapalveluiden", "neuvonnan", "neuvontaa", "etaneuvonnassa"):
        assert "neuvon" not in finnish.compound_parts(word), word
    assert finnish.in_compound("neuvoja", "neuvontapalveluiden") is None
    assert finnish.in_compound("teko", "paatoksenteon") == "teon"  # a real genitive head still splits


def test_loanword_parts_and_us_derivations() -> None:
    # A second part may start with a stop and a liquid (prosessi, kriisi) ...
    assert finnish.in_compound("prosessi", "asiakasprosesseja") == "prosesseja"
    # ... but -suus/-syys is a derivation, not a compound tail.
    assert "digitaali" not in finnish.compound_parts("digitaalisuutta")
    assert "moniammatilli" not in finnish.compound_parts("moniammatillisuutta")


def test_three_letter_stem_counts_only_as_a_word_or_its_weak_grade() -> None:
    assert finnish.same_lemma("tyo", "tyota")
    assert finnish.same_lemma("aika", "ajan")
    assert finnish.same_lemma("loppi", "lopella")
    assert not finnish.same_lemma("kanta", "kanssa")
    assert not finnish.same_lemma("hame", "hamina")


def test_compound_tails_need_a_head_of_four_letters() -> None:
    assert "tyota" in finnish.compound_tails("maahanmuuttajatyota")
    assert "tien" not in finnish.compound_tails("kuntien")


# -- word families ---------------------------------------------------------------


def _family(a: str, b: str) -> bool:
    from hankkeet.finnish import family_keys, family_partners

    keys_b = family_keys(b)
    return any(p in keys_b for k in family_keys(a) for p in family_partners(k))


def test_a_verb_its_passive_participles_and_verbal_nouns_are_one_family() -> None:
    for noun, forms in {
        "kehittaminen": ["kehitetaan", "kehitettava", "kehittama", "kehitys", "kehittaa", "kehityksen"],
        "perustaminen": ["perustetaan", "perustettavaa", "perustaa"],
        "koordinointi": ["koordinoidaan", "koordinoitu", "koordinoima", "koordinoinnin"],
        "tarjoaminen": ["tarjotaan", "tarjota", "tarjottava"],
        "hyodyntaminen": ["hyodynnetaan"],
        "kartoitus": ["kartoitetaan", "kartoittaa"],
        "saavutettavuus": ["saavutettava", "saavutettavia"],
        "monikielisyys": ["monikielinen", "monikielisia"],
    }.items():
        for form in forms:
            assert _family(noun, form), (noun, form)
            assert _family(form, noun), (form, noun)


def test_a_family_holds_across_gradation_and_stem_changes() -> None:
    # -o and -mus nouns, -nti nouns, -ella verbs graded before the -el, -hdä verbs, e-stem verbs.
    for a, b in [("yllapito", "yllapidetaan"), ("sopimus", "sovitaan"),
                 ("sopimus", "sovittuina"), ("sopimuksen", "sovitaan"), ("koonti", "kootaan"),
                 ("vienti", "viedaan"), ("haastateltava", "haastattelemalla"), ("suunnittelu", "suunnitellaan"),
                 ("tekeminen", "tehdaan"), ("nakeminen", "nahdaan"), ("kulkeminen", "kulkee"),
                 ("tukeminen", "tukee"), ("kokemus", "koettiin"), ("kertominen", "kertoa"),
                 ("tilaus", "tilaamisesta"), ("avaus", "avataan"), ("kierto", "kiertava"),
                 ("sopiminen", "sopia")]:
        assert _family(a, b), (a, b)
        assert _family(b, a), (b, a)


def test_a_noun_that_cannot_grade_or_a_way_is_not_a_verb_family() -> None:
    # järjestö (an association) is no järjestää; toiminta|tapa is no -tava participle.
    for a, b in [("jarjesto", "jarjestetaan"), ("jarjestot", "jarjestaminen"), ("toimintatavat", "toimitaan"),
                 ("verkko", "verkotetaan"), ("kokous", "kootaan"), ("kokous", "kokoaminen")]:
        assert not _family(a, b), (a, b)


def test_unrelated_words_and_agent_nouns_are_not_a_family() -> None:
    # An agent noun is a person, not the activity; compounds keep their own head.
    for a, b in [("ohjaaja", "ohjataan"), ("kehittaja", "kehitetaan"), ("ohjaustyo", "ohjausta"),
                 ("toimintatavat", "toimintaa"), ("liikunta", "liikkuvien"), ("hanke", "hankitaan"),
                 ("kunta", "kunto"), ("palvelu", "palvella")]:
        assert not _family(a, b), (a, b)


def test_a_long_run_of_elliptical_heads_costs_linear_work(monkeypatch):
    """``a- ja b- ja … c``: every head completes the same word, found once for the run."""
    from hankkeet import finnish

    calls = [0]
    real = finnish.fold

    def counting(text):
        calls[0] += 1
        return real(text)

    monkeypatch.setattr(finnish, "fold", counting)
    costs = []
    for n in (500, 1000, 2000):
        calls[0] = 0
        found = finnish.words("ohjaus- ja " * n + "neuvontapalvelu")
        assert sum(w.key == "ohjauspalvelu" for w in found) == n
        costs.append(calls[0])
    assert costs[2] < 2.5 * costs[1] < 6.25 * costs[0]


def test_a_slip_of_typing_is_one_edit_and_another_letter_two() -> None:
    from hankkeet.finnish import slip_distance

    # Left out, added, doubled, swapped, a neighbouring key: one edit each.
    for typed, meant in [("kolutus", "koulutus"), ("koulutuss", "koulutus"), ("kuolutus", "koulutus"),
                         ("koulutis", "koulutus"), ("neuvonra", "neuvonta"), ("etaohjaus", "etaohjaus")]:
        assert slip_distance(typed, meant, 2) == (0 if typed == meant else 1), typed
    # A letter that is no neighbour of the one meant is more often another word.
    for typed, meant in [("kuulutus", "koulutus"), ("neuvola", "neuvoja"), ("palkka", "paikka")]:
        assert slip_distance(typed, meant, 2) == 2, typed
    assert slip_distance("kuntoutuminen", "kotoutuminen", 2) == 3  # above the cutoff: cutoff + 1



def test_uus_nouns_partitive_meets_their_other_forms() -> None:
    assert finnish.same_lemma("tilaisuudet", "tilaisuutta")
    assert finnish.same_lemma("saavutettavuutta", "saavutettavuuden")
    assert not finnish.same_lemma("uutta", "uus")  # a short word is not an -uus noun


def test_every_word_starts_with_one_of_its_snowball_stems_prefixes() -> None:
    import random

    rng = random.Random(5)
    syllables = ["ka", "tto", "ks", "kse", "ksi", "oj", "uj", "jo", "aa", "ii", "ll", "pp", "mme", "n", "ta", "ää",
                 "hän", "kin", "pa", "s", "t", "ei", "uo", "r", "kk", "ssa", "nsa", "ni", "si", "een", "lla"]
    words = ["ohjauksensa", "ohjaukseni", "katto", "kattoja", "kokeilujen", "palveluistammekin", "tarpeet"]
    words += ["".join(rng.choice(syllables) for _ in range(rng.randrange(1, 7))) for _ in range(20_000)]
    for word in (finnish.fold(w) for w in words):
        stem = finnish.snowball(word)
        assert word.startswith(tuple(finnish.snowball_prefixes(stem))), (word, stem)
    assert finnish.snowball("katto") == "kato" and "katto" in finnish.snowball_prefixes("kato")


def test_a_snowball_stem_is_matched_on_only_when_it_keeps_most_of_the_word() -> None:
    assert finnish.matching_snowball("palveluja") == "palvelu"
    assert finnish.snowball_match("palveluja", "palvelun")
    assert finnish.matching_snowball("rakennetaan") is None  # cut to half of the word
    assert not finnish.snowball_match("rakennetaan", "rakennetaan")


def test_a_consonant_final_base_form_is_the_head_of_a_compound() -> None:
    # An n|n seam is otherwise read as the weak grade of -nta (neuvon|nan).
    assert finnish.in_compound("puhelin", "puhelinnumerosta") == "puhelin"
    assert finnish.in_compound("sisallon", "sisallontuotanto") == "sisallon"
    assert finnish.in_compound("toimin", "toiminnan") is None  # an ending, not a word, after the seam
    assert finnish.in_compound("toimin", "toiminnallisen") is None  # a derivation, not a compound


def test_an_eus_noun_meets_its_ea_adjective_and_adverb() -> None:
    def meet(a: str, b: str) -> bool:
        return any(p in finnish.family_keys(b) for k in finnish.family_keys(a) for p in finnish.family_partners(k))

    assert meet("selkeys", "selkeasti")
    assert meet("vaikeus", "vaikeat")
    assert not meet("selkeys", "selkaranka")


def test_a_genitive_head_is_not_lost_to_a_vowel_seam_after_it() -> None:
    # ruotsin|ki|elisten: the i|e seam is no derivational tail of ruotsin.
    assert finnish.in_compound("ruotsi", "ruotsinkielisten") == "ruotsin"
    assert "neuvon" not in finnish.compound_parts("neuvontapalvelu")  # neuvonta|palvelu stays one reading
