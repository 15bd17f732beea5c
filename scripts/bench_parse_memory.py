"""Peak memory of `hankkeet parse` on a long PDF against pdfminer's own extract_text.

    uv run python scripts/bench_parse_memory.py [--pages 200] [--keep DIR]

Generates a summary PDF of about ``--pages`` pages (the later-round
generator, tests/later_round/generate.py, original layout: grid, header on
every page, page numbers), its rows the 44 later-round rows repeated with
distinct text (each copy's description rotated by a different number of
words and its project name numbered), into a temporary directory (kept
with --keep; it is not committed: about 1 MB per 100 pages). Then runs, each
in a fresh process, ``parse_file`` (everything `hankkeet parse` does but
writing the file) and ``pdfminer.high_level.extract_text``, and reports the
peak resident memory (VmHWM) and time of each, and the number of rows
read. "Flat" means parse's peak grows with the pages about as pdfminer's
does, not by the whole document's layout.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT / "tests" / "later_round"
ROWS_PER_PAGE = 5.9  # the original layout sets about this many rows on a page

# The peak is the process's own high-water mark (VmHWM): ru_maxrss on Linux keeps
# the parent's peak across fork and exec, so it would report the benchmark itself.
MEASURE = """
import resource, sys, time
t = time.perf_counter()
{body}
seconds = time.perf_counter() - t
try:
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(peak, seconds, result)
"""
PARSE = """
from hankkeet.parse import parse_file
snapshot = parse_file(sys.argv[1], max_bytes=1 << 30)
result = f"{len(snapshot.projects)}/{len(snapshot.projects) + len(snapshot.unread_rows)}"
"""
PDFMINER = """
from pdfminer.high_level import extract_text
result = len(extract_text(sys.argv[1]))
"""


def make_pdf(pages: int, out: Path) -> int:
    """Write the long PDF; return its number of rows."""
    sys.path.insert(0, str(GENERATOR))
    sys.path.insert(0, str(GENERATOR / "data"))
    import generate  # type: ignore[import-not-found]
    import rounds  # type: ignore[import-not-found]

    base = [*rounds.ROWS_2022, *rounds.ROWS_2023]
    rows = []
    for k in range(int(pages * ROWS_PER_PAGE)):
        row = dict(base[k % len(base)])
        copy = k // len(base)
        if copy:
            words = row["desc"].split(" ")
            shift = copy % len(words)
            row["desc"] = " ".join(words[shift:] + words[:shift])
            row["name"] = f"{row['name']} {copy + 1}"
        rows.append(row)
    generate.layout_round(rows, rounds.TITLE_2022, generate.STYLES["original"], str(out), {"style": "original"})
    return len(rows)


def measure(body: str, pdf: Path) -> tuple[float, float, str]:
    code = MEASURE.format(body=body.strip())
    done = subprocess.run([sys.executable, "-c", code, str(pdf)], capture_output=True, text=True, check=True,
                          cwd=ROOT)
    rss_kb, seconds, result = done.stdout.split()[-3:]
    return int(rss_kb) / 1024, float(seconds), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        pdf = folder / f"long_{args.pages}.pdf"
        started = time.perf_counter()
        # A PDF kept by an earlier run with --keep is reused (generating takes a while).
        rows = make_pdf(args.pages, pdf) if not pdf.exists() else int(args.pages * ROWS_PER_PAGE)
        from pdfminer.high_level import extract_pages

        page_count = sum(1 for _ in extract_pages(pdf)) if args.pages <= 20 else None
        made = time.perf_counter() - started
        ours = measure(PARSE, pdf)
        theirs = measure(PDFMINER, pdf)
        figures = {
            "pdf": str(pdf), "bytes": pdf.stat().st_size, "rows": rows, "made_s": round(made, 1),
            "parse_peak_mb": round(ours[0], 1), "parse_s": round(ours[1], 2), "rows_read": ours[2],
            "pdfminer_peak_mb": round(theirs[0], 1), "pdfminer_s": round(theirs[1], 2),
        }
        if page_count is not None:
            figures["pages"] = page_count
    if args.json:
        print(json.dumps(figures, indent=1))
        return
    print(f"{pdf.name}: {figures['bytes'] / 1e6:.1f} MB, {rows} rows (~{args.pages} pages)")
    print(f"hankkeet parse         peak {ours[0]:6.1f} MB  {ours[1]:6.2f} s  rows read {ours[2]}")
    print(f"pdfminer extract_text  peak {theirs[0]:6.1f} MB  {theirs[1]:6.2f} s")
    print(f"ratio of peaks {ours[0] / theirs[0]:.2f}")


if __name__ == "__main__":
    main()
