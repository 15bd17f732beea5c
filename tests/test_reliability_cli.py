"""The CLI's handling of odd input and output: argv, CSV, narrow widths, numbers."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED_TEXT, invoke


def test_argument_that_is_not_utf8_is_one_line_exit_2(runner):
    result = invoke(runner, "kunta", "M\udce4nts\udce4l\udce4")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "not UTF-8" in result.stderr


def test_locale_c_still_reads_utf8_arguments():
    env = {"PATH": os.environ["PATH"], "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0",
           "COLUMNS": "100"}
    done = subprocess.run([sys.executable, "-m", "hankkeet", "show", "Riihimäki", "--json"], capture_output=True,
                          env=env, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["id"] == "riihimaki"


@pytest.mark.parametrize("key", ["1", "01", "001"])
def test_show_takes_a_number_with_leading_zeros(runner, key):
    result = invoke(runner, "show", key, "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["number"] == 1


@pytest.mark.parametrize("key", ["٠١", "1" + "0" * 5000])
def test_show_other_digits_are_not_numbers(runner, key):
    assert invoke(runner, "show", key).exit_code == 2


def test_fullwidth_query_finds_what_ascii_finds(runner):
    wide = invoke(runner, "search", "ｋｏｔｏｕｔｕｍｉｎｅｎ", "--json")
    plain = invoke(runner, "search", "kotoutuminen", "--json")
    assert wide.exit_code == 0 and json.loads(wide.stdout) == json.loads(plain.stdout)


def test_arabic_indic_digits_are_not_a_municipality_code(runner):
    result = invoke(runner, "kunta", "٤٣٣")
    assert result.exit_code == 2 and "code" not in result.stderr


def test_overlong_query_is_refused_naming_the_limit(runner):
    result = invoke(runner, "search", "a" * 50_001)
    assert result.exit_code == 2 and "limit of 50,000 characters" in result.stderr


def _snapshot_with(tmp_path, **fields):
    data = json.loads((ROOT / "hankkeet" / "data" / "projects.json").read_text(encoding="utf-8"))
    data["projects"][0].update(fields)
    path = tmp_path / "snap.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_csv_is_rfc4180_with_crlf(runner):
    out = invoke(runner, "list", "--csv").stdout_bytes
    assert out.count(b"\r\n") == out.count(b"\n") > 20


def test_csv_fields_that_would_be_formulas_get_an_apostrophe(runner, tmp_path):
    data = _snapshot_with(tmp_path, name="=1+2", organisation="@SUM(A1)")
    rows = list(csv.reader(io.StringIO(invoke(runner, "--data", data, "list", "--csv").stdout, newline="")))
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["name"] == "'=1+2" and first["organisation"] == "'@SUM(A1)"
    raw = list(csv.reader(io.StringIO(invoke(runner, "--raw-csv", "--data", data, "list", "--csv").stdout, newline="")))
    assert dict(zip(raw[0], raw[1], strict=True))["name"] == "=1+2"


@pytest.mark.parametrize("columns", ["0", "1", "20"])
def test_tiny_widths_fall_back_to_a_minimum(runner, columns):
    result = invoke(runner, "show", "riihimaki", COLUMNS=columns)
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) >= 50


def test_bidi_controls_in_data_do_not_reach_the_table(runner, tmp_path):
    data = _snapshot_with(tmp_path, name="Hanke \u202eesrevo\u202c")
    result = invoke(runner, "--data", data, "show", "1")
    assert result.exit_code == 0
    assert "\u202e" not in result.stdout and "\u202c" not in result.stdout and "esrevo" in result.stdout


@pytest.mark.parametrize("value", ["0", "-1", "lots", "nan", "inf"])
def test_bad_max_input_is_a_usage_error(runner, value):
    result = invoke(runner, "--max-input", value, "list")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1


def test_max_input_refuses_a_larger_snapshot(runner):
    data = str(ROOT / "hankkeet" / "data" / "projects.json")
    result = invoke(runner, "--max-input", "0.001", "--data", data, "list")
    assert result.exit_code == 2 and "input limit of 1048 bytes" in result.stderr
    assert invoke(runner, "--max-input", "1", "--data", data, "list", "--json").exit_code == 0


def test_parse_refuses_to_overwrite_its_input(runner, tmp_path):
    source = tmp_path / "in.txt"
    source.write_bytes(SEED_TEXT.read_bytes())
    result = invoke(runner, "parse", str(source), "-o", str(source))
    assert result.exit_code == 2 and "input file" in result.stderr
    assert source.read_bytes() == SEED_TEXT.read_bytes()


def test_a_permission_error_on_data_names_the_file_not_the_variable(runner, tmp_path, monkeypatch):
    import hankkeet.fileio

    path = tmp_path / "locked.json"
    path.write_text("{}")
    real_open = os.open

    def locked(name, *args, **kwargs):
        if str(name) == str(path):
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(hankkeet.fileio.os, "open", locked)
    for args in (["--data", str(path)], []):
        env = {} if args else {"HANKKEET_DATA": str(path)}
        result = invoke(runner, *args, "list", **env)
        assert result.exit_code == 2
        assert f"{path}: cannot read: Permission denied" in result.stderr
        assert "HANKKEET_DATA" not in result.stderr


@pytest.mark.parametrize("columns", ["100000", "10000000", "99999999999"])
def test_a_huge_width_lays_out_for_the_widest_table(monkeypatch, columns):
    from hankkeet.render import MAX_WIDTH, make_console

    monkeypatch.setenv("COLUMNS", columns)
    assert make_console().width == MAX_WIDTH


def test_parse_to_stdout_refuses_what_the_loader_would(runner, tmp_path):
    doc = tmp_path / "long.txt"
    doc.write_text(SEED_TEXT.read_text(encoding="utf-8") + "x" * 200_000, encoding="utf-8")
    result = invoke(runner, "parse", str(doc))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "schema" in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize("cword", ["abc", ""])
def test_a_malformed_completion_request_is_one_line(cword):
    env = {"PATH": os.environ["PATH"], "_HANKKEET_COMPLETE": "complete_bash", "COMP_WORDS": "hankkeet kunta Lo",
           "COMP_CWORD": cword}
    exe = Path(sys.executable).parent / "hankkeet"  # the console script: completion keys on its name
    done = subprocess.run([str(exe)], capture_output=True, env=env, cwd=ROOT, timeout=60)
    assert done.returncode == 2
    assert done.stderr.decode().count("\n") == 1 and b"Traceback" not in done.stderr


def test_stdout_writes_are_whole_or_an_error(monkeypatch, tmp_path):
    # A short write (a disk filling up, ulimit -f) must not pass for success.
    from hankkeet import cli

    target = tmp_path / "out.bin"
    fd = os.open(target, os.O_WRONLY | os.O_CREAT)
    real_write = os.write
    calls: list[int] = []

    def short_write(descriptor, data):
        calls.append(len(data))
        if len(calls) > 3:
            raise OSError(27, "File too large")
        return real_write(descriptor, bytes(data)[:100])

    monkeypatch.setattr(os, "write", short_write)
    raw = cli._WholeWrites(fd)
    assert raw.write(b"x" * 250) == 250  # three short writes make it whole
    with pytest.raises(OSError):
        raw.write(b"y" * 250)  # the fourth fails: raised, not swallowed
    monkeypatch.undo()
    os.close(fd)
    assert target.read_bytes().startswith(b"x" * 250)


def test_bytecode_is_written_whole_or_not_at_all(monkeypatch, tmp_path):
    from hankkeet import entry

    path = str(tmp_path / "mod.pyc")
    entry._write_whole(path, b"abc" * 1000)
    assert Path(path).read_bytes() == b"abc" * 1000
    real_write = os.write

    def failing(descriptor, data):
        if len(data) < 3000:
            raise OSError(28, "No space left on device")
        return real_write(descriptor, bytes(data)[:1000])

    monkeypatch.setattr(os, "write", failing)
    with pytest.raises(OSError):
        entry._write_whole(str(tmp_path / "other.pyc"), b"abc" * 1000)
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mod.pyc"]  # no cut-off file, no temporary


@pytest.mark.parametrize("value", ["nan", "NaN"])
def test_max_seconds_nan_is_a_usage_error(runner, value):
    result = invoke(runner, "parse", str(SEED_TEXT), "--max-seconds", value)
    assert result.exit_code == 2 and "not a number" in result.stderr
    result = invoke(runner, "parse", str(SEED_TEXT), HANKKEET_MAX_SECONDS=value)
    assert result.exit_code == 2 and "not a number" in result.stderr


@pytest.mark.parametrize("instruction", ["complete_nonsense", "bogus", "install_bash", "complete_"])
def test_a_completion_request_for_an_unknown_shell_is_one_line_exit_2(runner, instruction):
    result = invoke(runner, _HANKKEET_COMPLETE=instruction, COMP_WORDS="hankkeet ", COMP_CWORD="1")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "bad shell completion request" in result.stderr


@pytest.mark.parametrize(("encoding", "usable"), [("utf-8", True), ("cp1252", True), ("ascii", True),
                                                  ("utf-16", True), ("undefined", False), ("idna", False)])
def test_a_stream_encoding_that_cannot_write_lines_is_found(encoding, usable):
    from hankkeet import cli

    stream = io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="replace")
    assert cli._encodes_text(stream) is usable


@pytest.mark.parametrize("home", [None, "", "relative/home", "/proc/nonexistent/home", "FILE"])
def test_install_completion_refuses_a_home_it_cannot_write_in_one_line(runner, tmp_path, monkeypatch, home):
    monkeypatch.chdir(tmp_path)
    if home == "FILE":
        home = str(tmp_path / "a-file")
        Path(home).write_text("x")
    before = sorted(p.name for p in tmp_path.iterdir())
    result = invoke(runner, "--install-completion", HOME=home, SHELL="/bin/bash")  # type: ignore[arg-type]
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("hankkeet: --install-completion writes into the home folder")
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.parametrize(("args", "words"), [
    (["--data", "", "list"], "snapshot's name is empty"),
    (["parse", ""], "document's name is empty"),
    (["coverage", "--by", ""], "unknown --by ''"),
])
def test_an_empty_name_is_named_as_empty_not_read_as_the_working_folder(runner, args, words):
    result = invoke(runner, *args)
    assert result.exit_code == 2 and words in result.stderr and "director" not in result.stderr


def test_machine_output_on_a_terminal_defuses_control_characters_json_keeps_its_value(monkeypatch, capsysbinary):
    from hankkeet import output

    monkeypatch.setattr(output, "_stdout_terminal", True)
    value = "Hanke \x1b]0;x\x07 \u202eabc\u202c \x9b31m \x7f"
    output.write(json.dumps({"name": value}, ensure_ascii=False) + "\n")
    output.write("id,name\r\nx,a\x1b[2J\tb\r\n")
    out = capsysbinary.readouterr().out
    json_line, csv_text = out.split(b"\n", 1)
    assert json.loads(json_line)["name"] == value  # the same value, its controls escaped
    assert csv_text == "id,name\r\nx,a\u241b[2J\tb\r\n".encode()
    for raw in ("\x1b", "\x9b", "\u202e", "\x7f", "\x07"):
        assert raw.encode() not in out


def test_machine_output_to_a_pipe_is_exact(monkeypatch, capsysbinary):
    from hankkeet import output

    monkeypatch.setattr(output, "_stdout_terminal", False)
    output.write("a\x1b[2J\u202e\n")
    assert capsysbinary.readouterr().out == "a\x1b[2J\u202e\n".encode()


def test_a_message_about_a_100_kb_argument_keeps_its_start_and_its_reason(runner):
    result = invoke(runner, "--data", "a" * 100_000, "list")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert len(result.stderr) < 1100
    assert result.stderr.startswith("hankkeet: aaa") and result.stderr.rstrip().endswith("File name too long")


@pytest.mark.parametrize("args", [["list", "--max-wait"], ["search", "--data"], ["search", "x", "--data"],
                                  ["list", "--data", "x.json", "--max-input"]])
def test_a_global_option_after_the_command_without_its_value_says_it_needs_one(runner, args):
    result = invoke(runner, *args)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert f"Option '{args[-1]}' requires an argument" in result.stderr


def test_arranging_moves_global_options_and_keeps_what_follows_two_dashes():
    from hankkeet.argv import arrange

    takes = {"list": False, "search": True}
    assert arrange(["list", "--data", "s.json", "--json"], takes) == ["--data", "s.json", "list", "--json"]
    assert arrange(["search", "x", "--", "--data", "y"], takes) == ["search", "x", "--", "--data", "y"]
    assert arrange(["search", "x", "--max-wait"], takes) == ["--max-wait"]
