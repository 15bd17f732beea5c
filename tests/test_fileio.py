"""The safe writer and the bounded reader, with private stand-ins for devices."""

from __future__ import annotations

import os
import stat
import threading
import zlib
from pathlib import Path

import pytest

from hankkeet.errors import InputTooLarge, OutputError, SourceError
from hankkeet.fileio import read_limited, temporary_name, write_file

from conftest import ROOT

DATA = b'{"x": 1}\n'


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_regular_file_replaced_whole_keeping_its_mode(tmp_path):
    out = tmp_path / "s.json"
    out.write_text("old")
    out.chmod(0o640)
    write_file(out, DATA)
    assert out.read_bytes() == DATA
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert _files(tmp_path) == ["s.json"]


def test_new_file_takes_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        write_file(tmp_path / "n.json", DATA)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "n.json").stat().st_mode) == 0o640


def test_symlink_is_followed_and_kept(tmp_path):
    (tmp_path / "real.json").write_text("old")
    (tmp_path / "link.json").symlink_to("real.json")
    (tmp_path / "dangling.json").symlink_to("made.json")
    write_file(tmp_path / "link.json", DATA)
    write_file(tmp_path / "dangling.json", DATA)
    assert (tmp_path / "link.json").is_symlink() and (tmp_path / "dangling.json").is_symlink()
    assert (tmp_path / "real.json").read_bytes() == DATA == (tmp_path / "made.json").read_bytes()


def test_hard_links_all_see_the_new_data(tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text("a much longer old content than the new one")
    os.link(a, b)
    write_file(a, DATA)
    assert a.stat().st_ino == b.stat().st_ino
    assert b.read_bytes() == DATA


def test_fifo_is_written_into_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_file(fifo, DATA)
    reader.join(5)
    assert got == [DATA]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="os.mknod of a character device needs root")
def test_character_device_is_written_into(tmp_path):
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    (tmp_path / "out").symlink_to(null)
    write_file(tmp_path / "out", DATA)
    assert stat.S_ISCHR(os.lstat(null).st_mode) and (tmp_path / "out").is_symlink()
    full = tmp_path / "full"
    os.mknod(full, stat.S_IFCHR | 0o600, os.makedev(1, 7))
    with pytest.raises(OutputError, match="No space left"):
        write_file(full, DATA)


def test_refuses_its_own_input_by_any_name(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("source")
    (tmp_path / "alias").symlink_to(src)
    os.link(src, tmp_path / "hard")
    for name in ("in.txt", "alias", "hard"):
        with pytest.raises(OutputError, match="input file"):
            write_file(tmp_path / name, DATA, inputs=[src])
    assert src.read_text() == "source"


def test_directory_and_missing_folder_are_errors(tmp_path):
    with pytest.raises(OutputError, match="directory"):
        write_file(tmp_path, DATA)
    with pytest.raises(OutputError, match="does not exist"):
        write_file(tmp_path / "no" / "x.json", DATA)


def test_long_names_fit_the_name_limit(tmp_path):
    out = tmp_path / ("x" * 250 + ".json")
    assert len(temporary_name(out)) <= 255
    write_file(out, DATA)
    assert out.read_bytes() == DATA
    assert len(os.fsencode(temporary_name(tmp_path / ("ä" * 127)))) <= 255
    with pytest.raises(OutputError, match="too long"):
        write_file(tmp_path / ("x" * 256), DATA)


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    out = tmp_path / "s.json"
    out.write_text("old")

    def broken(fd, view):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", broken)
    with pytest.raises(OutputError, match="No space left"):
        write_file(out, DATA)
    assert out.read_text() == "old"
    assert _files(tmp_path) == ["s.json"]


def test_read_limited_refuses_large_files_and_streams(tmp_path):
    big = tmp_path / "big"
    with open(big, "wb") as handle:
        handle.truncate(10_000)
    with pytest.raises(InputTooLarge, match="input limit of 9999 bytes"):
        read_limited(big, 9_999, "big")
    assert read_limited(big, 10_000, "big") == b"\0" * 10_000
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)

    def feed():
        try:
            with open(fifo, "wb") as pipe:
                while True:
                    pipe.write(b"x" * 4096)
        except OSError:
            pass

    threading.Thread(target=feed, daemon=True).start()
    with pytest.raises(InputTooLarge):
        read_limited(fifo, 100_000, "fifo")


def _flate_pdf(payload: bytes) -> bytes:
    stream = zlib.compress(payload, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def test_a_pdf_inflating_past_the_limit_is_refused(tmp_path):
    from hankkeet.parse import parse_file

    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(_flate_pdf(b" " * (8 << 20)))
    assert bomb.stat().st_size < 20_000
    with pytest.raises(SourceError, match="inflate past the input limit of 1 MiB"):
        parse_file(bomb, max_bytes=1 << 20)
    # Within the limit the same file is read (and has no table).
    with pytest.raises(SourceError, match=r"contains no text|no project table"):
        parse_file(bomb, max_bytes=16 << 20)


def test_the_inflation_guard_is_removed_afterwards(tmp_path):
    import pdfminer.pdftypes

    from hankkeet.parse import parse_file

    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(_flate_pdf(b" " * (2 << 20)))
    with pytest.raises(SourceError):
        parse_file(bomb, max_bytes=1 << 20)
    assert pdfminer.pdftypes.zlib is zlib


def test_a_folder_refusing_the_temporary_falls_back_to_writing_in_place(tmp_path, monkeypatch):
    import hankkeet.fileio

    out = tmp_path / "s.json"
    out.write_text("old and longer than the new content")

    def refused(*args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(hankkeet.fileio, "_replace", refused)
    write_file(out, DATA)
    assert out.read_bytes() == DATA
    with pytest.raises(OutputError, match="Permission denied"):
        write_file(tmp_path / "new.json", DATA)


@pytest.mark.parametrize("name", ["", "out/", "missing/", ".", "..", "sub/."])
def test_a_name_that_names_a_folder_is_refused_and_nothing_is_created(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(OutputError):
        write_file(name, b"data")
    assert _files(tmp_path) == []


def test_a_socket_is_refused_and_stays(tmp_path):
    import socket

    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "s"))
        with pytest.raises(OutputError, match="socket"):
            write_file(str(tmp_path / "s"), b"data")
        assert stat.S_ISSOCK(os.lstat(tmp_path / "s").st_mode)
    finally:
        server.close()


def test_dash_reads_standard_input_within_the_limit(tmp_path, monkeypatch):
    source = tmp_path / "in.txt"
    source.write_bytes(b"x" * 100)
    fd = os.open(source, os.O_RDONLY)
    saved = os.dup(0)
    try:
        os.dup2(fd, 0)
        assert read_limited("-", 1000, "-") == b"x" * 100
        os.lseek(0, 0, os.SEEK_SET)
        with pytest.raises(InputTooLarge):
            read_limited("-", 10, "-")
    finally:
        os.dup2(saved, 0)
        os.close(saved)
        os.close(fd)


def test_no_output_replaces_a_file_this_run_read(tmp_path):
    from hankkeet import fileio
    from hankkeet.errors import OutputError

    source = tmp_path / "snap.json"
    source.write_bytes(b"{}")
    (tmp_path / "link.json").symlink_to("snap.json")
    os.link(source, tmp_path / "hard.json")
    fileio.forget_reads()
    fileio.read_limited(source, 100, "snap.json")
    for name in ("snap.json", "link.json", "hard.json"):
        with pytest.raises(OutputError, match="is the input file"):
            fileio.write_file(tmp_path / name, b"new")
    assert source.read_bytes() == b"{}"
    fileio.write_file(tmp_path / "other.json", b"new")  # any other file is written
    fileio.forget_reads()
    fileio.write_file(source, b"new")  # a later run that did not read it may
    assert source.read_bytes() == b"new"


def test_map_refuses_to_overwrite_its_data_snapshot(runner, tmp_path):
    from conftest import invoke

    snap = tmp_path / "snap.json"
    snap.write_bytes((ROOT / "hankkeet" / "data" / "projects.json").read_bytes())
    before = snap.read_bytes()
    result = invoke(runner, "--data", str(snap), "map", "--format", "svg", "-o", str(snap))
    assert result.exit_code == 2 and "is the input file" in result.stderr
    assert snap.read_bytes() == before


@pytest.fixture
def short_wait():
    from hankkeet import fileio

    fileio.set_max_wait(0.3)
    yield 0.3
    fileio.set_max_wait(None)


def test_a_fifo_nobody_writes_to_is_given_up_at_the_wait_limit(tmp_path, short_wait):
    import time

    from hankkeet.fileio import WaitedTooLong

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    start = time.monotonic()
    with pytest.raises(WaitedTooLong, match=r"wait limit of 0\.3 s.*--max-wait"):
        read_limited(fifo, 1000, str(fifo))
    assert time.monotonic() - start < 3


def test_a_fifo_whose_writer_comes_late_is_read_whole(tmp_path, short_wait):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "wb") as handle:
            handle.write(b"a" * 5000)

    writer = threading.Timer(0.1, write)
    writer.start()
    try:
        assert read_limited(fifo, 10_000, str(fifo)) == b"a" * 5000
    finally:
        writer.join()


def test_a_snapshot_fifo_nobody_writes_to_is_one_error(tmp_path, short_wait):
    from hankkeet.fileio import WaitedTooLong
    from hankkeet.model import SnapshotFile

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(WaitedTooLong, match="nothing to read came"):
        SnapshotFile(fifo).load()


def test_output_to_a_fifo_nobody_reads_is_given_up_and_the_fifo_stays(tmp_path, short_wait):
    from hankkeet.fileio import WaitedTooLong

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(WaitedTooLong, match="no program opened the FIFO"):
        write_file(fifo, DATA)
    held = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)  # a reader that never reads: room for 64 KiB only
    try:
        with pytest.raises(WaitedTooLong, match="took nothing more"):
            write_file(fifo, b"x" * (1 << 20))
    finally:
        os.close(held)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and _files(tmp_path) == ["fifo"]


@pytest.mark.parametrize("value", ["nan", "0", "-1", "inf", "abc", "1e9"])
def test_a_bad_max_wait_is_a_usage_error(value):
    from typer.testing import CliRunner

    from hankkeet.cli import app

    result = CliRunner().invoke(app, ["--max-wait", value, "list"])
    assert result.exit_code == 2 and "--max-wait" in result.stderr and result.stderr.count("\n") == 1


def test_a_read_only_file_is_not_replaced(tmp_path, monkeypatch):
    out = tmp_path / "s.json"
    out.write_text("old")
    out.chmod(0o444)
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == out and mode & os.W_OK else real(p, mode))
    with pytest.raises(OutputError, match="read-only"):
        write_file(out, DATA)
    assert out.read_text() == "old" and _files(tmp_path) == ["s.json"]
