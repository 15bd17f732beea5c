"""Whole result lists of many queries, recorded to compare two versions of the index build.

    uv run python scripts/compare_search.py record OUT.json [--corpus PATH] [--sample 300]
    uv run python scripts/compare_search.py diff BEFORE.json AFTER.json

``record`` builds the stored index (``index_store.write_store``) of the bundled
snapshot, of the later-round fixture snapshots and of a distinct-text corpus
(default: the 10,000-project one of scripts/bench_scale.py, made by
scripts/make_corpus.py if missing), and writes every hit (project id, score,
phrase, matched fields, words and spans) of:

- every query of tests/relevance*.json, on each snapshot;
- ``--sample`` queries drawn from the corpus's own words with a fixed seed:
  words as written, inflected-looking cuts, prefixes, slips (a letter dropped,
  doubled, swapped or changed), two words, two words joined;

and, on the small snapshots, the same queries on the in-memory index (they
must agree with the stored one). It also records the CPU time of each build.
``diff`` prints the queries whose results differ and exits 1 if any do.

To record a version other than the working tree's, put its checkout first on
the path: ``PYTHONPATH=/path/to/checkout uv run python scripts/compare_search.py record ...``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(tempfile.gettempdir()) / "hankkeet-bench-scale" / "corpus-10000.json"
_WORD = re.compile(r"[^\W\d_]{3,}")


def relevance_queries() -> list[str]:
    found: dict[str, None] = {}
    for path in sorted((ROOT / "tests").glob("relevance*.json")):
        for q in json.loads(path.read_text(encoding="utf-8"))["queries"]:
            found[q["query"]] = None
    return list(found)


def sampled_queries(corpus: Path, count: int, seed: int = 9) -> list[str]:
    """Queries made from the corpus's words, whatever the program does with them."""
    data = json.loads(corpus.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    projects = data["projects"]
    words: list[str] = []
    for project in rng.sample(projects, min(len(projects), 400)):
        for field in ("name", "description", "organisation"):
            words.extend(_WORD.findall(str(project.get(field, ""))))
    letters = "abcdefghijklmnoprstuvyäö"
    out: list[str] = []
    while len(out) < count:
        word = rng.choice(words)
        kind = rng.randrange(8)
        if kind == 0:
            query = word
        elif kind == 1:
            query = word.lower()[: max(3, len(word) - rng.randrange(1, 4))]  # an ending cut off
        elif kind == 2:
            query = word.lower()[: rng.randrange(3, max(4, len(word)))]  # a prefix
        elif kind in (3, 4):
            w = word.lower()
            i = rng.randrange(len(w))
            slip = rng.randrange(4)
            if slip == 0:
                query = w[:i] + w[i + 1 :]
            elif slip == 1:
                query = w[:i] + w[i] + w[i:]
            elif slip == 2 and i + 1 < len(w):
                query = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
            else:
                query = w[:i] + rng.choice(letters) + w[i + 1 :]
        elif kind == 5:
            query = f"{word} {rng.choice(words)}"
        elif kind == 6:
            query = (word + rng.choice(words)).lower()
        else:
            query = f"{word.lower()}-{rng.choice(words).lower()}"
        out.append(query)
    return out


def results(index: Any, query: str) -> list[Any]:
    from hankkeet import search

    try:
        hits = index.search(query)
    except search.EmptyQuery:
        return ["empty"]
    return [
        [h.project.id, h.score, h.phrase, [[m.field, list(m.words), [list(s) for s in m.spans]] for m in h.matches],
         [list(t) for t in h.translations]]
        for h in hits
    ]


def record(out: Path, corpus: Path, sample: int) -> None:
    import resource

    from hankkeet import index_store, model, search

    def cpu() -> float:  # this process and its waited-for children (a build's forked worker)
        return sum(u.ru_utime + u.ru_stime for u in map(resource.getrusage, (resource.RUSAGE_SELF,
                                                                             resource.RUSAGE_CHILDREN)))

    if not corpus.exists():
        corpus.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(ROOT / "scripts" / "make_corpus.py"), "10000", "-o", str(corpus)],
                       check=True)
    queries = relevance_queries()
    sampled = sampled_queries(corpus, sample)
    snapshots: list[tuple[str, Path | None, list[str], bool]] = [
        ("bundled", None, queries, True),
        *((p.stem, p, queries, True) for p in sorted((ROOT / "tests" / "fixtures").glob("round*_snapshot.json"))),
        (corpus.name, corpus, queries[::3] + sampled, False),
    ]
    recorded: dict[str, Any] = {"builds": {}, "results": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for name, path, qs, in_memory in snapshots:
            store = Path(tmp) / f"{name}.sqlite"
            before = cpu()
            index_store.write_store(model.SnapshotFile(path), store)
            recorded["builds"][name] = round(cpu() - before, 2)
            print(f"{name}: built in {recorded['builds'][name]} s CPU", file=sys.stderr)
            stored = index_store.StoredIndex(store)
            start = time.perf_counter()
            got = {q: results(stored, q) for q in qs}
            print(f"{name}: {len(qs)} queries in {time.perf_counter() - start:.1f} s", file=sys.stderr)
            recorded["results"][name] = got
            stored.close()
            if in_memory:
                memory = search.SearchIndex(model.load(path))
                differ = [q for q in qs if results(memory, q) != got[q]]
                recorded["results"][f"{name} (in memory)"] = {q: results(memory, q) for q in differ}
                print(f"{name}: stored and in-memory differ on {len(differ)} queries", file=sys.stderr)
    out.write_text(json.dumps(recorded, ensure_ascii=False), encoding="utf-8")


def diff(before: Path, after: Path) -> int:
    a = json.loads(before.read_text(encoding="utf-8"))
    b = json.loads(after.read_text(encoding="utf-8"))
    bad = 0
    for name in sorted(set(a["results"]) | set(b["results"])):
        ra, rb = a["results"].get(name, {}), b["results"].get(name, {})
        differ = [q for q in sorted(set(ra) | set(rb)) if ra.get(q) != rb.get(q)]
        hits = sum(len(r) for r in rb.values() if r != ["empty"])
        print(f"{name}: {len(rb)} queries, {hits} hits, {len(differ)} differ")
        for q in differ[:20]:
            print(f"  {q!r}: {len(ra.get(q) or [])} -> {len(rb.get(q) or [])} hits")
        bad += len(differ)
    for name in sorted(set(a["builds"]) | set(b["builds"])):
        print(f"build {name}: {a['builds'].get(name)} s -> {b['builds'].get(name)} s CPU")
    return 1 if bad else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("out", type=Path)
    rec.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    rec.add_argument("--sample", type=int, default=300)
    dif = sub.add_parser("diff")
    dif.add_argument("before", type=Path)
    dif.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "record":
        record(args.out, args.corpus, args.sample)
    else:
        sys.exit(diff(args.before, args.after))


if __name__ == "__main__":
    main()
