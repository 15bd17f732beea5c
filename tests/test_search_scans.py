"""The narrowed scans of a query word give what the whole scans give.

A split word's halves and a typo's matches need only the keys of a word met as written or
inflected (and for a second half, the compounds it starts), and an adjective-noun compound's
candidates are tested for a tail that can begin as the query's before they are analysed; these
tests compare each with the full computation it replaces, on a generated corpus.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

from hankkeet import finnish, model, search

ROOT = Path(__file__).resolve().parent.parent


def _make_corpus(size: int, seed: int) -> dict[str, Any]:
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "scripts" / "make_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module
    spec.loader.exec_module(module)
    corpus: dict[str, Any] = module.make_corpus(size, seed)
    return corpus


@pytest.fixture(scope="module")
def index() -> search.SearchIndex:
    return search.SearchIndex(model.from_dict(_make_corpus(150, seed=11)))


def _words(index: search.SearchIndex) -> list[str]:
    """Vocabulary words and pieces of them: heads and tails as a split word's halves would be."""
    vocabulary = sorted(k for k in index.vocabulary if "-" not in k and len(k) >= 4)[::9]
    pieces = {w[:i] for w in vocabulary[::3] for i in (4, 5, 7)} | {w[4:] for w in vocabulary[::3] if len(w) >= 8}
    return [*vocabulary, *sorted(pieces)]


def _fresh(index: search.SearchIndex) -> None:
    index._lemma_memo.clear()
    index._direct_memo.clear()


def test_direct_keys_are_the_lemma_keys_of_a_direct_tier(index: search.SearchIndex) -> None:
    compounds_met = 0
    for word in _words(index):
        for starting in (False, True):
            _fresh(index)
            narrow = index._direct_keys(word, starting)
            _fresh(index)
            full = index._lemma_keys(word)
            assert narrow == {
                k: t for k, t in full.items()
                if t <= search.STEM or (starting and t == search.COMPOUND and k.startswith(word))
            }, (word, starting)
            # Worked out from the full keys when they are known already: the same again.
            assert index._direct_keys(word, starting) == narrow
            compounds_met += starting and any(t == search.COMPOUND for t in narrow.values())
    assert compounds_met > 10  # second halves that begin compounds of the texts


def test_a_typo_read_directly_meets_the_typo_keys_of_the_full_reading(index: search.SearchIndex) -> None:
    met = 0
    for word in _words(index)[::2]:
        slipped = word[:2] + word[3:] if len(word) >= 7 else word + word[-1]
        _fresh(index)
        full = {k for k, t in index._typos(slipped).items() if t == search.TYPO}
        _fresh(index)
        direct = index._typos(slipped, direct=True)
        assert {k for k, t in direct.items() if t == search.TYPO} == full, slipped
        met += bool(full)
    assert met > 20


def _both_parts_scan(index: search.SearchIndex, query: str) -> dict[str, int]:
    """What _both_parts_keys found before its candidates were narrowed: every key of the prefix."""
    if len(query) < search.MIN_BOTH_INFLECTED or not finnish.split_points(query):
        return {}
    return {
        k: search.STEM for k in index.vocabulary if k[:2] == query[:2] and finnish.both_parts_inflected(query, k)
    }


def test_both_parts_candidates_narrowed_before_the_analysis_lose_nothing(index: search.SearchIndex) -> None:
    queries = [w for w in _words(index) if len(w) >= search.MIN_BOTH_INFLECTED][::2]
    # Adjective-noun compounds with both parts inflected, and the texts' words with their head
    # inflected another way (a genitive head for a nominative one).
    queries += ["uudessakaupungissa", "uudenkaupungin", "uudellamaalla", "uusimaa"]
    queries += [w[:i] + "n" + w[i:] for w in queries[:200] for i in finnish._boundaries(w)[:1]]
    met = 0
    for query in queries:
        found = index._both_parts_keys(query)
        assert found == _both_parts_scan(index, query), query
        met += bool(found)
    assert met > 3


def test_both_parts_keys_read_an_inflected_head_of_a_place_compound() -> None:
    snapshot = model.load()
    index = search.SearchIndex(snapshot)
    words = [k for k in index.vocabulary if k.startswith("uude")]
    for word in words:
        found = index._both_parts_keys(word)
        assert found == _both_parts_scan(index, word)
