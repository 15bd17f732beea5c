"""list / show / parse / --data / --version through the CLI runner."""

from __future__ import annotations

import csv
import io
import json

import pytest

from hankkeet import __version__
from hankkeet.model import dumps

from conftest import SEED_TEXT, invoke


def test_list_json_is_every_project_as_utf8_json(runner, snapshot):
    result = invoke(runner, "list", "--json")
    assert result.exit_code == 0
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert data == [p.to_dict() for p in snapshot.projects]
    # Not ASCII-escaped: Finnish letters appear as themselves.
    assert "Järvenpää" in result.stdout and "\\u00e4" not in result.stdout


def test_list_csv_has_a_header_and_a_row_per_project(runner, snapshot):
    result = invoke(runner, "list", "--csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == len(snapshot.projects)
    assert rows[0]["id"] == snapshot.projects[0].id
    assert rows[1]["co_implementers"] == "; ".join(snapshot.projects[1].co_implementers)


def test_list_table_shows_every_project(runner, snapshot):
    result = invoke(runner, "list")
    assert result.exit_code == 0
    for project in snapshot.projects:
        assert project.id in result.stdout
    assert "\x1b[" not in result.stdout  # no escape codes when not a terminal


def test_list_table_fits_a_narrow_terminal(runner):
    result = invoke(runner, "list", COLUMNS="80")
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_json_and_csv_together_is_a_usage_error(runner):
    result = invoke(runner, "list", "--json", "--csv")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--json" in result.stderr


@pytest.mark.parametrize("key", ["riihimaki", "Riihimäki", "RIIHIMAKI", "10"])
def test_show_finds_a_project_by_id_spelling_or_number(runner, snapshot, key):
    result = invoke(runner, "show", key, "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == snapshot.get("riihimaki").to_dict()


def test_show_table_has_every_field(runner, snapshot):
    project = snapshot.get("kotka")
    result = invoke(runner, "show", "kotka")
    assert result.exit_code == 0
    flat = " ".join(result.stdout.split())
    for value in (project.organisation, project.name, project.area, *project.co_implementers, project.start, project.end):
        assert value in flat
    assert " ".join(project.description.split()) in flat


def test_show_unknown_id_suggests_the_closest(runner):
    result = invoke(runner, "show", "rihimaki")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "riihimaki" in result.stderr


def test_markup_in_an_unknown_id_is_shown_literally(runner):
    result = invoke(runner, "show", "[bold]x[/bold]")
    assert result.exit_code == 2
    assert "[bold]x[/bold]" in result.stderr


def test_version(runner):
    result = invoke(runner, "--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_parse_to_stdout_is_the_snapshot(runner, snapshot):
    result = invoke(runner, "parse", str(SEED_TEXT))
    assert result.exit_code == 0
    assert json.loads(result.stdout) == snapshot.to_dict()
    assert "21 projects" in result.stderr


def test_parse_to_file_then_query_it_with_data(runner, tmp_path, snapshot):
    out = tmp_path / "snap.json"
    result = invoke(runner, "parse", str(SEED_TEXT), "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8") == dumps(snapshot.to_dict())
    listed = invoke(runner, "--data", str(out), "list", "--json")
    assert listed.exit_code == 0
    assert len(json.loads(listed.stdout)) == len(snapshot.projects)


def test_parse_of_a_bad_document_writes_nothing(runner, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("nothing to see here\n", encoding="utf-8")
    out = tmp_path / "out.json"
    result = invoke(runner, "parse", str(bad), "-o", str(out))
    assert result.exit_code == 2
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [bad]  # no temporary file left either
    assert "bad.txt" in result.stderr and len(result.stderr.splitlines()) == 1


def test_parse_missing_file(runner, tmp_path):
    result = invoke(runner, "parse", str(tmp_path / "nope.pdf"))
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_parse_into_a_missing_folder(runner, tmp_path):
    result = invoke(runner, "parse", str(SEED_TEXT), "-o", str(tmp_path / "no" / "x.json"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "no such file"),
        ("", "empty"),
        ("{not json", "not valid JSON"),
        ("[]", "the top level must be an object"),
        ('{"schema_version": 1, "source": {}, "projects": []}', "source is missing 'title'"),
        (
            '{"schema_version": 1, "source": {"title": "t", "subtitle": "s", "file": "f", "sha256": "x"},'
            ' "projects": [{"id": "a", "number": "1"}]}',
            "projects[0].number must be an integer",
        ),
        ('{"schema_version": 99, "source": {}, "projects": []}', "schema_version must be 1"),
    ],
)
def test_bad_data_file_is_a_one_line_error(runner, tmp_path, content, problem):
    path = tmp_path / "snap.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = invoke(runner, "--data", str(path), "list", "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert problem in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_empty_snapshot_lists_nothing_with_exit_1(runner, tmp_path):
    path = tmp_path / "empty.json"
    path.write_text(
        '{"schema_version": 1, "source": {"title": "t", "subtitle": "s", "file": "f", "sha256": "x"}, "projects": []}',
        encoding="utf-8",
    )
    result = invoke(runner, "--data", str(path), "list", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []


def test_unknown_command_is_a_usage_error(runner):
    result = invoke(runner, "frobnicate")
    assert result.exit_code == 2


def test_completion_of_project_ids(snapshot):
    assert [pid for pid, _ in snapshot.complete_ids("ri")] == ["riihimaki"]
    assert [pid for pid, _ in snapshot.complete_ids("")] == [p.id for p in snapshot.projects]
    assert [pid for pid, _ in snapshot.complete_ids("JÄR")] == ["jarvenpaa"]
    assert snapshot.complete_ids("zz") == []


def test_shell_completion_offers_ids_for_show(runner):
    from hankkeet.cli import app

    result = runner.invoke(
        app, [], env={"_HANKKEET_COMPLETE": "complete_bash", "COMP_WORDS": "hankkeet show ka", "COMP_CWORD": "2"},
        prog_name="hankkeet",
    )
    assert result.exit_code == 0
    assert result.stdout.split() == ["kajaani"]


@pytest.mark.parametrize(
    ("args", "needle"),
    [(["list", "--bogus"], "--bogus"), (["show"], "Missing argument"), (["--bogus"], "--bogus"), (["list", "--json=3"], "--json")],
)
def test_usage_errors_are_one_line_with_exit_2(runner, args, needle):
    result = invoke(runner, *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and needle in result.stderr


def test_bare_command_shows_help_on_stderr(runner):
    result = invoke(runner)
    assert result.exit_code == 2
    assert "Commands" in result.stderr and result.stdout == ""


@pytest.mark.parametrize(
    ("words", "cword", "expected"),
    [("hankkeet kunta Lop", "2", "Loppi"), ("hankkeet list --kunta Helsi", "3", "Helsinki"),
     ("hankkeet list --maakunta Pirk", "3", "Pirkanmaa"), ("hankkeet sea", "1", "search")],
)
def test_shell_completion_offers_names_and_commands(runner, words, cword, expected):
    from hankkeet.cli import app

    result = runner.invoke(
        app, [], env={"_HANKKEET_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": cword},
        prog_name="hankkeet",
    )
    assert result.exit_code == 0
    assert expected in result.stdout.split()


def test_parse_output_dash_is_stdout(runner, tmp_path, monkeypatch, snapshot):
    monkeypatch.chdir(tmp_path)
    result = invoke(runner, "parse", str(SEED_TEXT), "-o", "-")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == snapshot.to_dict()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("start", "ok"), [(None, True), ("2020-09-01", True), ("2020-13-01", False), (20200901, False)])
def test_loader_accepts_a_null_period_but_no_bad_date(runner, tmp_path, snapshot, start, ok):
    data = snapshot.to_dict()
    data["projects"][2]["start"] = start
    path = tmp_path / "snap.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = invoke(runner, "--data", str(path), "list", "--json")
    assert (result.exit_code == 0) is ok
    if not ok:
        assert "projects[2].start" in result.stderr


def test_find_project_reads_a_stream_once_and_names_the_ambiguous_ones() -> None:
    from hankkeet.errors import UnknownProject
    from hankkeet.find import find_project
    from hankkeet.model import load

    projects = load().projects
    reads = []

    def stream():
        for project in projects:
            reads.append(project.id)
            yield project

    assert find_project(stream(), projects[3].id) == projects[3]
    assert reads == [p.id for p in projects]  # read to the end, so a stream is checked whole
    many = [projects[0]._replace(id=f"x{i}", number=i + 1, name="Yhteinen Hanke") for i in range(12)]
    with pytest.raises(UnknownProject, match=r"fits 12 projects: .* and 4 more; give the id"):
        find_project(iter(many), "yhteinen")
