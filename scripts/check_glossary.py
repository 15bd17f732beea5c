#!/usr/bin/env python3
"""Check the Finnish side of the glossary with the Voikko analyser.

    uv run --with pyvoikko python scripts/check_glossary.py

pyvoikko (GPL-3.0-or-later) is not a dependency of the project; it is used
only here, as a second opinion. Prints the Finnish words Voikko does not know
(names, abbreviations and loans such as ``Kela``, ``TE-toimisto``, ``chat``
are expected there) and the single words whose base form Voikko gives
differently, apart from verbal nouns in -minen (Voikko gives their verb) and
its markings of compounds. Exit 0 always: the list is for a person to read.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    try:
        import pyvoikko  # type: ignore[import-not-found]
    except ImportError:
        sys.exit("pyvoikko is not installed: uv run --with pyvoikko python scripts/check_glossary.py")
    lines = (ROOT / "hankkeet" / "data" / "glossary.csv").read_text(encoding="utf-8").splitlines()[1:]
    finnish = sorted({line.split(",")[2] for line in lines})
    unknown: list[str] = []
    other_base: list[str] = []
    for phrase in finnish:
        words = phrase.split(" ")
        for i, word in enumerate(words):
            analyses = pyvoikko.analyse(word) or []
            if not analyses:
                unknown.append(f"{word} ({phrase})" if len(words) > 1 else word)
                continue
            bases = {a.BASEFORM.replace("=", "").replace("--", "-").lower() for a in analyses if a.BASEFORM}
            last = i == len(words) - 1
            if last and word.lower() not in bases and not word.endswith("minen"):
                other_base.append(f"{phrase}: {', '.join(sorted(bases))}")
    print(f"{len(finnish)} Finnish words and phrases in {len(lines)} rows")
    print(f"not known to Voikko ({len(unknown)}): {'; '.join(unknown)}")
    print(f"another base form ({len(other_base)}):")
    for item in other_base:
        print(f"  {item}")


if __name__ == "__main__":
    main()
