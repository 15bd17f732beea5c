"""hankkeet.search: the relevance set, ranking rules, fields, bad queries."""

from __future__ import annotations

import unicodedata

import pytest

from hankkeet.errors import EXIT_BAD_INPUT, HankkeetError
from hankkeet.model import Coverage, Project, Snapshot, Source, load
from hankkeet.search import FIELDS, EmptyQuery, UnknownField, explain_no_results, index_for, parse_fields, search

from relevance_eval import evaluate, judge

TARGET_ACCURACY = 0.95


@pytest.fixture(scope="module")
def bundled() -> Snapshot:
    return load()


def ids(snapshot: Snapshot, query: str, **kwargs: object) -> list[str]:
    return [hit.project.id for hit in search(snapshot, query, **kwargs)]  # type: ignore[arg-type]


def make_project(number: int, pid: str, *, name: str = "Hanke", organisation: str = "Kunta",
                 area: str = "Alue", description: str = "", municipalities: tuple[Coverage, ...] = ()) -> Project:
    return Project(
        id=pid, number=number, organisation=organisation, co_implementers=(), name=name,
        start="2020-09-01", end="2021-08-31", area=area, description=description, municipalities=municipalities,
    )


def snapshot_of(*projects: Project) -> Snapshot:
    return Snapshot(source=Source("t", "s", "f", "0"), projects=projects)


# -- the relevance sets --------------------------------------------------------
#
# Five sets, each written from the project texts before the search was tuned on
# it (see the README): (file, at least this many queries, at least this many
# that must return nothing, kinds that must be present, NFD input present).

RELEVANCE_SETS = [
    ("relevance.json", 60, 10, {"base", "inflected", "compound", "gradation", "typo", "diacritics", "name",
                                "acronym", "phrase", "multi", "nonsense", "near-miss"}, False),
    ("relevance_holdout.json", 80, 15, set(), True),
    ("relevance_fresh.json", 100, 20, set(), True),
    ("relevance_users.json", 120, 25, {"coordinator", "journalist", "official", "official-nothing"}, False),
    ("relevance_round4.json", 120, 20, {"base", "inflected", "compound", "gradation", "typo", "diacritics",
                                         "name", "acronym", "phrase", "nonsense"}, False),
]


@pytest.mark.parametrize(("name", "size", "nothing", "kinds", "nfd"), RELEVANCE_SETS, ids=[s[0] for s in RELEVANCE_SETS])
def test_relevance_set_meets_the_target(bundled: Snapshot, name: str, size: int, nothing: int,
                                        kinds: set[str], nfd: bool) -> None:
    from relevance_eval import RELEVANCE_FILE, load_queries

    queries = load_queries(RELEVANCE_FILE.with_name(name))
    assert len(queries) >= size
    assert sum(1 for q in queries if not q["must"] and not q["may"]) >= nothing
    assert {q.get("kind") for q in queries} >= kinds
    if nfd:
        assert any(not unicodedata.is_normalized("NFC", q["query"]) for q in queries)
    result = evaluate(lambda q: ids(bundled, q), queries)
    print(result.summary())
    assert result.accuracy >= TARGET_ACCURACY, "\n".join([result.summary(), *result.failures])


# The sixth set: word families, long-word typos, typos with a missing space,
# places and look-alike words, English and Swedish, written from the texts
# before the search was changed (first run 113/167, 67.7%; see the README).
# Tuned on since, so a regression test: it holds its level and its precision.
DEV_TARGET_ACCURACY = 0.95
DEV_TARGET_PRECISION = 0.99


def test_the_dev_relevance_set_holds_its_level(bundled: Snapshot) -> None:
    from relevance_eval import RELEVANCE_FILE, load_queries

    queries = load_queries(RELEVANCE_FILE.with_name("relevance_dev.json"))
    kinds = {"family", "typo-long", "typo-space", "place", "false-friend", "uncovered-place", "english", "swedish"}
    assert len(queries) >= 150 and {q["kind"] for q in queries} >= kinds
    result = evaluate(lambda q: ids(bundled, q), queries)
    print(result.summary())
    assert result.accuracy >= DEV_TARGET_ACCURACY, "\n".join([result.summary(), *result.failures])
    assert result.precision >= DEV_TARGET_PRECISION, result.summary()


# A seventh set, written with the dev set by the same independent author and kept from the search's
# developers until it was scored once: its first run on the code before word families and places
# (edc40bf) was 120/168 (71.4%), and on the code the dev set had tuned, 156/168 (92.9%; recall 91.9%,
# precision 99.3%) — the honest estimate for unseen queries. From now on it is a regression test.
BLIND_TARGET_ACCURACY = 0.92
BLIND_TARGET_PRECISION = 0.99


def test_the_blind_relevance_set_holds_its_first_measured_level(bundled: Snapshot) -> None:
    from relevance_eval import RELEVANCE_FILE, load_queries

    queries = load_queries(RELEVANCE_FILE.with_name("relevance_blind.json"))
    assert len(queries) >= 150
    result = evaluate(lambda q: ids(bundled, q), queries)
    assert result.accuracy >= BLIND_TARGET_ACCURACY, "\n".join([result.summary(), *result.failures])
    assert result.precision >= BLIND_TARGET_PRECISION, result.summary()


# An eighth set, on a later round: the 2023 summary (tests/later_round, parsed into
# tests/fixtures/round2023_snapshot.json) with its new vocabulary (hyvinvointialue, Swedish
# municipality names, new places), written from that snapshot before the search was changed
# for it. First run 123/136 (90.4%; recall 87.7%, precision 97.9%); tuned on since.
# A ninth, on the 2022 summary, written after the changes the 2023 set prompted and scored once
# before any change for it: 144/149 (96.6%; recall 98.0%, precision 97.4%), the estimate for
# unseen queries on a later round. Tuned on since.
LATER_ROUND_SETS = [
    ("relevance_round2023.json", "round2023_snapshot.json", 23, 0.99, 0.99),
    ("relevance_round2022.json", "round2022_snapshot.json", 21, 0.99, 0.98),
]


@pytest.mark.parametrize(("name", "snapshot_file", "projects", "accuracy", "precision"), LATER_ROUND_SETS,
                         ids=[s[0] for s in LATER_ROUND_SETS])
def test_the_later_round_relevance_sets_hold_their_level(name: str, snapshot_file: str, projects: int,
                                                         accuracy: float, precision: float) -> None:
    from relevance_eval import RELEVANCE_FILE, load_queries

    later = load(RELEVANCE_FILE.with_name("fixtures") / snapshot_file)
    queries = load_queries(RELEVANCE_FILE.with_name(name))
    assert len(queries) >= 130 and len(later.projects) == projects
    result = evaluate(lambda q: ids(later, q), queries)
    assert result.accuracy >= accuracy, "\n".join([result.summary(), *result.failures])
    assert result.precision >= precision, result.summary()


# Three more, one on each snapshot, written from the texts before the search was changed for them:
# word families across gradation and stem changes (ylläpito/ylläpidetään, sopimus/sovitaan,
# tekeminen/tehdään), two slips in a long word with one a swap, a slip plus a missing space,
# English and Swedish terms whose Finnish is a phrase (tredje sektorn: kolmas sektori or järjestö),
# real words the texts lack (kuulutus is not koulutus), compounds typed as two words, places.
# First run (9d2a657): 58/65 (89.2%; recall 87.5%, precision 95.5%), 59/66 (89.4%; 94.4%, 92.1%),
# 55/61 (90.2%; 86.2%, 92.3%). Tuned on since: regression tests.
# Three held-out sets of the same kinds, written after those were tuned on and scored once before
# any change for them (86018e6): 19/19 (100%; recall 100%, precision 93.3%), 20/23 (87.0%; 96.6%,
# 82.9%), 17/23 (73.9%; 70.4%, 86.4%), in all 56/65 (86.2%). Tuned on since: regression tests.
GENERAL_SETS = [
    ("relevance_general.json", None, 60, 0.98, 0.99),
    ("relevance_general2022.json", "round2022_snapshot.json", 60, 0.96, 0.99),
    ("relevance_general2023.json", "round2023_snapshot.json", 60, 0.95, 0.99),
    ("relevance_unseen.json", None, 19, 0.98, 0.93),
    ("relevance_unseen2022.json", "round2022_snapshot.json", 23, 0.98, 0.99),
    ("relevance_unseen2023.json", "round2023_snapshot.json", 23, 0.95, 0.96),
    # The sixth round of independent judges (written from the texts alone, scored once before any
    # change for them, on 01e0b1a): 114/118 (96.6%; recall 98.2%, precision 99.5%), 100/104 (96.2%;
    # 96.2%, 100%), 97/100 (97.0%; 97.8%, 97.9%), in all 311/322 (96.6%). Tuned on since.
    ("relevance_blind6.json", None, 118, 0.98, 0.99),
    ("relevance_blind6_2024.json", "round2024_snapshot.json", 104, 0.98, 0.99),
    ("relevance_blind6_2027.json", "round2027_snapshot.json", 100, 0.99, 0.97),
]


@pytest.mark.parametrize(("name", "snapshot_file", "size", "accuracy", "precision"), GENERAL_SETS,
                         ids=[s[0] for s in GENERAL_SETS])
def test_the_general_relevance_sets_hold_their_level(bundled: Snapshot, name: str, snapshot_file: str | None,
                                                     size: int, accuracy: float, precision: float) -> None:
    from relevance_eval import RELEVANCE_FILE, load_queries

    snapshot = load(RELEVANCE_FILE.with_name("fixtures") / snapshot_file) if snapshot_file else bundled
    queries = load_queries(RELEVANCE_FILE.with_name(name))
    assert len(queries) >= size and sum(1 for q in queries if not q["must"] and not q["may"]) >= 3
    result = evaluate(lambda q: ids(snapshot, q), queries)
    assert result.accuracy >= accuracy, "\n".join([result.summary(), *result.failures])
    assert result.precision >= precision, result.summary()


@pytest.mark.parametrize("later", range(3, len(RELEVANCE_SETS)), ids=[s[0] for s in RELEVANCE_SETS[3:]])
def test_each_later_relevance_set_is_new(later: int) -> None:
    from relevance_eval import RELEVANCE_FILE, load_queries

    older = {q["query"].casefold() for name, *_ in RELEVANCE_SETS[:later]
             for q in load_queries(RELEVANCE_FILE.with_name(name))}
    newer = load_queries(RELEVANCE_FILE.with_name(RELEVANCE_SETS[later][0]))
    assert not [q["query"] for q in newer if q["query"].casefold() in older]


def test_front_and_back_vowel_meeting_is_a_compound_boundary() -> None:
    # Folded, kehittäjä|asiakasryhmä reads as one word with a long aa.
    texts = snapshot_of(
        make_project(1, "joined", description="perustetaan kehittäjäasiakasryhmä"),
        make_project(2, "word", description="asiakasryhmä kokoontuu"),
        make_project(3, "long", description="maahanmuuttajien neuvontaa"),
    )
    assert ids(texts, "asiakasryhmä") == ["word", "joined"]  # a compound part ranks below the word
    assert ids(texts, "asiakasryhmiä") == ["word", "joined"]
    assert ids(texts, "kehittäjä") == ["joined"]


def test_a_genitive_with_an_ending_stuck_on_is_another_word() -> None:
    texts = snapshot_of(make_project(1, "savo", organisation="Etelä-Savon kuntayhtymä", area="Etelä-Savo"))
    assert ids(texts, "Savonia") == []
    assert ids(texts, "Savossa") == ["savo"]
    assert ids(texts, "Savon") == ["savo"]


def test_hyphenated_query_word_the_texts_lack_is_read_as_its_parts() -> None:
    texts = snapshot_of(
        make_project(1, "sote", description="sote-hyvinvointikeskuksia"),
        make_project(2, "office", description="back office -toimintona"),
        make_project(3, "leisure", description="vapaa-ajan neuvontaa"),
    )
    assert ids(texts, "sote-keskus") == ["sote"]
    assert ids(texts, "back-office") == ["office"]
    assert ids(texts, "vapaa-aika") == ["leisure"]  # a hyphenated word that exists stays whole
    assert ids(texts, "sote-talo") == []  # every part must still match


def test_adjective_noun_compounds_inflect_both_parts() -> None:
    texts = snapshot_of(
        make_project(1, "uki", description="Turussa ja Uudessakaupungissa", area="Uusikaupunki"),
        make_project(2, "maa", area="Keski-Uusimaa"),
        make_project(3, "other", description="kaupungin uusia palveluja"),
    )
    assert ids(texts, "Uudenkaupungin") == ["uki"]
    assert ids(texts, "Uudellamaalla") == ["maa"]
    assert ids(texts, "Uusikaupunki") == ["uki"]


def test_slip_in_an_adjective_ending_finds_all_its_forms() -> None:
    texts = snapshot_of(
        make_project(1, "base", description="monialainen verkosto"),
        make_project(2, "plural", description="monialaisia käytäntöjä"),
        make_project(3, "other", description="monialla"),
    )
    assert ids(texts, "monialainan") == ["base", "plural"]


def test_inflection_in_a_description_above_a_compound_part_in_the_area() -> None:
    texts = snapshot_of(
        make_project(1, "area", area="yhteistyö muiden kuntien kanssa"),
        make_project(2, "text", description="yhteisiä käytäntöjä"),
    )
    assert ids(texts, "yhteinen") == ["text", "area"]


def test_judge_catches_a_wrong_project_above_a_must_one() -> None:
    assert judge(["a", "x", "b"], must=["a", "b"], may=[]) is not None
    assert judge(["a", "b", "x"], must=["a", "b"], may=[]) is None
    assert judge(["a", "m", "b"], must=["a", "b"], may=["m"]) is None
    assert judge(["a"], must=["a", "b"], may=[]) is not None
    assert judge(["x"], must=[], may=[]) is not None
    # Only acceptable extras: a project outside them is wrong, even the last one.
    assert judge(["m"], must=[], may=["m"]) is None
    assert judge(["m", "x"], must=[], may=["m"]) is not None
    assert judge(["x", "m"], must=[], may=["m"]) is not None


# -- ranking -------------------------------------------------------------------

TIERS = snapshot_of(
    make_project(1, "typo", description="kotoutumsen"),
    make_project(2, "part", description="kotoutumispalvelut"),
    make_project(3, "stem", description="kotoutumisen"),
    make_project(4, "exact", description="kotoutuminen"),
)


def test_exact_above_stem_above_compound_part() -> None:
    assert ids(TIERS, "kotoutuminen") == ["exact", "stem", "part"]


def test_typo_only_when_nothing_else_matches() -> None:
    assert ids(TIERS, "kotoutumsen") == ["typo"]  # an exact word exists: no fuzzy extras
    # One swap from "kotoutumisen": that word, its inflections and the compounds
    # it is part of (what the intended word finds), not every near word.
    assert ids(TIERS, "kotoutumiesn") == ["stem", "exact", "part"]


def test_typo_in_a_compound_tail_is_judged_by_the_tail() -> None:
    texts = snapshot_of(
        make_project(1, "needs", description="palvelua ja palvelutarpeiden kartoitus"),
        make_project(2, "point", description="neuvontaa ja neuvontapisteet"),
    )
    # palvelu (a word of its own here)|talo: two edits turn the short tail talo into tarve, a different word.
    assert ids(texts, "palvelutalo") == []
    # One edit in a tail is still a typo: neuvonta|psite.
    assert ids(texts, "neuvontapsite") == ["point"]


def test_name_and_acronym_rank_above_description(bundled: Snapshot) -> None:
    hits = search(bundled, "MAGEE")
    assert [h.project.id for h in hits] == ["essote"] and hits[0].score == 100
    name_hit = make_project(2, "named", name="Kotouttamo")
    deep = make_project(1, "deep", description="ja sitten kotouttamo")
    assert ids(snapshot_of(deep, name_hit), "kotouttamo") == ["named", "deep"]


def test_phrase_ranks_first() -> None:
    apart = make_project(1, "apart", name="Back to the office")
    together = make_project(2, "together", description="toimii back office -toimintona")
    assert ids(snapshot_of(apart, together), "back office") == ["together", "apart"]
    hits = search(snapshot_of(apart, together), "back office")
    assert hits[0].phrase and not hits[1].phrase


def test_ties_keep_document_order() -> None:
    snap = snapshot_of(*(make_project(n, f"p{n}", description="verkosto") for n in (1, 2, 3)))
    assert ids(snap, "verkosto") == ["p1", "p2", "p3"]


def test_all_words_must_match(bundled: Snapshot) -> None:
    assert ids(bundled, "etäohjaus sovellus") == ["lahti"]
    assert ids(bundled, "ohjaus moottoritie") == []


def test_scores_are_0_to_100_and_sorted(bundled: Snapshot) -> None:
    hits = search(bundled, "neuvonta")
    assert len(hits) == 21
    assert all(0 <= h.score <= 100 for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_limit(bundled: Snapshot) -> None:
    assert len(search(bundled, "neuvonta", limit=3)) == 3
    assert len(search(bundled, "neuvonta", limit=0)) == 21


# -- fields, matches, snippets -------------------------------------------------


def test_field_restriction(bundled: Snapshot) -> None:
    assert ids(bundled, "Forssan", fields=["organisation"]) == ["fshky"]
    assert ids(bundled, "kotouttamo", fields=["name"]) == ["fshky", "riihimaki"]
    assert ids(bundled, "kaupunki", fields=["description"]) == ["porvoo", "kajaani"]


def test_unknown_field_lists_the_valid_ones() -> None:
    with pytest.raises(UnknownField) as caught:
        parse_fields(["nimi"])
    assert caught.value.exit_code == EXIT_BAD_INPUT
    assert all(f in caught.value.message for f in FIELDS)
    assert parse_fields(None) == FIELDS
    assert parse_fields(["co-implementers", "NAME"]) == ("co_implementers", "name")


def test_municipalities_are_searched_when_present() -> None:
    covered = make_project(1, "covered", municipalities=(Coverage("015", "Alavus", "listed"),))
    assert ids(snapshot_of(covered, make_project(2, "other")), "Alavudella") == ["covered"]
    hit = search(snapshot_of(covered), "alavus")[0]
    assert hit.to_dict()["matches"] == [{"field": "municipalities", "words": ["Alavus"]}]


def test_matches_name_the_words_as_written(bundled: Snapshot) -> None:
    (hit,) = search(bundled, "tarve", fields=["description"], limit=1)
    data = hit.to_dict()
    assert data["id"] == "jyvaskyla" and data["score"] == hit.score
    assert data["matches"] == [{"field": "description", "words": ["tarve"]}]


def test_snippet_spans_point_at_the_matched_words(bundled: Snapshot) -> None:
    for hit in search(bundled, "etäohjaus"):
        field, text, spans = hit.snippet(width=80)
        assert field == "description" and spans
        assert len(text) <= 82
        for start, end in spans:
            assert text[start:end].casefold().startswith("etäohjau")


def test_nfd_and_missing_diacritics_find_the_same(bundled: Snapshot) -> None:
    expected = ids(bundled, "etäohjaus")
    assert ids(bundled, unicodedata.normalize("NFD", "etäohjaus")) == expected
    assert ids(bundled, "ETAOHJAUS") == expected


# -- bad and hostile queries ---------------------------------------------------


@pytest.mark.parametrize("query", ["", "   ", "\t\n", "!!! --- ???"])
def test_empty_query_is_bad_input(bundled: Snapshot, query: str) -> None:
    with pytest.raises(EmptyQuery) as caught:
        search(bundled, query)
    assert isinstance(caught.value, HankkeetError) and caught.value.exit_code == EXIT_BAD_INPUT


def test_huge_and_odd_queries_do_not_crash(bundled: Snapshot) -> None:
    assert search(bundled, "x" * 20_000) == []
    assert search(bundled, "kotoutuminen " * 2_000)  # capped at 32 words, all matching
    assert search(bundled, "[bold red]x[/] \x1b[31m\x00 moottoritie") == []
    assert search(bundled, "-" * 20_000 + " ohjaus")


def test_index_is_built_once_per_snapshot(bundled: Snapshot) -> None:
    assert index_for(bundled) is index_for(bundled)


# -- rules prompted by the users set -------------------------------------------


def test_three_letter_word_matches_the_last_part_of_a_compound_only() -> None:
    texts = snapshot_of(
        make_project(1, "work", description="etsivää maahanmuuttajatyötä"),
        make_project(2, "towns", description="alueen kuntien palvelut"),  # kun|tien is not tie
        make_project(3, "knowledge", description="tietoverkosto"),
    )
    assert ids(texts, "etsivä työ") == ["work"]
    assert ids(texts, "tie") == []


def test_compound_typed_as_two_words_is_found_and_ranks_as_a_phrase() -> None:
    texts = snapshot_of(
        make_project(1, "apart", description="verkostossa ja koulutusta"),
        make_project(2, "joined", description="valtakunnallinen verkkokoulutus"),
        make_project(3, "short", description="alueellinen tukirakenne"),
    )
    assert ids(texts, "verkko koulutus")[0] == "joined"
    assert ids(texts, "tuki rakenne") == ["short"]  # a four-letter tuki alone matches no compound head


def test_word_found_nowhere_is_read_as_two_adjacent_words() -> None:
    texts = snapshot_of(
        make_project(1, "entry", description="konseptoidaan entry point -malli"),
        make_project(2, "apart", description="entry level and a point"),
    )
    assert ids(texts, "entrypoint") == ["entry"]
    assert ids(texts, "levelpoint") == []


def test_abbreviation_case_ending_is_ignored() -> None:
    texts = snapshot_of(make_project(1, "fshky", organisation="Forssan seudun hyvinvointikuntayhtymä, FSHKY"))
    assert ids(texts, "FSHKY:n") == ["fshky"]
    assert ids(texts, "fshky:lle palvelut") == []  # the other word still has to match


def test_short_word_allows_only_a_doubled_or_undoubled_letter() -> None:
    texts = snapshot_of(make_project(1, "office", description="back office -toimintona"))
    assert ids(texts, "ofice") == ["office"]
    assert ids(texts, "offfice") == ["office"]
    assert ids(texts, "ofise") == []  # any other edit to a short word may be another word
    assert ids(texts, "ofic") == []  # four letters: no slip at all


def test_typo_in_a_compound_is_judged_in_the_form_that_met_the_word() -> None:
    texts = snapshot_of(make_project(1, "m", description="maahan muuttaneiden ja maahanmuuttajien"))
    assert ids(texts, "maahanmuttajat") == ["m"]


def test_a_very_long_query_word_costs_little_memory(bundled: Snapshot) -> None:
    # Every analysis step is bounded: a word longer than any Finnish word is
    # matched only exactly, so a 100 kB word builds no splits or stems.
    import tracemalloc

    from hankkeet import finnish

    search(bundled, "kotoutuminen")
    tracemalloc.start()
    try:
        for word in ("a" * 100_000, "kotoutumis" * 10_000, "ab-" * 30_000):
            assert search(bundled, word) == []
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024
    long_word = "kotoutumis" * 10
    assert finnish.stems(long_word) == {long_word}
    assert finnish.split_points(long_word) == [] and finnish.compound_parts(long_word) == ()


# -- places and the glossary -----------------------------------------------------


def test_a_place_name_matches_the_place_not_look_alike_words(bundled: Snapshot) -> None:
    # Hanko, Kerava and Kitee are covered by no project: their look-alikes
    # (hankkeen, kerätään, keskitetysti) must not stand in for them.
    for word in ("Hanko", "Kerava", "Kitee", "Hangossa"):
        assert ids(bundled, word) == [], word
    # A covered place is found through the resolved municipalities, in any case form.
    for word in ("Lappeenranta", "Lappeenrannassa", "Lappeenrannan"):
        found = ids(bundled, word)
        assert found and all(
            any(c.name == "Lappeenranta" for c in p.municipalities) or "Lappeenran" in p.description
            for p in bundled.projects if p.id in found
        ), word
    # Swedish names name the same place.
    assert ids(bundled, "Helsingfors") == ids(bundled, "Helsinki")


def test_no_results_for_an_uncovered_municipality_says_so(bundled: Snapshot) -> None:
    from hankkeet.search import explain_no_results

    message = explain_no_results(bundled, "Keravalla")
    assert "Kerava" in message and "hankkeet kunta Kerava" in message
    assert explain_no_results(bundled, "xyzzy") == "no project matches 'xyzzy'"


def test_english_and_swedish_terms_are_searched_through_the_glossary(bundled: Snapshot) -> None:
    hits = search(bundled, "guidance")
    assert hits and hits[0].translations[0].finnish == ("ohjaus",)
    assert [h.project.id for h in hits] == ids(bundled, "ohjaus")
    assert ids(bundled, "invandrare") == ids(bundled, "maahanmuuttaja")
    # An ending of the other language is dropped (personalen -> personal).
    assert search(bundled, "personalen")[0].translations[0].term == "personalen"
    # A multi-word term is one Finnish word; English words the texts have stay as they are.
    assert {t.finnish for t in search(bundled, "service point")[0].translations} == {("palvelupiste",)}
    assert search(bundled, "entry point")[0].translations == ()
    assert search(bundled, "guidance")[0].to_dict()["translated"] == [
        {"term": "guidance", "language": "en", "finnish": ["ohjaus"]}
    ]


def test_a_word_family_is_found_and_ranks_below_direct_forms() -> None:
    snapshot = snapshot_of(
        make_project(1, "passive", description="Neuvontapiste perustetaan keskustaan."),
        make_project(2, "noun", description="Neuvontapisteen perustaminen keskustaan."),
        make_project(3, "other", description="Perusteellinen selvitys."),
    )
    assert ids(snapshot, "perustaminen") == ["noun", "passive"]
    assert ids(snapshot, "perustetaan") == ["passive", "noun"]


def test_a_short_family_root_needs_a_verbal_suffix_on_both_sides() -> None:
    snapshot = snapshot_of(
        make_project(1, "passive", description="Tiedot kootaan yhteen."),
        make_project(2, "noun", description="Kokous pidetään kuukausittain."),
        make_project(3, "sovitaan", description="Työnjaosta sovitaan kuntien kanssa."),
    )
    # koko|aminen and koo|taan share a three-letter root only as verb forms.
    assert ids(snapshot, "kokoaminen") == ["passive"]
    assert ids(snapshot, "sopiminen") == ["sovitaan"]


def test_an_agent_noun_meets_its_verb_only_when_nothing_closer_matches() -> None:
    snapshot = snapshot_of(
        make_project(1, "person", description="Palkataan ohjaaja."),
        make_project(2, "activity", description="Asiakkaita ohjataan palveluihin."),
    )
    assert ids(snapshot, "ohjaaja") == ["person"]
    assert ids(snapshot_of(snapshot.projects[1]), "ohjaaja") == ["activity"]
    assert ids(snapshot_of(snapshot.projects[0]), "ohjaaminen") == ["person"]


def test_a_relative_inside_a_compound_is_the_last_resort() -> None:
    snapshot = snapshot_of(
        make_project(1, "part", description="Järjestetään verkkokoulutusta."),
        make_project(2, "other", description="Kehitetään verkkosivuja."),
    )
    assert ids(snapshot, "kouluttaminen") == ["part"]
    with_word = snapshot_of(*snapshot.projects, make_project(3, "direct", description="Henkilöstön kouluttaminen."))
    assert ids(with_word, "kouluttaminen") == ["direct"]


def test_a_family_member_ranks_above_a_typo_look_alike() -> None:
    snapshot = snapshot_of(
        make_project(1, "lookalike", description="Tavataan kerran viikossa."),
        make_project(2, "family", description="Kiertävä neuvoja käy kylissä."),
    )
    assert ids(snapshot, "kiertää")[0] == "family"


def test_the_typo_budget_is_spent_after_the_case_ending() -> None:
    snapshot = snapshot_of(
        make_project(1, "forum", description="Perustetaan foorumi."),
        make_project(2, "group", description="Järjestetään ryhmämuotoisia tapaamisia."),
        make_project(3, "trial", description="Tehdään kokeiluja."),
    )
    assert ids(snapshot, "foorumila") == ["forum"]  # foorumi|lla with one l
    assert ids(snapshot, "rymämuotonen") == ["group"]  # two slips in the stem, -nen typed right
    assert ids(snapshot, "kokeiluidn") == ["trial"]  # kokeilu|iden with a slipped ending
    assert ids(snapshot, "fourumila") == []  # a slip in the stem and one in the ending are two


def test_a_mistyped_form_that_meets_one_word_meets_its_other_forms() -> None:
    snapshot = snapshot_of(
        make_project(1, "nominative", description="Seudullinen etäneuvonta."),
        make_project(2, "partitive", description="Tarjotaan etäneuvontaa."),
        make_project(3, "elative", description="Tietoa etäneuvonnasta."),
    )
    assert sorted(ids(snapshot, "etäneuvonata")) == ["elative", "nominative", "partitive"]


def test_a_case_with_a_possessive_suffix_is_an_inflection() -> None:
    snapshot = snapshot_of(make_project(1, "own", description="Kunta vastaa asiointipisteestään."))
    assert ids(snapshot, "asiointipiste") == ["own"]


def test_long_words_allow_two_slips_and_short_stems_keep_their_one_letter_ending() -> None:
    snapshot = snapshot_of(
        make_project(1, "system", description="Kuvataan palvelujärjestelmää."),
        make_project(2, "channels", description="Kehitetään viestintäkanavia."),
        make_project(3, "counselling", description="Neuvontaa tarjotaan savon kielellä."),
    )
    assert ids(snapshot, "palvelujärjstlmä") == ["system"]  # two slips in the nine letters after palvelu
    assert ids(snapshot, "viestntäkanvat") == ["channels"]  # two slips in a long stem, then -t
    assert ids(snapshot, "Savonia") == []  # savoni|a is not a slip of savon


def test_a_foreign_query_drops_its_joining_words_and_translates_every_term(bundled: Snapshot) -> None:
    from relevance_eval import RELEVANCE_FILE

    assert ids(bundled, "integration and counselling") == ids(bundled, "integration counselling") != []
    hits = search(bundled, "library and interpreting")
    assert all(h.translations for h in hits)
    later = load(RELEVANCE_FILE.with_name("fixtures") / "round2023_snapshot.json")
    hits = search(later, "wellbeing services county")
    assert len(hits) == 14 and hits[0].translations[0].finnish == ("hyvinvointialue",)


def test_a_glossary_phrase_is_used_when_no_one_word_equivalent_is_in_the_texts() -> None:
    snapshot = snapshot_of(
        make_project(1, "digital", description="Kehitetään digitaalisia palveluja."),
        make_project(2, "other", description="Kehitetään palveluja."),
    )
    hits = search(snapshot, "digitala tjänster")
    assert [h.project.id for h in hits] == ["digital"]
    assert hits[0].translations[0].finnish == ("digitaalinen palvelu",)


def test_words_typed_without_their_spaces_are_found_in_any_inflection_and_compound() -> None:
    texts = snapshot_of(
        make_project(1, "mobile", description="Luodaan liikkuva neuvontamalli ja matalan kynnyksen ohjausta."),
        make_project(2, "apart", description="Neuvontamalli on liikkuva, kynnyksen matalan ohjausta."),
    )
    assert ids(texts, "liikuvaneuvonta") == ["mobile"]  # a slip, and the second word begins a compound
    assert ids(texts, "matalankynnyksenohjaus") == ["mobile"]  # three words, the last inflected in the text


def test_a_common_noun_is_not_found_inside_a_place_name() -> None:
    texts = snapshot_of(
        make_project(1, "place", organisation="Kirkkonummen kunta", description="Neuvontaa."),
        make_project(2, "church", description="Neuvontaa kirkkoherranvirastossa."),
    )
    assert ids(texts, "kirkko") == ["church"]
    assert ids(texts, "Kirkkonummi") == ["place"]


def test_a_slip_where_a_compound_lost_its_genitive_is_still_one_slip() -> None:
    texts = snapshot_of(make_project(1, "english", description="Avataan englanninkielinen neuvontapiste."))
    assert ids(texts, "englannikileinen") == ["english"]  # englannin|kielinen, n left out and a swap


def test_a_word_with_relatives_in_the_texts_is_not_guessed_at() -> None:
    texts = snapshot_of(
        make_project(1, "unify", description="Yhtenäistetään kirjaamista."),
        make_project(2, "cooperation", description="Kehitetään yhteistyötä."),
    )
    assert ids(texts, "yhtenäistys") == ["unify"]  # yhtenäis|tys is no yhteis|työ


def test_a_real_word_the_texts_lack_is_not_read_as_a_slip_of_another() -> None:
    texts = snapshot_of(
        make_project(1, "training", description="Järjestetään koulutusta ja neuvontaa."),
        make_project(2, "clinic", description="Neuvoja kiertää kylissä."),
    )
    assert ids(texts, "kolutus") == ["training"]  # a letter left out is a slip
    assert ids(texts, "koulutis") == ["training"]  # so is a neighbouring key
    assert ids(texts, "kuulutus") == []  # an announcement is no training
    assert ids(texts, "neuvola") == []  # nor a child-health clinic an adviser


def test_a_glossary_term_with_a_word_and_a_phrase_matches_either() -> None:
    # tredje sektorn: järjestö or kolmas sektori; the phrase's words must stand side by side.
    snapshot = snapshot_of(
        make_project(1, "phrase", description="Kehitetään vertaisneuvontaa yhteistyössä kolmannen sektorin kanssa."),
        make_project(2, "word", description="Hyödynnetään kumppanuuksia järjestöjen kanssa."),
        make_project(3, "half", description="Kolmannen vaiheen työtä julkisella sektorilla."),
        make_project(4, "none", description="Kehitetään palveluja."),
    )
    hits = search(snapshot, "tredje sektorn")
    assert sorted(h.project.id for h in hits) == ["phrase", "word"]
    assert {"järjestö", "kolmas sektori"} <= set(hits[0].translations[0].finnish)
    assert sorted(ids(snapshot, "third sector")) == sorted(h.project.id for h in hits)


def test_a_two_word_term_the_texts_lack_in_finnish_is_read_word_by_word() -> None:
    snapshot = snapshot_of(
        make_project(1, "both", description="Koulutetaan henkilöstöä tulkkauksen käyttöön kotoutumispalveluissa."),
        make_project(2, "one", description="Tulkkauksen tilaaminen."),
    )
    # interpreting service -> tulkkauspalvelu, which neither text has: tulkkaus and palvelu
    assert ids(snapshot, "interpreting services") == ["both"]


def test_a_swedish_term_the_texts_have_as_written_is_also_searched_in_finnish() -> None:
    snapshot = snapshot_of(
        make_project(1, "bilingual", organisation="Österbottens välfärdsområde"),
        make_project(2, "finnish", organisation="Keski-Suomen hyvinvointialue"),
        make_project(3, "english", name="Welcome Office", description="Neuvontaa tarjotaan."),
        make_project(4, "tervetuloa", name="Tervetuloa", description="Neuvontaa tarjotaan."),
    )
    assert ids(snapshot, "välfärdsområde") == ["bilingual", "finnish"]
    # The term is shown as typed (in lower case), not folded.
    assert search(snapshot, "Välfärdsområde")[0].translations[0].term == "välfärdsområde"
    assert ids(snapshot, "welcome") == ["english"]  # an English word in the texts is a name


def test_the_glossary_file_is_plain_three_column_csv() -> None:
    from hankkeet.data import read_text

    lines = read_text("glossary.csv").splitlines()
    assert lines[0] == "language,term,finnish"
    for line in lines[1:]:
        language, term, finnish_word = line.split(",")
        assert language in ("en", "sv") and term.strip() and finnish_word.strip() and '"' not in line


def test_the_cheap_place_names_agree_with_the_registry() -> None:
    from hankkeet.kunnat.registry import place_names, registry
    from hankkeet.search import place_rows

    assert place_names() == place_rows() == tuple((m.name, m.name_sv, m.region) for m in registry().municipalities)


def test_a_slip_and_a_missing_space_together_are_found() -> None:
    snapshot = snapshot_of(
        make_project(1, "both", description="Tarjotaan matalan kynnyksen neuvontaa."),
        make_project(2, "apart", description="Kynnyksen yli ja matalan veden aikaan."),
    )
    # One word typed for two, with a slip in one of them: the two must stand side by side.
    assert ids(snapshot, "matalankynyksen") == ["both"]
    assert ids(snapshot, "matalankynnyksen") == ["both"]
    # Two slips, one in each half, are too far from what was typed.
    assert ids(snapshot, "matlankynyksen") == []


# -- places of several words ---------------------------------------------------


def _covering(number: int, pid: str, *codes_names: tuple[str, str], description: str = "") -> Project:
    cover = tuple(Coverage(code=c, name=n, basis="listed", note=None) for c, n in codes_names)
    return make_project(number, pid, area=", ".join(n for _, n in codes_names), description=description,
                        municipalities=cover)


COUNTY_SNAPSHOT = snapshot_of(
    _covering(1, "turku", ("853", "Turku")),
    _covering(2, "salo", ("734", "Salo"), description="Yhteistyössä hyvinvointialueen kanssa."),
    _covering(3, "oulu", ("564", "Oulu"), description="Pohjois-Pohjanmaan hyvinvointialue on mukana."),
    _covering(4, "mikkeli", ("491", "Mikkeli")),
)


@pytest.mark.parametrize("query", [
    "Varsinais-Suomen hyvinvointialue", "varsinais-suomen hyvinvointialueella", "VARSINAIS-SUOMEN HVA",
    "Egentliga Finlands välfärdsområde", "varsinais-suomen hyvinvointialue".upper(),
])
def test_a_county_stands_for_its_municipalities(query: str) -> None:
    assert sorted(ids(COUNTY_SNAPSHOT, query)) == ["salo", "turku"]


def test_a_county_with_other_words_and_the_word_alone() -> None:
    assert ids(COUNTY_SNAPSHOT, "Varsinais-Suomen hyvinvointialue kanssa") == ["salo"]
    # The word alone is an ordinary word: only the texts that use it.
    assert sorted(ids(COUNTY_SNAPSHOT, "hyvinvointialue")) == ["oulu", "salo"]


def test_a_municipality_of_several_words_is_one_place() -> None:
    assert ids(COUNTY_SNAPSHOT, "S:t Michel") == ["mikkeli"]
    assert ids(COUNTY_SNAPSHOT, "s:t  michel") == ["mikkeli"]
    assert ids(COUNTY_SNAPSHOT, "Koski Tl") == []
    assert "hankkeet kunta Koski Tl" in explain_no_results(COUNTY_SNAPSHOT, "Koski Tl")


def test_an_uncovered_county_is_said_so() -> None:
    message = explain_no_results(COUNTY_SNAPSHOT, "Lapin hyvinvointialue")
    assert "no project covers Lapin hyvinvointialue" in message


def test_slip_in_a_field_word_the_texts_have_only_in_its_family() -> None:
    texts = snapshot_of(
        make_project(1, "mapping", description="Osaaminen kartoitetaan ja tunnistetaan alussa."),
        make_project(2, "network", description="Hanke rakentaa osaamisverkoston."),
    )
    # kartoitus (a glossary word) is what kartotus misses; the texts have its verb only.
    assert ids(texts, "kartotus") == ["mapping"]
    assert ids(texts, "tunnistamnen") == ["mapping"]


def test_a_real_word_is_not_corrected_to_its_look_alike() -> None:
    texts = snapshot_of(
        make_project(1, "identify", description="Osaamista tunnistetaan."),
        make_project(2, "network", description="Hanke rakentaa osaamisverkoston."),
    )
    # tunnustaminen (recognition) is a word of its own, one slip from tunnistaminen.
    assert ids(texts, "tunnustaminen") == []
    # Two edits from a glossary word (osaaminen) the texts have only in a
    # compound are too many for a nine-letter word: ostaminen is another word.
    assert ids(snapshot_of(make_project(2, "network", description="Hanke rakentaa osaamisverkoston.")),
               "ostaminen") == []


def test_a_verbal_noun_meets_the_third_person_of_its_verb() -> None:
    texts = snapshot_of(
        make_project(1, "outreach", description="Ohjaaja jalkautuu asukkaiden pariin."),
        make_project(2, "other", description="Jalkapallo ja liikunta."),
    )
    assert ids(texts, "jalkautuminen") == ["outreach"]


def test_two_words_the_texts_join_into_one_compound_may_carry_a_slip() -> None:
    texts = snapshot_of(
        make_project(1, "berries", description="Neuvontaa marjanpoiminnan sesonkina."),
        make_project(2, "other", description="Marjan kasvatus."),
        make_project(3, "hall", description="Kunnantalolla ja kunnan talossa."),
    )
    assert ids(texts, "marjan poiminann") == ["berries"]
    # kunnnan alone is a typo of kunnan: the compound is tried with the slip too.
    assert ids(texts, "kunnnan talon") == ["hall"]


def test_a_short_roots_va_participle_is_a_relative_only_when_nothing_closer_is() -> None:
    buying = snapshot_of(
        make_project(1, "buyers", description="Yritykset ostavat palveluja."),
        make_project(2, "other", description="Osaaminen ja ostoskeskus."),
    )
    assert ids(buying, "ostaminen") == ["buyers"]
    agreeing = snapshot_of(
        make_project(1, "agreed", description="Tavoitteista sovitaan yhdessä."),
        make_project(2, "suitable", description="Etsitään sopivat tilat."),
    )
    # sopivat is also an adjective (suitable): the passive the texts have is the relative.
    assert ids(agreeing, "sopiminen") == ["agreed"]


def test_a_word_written_out_ranks_above_the_same_word_an_elliptical_hyphen_stands_for() -> None:
    texts = snapshot_of(
        make_project(1, "guessed", description="Kehitetään monikanavaista ja -kielistä ohjausta."),
        make_project(2, "written", description="Kehitetään monikielistä ohjausta."),
    )
    assert ids(texts, "monikielistä") == ["written", "guessed"]


def test_a_regions_swedish_name_finds_the_region() -> None:
    texts = snapshot_of(
        make_project(1, "north", area="Lappi", description="Neuvontaa Rovaniemellä."),
        make_project(2, "south", area="Uusimaa", description="Neuvontaa Espoossa."),
    )
    assert ids(texts, "Lappland") == ids(texts, "Lappi") == ["north"]
    assert ids(texts, "Lapplands") == ["north"]


def test_a_slip_of_a_word_the_texts_have_as_a_compounds_last_part_meets_the_word_too() -> None:
    texts = snapshot_of(
        make_project(1, "compound", description="Kehitetään osaamispalvelut."),
        make_project(2, "plain", description="Tarjotaan palveluita."),
    )
    assert sorted(ids(texts, "palvleut")) == ["compound", "plain"]


def test_a_word_that_meets_its_family_meets_the_compounds_of_its_family_too() -> None:
    texts = snapshot_of(
        make_project(1, "passive", description="Henkilöstö koulutetaan."),
        make_project(2, "compound", description="Järjestetään koulutuspäiviä."),
        make_project(3, "other", description="Kuulutus ja koulu."),
        make_project(4, "verb", description="Yhdistys kouluttaa vapaaehtoisia."),
    )
    # The word as written first, then its family, then the family inside a compound.
    assert ids(texts, "kouluttaa") == ["verb", "passive", "compound"]


def test_a_derivation_does_not_cross_a_compound_boundary() -> None:
    texts = snapshot_of(
        make_project(1, "follow", description="Tuloksia seurataan."),
        make_project(2, "towns", description="Kunta ja kunnat."),
    )
    # seura|kunta ends in a word of its own: seuraku|nta is no -nta noun of seurata.
    assert ids(texts, "seurakunta") == []
    assert ids(texts, "seuranta") == ["follow"]  # the -nta noun it is


def test_a_two_letter_municipality_is_found_in_its_case_forms(bundled: Snapshot) -> None:
    # Ii: its case forms begin with all of its name, not with three letters of it.
    covering = [p.id for p in bundled.projects if any(m.name == "Ii" for m in p.municipalities)]
    assert covering
    for form in ("Iissä", "Iihin", "Iin"):
        assert ids(bundled, form) == covering


def test_a_swedish_term_beside_a_finnish_word_is_searched_in_finnish_too() -> None:
    # The texts have rådgivning in a Swedish project name, so it is "Finnish" there;
    # beside a place it must still mean neuvonta (as it does alone).
    snapshot = snapshot_of(
        make_project(1, "a", name="Rådgivning för alla", area="Närpiö", description="Kehitetään palveluja."),
        make_project(2, "b", name="Yhteinen neuvonta", area="Kokkola", description="Sovitaan neuvonnan työnjako."),
    )
    assert ids(snapshot, "rådgivning Kokkola") == ["b"]
    assert "a" in ids(snapshot, "rådgivning")


def test_two_slips_in_a_long_base_form_meet_its_weak_grade_in_the_texts() -> None:
    # henkilöstöhallinto typed with two slips, the texts have henkilöstöhallinnolle:
    # the weak grade is inflection and costs nothing; a short word gets no such help.
    snapshot = snapshot_of(
        make_project(1, "a", description="Yritysten henkilöstöhallinnolle järjestetään koulutusta."),
        make_project(2, "b", description="Selvitetään tarpeet."),
    )
    assert ids(snapshot, "henkilstöhalinto") == ["a"]
    assert ids(snapshot, "tarvike") == []
