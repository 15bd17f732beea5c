"""Shared fixtures: the seed document, the bundled snapshot and a CLI runner."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hankkeet.model import Snapshot, load

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_TEXT = next(SEEDS.glob("*.txt"))

# relevance_eval.py is shared by the tests and scripts/bench_search.py.
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def snapshot() -> Snapshot:
    return load()


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str, **env: str):
    """Run the CLI at a fixed width, without colour, with stdout and stderr apart."""
    from hankkeet.cli import app

    # FORCE_TERMINAL: tables as on a terminal (a runner's stdout is not one); PAGER=cat: never page.
    environment = {"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb", "FORCE_TERMINAL": "1", "PAGER": "cat", **env}
    return runner.invoke(app, list(args), env=environment)


# The fields a parser produces; regions/municipalities come from area
# resolution after parsing, not from the document's layout.
RECORD_FIELDS = ("id", "number", "organisation", "co_implementers", "name", "start", "end", "area", "description")


def records(projects) -> list[dict]:
    return [{k: p.to_dict()[k] for k in RECORD_FIELDS} for p in projects]


def check(label: str, probe) -> list[str]:
    """Run one case of a table-driven test: ``probe()`` returns None when the
    case holds, else what is wrong; an exception is a failure too. The result
    (empty or one line) is meant to be collected over every case, so one test
    reports all failing cases at once."""
    try:
        problem = probe()
    except Exception as exc:  # noqa: BLE001 - every failure of a case is reported, not the first
        problem = f"{type(exc).__name__}: {exc}"
    return [] if problem is None else [f"{label}: {problem}"]
