"""Benchmark `hankkeet search`: time per query in-process, and a one-shot CLI run.

Run from the repository root:  uv run python scripts/bench_search.py [--runs N]

In-process: the index is built once (its build time is shown), then every
query of tests/relevance.json is timed. One-shot: the wall time of a fresh
`hankkeet search kotoutuminen --json` process (interpreter start-up included),
median of N runs. It also prints the relevance figures, so the README numbers
come from one command.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hankkeet.model import load  # noqa: E402
from hankkeet.search import SearchIndex, search  # noqa: E402

from relevance_eval import DEV_FILE, FRESH_FILE, HOLDOUT_FILE, ROUND4_FILE, USERS_FILE, evaluate, load_queries  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="CLI runs to take the median of (default 7)")
    args = parser.parse_args()

    snapshot = load()
    started = time.perf_counter()
    SearchIndex(snapshot)
    build = time.perf_counter() - started

    queries = load_queries()
    search(snapshot, "lämmitys")  # build the cached index outside the timings
    timings: list[tuple[float, str]] = []
    for item in queries:
        started = time.perf_counter()
        search(snapshot, item["query"])
        timings.append((time.perf_counter() - started, item["query"]))
    per_query = sorted(t for t, _ in timings)
    slowest = max(timings)

    evaluation = evaluate(lambda q: [h.project.id for h in search(snapshot, q)], queries)
    holdout = evaluate(lambda q: [h.project.id for h in search(snapshot, q)], load_queries(HOLDOUT_FILE))
    fresh = evaluate(lambda q: [h.project.id for h in search(snapshot, q)], load_queries(FRESH_FILE))
    users = evaluate(lambda q: [h.project.id for h in search(snapshot, q)], load_queries(USERS_FILE))
    round4 = evaluate(lambda q: [h.project.id for h in search(snapshot, q)], load_queries(ROUND4_FILE))
    dev = evaluate(lambda q: [h.project.id for h in search(snapshot, q)], load_queries(DEV_FILE))

    def one_shot(*cli_args: str) -> float:
        walls = []
        for _ in range(args.runs):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "hankkeet", *cli_args], cwd=ROOT, capture_output=True, check=False)
            walls.append(time.perf_counter() - started)
        return statistics.median(walls)

    search_wall = one_shot("search", "kotoutuminen", "--json")
    typo_wall = one_shot("search", "kotoutumnen", "--json")
    list_wall = one_shot("list", "--json")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], capture_output=True, check=True)
    bare_python = time.perf_counter() - started

    rows = [
        ("index build (21 projects)", ms(build)),
        (f"per query, median ({len(queries)} queries)", ms(statistics.median(per_query))),
        ("per query, 90th percentile", ms(per_query[int(0.9 * (len(per_query) - 1))])),
        (f"per query, slowest ({slowest[1][:24]!r})", ms(slowest[0])),
        (f"CLI one-shot 'search kotoutuminen --json', median of {args.runs}", ms(search_wall)),
        ("CLI one-shot 'search kotoutumnen --json' (typo step)", ms(typo_wall)),
        ("  ('list --json' for comparison: start-up and loading)", ms(list_wall)),
        ("  (bare 'python -c pass' for comparison)", ms(bare_python)),
        ("relevance set", evaluation.summary()),
        ("held-out relevance set", holdout.summary()),
        ("fresh relevance set", fresh.summary()),
        ("users relevance set", users.summary()),
        ("round-4 relevance set", round4.summary()),
        ("dev relevance set", dev.summary()),
    ]
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    for failure in evaluation.failures + holdout.failures + fresh.failures + users.failures + round4.failures:
        print(f"  fail: {failure}")


if __name__ == "__main__":
    main()
