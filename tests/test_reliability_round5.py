"""The fifth round of reliability fixes: notices of a failed output, ``--`` before an option,
global option values checked whatever else is given, and the attacks that followed."""

from __future__ import annotations

import errno

import pytest

from conftest import invoke


def _full_disk(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_table_that_cannot_be_written_is_one_line_without_its_notices(runner, monkeypatch):
    import hankkeet.output

    monkeypatch.setattr(hankkeet.output, "emit", _full_disk)
    result = invoke(runner, "list", "--table")
    assert result.exit_code == 2
    assert result.stderr == "hankkeet: cannot write the output: No space left on device\n"


def test_the_notices_of_a_written_table_still_follow_it(runner):
    result = invoke(runner, "list", "--table")
    assert result.exit_code == 0 and "eksote" in result.stdout
    assert result.stderr.startswith("hankkeet: snapshot: bundled")


def test_notices_come_before_a_no_results_line(runner):
    result = invoke(runner, "list", "--kunta", "Inari")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[-1].startswith("hankkeet: no projects") and len(lines) >= 2


@pytest.mark.parametrize("word", ["--version", "--help", "-h", "--install-completion", "--data"])
def test_after_two_dashes_an_option_is_a_word_not_the_option(runner, word):
    result = invoke(runner, "--", word)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"hankkeet: No such command '{word}'. (see 'hankkeet --help')\n"


@pytest.mark.parametrize("args", [["--max-wait", "1e300", "--version"], ["--version", "--max-wait", "1e300"],
                                  ["--max-wait=nan", "--help"], ["--max-input", "-1", "-h"],
                                  ["--data=", "--version"], ["--max-wait", "0", "--show-completion", "bash"],
                                  ["list", "--help", "--max-input", "0"], ["--max-wait", "1e300", "list", "--help"]])
def test_a_bad_global_option_value_is_refused_whatever_else_is_given(runner, args):
    result = invoke(runner, *args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Invalid value for '--" in result.stderr


@pytest.mark.parametrize(("variable", "value"), [("HANKKEET_MAX_WAIT", "1e300"), ("HANKKEET_MAX_INPUT_MB", "1e300"),
                                                ("HANKKEET_QUIET", "maybe"), ("HANKKEET_RAW_CSV", "2")])
def test_a_bad_global_option_value_in_the_environment_is_refused_for_version(runner, variable, value):
    result = invoke(runner, "--version", **{variable: value})
    assert result.exit_code == 2 and variable in result.stderr and result.stderr.count("\n") == 1


def test_a_flag_given_on_the_line_makes_its_variable_unread(runner):
    assert invoke(runner, "--quiet", "--version", HANKKEET_QUIET="maybe").exit_code == 0
    assert invoke(runner, "--version", HANKKEET_QUIET=" Yes ").exit_code == 0


def test_version_names_the_data_snapshot_given_as_an_option(runner, tmp_path):
    snapshot = tmp_path / "other.json"
    assert invoke(runner, "parse", "seeds/000_321a0afa37a476e5.txt", "-o", str(snapshot)).exit_code == 0
    result = invoke(runner, "--data", str(snapshot), "--version")
    assert result.exit_code == 0 and f"snapshot: {snapshot}:" in result.stdout


def test_the_global_values_are_read_as_click_reads_them(monkeypatch):
    from hankkeet.cli import _global_values

    monkeypatch.setenv("HANKKEET_MAX_WAIT", "5")
    monkeypatch.delenv("HANKKEET_DATA", raising=False)
    monkeypatch.setenv("HANKKEET_MAX_INPUT_MB", "")
    values = _global_values(["--data", "a", "--data=b", "-q", "list", "--max-wait", "x"])
    assert values == {"--data": "b", "--max-input": None, "--max-wait": "5"}
    assert _global_values(["--", "--max-wait", "x"])["--max-wait"] == "5"


# -- CSV formulas behind spaces and in other forms ---------------------------------------------

@pytest.mark.parametrize("text", ["＝1+1", "＋1", "－1", "＠SUM(A1)", "﹦1", "⁼1", " =1", "  +1", "\t=1", "\u00a0=1",
                                  "\u3000=1", "\u200b=1", "\ufeff@x", "\n-1", "\r\n=1"])
def test_a_formula_behind_white_space_or_in_another_form_is_found(text):
    from hankkeet.render import csv_safe, looks_like_formula

    assert looks_like_formula(text) and csv_safe(text) == "'" + text


@pytest.mark.parametrize("text", ["Helsinki", " Helsinki", "１+1", "a=1", "", " ", "(=1)", "'=1", "−1"])
def test_text_that_is_no_formula_is_kept(text):
    from hankkeet.render import csv_safe

    assert csv_safe(text) == text


def test_csv_output_defuses_a_fullwidth_formula(runner, tmp_path):
    import csv
    import io
    import json

    from conftest import ROOT

    data = json.loads((ROOT / "hankkeet" / "data" / "projects.json").read_text(encoding="utf-8"))
    data["projects"][0]["name"] = "＝HYPERLINK(\"http://x\")"
    data["projects"][1]["name"] = " \t=1+1"
    path = tmp_path / "s.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = invoke(runner, "--data", str(path), "list", "--csv", "--fields", "name")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[1] == ["'＝HYPERLINK(\"http://x\")"] and rows[2] == ["' \t=1+1"]
    raw = invoke(runner, "--data", str(path), "--raw-csv", "list", "--csv", "--fields", "name")
    assert list(csv.reader(io.StringIO(raw.stdout)))[1] == ["＝HYPERLINK(\"http://x\")"]


# -- a snapshot in NFD ----------------------------------------------------------------------------

def _nfd(value):
    import unicodedata

    if isinstance(value, str):
        return unicodedata.normalize("NFD", value)
    if isinstance(value, list):
        return [_nfd(v) for v in value]
    if isinstance(value, dict):
        return {k: _nfd(v) for k, v in value.items()}
    return value


@pytest.mark.parametrize("copies", [21, 400])  # the checked path, and the fast one (200 projects and more)
@pytest.mark.parametrize("ascii_only", [False, True])  # as text, or as \u escapes
def test_a_snapshot_in_nfd_loads_as_the_same_snapshot_in_nfc(tmp_path, copies, ascii_only):
    import json

    from hankkeet.model import load

    from conftest import ROOT

    data = json.loads((ROOT / "hankkeet" / "data" / "projects.json").read_text(encoding="utf-8"))
    originals = data["projects"]
    data["projects"] = [{**originals[i % 21], "id": f"p{i}", "number": i + 1} for i in range(copies)]
    nfc, nfd = tmp_path / "nfc.json", tmp_path / "nfd.json"
    nfc.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    nfd.write_text(json.dumps(_nfd(data), ensure_ascii=ascii_only), encoding="utf-8")
    assert nfc.read_bytes() != nfd.read_bytes()
    assert load(nfd) == load(nfc)


def test_search_and_kunta_answer_an_nfd_snapshot_as_the_nfc_one(runner, tmp_path):
    import json

    from conftest import ROOT

    data = json.loads((ROOT / "hankkeet" / "data" / "projects.json").read_text(encoding="utf-8"))
    path = tmp_path / "nfd.json"
    path.write_text(json.dumps(_nfd(data), ensure_ascii=False), encoding="utf-8")
    for args in (["search", "Riihimäki", "--json"], ["kunta", "Hämeenlinna", "--json"], ["list", "--json"]):
        assert invoke(runner, "--data", str(path), *args).stdout == invoke(runner, *args).stdout


# -- a snapshot rewritten between the passes ------------------------------------------------------

def test_a_snapshot_rewritten_between_passes_with_its_mtime_put_back_is_refused(tmp_path):
    import json
    import os

    from hankkeet.errors import DataError
    from hankkeet.model import SnapshotFile

    from conftest import ROOT

    original = (ROOT / "hankkeet" / "data" / "projects.json").read_bytes()
    path = tmp_path / "s.json"
    path.write_bytes(original)
    stream = SnapshotFile(path)
    assert sum(1 for _ in stream.projects()) == 21
    before = os.stat(path)
    changed = original.replace(b"Eksote", b"Ekzote")
    assert len(changed) == len(original)
    with open(path, "r+b") as f:
        f.write(changed)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    with pytest.raises(DataError, match="changed while it was read"):
        next(iter(stream.projects()))
    assert json.loads(changed)  # (the new text is a valid snapshot: only the change is refused)


# -- signals that end the process -------------------------------------------------------------------

def test_every_catchable_ending_signal_is_held_while_writing():
    import signal

    from hankkeet.fileio import _HELD_SIGNALS

    expected = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1, signal.SIGUSR2,
                signal.SIGALRM, signal.SIGRTMIN, signal.SIGRTMAX}
    assert expected <= _HELD_SIGNALS
    assert not {signal.SIGKILL, signal.SIGSTOP, signal.SIGSEGV, signal.SIGCHLD} & _HELD_SIGNALS


@pytest.mark.parametrize("name", ["SIGUSR1", "SIGALRM", "SIGQUIT", "SIGTERM"])
def test_an_ending_signal_inside_signals_raise_is_a_system_exit_that_cleans_up(name, tmp_path):
    import os
    import signal

    from hankkeet.fileio import building

    signum = getattr(signal, name)
    before = signal.getsignal(signum)
    target = tmp_path / "out.db"
    with pytest.raises(SystemExit) as stopped, building(target) as tmp:
        tmp.write_bytes(b"partial")
        os.kill(os.getpid(), signum)
    assert stopped.value.code == 128 + signum
    assert list(tmp_path.iterdir()) == []
    assert signal.getsignal(signum) == before


# -- -o through a link of /proc ---------------------------------------------------------------------

def test_output_through_proc_self_fd_to_a_pipe_is_written_into_the_pipe():
    import os
    import threading

    from hankkeet.fileio import write_file

    read_end, write_end = os.pipe()
    got = bytearray()

    def drain() -> None:
        while chunk := os.read(read_end, 65536):
            got.extend(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    try:
        write_file(f"/proc/self/fd/{write_end}", b"snapshot " * 10_000)
    finally:
        os.close(write_end)
        reader.join()
        os.close(read_end)
    assert bytes(got) == b"snapshot " * 10_000


def test_output_through_proc_self_fd_to_a_deleted_file_is_refused(tmp_path):
    import os

    from hankkeet.errors import OutputError
    from hankkeet.fileio import write_file

    path = tmp_path / "gone"
    fd = os.open(path, os.O_CREAT | os.O_WRONLY)
    os.unlink(path)
    try:
        with pytest.raises(OutputError, match="deleted"):
            write_file(f"/proc/self/fd/{fd}", b"x")
    finally:
        os.close(fd)
    assert list(tmp_path.iterdir()) == []


# -- out of memory, however it shows ---------------------------------------------------------------

def test_a_library_that_cannot_be_mapped_is_out_of_memory():
    from hankkeet.errors import out_of_memory

    assert out_of_memory(ImportError("libsqlite3.so.0: failed to map segment from shared object"))
    assert out_of_memory(ValueError("x").with_traceback(None)) is False
    try:
        try:
            raise MemoryError
        except MemoryError as inner:
            raise RuntimeError("wrapped") from inner
    except RuntimeError as outer:
        assert out_of_memory(outer)


@pytest.mark.parametrize("failure", [MemoryError(), ImportError("x.so: failed to map segment from shared object")])
def test_out_of_memory_in_a_command_is_one_line_exit_2(runner, monkeypatch, failure):
    import hankkeet.output

    def fail(*_args, **_kwargs):
        raise failure

    monkeypatch.setattr(hankkeet.output, "emit", fail)
    result = invoke(runner, "list", "--table")
    assert result.exit_code == 2 and result.stderr == "hankkeet: out of memory\n"


def test_parse_out_of_memory_says_so_without_blaming_the_work_limit(runner, monkeypatch):
    import hankkeet.parse

    def fail(*_args, **_kwargs):
        raise MemoryError

    monkeypatch.setattr(hankkeet.parse, "parse_file", fail)
    result = invoke(runner, "parse", "seeds/000_321a0afa37a476e5.txt")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "out of memory while reading it" in result.stderr


# -- stdout onto the run's own input ---------------------------------------------------------------

def test_stdout_appended_to_a_file_this_run_read_is_refused(tmp_path):
    import os

    from hankkeet import fileio
    from hankkeet.cli import _WholeWrites

    path, other = tmp_path / "s.json", tmp_path / "other.txt"
    path.write_bytes(b"{}")
    other.write_bytes(b"")
    fileio.forget_reads()
    fileio.note_read(os.stat(path))
    fd, fine = os.open(path, os.O_WRONLY | os.O_APPEND), os.open(other, os.O_WRONLY | os.O_APPEND)
    try:
        with pytest.raises(OSError, match="stdout is a file this run reads"):
            _WholeWrites(fd).write(b"listing")
        assert _WholeWrites(fine).write(b"listing") == 7
    finally:
        os.close(fd)
        os.close(fine)
        fileio.forget_reads()
    assert path.read_bytes() == b"{}" and other.read_bytes() == b"listing"


def test_a_relative_output_name_in_a_deleted_working_folder_says_so(tmp_path, monkeypatch):
    from hankkeet.errors import OutputError
    from hankkeet.fileio import check_output_name

    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    with pytest.raises(OutputError, match="working folder has been deleted"):
        check_output_name("s.json")
    check_output_name(str(tmp_path / "s.json"))  # a full path is fine
