"""What scripts rely on: quiet pipes, internal errors in one line, any input handled."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hankkeet.errors import DataError
from hankkeet.model import load

from conftest import ROOT, invoke


def _run_piped(shell_pipeline: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "COLUMNS": "120"}
    env.pop("HANKKEET_DEBUG", None)
    command = shell_pipeline.replace("hankkeet", f"{sys.executable} -m hankkeet", 1)
    # pipefail: the exit status is hankkeet's, not head's; stderr is hankkeet's.
    return subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, cwd=ROOT, env=env, timeout=60)


@pytest.mark.parametrize("pipeline", ["hankkeet list --json | head -c 40", "hankkeet list | head -n 2", "hankkeet list --csv | head -n 1"])
def test_reader_going_away_ends_quietly(pipeline):
    result = _run_piped(pipeline)
    assert result.stderr == b""
    assert result.returncode == 0
    assert result.stdout


def test_internal_error_is_one_line_with_a_hint(runner, monkeypatch):
    import hankkeet.model

    def broken(*args, **kwargs):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(hankkeet.model.SnapshotFile, "projects", broken)  # every snapshot is read through it
    result = invoke(runner, "list")
    assert result.exit_code == 3
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert "internal error" in lines[0] and "--debug" in lines[0] and "simulated failure" in lines[0]


def test_debug_shows_the_traceback(runner, monkeypatch):
    import hankkeet.model

    monkeypatch.setattr(hankkeet.model.SnapshotFile, "projects", lambda *a, **k: 1 / 0)
    result = invoke(runner, "--debug", "list")
    assert result.exit_code != 0
    assert isinstance(result.exception, ZeroDivisionError)


def test_control_characters_in_messages_are_made_visible(runner):
    result = invoke(runner, "show", "x\x1b[31mred\x07")
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=20,
)


@pytest.mark.slow
@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=st.one_of(st.binary(max_size=200), _json_values.map(lambda v: json.dumps(v).encode()), st.text().map(str.encode)))
def test_loader_accepts_or_rejects_cleanly(tmp_path_factory, payload):
    path = tmp_path_factory.mktemp("data") / "snap.json"
    path.write_bytes(payload)
    try:
        snapshot = load(path)
    except DataError as exc:
        assert exc.message.startswith(str(path))
        assert "\n" not in exc.message
    else:
        assert isinstance(snapshot.projects, tuple)


@pytest.mark.slow
@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutation=st.sampled_from(["id", "number", "name", "start", "municipalities", "regions", "co_implementers"]),
       value=_json_values)
def test_loader_names_the_first_problem_in_a_mutated_project(tmp_path_factory, snapshot, mutation, value):
    data = snapshot.to_dict()
    data["projects"][3][mutation] = value
    path = tmp_path_factory.mktemp("data") / "snap.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    try:
        load(path)
    except DataError as exc:
        assert "projects[3]" in exc.message


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=60))
def test_municipality_lookup_answers_or_refuses_cleanly(text):
    from hankkeet.errors import HankkeetError
    from hankkeet.kunnat.lookup import lookup

    try:
        match = lookup(text)
    except HankkeetError as exc:
        assert "\n" not in exc.message
    else:
        assert match.municipality.code.isdigit()


@pytest.mark.slow
@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_kunta_command_never_crashes(text):
    from typer.testing import CliRunner

    result = invoke(CliRunner(), "kunta", "--json", "--", text)
    assert result.exit_code in (0, 1, 2), result.stderr
    if result.exit_code in (0, 1):
        assert json.loads(result.stdout)["municipality"]["code"]
    else:
        assert result.stdout == "" and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [["list", "--json"], ["list", "--csv"], ["show", "kotka", "--json"], ["kunta", "Loppi", "--json"],
     ["coverage", "--json"], ["search", "kotoutuminen", "--json"], ["list", "--kunta", "Lopella", "--json"]],
)
def test_machine_output_paths_import_no_heavy_module(args):
    code = (
        "import sys\n"
        "from hankkeet.cli import app as main  # main() leaves with os._exit\n"
        f"sys.argv = ['hankkeet', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('rich', 'rapidfuzz', 'pdfminer', 'snowballstemmer', 'pydantic')\n"
        "print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.stderr.strip().splitlines()[-1] == "[]", done.stderr


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(query=st.text(max_size=80))
def test_search_answers_or_refuses_cleanly(snapshot, query):
    from hankkeet.errors import HankkeetError
    from hankkeet.search import search

    try:
        hits = search(snapshot, query, limit=5)
    except HankkeetError as exc:
        assert "\n" not in exc.message
    else:
        assert len(hits) <= 5
        assert all(0 <= h.score <= 100 for h in hits)
        scores = [(not h.phrase, -h.score) for h in hits]
        assert scores == sorted(scores)


@pytest.mark.slow
@settings(max_examples=100, deadline=None)
@given(words=st.lists(st.sampled_from(["ohjaus", "neuvonta", "Lappeenranta", "kotoutuminen", "palvelu", "maahanmuuttajien"]), min_size=1, max_size=3),
       spacing=st.sampled_from([" ", "  ", "\t", " , ", " \x1b "]))
def test_search_ignores_case_nfd_and_separators(snapshot, words, spacing):
    import unicodedata

    from hankkeet.search import search

    plain = [h.project.id for h in search(snapshot, " ".join(words))]
    variant = unicodedata.normalize("NFD", spacing.join(words).upper())
    assert [h.project.id for h in search(snapshot, variant)] == plain


def test_data_is_shown_literally_never_as_markup_or_escapes(runner, tmp_path, snapshot):
    data = snapshot.to_dict()
    data["projects"][0]["name"] = "[red]Punainen[/red] \x1b[31mESC [/] [bold"
    data["projects"][0]["description"] = "kuvaus [link=http://x]klik[/link] \x07 ohjaus"
    path = tmp_path / "markup.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    pid = data["projects"][0]["id"]
    for args in (["list"], ["show", pid], ["search", "punainen"], ["search", "klik"]):
        result = invoke(runner, "--data", str(path), *args)
        assert result.exit_code == 0, (args, result.stderr)
        flat = "".join(result.stdout.split())
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
        assert ("[red]Punainen[/red]" in flat) or ("[link=http://x]klik[/link]" in flat), (args, result.stdout)
    # Machine output keeps the data exactly.
    shown = json.loads(invoke(runner, "--data", str(path), "show", pid, "--json").stdout)
    assert shown["name"] == data["projects"][0]["name"]


HOSTILE = ["", "   ", "\t\n", "x" * 20_000, "ab " * 7_000, "\x00\x1b[2J\x07", "[bold]x[/bold]", "[/]", "\u202e\u0308", "💥"]


@pytest.mark.parametrize("value", HOSTILE, ids=lambda v: repr(v[:12]))
@pytest.mark.parametrize("command", [["search"], ["kunta"], ["show"], ["list", "--kunta"], ["list", "--maakunta"]])
def test_hostile_input_gets_a_clean_answer(runner, command, value):
    result = invoke(runner, *command, "--json", "--", value) if command[0] != "list" else invoke(
        runner, *command, value, "--json"
    )
    assert result.exit_code in (1, 2), (result.exit_code, result.stderr[:200])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("hankkeet: ")
    assert "\x1b" not in result.stderr and "\x00" not in result.stderr
    assert len(lines[0]) < 400
    if result.stdout:
        json.loads(result.stdout)  # an empty result is still valid JSON


@pytest.mark.parametrize(
    ("args", "status"),
    [(["list", "--json"], 0), (["coverage", "--csv"], 0), (["kunta", "Pori", "--json"], 1), (["kunta", "xx"], 2),
     (["search"], 2), (["--version"], 0)],
)
def test_the_real_entry_point_flushes_everything_and_keeps_the_status(args, status):
    # main() leaves with os._exit after flushing; the whole output must be there.
    done = subprocess.run([sys.executable, "-m", "hankkeet", *args], capture_output=True, cwd=ROOT, timeout=60,
                          env={**os.environ, "COLUMNS": "120"})
    assert done.returncode == status, done.stderr
    if "--json" in args:
        json.loads(done.stdout.decode("utf-8"))
    if status == 2:
        assert done.stderr.decode().startswith("hankkeet: ") and done.stdout == b""
    if args == ["coverage", "--csv"]:
        assert done.stdout.decode().count("\n") == 310  # header + 309 municipalities
