"""Score `parse` on the extractor texts of the fixture PDFs (tests/fixtures/text/).

    uv run python scripts/score_fixture_texts.py [--json]

Every fixture PDF of the 2020 table (`tests/fixtures/*.pdf`, not `bad_*`) has
three extractor texts beside it in `tests/fixtures/text/`, made with:

    pdftotext NAME.pdf text/NAME.pdftotext.txt                (poppler 22.12, plain)
    pdftotext -layout NAME.pdf text/NAME.pdftotext-layout.txt
    python -c 'from pdfminer.high_level import extract_text; ...'   -> text/NAME.pdfminer.txt
                                                               (pdfminer.six, default LAParams)

The expected records are those of the PDF the text was made from: the bundled
snapshot (`hankkeet/data/projects.json`), which every fixture PDF parses to.
Per text: rows read / 21, and fields right / 21 x 7 (organisation,
co_implementers, name, start, end, area, description), rows matched by
position. A refused text scores 0 and shows its one-line message.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "tests" / "fixtures" / "text"
FIELDS = ("organisation", "co_implementers", "name", "start", "end", "area", "description")
KINDS = ("pdftotext.txt", "pdftotext-layout.txt", "pdfminer.txt")


def documents() -> list[tuple[str, Path]]:
    """(label, path) of every fixture extractor text, by kind then name."""
    return [(path.name, path) for kind in KINDS for path in sorted(TEXTS.glob(f"*.{kind}"))]


def score(path: Path) -> dict[str, Any]:
    from hankkeet import model
    from hankkeet.errors import SourceError
    from hankkeet.parse import parse_file

    want = [{k: p.to_dict()[k] for k in FIELDS} for p in model.load().projects]
    total = len(want) * len(FIELDS)
    try:
        snapshot = parse_file(path)
    except SourceError as exc:
        return {"rows": 0, "rows_total": len(want), "fields": 0, "fields_total": total,
                "error": exc.message, "wrong": {}}
    got = [{k: p.to_dict()[k] for k in FIELDS} for p in snapshot.projects]
    right = rows = 0
    wrong: dict[str, int] = {}
    for g, w in zip(got, want, strict=False):
        rows += g["organisation"] == w["organisation"]
        for name in FIELDS:
            if g[name] == w[name]:
                right += 1
            else:
                wrong[name] = wrong.get(name, 0) + 1
    return {"rows": rows, "rows_total": len(want), "fields": right, "fields_total": total, "error": None,
            "wrong": wrong}


def main(argv: list[str]) -> int:
    results = {label: score(path) for label, path in documents()}
    if "--json" in argv:
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return 0
    totals: dict[str, list[int]] = {}
    for label, r in results.items():
        kind = next(k for k in KINDS if label.endswith("." + k))
        t = totals.setdefault(kind, [0, 0, 0, 0])
        for i, key in enumerate(("rows", "rows_total", "fields", "fields_total")):
            t[i] += r[key]
        detail = r["error"] or ", ".join(f"{k} {v}" for k, v in sorted(r["wrong"].items()))
        print(f"{label:46} rows {r['rows']:2}/{r['rows_total']:2}  fields {r['fields']:3}/{r['fields_total']:3}"
              f"  {detail[-100:]}")
    for kind, (rows, rows_total, fields, fields_total) in totals.items():
        print(f"{'total ' + kind:46} rows {rows}/{rows_total}  fields {fields}/{fields_total}"
              f" ({fields / fields_total:.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
