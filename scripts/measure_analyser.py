"""Measure a real Finnish analyser (Voikko) against the hand-written rules on the relevance sets.

Run from the repository root (pyvoikko is GPL-3.0-or-later and not a dependency of
hankkeet; it is brought in for this measurement only):

    uv run --with pyvoikko python scripts/measure_analyser.py

Variants, each scored on every tests/relevance*.json set (right, recall, precision), each
set on its own snapshot (the later-round sets on tests/fixtures/round*_snapshot.json):

* ``rules``: `hankkeet search` as it is (hand-written stems, families, compounds).
* ``voikko only``: a query word matches a text word when Voikko gives them a
  common base form (or they are equal, folded); every word must match (AND).
* ``rules + voikko``: the search, where two words also count as inflections of
  each other, and as one family, when Voikko gives them a common base form.

Voikko works on words with their diacritics, so every token of the snapshot and
of the queries is analysed as written; the search works on folded keys, and
the base forms are looked up through them.
"""

from __future__ import annotations

import glob
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hankkeet import finnish  # noqa: E402
from hankkeet import search as search_module  # noqa: E402
from hankkeet.model import Snapshot, load  # noqa: E402
from hankkeet.search import FIELDS, field_text  # noqa: E402
from hankkeet.textnorm import nfc  # noqa: E402

from relevance_eval import evaluate, load_queries  # noqa: E402

# Sets judged on another snapshot than the bundled one.
SNAPSHOTS = {
    "relevance_round2022.json": ROOT / "tests" / "fixtures" / "round2022_snapshot.json",
    "relevance_round2023.json": ROOT / "tests" / "fixtures" / "round2023_snapshot.json",
}


def main() -> None:
    try:
        import pyvoikko  # type: ignore[import-not-found]
    except ImportError:
        sys.exit("pyvoikko is not installed: uv run --with pyvoikko python scripts/measure_analyser.py")

    bundled = load()
    sets = {Path(f).name: load_queries(Path(f)) for f in sorted(glob.glob(str(ROOT / "tests" / "relevance*.json")))}
    snapshots = {name: load(SNAPSHOTS[name]) if name in SNAPSHOTS else bundled for name in sets}
    originals: dict[str, set[str]] = {}
    distinct = {id(s): s for s in snapshots.values()}.values()
    texts = [field_text(p, f) for snapshot in distinct for p in snapshot.projects for f in FIELDS]
    texts += [q["query"] for queries in sets.values() for q in queries]
    for text in texts:
        for token, _, _ in finnish.tokens(text):
            for part in token.strip("-").split("-"):
                if part:
                    originals.setdefault(finnish.fold(part), set()).add(nfc(part))
    started = time.perf_counter()
    lemmas: dict[str, frozenset[str]] = {}
    for key, spellings in originals.items():
        found: set[str] = set()
        for spelling in spellings:
            for analysis in pyvoikko.analyse(spelling) or ():
                if analysis.BASEFORM:
                    found.add(finnish.fold(analysis.BASEFORM))
        lemmas[key] = frozenset(found)
    analysed = time.perf_counter() - started
    known = sum(1 for v in lemmas.values() if v)
    print(f"Voikko: {len(lemmas)} distinct words analysed in {analysed:.1f} s "
          f"({1000 * analysed / max(1, len(lemmas)):.1f} ms a word); {known} ({known / len(lemmas):.0%}) known to it")

    def ids(snapshot: Snapshot, query: str) -> list[str]:
        return [h.project.id for h in search_module.search(snapshot, query)]

    def voikko_only(snapshot: Snapshot, query: str) -> list[str]:
        words = finnish.query_words(query)
        found: list[str] = []
        for project in snapshot.projects:
            keys = {w.key for f in FIELDS for w in finnish.words(field_text(project, f))}
            if all(any(w == k or (lemmas.get(w, frozenset()) & lemmas.get(k, frozenset())) for k in keys)
                   for w in words):
                found.append(project.id)
        return found

    def report(name: str, run: Callable[[Snapshot, str], Sequence[str]]) -> None:
        for set_name, queries in sets.items():
            snapshot = snapshots[set_name]
            result = evaluate(lambda query, snapshot=snapshot: run(snapshot, query), queries)
            print(f"  {name:<16} {set_name:<28} {result.summary()}")

    report("rules", ids)
    report("voikko only", voikko_only)

    rules_same_lemma, rules_family = finnish.same_lemma, finnish.family_keys

    def same_lemma(a: str, b: str) -> bool:
        return rules_same_lemma(a, b) or bool(lemmas.get(a, frozenset()) & lemmas.get(b, frozenset()))

    def family_keys(word: str, part: bool = False) -> frozenset[str]:
        return rules_family(word, part) | {"v:" + lemma for lemma in lemmas.get(word, ())}

    finnish.same_lemma = same_lemma
    finnish.family_keys = family_keys  # type: ignore[assignment]
    search_module._CACHE.clear()
    report("rules + voikko", ids)


if __name__ == "__main__":
    main()
