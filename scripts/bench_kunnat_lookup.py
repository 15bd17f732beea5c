"""Rough timing of municipality lookup (index build, exact tiers, fuzzy tier).

Run: uv run python scripts/bench_kunnat_lookup.py
"""

from __future__ import annotations

import contextlib
import time

from hankkeet.errors import HankkeetError
from hankkeet.kunnat.lookup import lookup
from hankkeet.kunnat.registry import registry


def main() -> None:
    start = time.perf_counter()
    lookup("Lopella")
    print(f"first lookup (builds indexes): {1000 * (time.perf_counter() - start):.1f} ms")
    names = [m.name for m in registry().municipalities]
    start = time.perf_counter()
    for name in names:
        lookup(name)
    print(f"exact lookups: {1e6 * (time.perf_counter() - start) / len(names):.1f} µs each")
    typos = [n[:2] + n[3:] for n in names if len(n) >= 7]
    start = time.perf_counter()
    for typo in typos:
        with contextlib.suppress(HankkeetError):  # a typo too far from any name: refused, timed too
            lookup(typo)
    print(f"typo lookups: {1e6 * (time.perf_counter() - start) / len(typos):.1f} µs each")


if __name__ == "__main__":
    main()
