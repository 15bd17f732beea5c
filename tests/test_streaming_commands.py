"""list, kunta and coverage read the snapshot as a stream: the same output as from the whole
snapshot, nothing on stdout when the snapshot is bad, and JSON written as json.dumps would."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hankkeet import cli, output
from hankkeet.model import Basis, load

from conftest import ROOT, invoke

BUNDLED = json.loads((ROOT / "hankkeet" / "data" / "projects.json").read_text(encoding="utf-8"))

COMMANDS = [
    ["list", "--json"], ["list", "--csv"], ["list"], ["list", "--table"], ["list", "--kunta", "Loppi", "--json"],
    ["list", "--maakunta", "Uusimaa", "--csv"], ["kunta", "Loppi", "--json"], ["kunta", "Loppi", "--table"],
    ["coverage", "--json"], ["coverage", "--table"], ["coverage", "--uncovered", "--table"],
    ["coverage", "--by", "region", "--csv"],
]


def _bigger(tmp_path, copies: int = 5, damage: bool = False):
    """The bundled projects several times over, with ids and numbers of their own."""
    data = json.loads(json.dumps(BUNDLED))
    data["projects"] = [{**p, "id": f"{p['id']}-{n}", "number": n * 100 + i + 1}
                        for n in range(copies) for i, p in enumerate(BUNDLED["projects"])]
    if damage:
        data["projects"][len(data["projects"]) * 2 // 3]["start"] = "2020-02-30"
    path = tmp_path / "big.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


@pytest.mark.parametrize("args", COMMANDS)
def test_two_passes_give_what_one_whole_load_gives(runner, tmp_path, monkeypatch, args):
    path = _bigger(tmp_path)
    whole = invoke(runner, "--data", str(path), *args)
    monkeypatch.setattr(cli, "STREAM_FROM_BYTES", 1)  # every snapshot is read twice, never held
    streamed = invoke(runner, "--data", str(path), *args)
    assert whole.exit_code == streamed.exit_code == 0, streamed.stderr
    assert streamed.stdout == whole.stdout and streamed.stderr == whole.stderr
    assert streamed.stdout


@pytest.mark.parametrize("args", [["list", "--json"], ["list", "--csv"], ["list"], ["list", "--table"],
                                  ["kunta", "Loppi", "--json"], ["coverage", "--json"], ["coverage", "--table"]])
@pytest.mark.parametrize("stream_from", [1, 1 << 40])
def test_a_bad_project_late_in_the_file_leaves_stdout_empty(runner, tmp_path, monkeypatch, args, stream_from):
    path = _bigger(tmp_path, damage=True)
    monkeypatch.setattr(cli, "STREAM_FROM_BYTES", stream_from)
    result = invoke(runner, "--data", str(path), *args)
    assert result.exit_code == 2 and result.stdout == ""
    assert "start must be an ISO date" in result.stderr and result.stderr.count("\n") == 1


def test_list_json_is_the_whole_snapshot_in_order(runner, tmp_path, monkeypatch):
    path = _bigger(tmp_path, copies=3)
    monkeypatch.setattr(cli, "STREAM_FROM_BYTES", 1)
    result = invoke(runner, "--data", str(path), "list", "--json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert json.loads(result.stdout) == data["projects"]
    assert result.stdout == json.dumps(data["projects"], ensure_ascii=False, indent=2) + "\n"


def test_a_long_table_counts_what_it_does_not_show(runner, tmp_path, monkeypatch):
    path = _bigger(tmp_path, copies=3)
    monkeypatch.setattr(output, "MAX_TABLE_ROWS", 10)
    result = invoke(runner, "--data", str(path), "list", "--fields", "id")
    assert result.exit_code == 0
    assert "showing 10 of 63 in the table" in result.stderr
    assert "63 projects" in result.stderr  # the snapshot line counts them all
    assert result.stdout.count("-0") == 10 and "-2" not in result.stdout


def test_emit_takes_a_stream(capsys):
    from hankkeet import render

    projects = load().projects
    note = output.emit(output.Output(output.Mode.LINES), render.PROJECT_LISTING, iter(projects),
                       full_json=lambda p: p.to_dict())
    assert note is None and capsys.readouterr().out.count("\n") == len(projects) + 1
    output.emit(output.Output(output.Mode.LINES), render.PROJECT_LISTING, iter(()), full_json=lambda p: p.to_dict())
    assert capsys.readouterr().out == ""  # nothing for no rows, not even the header
    output.emit(output.Output(output.Mode.JSON), render.PROJECT_LISTING, (p for p in projects),
                full_json=lambda p: p.to_dict())
    assert json.loads(capsys.readouterr().out) == [p.to_dict() for p in projects]


def test_coverage_from_a_tally_is_coverage_from_the_projects():
    from hankkeet import coverage

    projects = load().projects
    tally = coverage.CoverageTally.of(iter(projects))
    assert coverage.region_summary(tally) == coverage.region_summary(projects)
    assert coverage.total_coverage(tally) == coverage.total_coverage(list(projects))
    assert coverage.coverage_list(tally) == list(coverage.coverage_rows(projects))
    assert coverage.uncovered(tally) == coverage.uncovered(projects)
    assert coverage.headline(tally) == coverage.headline(projects)
    by_code = {}
    for p in projects:
        for c in p.municipalities:
            by_code.setdefault(c.code, []).append((p.id, c.basis))
    for code, found in by_code.items():
        assert sorted(found) == sorted(tally.by_strength(code))


_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text() | st.sampled_from(list(Basis)),
    lambda c: st.lists(c, max_size=4) | st.tuples(c, c) | st.dictionaries(st.text(max_size=5), c, max_size=4)
    | st.dictionaries(st.integers() | st.booleans() | st.none(), c, max_size=2),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(value=_values)
def test_indented_json_is_json_dumps(value):
    assert output.indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_indented_json_of_every_bundled_project():
    for project in load().projects:
        data = project.to_dict()
        assert output.indented_json(data) == json.dumps(data, ensure_ascii=False, indent=2)
