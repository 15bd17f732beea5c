#!/usr/bin/env python3
"""Time `hankkeet export --sqlite` on the bundled snapshot and on generated corpora, with peak memory.

    uv run python scripts/bench_export.py [--sizes 10000,100000] [--runs 1] [--keep DIR]

Each size is a distinct-text corpus of scripts/make_corpus.py (made once in
DIR, default a temporary folder). Every run is a fresh process, timed by
wall clock and CPU (user + system) with its peak resident memory (os.wait4);
beside it, the same for loading the snapshot whole (as the commands that hold
it do), which the export, reading one project at a time, does not.
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

ROOT = Path(__file__).resolve().parent.parent
HANKKEET = [sys.executable, "-m", "hankkeet"]


def measure(command: list[str]) -> tuple[float, float, float]:
    """(wall s, CPU s, peak RSS MB) of one fresh process; it must succeed."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stderr = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{stderr}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def corpus(size: int, folder: Path) -> Path | None:
    if size == 21:
        return None
    path = folder / f"corpus-{size}.json"
    if not path.exists():
        sys.path.insert(0, str(ROOT / "scripts"))
        from make_corpus import make_corpus

        path.write_text(json.dumps(make_corpus(size), ensure_ascii=False), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="corpus sizes besides the bundled 21")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="make and keep the corpora in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-export-"))
    folder.mkdir(parents=True, exist_ok=True)
    sizes = [21, *(int(s) for s in args.sizes.split(",") if s)]
    print("| projects | database | export: wall, CPU | peak memory | loading whole: CPU, peak memory |")
    print("|---|---|---|---|---|")
    for size in sizes:
        data = corpus(size, folder)
        target = folder / f"export-{size}.db"
        where = ["--data", str(data)] if data is not None else []
        load = [sys.executable, "-c", f"from hankkeet.model import load; load({str(data) if data else None!r})"]
        exports, loads = [], []
        for _ in range(args.runs):
            exports.append(measure([*HANKKEET, "--quiet", *where, "export", "--sqlite", str(target)]))
            loads.append(measure(load))
        wall, cpu, rss = (statistics.median(x) for x in zip(*exports, strict=True))
        _, load_cpu, load_rss = (statistics.median(x) for x in zip(*loads, strict=True))
        size_mb = target.stat().st_size / 1e6
        print(f"| {size:,} | {size_mb:,.1f} MB | {wall:.2f} s, {cpu:.2f} s | {rss:,.0f} MB "
              f"| {load_cpu:.2f} s, {load_rss:,.0f} MB |", flush=True)
        target.unlink()


if __name__ == "__main__":
    main()
