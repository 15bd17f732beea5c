"""Contracts of the core that no other test pinned down: each test here fails
when the behaviour it names is broken on purpose."""

from __future__ import annotations

import json
import unicodedata

import pytest

from hankkeet.coverage import projects_covering
from hankkeet.errors import DataError
from hankkeet.kunnat.lookup import sort_key, suggest
from hankkeet.model import Basis, Coverage, Project, Snapshot, Source, dumps, load
from hankkeet.render import PROJECT_LISTING
from hankkeet.search import search
from hankkeet.textnorm import clean, nfc


def project(number: int, pid: str, *, description: str = "", municipalities: tuple[Coverage, ...] = ()) -> Project:
    return Project(
        id=pid, number=number, organisation="Kunta", co_implementers=(), name="Hanke",
        start="2020-09-01", end="2021-08-31", area="Alue", description=description, municipalities=municipalities,
    )


def test_text_is_nfc_inside_the_program():
    assert clean("Sa\u0308kyla\u0308") == "Säkylä" == nfc("Sa\u0308kyla\u0308")
    assert unicodedata.is_normalized("NFC", clean("Ha\u0308meenlinna"))
    strings = [v for p in load().projects for v in json.dumps(p.to_dict(), ensure_ascii=False).split('"')]
    assert all(unicodedata.is_normalized("NFC", s) for s in strings)


def test_suggestions_fill_their_limit_when_enough_names_are_close():
    # Four municipalities start with "Pori"/"Por": Pori, Pornainen, Porvoo, Posio...
    names = suggest("Porr", limit=3)
    assert len(names) == 3 and "Pori" in names
    assert len(suggest("Porr", limit=2)) == 2


def test_finnish_alphabetical_order():
    names = ["Öja", "Äänekoski", "Åbo", "Zürich", "Aura", "Vantaa", "Wasa", "Yli-Ii"]
    # å, ä, ö come after z, in that order; w sorts as v.
    assert sorted(names, key=sort_key) == ["Aura", "Vantaa", "Wasa", "Yli-Ii", "Zürich", "Åbo", "Äänekoski", "Öja"]
    assert sort_key("Wasa") == sort_key("Vasa")


def test_the_strongest_basis_comes_first_whatever_the_document_order():
    loppi = Coverage("433", "Loppi", Basis.COOPERATION)
    listed = Coverage("433", "Loppi", Basis.LISTED)
    found = projects_covering([project(1, "first", municipalities=(loppi,)),
                               project(2, "second", municipalities=(listed,))], "433")
    assert [(f.project.id, f.coverage.basis) for f in found] == [("second", "listed"), ("first", "cooperation")]


def test_the_csv_municipalities_field_joins_the_names():
    p = project(1, "p", municipalities=(Coverage("433", "Loppi", Basis.LISTED), Coverage("106", "Hyvinkää", Basis.REGION)))
    assert PROJECT_LISTING.csv_fields[-1] == "municipalities"
    assert PROJECT_LISTING.field("municipalities").flat(p) == "Loppi; Hyvinkää"


def test_a_phrase_ranks_above_the_same_words_apart():
    apart = project(1, "apart", description="ohjaus kunnassa ja palvelu myöhemmin")
    together = project(2, "together", description="myöhemmin palvelu kunnassa ja ohjaus palvelu")
    snapshot = Snapshot(Source("t", "s", "f", "0"), (apart, together))
    hits = search(snapshot, "ohjaus palvelu")
    assert [h.project.id for h in hits] == ["together", "apart"]
    assert hits[0].score > hits[1].score


@pytest.mark.parametrize("field", ["id", "organisation", "name"])
def test_a_project_with_an_empty_or_missing_text_field_is_refused(tmp_path, field):
    data = json.loads(dumps(load().to_dict()))
    if field == "id":
        data["projects"][0]["id"] = ""
    else:
        del data["projects"][0][field]
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DataError, match=r"projects\[0\]"):
        load(path)


def test_one_edit_corrects_a_short_name_below_the_ratio_threshold():
    # A swapped pair in a four- or five-letter name scores 75-80, under the
    # threshold, and is still one edit away.
    from hankkeet.kunnat.lookup import FUZZY_THRESHOLD, lookup

    for typo, name in (("Slao", "Salo"), ("Oluu", "Oulu"), ("Loopi", "Loppi")):
        match = lookup(typo)
        assert (match.municipality.name, match.tier) == (name, "fuzzy")
        assert match.score < FUZZY_THRESHOLD


def test_every_project_covering_a_municipality_is_listed():
    loppi = Coverage("433", "Loppi", Basis.LISTED)
    from hankkeet.coverage import filter_by_municipality

    projects = [project(1, "a", municipalities=(loppi,)), project(2, "b"), project(3, "c", municipalities=(loppi,))]
    assert [p.id for p in filter_by_municipality(projects, "433")] == ["a", "c"]
