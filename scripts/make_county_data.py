"""Regenerate hankkeet/data/hyvinvointialueet.csv and hankkeet/data/kunnat-hva.csv from the bundled map.

    uv run python scripts/make_county_data.py

The source is hankkeet/data/finland-hva-2021.topo.json (Yle's copy of Statistics
Finland's boundaries; see hankkeet/data/README.md): its `hva` layer names the 21
wellbeing services counties, its `munis` layer gives each municipality's county
and its population at the end of 2020. The two CSV files let the registry know
both without decoding the map.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "hankkeet" / "data"


def main() -> int:
    topo = json.loads((DATA / "finland-hva-2021.topo.json").read_text(encoding="utf-8"))
    counties = sorted(
        (g["properties"] for g in topo["objects"]["hva"]["geometries"] if g["properties"].get("hva_id")),
        key=lambda p: p["hva_id"],
    )
    with (DATA / "hyvinvointialueet.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["hva_id", "name_fi", "name_sv", "short_name_fi", "short_name_sv"])
        for p in counties:
            writer.writerow([p["hva_id"], p["name_fi"], p["name_sv"], p["short_name_fi"], p["short_name_sv"]])
    munis = sorted(
        (g["properties"] for g in topo["objects"]["munis"]["geometries"]), key=lambda p: str(p["id"]).zfill(3)
    )
    with (DATA / "kunnat-hva.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["code", "hva_id", "population_2020"])
        for p in munis:
            writer.writerow([str(p["id"]).zfill(3), p.get("hva_id") or "", int(p["population"])])
    print(f"wrote {len(counties)} counties and {len(munis)} municipalities")
    return 0


if __name__ == "__main__":
    sys.exit(main())
