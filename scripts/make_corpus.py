"""Generate large snapshots of distinct texts from the bundled 21 projects.

    uv run python scripts/make_corpus.py 10000 -o /tmp/corpus-10000.json [--seed 1]

Copies of one text fold into one text in the search index, so a benchmark
built from copies measures the wrong thing. Here every copy after the first
21 rewords about a fifth of the words of its name and description, so the
texts are distinct and the vocabulary grows as in a real corpus (Heaps' law,
exponent about 0.8). Each reworded word draws from a Pitman-Yor process of
its own (discount 0.8): it becomes an earlier variant, the popular ones more
often, or with a probability that falls as the corpus grows, a new variant
invented from it: a syllable changed inside the stem, a compound made with a
head taken from the texts, or a derivational suffix before the ending, so
the words still look Finnish and keep their case endings. Every copy also
gets a unique id and number, and an area of one to three other
municipalities from the registry (or a region), resolved as `parse` would.
The source texts' words that are not reworded keep their forms, so queries
such as `kotoutuminen` still find a share of the projects.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

from hankkeet import model
from hankkeet.kunnat.areas import resolve_area
from hankkeet.kunnat.registry import registry

DISCOUNT = 0.8  # Pitman-Yor discount: distinct variants of a word grow as n**0.8
CONCENTRATION = 1.0
REWORD_SHARE = 0.2
_WORD = re.compile(r"[^\W\d_]{4,}")
_ENDING = re.compile(
    r"(?:iden|itten|ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|seen|hin|jen|ien|en|in|an|än|ta|tä|a|ä|n|t)$"
)
_ONSETS = ["p", "t", "k", "s", "h", "m", "n", "l", "r", "v", "j"]
_VOWELS_BACK = ["a", "o", "u"]
_VOWELS_FRONT = ["ä", "ö", "y"]
_VOWELS_NEUTRAL = ["e", "i"]
_SUFFIXES_BACK = ["llinen", "kas", "isuus", "inta", "ttaja", "mo", "la", "sto"]
_SUFFIXES_FRONT = ["llinen", "käs", "isyys", "intä", "ttäjä", "mö", "lä", "stö"]


class Variants:
    """Per-word Pitman-Yor restaurants: reuse a variant or invent a new one."""

    def __init__(self, rng: random.Random, heads: list[str]) -> None:
        self.rng = rng
        self.heads = heads
        self.tables: dict[str, list[str]] = {}  # word -> variants
        self.customers: dict[str, list[int]] = {}  # word -> variant index per earlier draw

    def draw(self, word: str) -> str:
        tables = self.tables.setdefault(word, [])
        customers = self.customers.setdefault(word, [])
        n, k = len(customers), len(tables)
        if n == 0 or self.rng.random() < (CONCENTRATION + DISCOUNT * k) / (CONCENTRATION + n):
            variant = self.invent(word, set(tables))
            tables.append(variant)
            customers.append(k)
            return variant
        while True:  # proportional to (count - discount): pick a draw, accept by discount
            table = customers[self.rng.randrange(n)]
            count = customers.count(table) if n < 64 else 2
            if self.rng.random() < (count - DISCOUNT) / count:
                customers.append(table)
                return tables[table]

    def invent(self, word: str, taken: set[str]) -> str:
        for _ in range(20):
            candidate = self._invent_once(word)
            if candidate != word and candidate not in taken:
                return candidate
        return word + self.rng.choice(["kin", "han", "pa"]) + str(len(taken))

    def _invent_once(self, word: str) -> str:
        rng = self.rng
        capital = word[0].isupper()
        lower = word.lower()
        ending_match = _ENDING.search(lower)
        ending = ending_match.group() if ending_match and len(lower) - len(ending_match.group()) >= 3 else ""
        stem = lower[: len(lower) - len(ending)]
        front = any(c in "äöy" for c in lower) and not any(c in "aou" for c in lower)
        vowels = (_VOWELS_FRONT if front else _VOWELS_BACK) + _VOWELS_NEUTRAL
        choice = rng.random()
        if choice < 0.45 and len(stem) >= 4:
            # Change one consonant+vowel syllable inside the stem.
            positions = [i for i in range(1, len(stem) - 1) if stem[i] not in "aeiouyäö" and stem[i + 1] in "aeiouyäö"]
            if positions:
                i = rng.choice(positions)
                stem = stem[:i] + rng.choice(_ONSETS) + rng.choice(vowels) + stem[i + 2 :]
            else:
                stem = stem + rng.choice(_ONSETS) + rng.choice(vowels)
        elif choice < 0.8:
            # A new compound: a head from the texts before the word.
            head = rng.choice(self.heads)
            stem = head + stem
        else:
            # A derivational suffix; the case ending follows.
            suffixes = _SUFFIXES_FRONT if front else _SUFFIXES_BACK
            stem = stem.rstrip("aeiouyäö") + rng.choice(suffixes)
            if stem.endswith("nen") and ending:
                stem = stem[:-3] + "se"
        out = stem + ending
        return out[:1].upper() + out[1:] if capital else out


def reword(text: str, variants: Variants, rng: random.Random) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group()
        return variants.draw(word) if rng.random() < REWORD_SHARE else word

    return _WORD.sub(swap, text)


def compound_heads(projects: list[dict[str, object]]) -> list[str]:
    """Nominative-looking lowercase words of the texts, used as compound heads."""
    heads: set[str] = set()
    for p in projects:
        for word in _WORD.findall(str(p["description"])):
            if word.islower() and 4 <= len(word) <= 9 and word[-1] in "aeiouyäö" and not _ENDING.search(word[-3:]):
                heads.add(word)
    return sorted(heads)


def make_corpus(size: int, seed: int = 1) -> dict[str, object]:
    rng = random.Random(seed)
    base = json.loads((Path(model.__file__).parent / "data" / model.BUNDLED_SNAPSHOT).read_text(encoding="utf-8"))
    originals: list[dict[str, object]] = base["projects"]
    variants = Variants(rng, compound_heads(originals))
    municipalities = [m.name for m in registry().municipalities]
    regions = sorted({m.region for m in registry().municipalities})
    resolved: dict[str, tuple[list[str], list[dict[str, object]]]] = {}
    projects: list[dict[str, object]] = []
    for number in range(1, size + 1):
        source = originals[(number - 1) % len(originals)]
        project = dict(source)
        project["number"] = number
        if number > len(originals):
            project["id"] = f"{source['id']}-{number}"
            project["name"] = reword(str(source["name"]), variants, rng)
            project["description"] = reword(str(source["description"]), variants, rng)
            if rng.random() < 0.15:
                area = rng.choice(regions)
            else:
                area = ", ".join(rng.sample(municipalities, rng.choice((1, 1, 2, 3))))
            project["area"] = area
            if area not in resolved:
                res = resolve_area(area, start=str(source["start"]), end=str(source["end"]))
                resolved[area] = (list(res.regions), [c.to_dict() for c in res.municipalities])
            project["regions"], project["municipalities"] = resolved[area]
        projects.append(project)
    return {"schema_version": base["schema_version"],
            "source": {**base["source"], "file": f"generated-{size}-seed{seed}.json"},
            "projects": projects}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    data = make_corpus(args.size, args.seed)
    args.output.write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
    words = set()
    for p in data["projects"]:  # type: ignore[union-attr]
        words.update(re.findall(r"[^\W_]+", (p["name"] + " " + p["description"]).lower()))
    size_mb = args.output.stat().st_size / 1e6
    print(f"{args.size} projects, {len(words)} distinct words, {size_mb:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
