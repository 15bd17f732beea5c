"""`kunta`, `coverage` and `list --kunta/--maakunta` through the CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from hankkeet.cli import _complete_municipality, app
from hankkeet.kunnat.registry import registry
from hankkeet.model import load

from conftest import check

PROJECTS = load().projects
COVERED = {c.code for p in PROJECTS for c in p.municipalities}


def run(*args: str):
    env = {"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb", "FORCE_TERMINAL": "1", "PAGER": "cat"}
    return CliRunner().invoke(app, list(args), env=env)


@pytest.mark.slow
def test_kunta_json_for_every_municipality():
    problems = []
    for m in registry().municipalities:
        problems += check(f"{m.code} {m.name}", lambda m=m: _kunta_json_problem(m))
    assert not problems, "\n".join(problems)


def _kunta_json_problem(m):
    result = run("kunta", m.name, "--json")
    data = json.loads(result.stdout)
    expected = sorted(p.id for p in PROJECTS if m.code in {c.code for c in p.municipalities})
    if data["query"] != m.name or data["municipality"] != m.to_dict():
        return f"wrong municipality: {data['municipality']}"
    if sorted(p["id"] for p in data["projects"]) != expected:
        return f"projects {[p['id'] for p in data['projects']]}, expected {expected}"
    if any(p["basis"] not in ("listed", "subregion", "region", "cooperation") or "note" not in p
           for p in data["projects"]):
        return "a project without a basis or a note"
    if expected and (result.exit_code, result.stderr) != (0, ""):
        return f"exit {result.exit_code}, stderr {result.stderr!r}"
    if not expected and (result.exit_code != 1 or len(result.stderr.strip().splitlines()) != 1):
        return f"no projects but exit {result.exit_code}, stderr {result.stderr!r}"
    return None


def test_kunta_table_shows_the_municipality_and_covering_projects():
    iitti = registry().by_code("142")
    result = run("kunta", "itis")
    assert result.exit_code == 0
    for value in (iitti.name, iitti.name_sv, iitti.region, iitti.subregion):
        assert value in result.stdout
    covering = [p for p in PROJECTS if "142" in {c.code for c in p.municipalities}]
    assert covering
    for p in covering:
        assert p.id in result.stdout
    assert "until 2020-12-31" in result.stdout


def test_kunta_says_when_the_input_was_corrected_or_former():
    assert "corrected from 'Tampre'" in run("kunta", "Tampre").stdout
    merge = registry().merges[0]
    out = run("kunta", merge.former).stdout
    assert merge.into in out and "former municipality" in out


def test_kunta_json_reports_the_match():
    data = json.loads(run("kunta", "Tampre", "--json").stdout)
    assert data["match"]["tier"] == "fuzzy"
    assert data["municipality"]["name"] == "Tampere"


def test_kunta_with_no_covering_project_exits_1():
    uncovered = next(m for m in registry().municipalities if m.code not in COVERED)
    result = run("kunta", uncovered.name)
    assert result.exit_code == 1
    assert uncovered.name in result.stdout
    assert f"no project covers {uncovered.name}" in result.stderr


def test_kunta_in_a_pipe_prints_lines_and_notes_on_stderr():
    env = {"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}
    result = CliRunner().invoke(app, ["kunta", "Tampre"], env=env)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == ["number", "id", "organisation", "name", "basis", "note"]
    assert [line.split("\t")[1] for line in lines[1:]] == ["tampere"]
    assert "corrected from 'Tampre'" in result.stderr


@pytest.mark.parametrize("name", ["Xyzzyville", "Jyväs", "", "   ", "999", "Pirkanmaa"])
def test_kunta_unknown_or_empty_exits_2(name):
    result = run("kunta", name, "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_kunta_suggestions_on_stderr():
    result = run("kunta", "Jyväs")
    assert "Jyväskylä" in result.stderr


def test_completion_callback():
    assert "Helsinki" in _complete_municipality("hels")
    assert all(n.lower().startswith("tam") for n in _complete_municipality("Tam"))


def test_coverage_table_has_every_region_and_a_total():
    result = run("coverage")
    assert result.exit_code == 0
    for region in registry().regions:
        assert region in result.stdout
    assert "total" in result.stdout and "309" in result.stdout


def test_coverage_json_lists_all_municipalities():
    result = run("coverage", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert len(data) == 309
    assert {row["code"] for row in data} == {m.code for m in registry().municipalities}
    assert {row["code"] for row in data if row["projects"]} == COVERED
    for row in data:
        assert set(row) == {"code", "name", "name_sv", "region", "subregion", "county", "population", "projects"}
        for p in row["projects"]:
            assert set(p) == {"id", "basis"}


def test_coverage_uncovered():
    result = run("coverage", "--uncovered")
    assert result.exit_code == 0
    uncovered = [m for m in registry().municipalities if m.code not in COVERED]
    for m in uncovered:
        assert m.name in result.stdout
    data = json.loads(run("coverage", "--uncovered", "--json").stdout)
    assert {row["code"] for row in data} == {m.code for m in uncovered}


def test_list_filters():
    data = json.loads(run("list", "--kunta", "Helsingfors", "--json").stdout)
    assert [p["id"] for p in data] == [p.id for p in PROJECTS if "091" in {c.code for c in p.municipalities}]
    data = json.loads(run("list", "--maakunta", "Pirkanmaa", "--json").stdout)
    assert "tampere" in {p["id"] for p in data}
    pirkanmaa = {m.code for m in registry().in_region("Pirkanmaa")}
    assert all("Pirkanmaa" in p["regions"] or pirkanmaa & {c["code"] for c in p["municipalities"]} for p in data)


def test_list_filter_without_results_exits_1():
    uncovered = next(m for m in registry().municipalities if m.code not in COVERED)
    result = run("list", "--kunta", uncovered.name, "--json")
    assert result.exit_code == 1 and json.loads(result.stdout) == []
    empty_region = next(r for r in registry().regions if not any(m.code in COVERED for m in registry().in_region(r)))
    assert run("list", "--maakunta", empty_region).exit_code == 1


def test_list_filter_bad_names_exit_2():
    assert run("list", "--kunta", "Xyzzyville").exit_code == 2
    assert run("list", "--maakunta", "Atlantis").exit_code == 2
    assert run("list", "--kunta", "").exit_code == 2


def test_kunta_csv_lists_covering_projects_with_basis():
    import csv
    import io

    from hankkeet.coverage import projects_covering
    from hankkeet.kunnat.lookup import lookup
    from hankkeet.model import load

    result = run("kunta", "Iitti", "--csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    expected = projects_covering(load().projects, lookup("Iitti").municipality.code)
    assert [(r["id"], r["basis"], r["note"]) for r in rows] == [
        (e.project.id, e.coverage.basis, e.coverage.note or "") for e in expected
    ]


def test_coverage_csv_has_a_row_per_municipality():
    import csv
    import io

    from hankkeet.kunnat.registry import registry

    result = run("coverage", "--csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == len(registry().municipalities)
    uncovered = run("coverage", "--uncovered", "--csv")
    assert 0 < len(list(csv.DictReader(io.StringIO(uncovered.stdout)))) < len(rows)


def test_region_completion():
    from hankkeet.kunnat.lookup import complete_region

    assert sorted(complete_region("poh")) == ["Pohjanmaa", "Pohjois-Karjala", "Pohjois-Pohjanmaa", "Pohjois-Savo"]
    assert "Päijät-Häme" in complete_region("paij")
    assert complete_region("zz") == []


def test_list_with_no_match_prints_no_empty_table():
    result = run("list", "--maakunta", "Lappi")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Lappi" in result.stderr
