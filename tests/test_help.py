"""Every command explains itself: a one-line summary and examples that run."""

from __future__ import annotations

import shlex

import pytest

from hankkeet.cli import app

from conftest import invoke

COMMANDS = sorted(info.name or info.callback.__name__ for info in app.registered_commands)


def _examples(help_text: str) -> list[str]:
    block = help_text.split("Examples:", 1)[1]
    lines = []
    for line in block.splitlines()[1:]:
        if not line.startswith("    hankkeet "):
            break
        lines.append(line.strip())
    return lines


def test_every_command_is_documented():
    assert {"list", "show", "search", "kunta", "coverage", "parse"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_a_summary_and_examples(runner, command):
    result = invoke(runner, command, "--help")
    assert result.exit_code == 0
    summary = result.stdout.split("\n\n")[1].strip()
    assert summary and "\n" not in summary and summary.endswith(".")
    assert _examples(result.stdout), f"{command} --help has no examples"


def _all_examples() -> list[str]:
    from typer.testing import CliRunner

    runner = CliRunner()
    # parse's examples need a PDF of the user's; the parser has its own tests. export's write
    # files, and run in a folder of their own in tests/test_export.py.
    return [e for c in COMMANDS if c not in ("parse", "export") for e in _examples(invoke(runner, c, "--help").stdout)]


@pytest.mark.parametrize("example", _all_examples())
def test_help_examples_run(runner, example):
    words = shlex.split(example.split("|")[0].split(">")[0])
    result = invoke(runner, *words[1:])
    assert result.exit_code == 0, (example, result.stderr)
    assert result.stdout
