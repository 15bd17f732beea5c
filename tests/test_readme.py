"""The README's promises: its first two commands, and every jq example runs."""

from __future__ import annotations

import json
import re
import shlex

import jq
import pytest

from conftest import ROOT, invoke

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w*)\n(.*?)```", README, flags=re.S)
CODE = "\n".join(body for lang, body in BLOCKS if lang in ("", "sh", "bash", "console"))
JQ_EXAMPLES = [
    line.split("#")[0].strip() for line in CODE.splitlines() if re.match(r"\s*(uv run )?hankkeet .*\| jq ", line)
]


def test_readme_starts_with_the_main_command_and_the_test_command():
    first_block = re.search(r"```(?:sh|bash)?\n(.*?)```", README, flags=re.S).group(1)
    commands = [line.split("#")[0].strip() for line in first_block.splitlines() if line.strip()]
    assert commands[0].startswith("uv run hankkeet ")
    assert commands[1] == "uv run pytest"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "run pytest" in ci
    # Lint and types are part of CI, each failing it on any finding (set -e).
    assert "run ruff check" in ci and "run mypy" in ci and "set -euo pipefail" in ci


def test_readme_has_jq_examples():
    assert len(JQ_EXAMPLES) >= 2


@pytest.mark.parametrize("example", JQ_EXAMPLES)
def test_jq_example_runs_and_prints_something(runner, example):
    left, _, right = example.partition("| jq ")
    args = shlex.split(left)
    args = args[args.index("hankkeet") + 1 :]
    jq_args = shlex.split(right)
    raw = "-r" in jq_args
    program = next(a for a in jq_args if not a.startswith("-"))
    result = invoke(runner, *args)
    assert result.exit_code == 0, result.stderr
    outputs = jq.compile(program).input_value(json.loads(result.stdout)).all()
    assert outputs and all(o not in (None, "", []) for o in outputs)
    if raw:
        assert all(isinstance(o, (str, int, float)) for o in outputs)


def mentions(text: str, word: str) -> bool:
    """``word`` (an option or a command) appears as itself, not inside a longer
    word: ``-n`` is not in ``--name`` nor in ``Itä-nyland``."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def test_mentions_matches_whole_options_only():
    assert mentions("use `-n 3`", "-n") and mentions("hankkeet list, then", "hankkeet list")
    assert not mentions("--name and Itä-nyland", "-n")
    assert not mentions("--limit-total", "--limit")
    assert not mentions("hankkeet listing", "hankkeet list")


def test_readme_documents_every_command_and_option():
    from typer.main import get_command

    from hankkeet.cli import app

    group = get_command(app)
    missing = []
    for param in group.params:
        missing += [f"hankkeet {opt}" for opt in param.opts if opt.startswith("--") and not mentions(README, opt)]
    for name, command in group.commands.items():
        if not mentions(README, f"hankkeet {name}"):
            missing.append(f"command {name}")
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("-") and opt not in ("-h", "--help") and not mentions(README, opt):
                    missing.append(f"hankkeet {name} {opt}")
    assert not missing, missing
