"""Parse PDFs (or texts) and compare them field by field with the bundled snapshot.

    uv run python scripts/compare_parse.py FILE [FILE ...]

Prints, per file, how many of the bundled records came out identical and the
first differences; exit status 1 if any file differs or fails. regions and
municipalities are ignored (they come from area resolution, not the layout).
"""

from __future__ import annotations

import sys
from pathlib import Path

FIELDS = ("id", "number", "organisation", "co_implementers", "name", "start", "end", "area", "description")


def compare(path: Path, show: int = 6) -> bool:
    from hankkeet import model
    from hankkeet.errors import HankkeetError
    from hankkeet.parse import parse_file

    bundled = model.load()
    try:
        snapshot = parse_file(path)
    except HankkeetError as exc:
        print(f"{path.name}: FAILED: {exc.message}")
        return False
    want = [{k: p.to_dict()[k] for k in FIELDS} for p in bundled.projects]
    got = [{k: p.to_dict()[k] for k in FIELDS} for p in snapshot.projects]
    diffs = []
    for field in ("title", "subtitle"):
        if getattr(snapshot.source, field) != getattr(bundled.source, field):
            diffs.append(f"  source.{field}: {getattr(snapshot.source, field)!r}")
    exact = 0
    for i in range(max(len(want), len(got))):
        w = want[i] if i < len(want) else {}
        g = got[i] if i < len(got) else {}
        bad = [k for k in FIELDS if w.get(k) != g.get(k)]
        if not bad:
            exact += 1
        for k in bad:
            diffs.append(f"  #{i + 1} {k}:\n    want {w.get(k)!r}\n    got  {g.get(k)!r}")
    status = "OK" if not diffs and len(got) == len(want) else "DIFF"
    print(f"{path.name}: {status} {exact}/{len(want)} records exact ({len(got)} parsed)")
    for line in diffs[:show]:
        print(line)
    if len(diffs) > show:
        print(f"  ... {len(diffs) - show} more differences")
    return status == "OK"


def main() -> int:
    results = [compare(Path(arg)) for arg in sys.argv[1:]]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
