"""Shared fixtures: the seed document, the bundled snapshot and a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from hankkeet.model import Snapshot, load

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_TEXT = next(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def snapshot() -> Snapshot:
    return load()


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str, **env: str):
    """Run the CLI at a fixed width, without colour, with stdout and stderr apart."""
    from hankkeet.cli import app

    environment = {"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb", **env}
    return runner.invoke(app, list(args), env=environment)
