#!/usr/bin/env python3
"""Start-up benchmark: whole CLI runs against the framework floor, side by side.

    uv run python scripts/bench_startup.py [--runs N]

Each command runs as a fresh subprocess with the same interpreter (what a shell
script or a completion pays), interleaved with its baseline so that machine load
affects both alike; the table shows medians. Pairs:

* ``hankkeet search kotoutuminen --json``  vs  ``python -c "import typer"``
* ``hankkeet search guidance --json`` and ``search tredje sektorn --json`` (read
  through the glossary)                    vs  ``python -c "import typer"``
* ``hankkeet kunta Loppi`` (a table)       vs  ``python -c "import typer, rich.console, rich.table"``
* search on a generated 10,000-project snapshot vs the bundled one
* ``hankkeet list --json``                 vs  ``python -c "import typer"``

Goals: at most 1.3x the floor for the searches and the table, at most 5x for the large snapshot.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PY = sys.executable
ENV = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1"}


def run_time(argv: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"failed ({done.returncode}): {' '.join(argv)}\n{done.stderr.decode()}")
    return elapsed


def compare(label: str, command: list[str], baseline: list[str], runs: int) -> tuple[str, float, float]:
    run_time(command), run_time(baseline)  # warm the file cache
    a, b = [], []
    for _ in range(runs):
        a.append(run_time(command))
        b.append(run_time(baseline))
    return label, statistics.median(a), statistics.median(b)


def make_large_snapshot(path: Path, size: int = 10_000) -> None:
    from hankkeet.model import load, save

    bundled = load()
    projects = []
    for i in range(size):
        p = bundled.projects[i % len(bundled.projects)]
        projects.append(p._replace(id=f"{p.id}-{i}", number=i + 1))
    save(bundled._replace(projects=tuple(projects)), path)


def precompile() -> None:
    """Write bytecode for the packages the runs import.

    An installed package has its .pyc files (pip compiles on install, Python on
    first import), but with PYTHONDONTWRITEBYTECODE set every run would compile
    typer, rich and hankkeet from source and the comparison would measure the
    compiler. Measure the steady state instead.
    """
    import compileall
    import importlib.util

    for name in ("hankkeet", "typer", "rich", "rapidfuzz", "snowballstemmer", "annotated_doc", "shellingham"):
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.submodule_search_locations:
            for location in spec.submodule_search_locations:
                compileall.compile_dir(location, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    precompile()
    # The console script, as users, scripts and shell completion run it.
    script = Path(PY).with_name("hankkeet")
    hk = [str(script)] if script.exists() else [PY, "-m", "hankkeet"]
    with tempfile.TemporaryDirectory() as tmp:
        # A cache of its own: on a machine where other versions of the program run
        # (worktrees), each would remove the others' stored bundled index and every
        # run would measure a rebuild; the first (warming) run writes it.
        ENV["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        large = Path(tmp) / "large.json"
        make_large_snapshot(large)
        rows = [
            compare("search kotoutuminen --json / import typer", [*hk, "search", "kotoutuminen", "--json"],
                    [PY, "-c", "import typer"], args.runs),
            compare("search guidance --json / import typer", [*hk, "search", "guidance", "--json"],
                    [PY, "-c", "import typer"], args.runs),
            compare("search tredje sektorn --json / import typer", [*hk, "search", "tredje", "sektorn", "--json"],
                    [PY, "-c", "import typer"], args.runs),
            compare("kunta Loppi (table) / import typer, rich", [*hk, "kunta", "Loppi"],
                    [PY, "-c", "import typer, rich.console, rich.table"], args.runs),
            compare("search on 10,000 projects / on 21", [*hk, "--data", str(large), "search", "kotoutuminen", "--json"],
                    [*hk, "search", "kotoutuminen", "--json"], max(3, args.runs // 3)),
            compare("list --json / import typer", [*hk, "list", "--json"], [PY, "-c", "import typer"], args.runs),
        ]
    width = max(len(r[0]) for r in rows)
    print(f"{'command / baseline':<{width}}  {'command':>9}  {'baseline':>9}  {'ratio':>6}")
    for label, a, b in rows:
        print(f"{label:<{width}}  {a * 1000:>7.0f}ms  {b * 1000:>7.0f}ms  {a / b:>5.2f}x")
    print(f"\n{PY} ({sys.version.split()[0]}), median of {args.runs} runs each; python {json.dumps(sys.platform)}")


if __name__ == "__main__":
    main()
