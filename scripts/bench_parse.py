"""Time `hankkeet parse` on a 4-page PDF against pdfminer's own extract_text.

    uv run python scripts/bench_parse.py [PDF] [--runs N]

Both run in this one process, alternating, after a warm-up run of each, and
the median of N runs is reported. In-process timing compares the work on the
PDF itself: a subprocess per run would add the interpreter start and imports
(typer, rich) to our side and measure mostly those. Our side is
``parse_bytes``: layout analysis, table reconstruction, records and area
resolution, i.e. everything `hankkeet parse` does except writing the file.
The target is a ratio of at most 1.5.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "summary_original.pdf"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from pdfminer.high_level import extract_text

    from hankkeet.parse import parse_bytes

    data = args.pdf.read_bytes()

    def ours() -> None:
        parse_bytes(data, args.pdf.name)

    def theirs() -> None:
        extract_text(io.BytesIO(data))

    ours(), theirs()  # warm-up: imports, caches
    times: dict[str, list[float]] = {"hankkeet parse": [], "pdfminer extract_text": []}
    for _ in range(args.runs):
        for label, job in (("hankkeet parse", ours), ("pdfminer extract_text", theirs)):
            start = time.perf_counter()
            job()
            times[label].append(time.perf_counter() - start)
    medians = {label: statistics.median(values) for label, values in times.items()}
    for label, value in medians.items():
        print(f"{label:24} median {value * 1000:8.1f} ms over {args.runs} runs")
    ratio = medians["hankkeet parse"] / medians["pdfminer extract_text"]
    print(f"ratio {ratio:.2f} (target <= 1.5) on {args.pdf.name}")


if __name__ == "__main__":
    main()
