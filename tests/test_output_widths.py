"""Every command at 60, 80 and 120 columns: tables fit, and no word of the data is broken.

A token of the output is either one of the data's own words (or the interface's),
or a word cut short with '…'. A token that is only a piece of a data word, without
the ellipsis, is a word broken in the middle.
"""

from __future__ import annotations

import re

import pytest

from hankkeet.kunnat.registry import registry

from conftest import invoke

COMMANDS = [
    ["list"],
    ["list", "--kunta", "Loppi"],
    ["search", "kotoutuminen"],
    ["search", "ohjaus", "--limit", "0"],
    ["kunta", "Iitti"],
    ["kunta", "Loppi"],
    ["coverage"],
    ["coverage", "--uncovered"],
    ["coverage", "--by", "municipality", "--table"],
    ["show", "riihimaki"],
    ["show", "magee"],
]
_TOKEN = re.compile(r"[^\s│─┃━┏┓┗┛┡┩╇╈╋┼┬┴├┤]+")
_EDGE = "()[],;:.!?'\"“”"


def _words(text: str) -> set[str]:
    return {w.strip(_EDGE) for w in text.split()} - {""}


@pytest.fixture(scope="module")
def vocabulary(snapshot) -> set[str]:
    words: set[str] = set()
    for p in snapshot.projects:
        for value in (p.id, str(p.number), p.organisation, *p.co_implementers, p.name, p.area, p.description,
                      p.period, *p.regions, p.start or "", p.end or ""):
            words |= _words(value)
        for c in p.municipalities:
            words |= _words(f"{c.name} {c.basis} {c.note or ''}")
    for m in registry().municipalities:
        words |= _words(f"{m.name} {m.name_sv} {m.region} {m.subregion} {m.county} {m.code}")
    # The interface's own words: headings and the coverage legend.
    from hankkeet import render

    for listing in (render.PROJECT_LISTING, render.SEARCH_LISTING, render.COVERING_LISTING,
                    render.REGION_LISTING, render.MUNICIPALITY_LISTING):
        for f in listing.fields:
            words |= _words(f"{f.name} {f.heading}")
    # ... and the labels of the detail views (kunta's header, show).
    labels = ("municipality in Swedish region subregion wellbeing county population end of note id number "
              "organisation co-implementers name period area regions municipalities description none organises "
              "its own social and health services Åland uncovered")
    return words | _words(render.COVERAGE_LEGEND) | _words(labels)


def _broken(output: str, vocabulary: set[str]) -> list[str]:
    pieces = []
    for token in _TOKEN.findall(output):
        word = token.strip(_EDGE)
        if not word or word in vocabulary or word.endswith("…") or word.startswith("…"):
            continue
        if not re.search(r"[a-zåäö]{3}", word, flags=re.I):
            continue  # numbers, dates, percentages, symbols
        # A proper piece of a longer data word that is not a word itself: broken.
        if any(len(word) < len(v) and (v.startswith(word) or v.endswith(word)) for v in vocabulary):
            pieces.append(word)
    return pieces


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_word_is_broken_and_lines_fit(args, width, runner, vocabulary) -> None:
    result = invoke(runner, *args, COLUMNS=str(width))
    assert result.exit_code in (0, 1), result.stderr
    assert result.stdout.strip()
    assert max(len(line) for line in result.stdout.splitlines()) <= width
    # Words that only the interface uses are real words too.
    assert _broken(result.stdout, vocabulary) == [], result.stdout


def test_the_checker_finds_a_broken_word(vocabulary) -> None:
    assert _broken("Maahanmuuttaji en", vocabulary) == ["Maahanmuuttaji"]
    assert _broken("Maahanmuuttaji…", vocabulary) == []


def test_a_pipe_gets_one_line_per_project(runner, snapshot) -> None:
    result = invoke(runner, "list", FORCE_TERMINAL="")
    lines = result.stdout.splitlines()
    assert len(lines) == len(snapshot.projects) + 1
    assert lines[0].split("\t") == ["number", "id", "organisation", "name", "area", "start", "end"]
    assert all(line == line.rstrip() and "│" not in line for line in lines)
    loppi = [line for line in lines if "riihimaki" in line]
    assert len(loppi) == 1 and loppi[0].split("\t")[1] == "riihimaki"
    assert invoke(runner, "list", "--no-header", FORCE_TERMINAL="").stdout.count("\n") == len(snapshot.projects)


def test_fields_choose_columns_in_every_mode(runner) -> None:
    import csv
    import io
    import json

    data = json.loads(invoke(runner, "list", "--fields", "id,name,area", "--json").stdout)
    assert all(list(item) == ["id", "name", "area"] for item in data)
    rows = list(csv.reader(io.StringIO(invoke(runner, "list", "--fields", "id,area", "--csv").stdout)))
    assert rows[0] == ["id", "area"] and len(rows) == len(data) + 1
    lines = invoke(runner, "list", "--fields", "name,id", FORCE_TERMINAL="").stdout.splitlines()
    assert lines[0] == "name\tid"
    table = invoke(runner, "list", "--fields", "id,area").stdout
    assert "id" in table.splitlines()[0] and "organisation" not in table
    bad = invoke(runner, "list", "--fields", "id,nope")
    assert bad.exit_code == 2 and "unknown field 'nope'" in bad.stderr and "description" in bad.stderr


def _complete(words: str, cword: int) -> list[str]:
    import os
    import subprocess
    import sys
    from pathlib import Path

    # The installed console script, as the shell runs it (completion keys on the program name).
    script = Path(sys.executable).with_name("hankkeet")
    env = {**os.environ, "COMP_WORDS": words, "COMP_CWORD": str(cword), "_HANKKEET_COMPLETE": "complete_bash"}
    done = subprocess.run([str(script)], env=env, capture_output=True, text=True, timeout=60)
    return done.stdout.splitlines()


def test_completion_ignores_case_and_diacritics_and_quotes_spaces() -> None:
    assert _complete("hankkeet kunta jyv", 2) == ["Jyväskylä"]
    assert "Koski\\ Tl" in _complete("hankkeet kunta koski", 2)
    assert "Etelä-Savo" in _complete("hankkeet list --maakunta etela", 3)
    assert _complete("hankkeet show RIIHI", 2) == ["riihimaki"]


def test_a_huge_table_shows_the_first_rows_and_says_so(capsys, monkeypatch) -> None:
    from hankkeet import output, render
    from hankkeet.model import load

    monkeypatch.setattr(output, "MAX_TABLE_ROWS", 5)
    monkeypatch.setenv("PAGER", "cat")
    projects = load().projects
    note = output.emit(output.Output(output.Mode.TABLE), render.PROJECT_LISTING, projects,
                       full_json=lambda p: p.to_dict())
    assert note == f"showing 5 of {len(projects)} in the table; --json, --csv or a pipe (tab-separated lines) give all"
    shown = capsys.readouterr().out
    assert projects[4].id in shown and projects[5].id not in shown
    assert output.emit(output.Output(output.Mode.LINES), render.PROJECT_LISTING, projects,
                       full_json=lambda p: p.to_dict()) is None
    assert capsys.readouterr().out.count("\n") == len(projects) + 1
