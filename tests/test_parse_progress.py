"""Progress while parsing a PDF: reported page by page by the core, drawn by the CLI
only for long work on a terminal, never with --quiet or when stderr is piped."""

from __future__ import annotations

import pytest

from conftest import ROOT, invoke

LANDSCAPE = ROOT / "tests" / "later_round" / "out" / "round2022_landscape.pdf"  # 6 pages


@pytest.mark.slow
def test_the_core_reports_every_page_with_the_page_count() -> None:
    from hankkeet.parse import parse_file

    calls: list[tuple[int, int]] = []
    snapshot = parse_file(LANDSCAPE, progress=lambda done, total: calls.append((done, total)))
    assert len(snapshot.projects) == 21
    assert calls == [(n, 6) for n in range(1, 7)]


def _recording(monkeypatch, tty: bool) -> list[tuple[str, int, int]]:
    from hankkeet import cli

    drawn: list[tuple[str, int, int]] = []

    def reporter(label: str):
        if cli._quiet or not tty:
            return None
        return lambda done, total: drawn.append((label, done, total))

    monkeypatch.setattr(cli, "_progress_reporter", reporter)
    return drawn


@pytest.mark.slow
def test_a_long_parse_on_a_terminal_draws_pages_done(monkeypatch, runner, tmp_path) -> None:
    from hankkeet import cli

    drawn = _recording(monkeypatch, tty=True)
    monkeypatch.setattr(cli, "PROGRESS_MIN_STEPS", 5)  # the 6-page PDF counts as long here
    done = invoke(runner, "parse", str(LANDSCAPE), "-o", str(tmp_path / "s.json"))
    assert done.exit_code == 0, done.stderr
    assert drawn == [("parsing pages", n, 6) for n in range(1, 7)]


@pytest.mark.slow
def test_short_work_quiet_or_piped_draws_nothing(monkeypatch, runner, tmp_path) -> None:
    from hankkeet import cli

    drawn = _recording(monkeypatch, tty=True)
    done = invoke(runner, "parse", str(LANDSCAPE), "-o", str(tmp_path / "a.json"))  # 6 < PROGRESS_MIN_STEPS
    assert done.exit_code == 0 and drawn == []
    monkeypatch.setattr(cli, "PROGRESS_MIN_STEPS", 1)
    quiet = invoke(runner, "--quiet", "parse", str(LANDSCAPE), "-o", str(tmp_path / "b.json"))
    assert quiet.exit_code == 0 and drawn == []
    # --quiet drops the summary, never the warnings or errors.
    assert "parsed" not in quiet.stderr
    drawn = _recording(monkeypatch, tty=False)
    piped = invoke(runner, "parse", str(LANDSCAPE), "-o", str(tmp_path / "c.json"))
    assert piped.exit_code == 0 and drawn == [] and "parsed 21 projects" in piped.stderr


def test_long_work_filter() -> None:
    from hankkeet import cli

    seen: list[tuple[int, int]] = []
    assert cli._long_work(None) is None
    report = cli._long_work(lambda done, total: seen.append((done, total)))
    assert report is not None
    report(1, cli.PROGRESS_MIN_STEPS - 1)
    report(1, cli.PROGRESS_MIN_STEPS)
    assert seen == [(1, cli.PROGRESS_MIN_STEPS)]
