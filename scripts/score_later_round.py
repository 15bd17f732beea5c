"""Score `parse` on the later-round evaluation documents (tests/later_round/out/: 2022-2029).

    uv run python scripts/score_later_round.py [--json]

For every PDF and extractor text of the 2022 and 2023 rounds: rows read / rows
expected, and fields right / fields total over the expected rows. Fields:
organisation, co_implementers, name, start, end, area, description, the covered
municipality codes, and the vague-area warning (a warning for exactly the rows
with vague terms). A document that fails whole scores 0 rows and 0 fields.
Rows are matched by position (the n-th record read against the n-th expected).

Only `hankkeet.parse.parse_file` is used, so the script runs against any commit.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "later_round" / "out"
FIELDS = ("organisation", "co_implementers", "name", "start", "end", "area", "description",
          "municipalities", "vague")
KINDS = ("pdf", "pdftotext.txt", "pdftotext-layout.txt", "pdfminer.txt")


def documents() -> list[tuple[str, Path, Path]]:
    """(label, document, expected) for every evaluation document."""
    out = []
    for expected in sorted(OUT.glob("round*.expected.json")):
        year = expected.name.split(".")[0]
        for layout in ("original", "reflowed", "landscape", "narrow", "justified", "long", "reportlab", "typst",
                       "typstwide", "weasy", "grid", "svg", "narrow", "story", "xelatex"):
            for kind in KINDS:
                path = OUT / f"{year}_{layout}.{kind}"
                if path.exists():
                    out.append((path.name, path, expected))
    return out


def _record_fields(project: dict[str, Any], warnings: list[str]) -> dict[str, Any]:
    pid = project["id"]
    vague = any(w.startswith(f"{pid}:") and ("area" in w) for w in warnings)
    return {
        "organisation": project["organisation"],
        "co_implementers": list(project["co_implementers"]),
        "name": project["name"],
        "start": project["start"],
        "end": project["end"],
        "area": project["area"],
        "description": project["description"],
        "municipalities": sorted(c["code"] for c in project.get("municipalities", [])),
        "vague": vague,
    }


def _expected_fields(row: dict[str, Any]) -> dict[str, Any]:
    return {
        **{k: row[k] for k in ("organisation", "name", "start", "end", "area", "description")},
        "co_implementers": list(row["co_implementers"]),
        "municipalities": sorted(row["expected_municipalities"]),
        "vague": bool(row["expected_vague"]),
    }


def score(path: Path, expected_path: Path) -> dict[str, Any]:
    from hankkeet.errors import SourceError
    from hankkeet.parse import parse_file

    expected = [_expected_fields(r) for r in json.loads(expected_path.read_text(encoding="utf-8"))["projects"]]
    total = len(expected) * len(FIELDS)
    try:
        snapshot = parse_file(path)
    except SourceError as exc:
        return {"rows": 0, "rows_total": len(expected), "fields": 0, "fields_total": total,
                "error": str(exc.message if hasattr(exc, "message") else exc), "wrong": {}}
    data = snapshot.to_dict()
    projects = list(data["projects"])
    warnings = [str(w) for w in snapshot.warnings]
    right = 0
    wrong: dict[str, int] = {}
    # A row refused is missing from the records: each record is compared with its own row.
    pairs = [(got, expected[got["number"] - 1]) for got in projects if 0 < got["number"] <= len(expected)]
    for got, want in pairs:
        fields = _record_fields(got, warnings)
        for name in FIELDS:
            if fields[name] == want[name]:
                right += 1
            else:
                wrong[name] = wrong.get(name, 0) + 1
    rows = sum(
        1 for got, want in pairs
        if _record_fields(got, warnings)["organisation"] == want["organisation"]
    )
    return {"rows": rows, "rows_total": len(expected), "fields": right, "fields_total": total,
            "error": None, "wrong": wrong}


def main(argv: list[str]) -> int:
    results = {label: score(path, expected) for label, path, expected in documents()}
    if "--json" in argv:
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return 0
    all_fields = all_total = all_rows = all_rows_total = 0
    for label, r in results.items():
        all_fields += r["fields"]
        all_total += r["fields_total"]
        all_rows += r["rows"]
        all_rows_total += r["rows_total"]
        detail = r["error"] or ", ".join(f"{k} {v}" for k, v in sorted(r["wrong"].items()))
        print(f"{label:40} rows {r['rows']:2}/{r['rows_total']:2}  fields {r['fields']:3}/{r['fields_total']:3}"
              f"  {detail[:110]}")
    print(f"{'total':40} rows {all_rows}/{all_rows_total}  fields {all_fields}/{all_total}"
          f" ({all_fields / all_total:.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
