"""--quiet: no notices and no progress on stderr; errors and the exit codes stay."""

from __future__ import annotations

import pytest

from conftest import invoke


@pytest.mark.parametrize("args", [
    ["--quiet", "list", "--kunta", "Lopi", "--fields", "id"],
    ["list", "--kunta", "Lopi", "--fields", "id", "--quiet"],  # a global option anywhere
    ["-q", "list", "--kunta", "Lopi", "--fields", "id"],
])
def test_quiet_silences_notes_wherever_it_stands(runner, args):
    loud = invoke(runner, "list", "--kunta", "Lopi", "--fields", "id", FORCE_TERMINAL="0")
    quiet = invoke(runner, *args, FORCE_TERMINAL="0")
    assert loud.exit_code == quiet.exit_code == 0
    assert "corrected from 'Lopi'" in loud.stderr
    assert quiet.stderr == ""
    assert quiet.stdout == loud.stdout and "riihimaki" in quiet.stdout


def test_quiet_from_the_environment(runner):
    quiet = invoke(runner, "list", "--kunta", "Lopi", "--fields", "id", FORCE_TERMINAL="0", HANKKEET_QUIET="1")
    assert quiet.exit_code == 0 and quiet.stderr == ""
    loud = invoke(runner, "list", "--kunta", "Lopi", "--fields", "id", FORCE_TERMINAL="0", HANKKEET_QUIET="0")
    assert "corrected" in loud.stderr


def test_quiet_keeps_errors_and_exit_codes(runner):
    unknown = invoke(runner, "--quiet", "show", "nope")
    assert unknown.exit_code == 2 and unknown.stderr.startswith("hankkeet: ")
    none = invoke(runner, "--quiet", "search", "zzzzqqqq")
    assert none.exit_code == 1 and none.stderr.strip()  # why there is nothing: the exit code's reason


def test_quiet_silences_the_shown_of_note(runner):
    loud = invoke(runner, "search", "kotoutuminen", "-n", "1", "--fields", "id", FORCE_TERMINAL="0")
    quiet = invoke(runner, "search", "kotoutuminen", "-n", "1", "--fields", "id", "-q", FORCE_TERMINAL="0")
    assert "showing 1 of" in loud.stderr
    assert quiet.stderr == "" and quiet.stdout == loud.stdout


def test_no_progress_bar_when_quiet_or_not_a_terminal(monkeypatch):
    from hankkeet import cli

    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(cli.sys, "stderr", Terminal())
    monkeypatch.setattr(cli, "_quiet", False)
    assert cli._progress_reporter("indexing") is not None
    monkeypatch.setattr(cli, "_quiet", True)
    assert cli._progress_reporter("indexing") is None
    monkeypatch.setattr(cli, "_quiet", False)
    monkeypatch.setattr(cli.sys, "stderr", object())  # no isatty at all: not a terminal
    assert cli._progress_reporter("indexing") is None
