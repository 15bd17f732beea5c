"""Scoring of a search function against tests/relevance.json (shared by the test and scripts/bench_search.py)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

RELEVANCE_FILE = Path(__file__).with_name("relevance.json")
# Judged from the projects only, by someone who had not seen the search code or
# relevance.json: an estimate of how the search does on unseen queries.
HOLDOUT_FILE = Path(__file__).with_name("relevance_holdout.json")
# A third set written the same way after both were tuned on: its first run is
# the current estimate for unseen queries.
FRESH_FILE = Path(__file__).with_name("relevance_fresh.json")
# A fourth, as three kinds of users would type (coordinator, journalist,
# ministry official), every query new; its first run is the latest estimate.
USERS_FILE = Path(__file__).with_name("relevance_users.json")
# A fifth, of the kinds the issue lists, judged before reading the search code,
# every query new to the four above; its first run is the latest estimate.
ROUND4_FILE = Path(__file__).with_name("relevance_round4.json")
# A sixth, written from the texts alone by someone who had not seen the search
# code: word families, long typos, places, English and Swedish.
DEV_FILE = Path(__file__).with_name("relevance_dev.json")


def load_queries(path: Path = RELEVANCE_FILE) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["queries"]


@dataclass
class Evaluation:
    total: int = 0
    right: int = 0
    relevant_found: int = 0
    relevant_total: int = 0
    returned_ok: int = 0
    returned_total: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    @property
    def recall(self) -> float:
        return self.relevant_found / self.relevant_total if self.relevant_total else 1.0

    @property
    def precision(self) -> float:
        return self.returned_ok / self.returned_total if self.returned_total else 1.0

    def summary(self) -> str:
        return (
            f"{self.right}/{self.total} queries right ({self.accuracy:.1%}); "
            f"recall {self.recall:.1%}, precision {self.precision:.1%}"
        )


def judge(ranked: Sequence[str], must: Sequence[str], may: Sequence[str]) -> str | None:
    """None if the ranking is right, else why not."""
    if not must and not may:
        return f"expected nothing, got {list(ranked)}" if ranked else None
    missing = [m for m in must if m not in ranked]
    if missing:
        return f"missing {missing}"
    allowed = set(must) | set(may)
    if not must:
        # Only acceptable extras: any other project is wrong wherever it ranks
        # (ranked[:-1] would have let the last one through).
        wrong = [r for r in ranked if r not in allowed]
        return f"{wrong} returned where only {sorted(allowed)} may be" if wrong else None
    last_must = max(ranked.index(m) for m in must)
    wrong_above = [r for r in ranked[:last_must] if r not in allowed]
    if wrong_above:
        return f"{wrong_above} ranked above a must project"
    return None


def evaluate(search: Callable[[str], Sequence[str]], queries: list[dict] | None = None) -> Evaluation:
    """``search(query)`` returns project ids in rank order (all of them, no limit)."""
    result = Evaluation()
    for item in queries if queries is not None else load_queries():
        ranked = list(search(item["query"]))
        must, may = item["must"], item["may"]
        problem = judge(ranked, must, may)
        result.total += 1
        if problem is None:
            result.right += 1
        else:
            result.failures.append(f"{item['kind']:<10} {item['query']!r}: {problem}")
        result.relevant_total += len(must)
        result.relevant_found += sum(1 for m in must if m in ranked)
        allowed = set(must) | set(may)
        result.returned_total += len(ranked)
        result.returned_ok += sum(1 for r in ranked if r in allowed)
    return result
