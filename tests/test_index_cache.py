"""The cache of stored indexes stays bounded: other program versions, killed builds' temporaries
and the least recently used stores beyond MAX_STORES are removed when a new store is written."""

from __future__ import annotations

import os
import time
from pathlib import Path

from hankkeet import index_store


def _store(folder: Path, name: str, age: float) -> Path:
    path = folder / name
    path.write_bytes(b"x")
    when = time.time() - age
    os.utime(path, (when, when))
    return path


def test_prune_keeps_the_current_version_most_recent_first(tmp_path: Path) -> None:
    current = index_store.fingerprint()
    new = _store(tmp_path, f"index-{'a' * 64}-{current}.sqlite", 0)
    recent = [_store(tmp_path, f"index-{i:064x}-{current}.sqlite", 10 + i) for i in range(10)]
    old_version = _store(tmp_path, f"index-{'b' * 64}-0123456789abcdef.sqlite", 2 * 86400)
    other_in_use = _store(tmp_path, f"index-{'c' * 64}-fedcba9876543210.sqlite", 1)  # another version, used now
    killed = _store(tmp_path, ".index-abc.tmp", 7200)
    building = _store(tmp_path, ".index-def.tmp", 5)  # another process's build in progress
    bundled = _store(tmp_path, f"bundled-0000-{current}.sqlite", 99999)  # managed by the bundled store
    other = _store(tmp_path, "notes.txt", 99999)
    removed = index_store.prune_cache(new, max_stores=5)
    assert set(removed) == {old_version, killed, *recent[3:]}
    assert all(p.exists() for p in (new, other_in_use, *recent[:3], building, bundled, other))


def test_prune_of_a_missing_folder_removes_nothing(tmp_path: Path) -> None:
    assert index_store.prune_cache(tmp_path / "nowhere" / "index-x.sqlite") == []


def test_the_cache_folder_is_never_relative(monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "/var/cache/me")
    assert index_store.cache_dir() == Path("/var/cache/me/hankkeet")
    monkeypatch.setenv("XDG_CACHE_HOME", "rel")  # ignored, as the XDG specification says
    monkeypatch.setenv("HOME", "/home/me")
    assert index_store.cache_dir() == Path("/home/me/.cache/hankkeet")
    monkeypatch.setenv("HOME", "")
    assert index_store.cache_dir() is None
    monkeypatch.setenv("HOME", "relhome")
    assert index_store.cache_dir() is None


def test_a_store_opens_whatever_characters_its_path_holds(tmp_path: Path) -> None:
    from hankkeet import model

    projects = model.load().projects[:3]
    for name in ("q?mode=rwc", "h#x", "p%41", "s p&a=1"):
        folder = tmp_path / name
        folder.mkdir()
        store = folder / "index-x.sqlite"
        index_store.write_store(projects, store, identity="test")
        assert index_store.StoredIndex(store, "test").search("ohjaus")


def test_a_store_for_something_else_or_changed_after_writing_is_refused(tmp_path: Path) -> None:
    import pytest

    from hankkeet import model

    store = tmp_path / "index-x.sqlite"
    index_store.write_store(model.load().projects[:3], store, identity="snapshot a")
    index_store.StoredIndex(store, "snapshot a")
    with pytest.raises(ValueError, match="another snapshot"):
        index_store.StoredIndex(store, "snapshot b")
    data = bytearray(store.read_bytes())
    data[len(data) // 2] ^= 1  # one bit anywhere
    store.write_bytes(bytes(data))
    with pytest.raises(ValueError, match="checksum"):
        index_store.StoredIndex(store, "snapshot a")


def test_a_store_of_another_user_or_writable_by_others_is_not_trusted(tmp_path: Path) -> None:
    store = tmp_path / "index-x.sqlite"
    store.write_bytes(b"x")
    store.chmod(0o600)
    assert index_store._untrusted(store) is None
    store.chmod(0o664)
    assert index_store._untrusted(store) == "writable by others"
    assert index_store._untrusted(tmp_path / "missing.sqlite") == "missing"
    (tmp_path / "dir.sqlite").mkdir()
    assert index_store._untrusted(tmp_path / "dir.sqlite") == "not a regular file"
    if os.geteuid() == 0:
        store.chmod(0o600)
        os.chown(store, 12345, 12345)
        assert "another user" in (index_store._untrusted(store) or "")


def test_a_store_damaged_where_a_query_reads_is_answered_in_memory(tmp_path: Path, monkeypatch) -> None:
    import sqlite3

    from hankkeet import search

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    want = [h.project.id for h in search.index_for(__import__("hankkeet.model").model.load()).search("ohjaus")]
    calls: list[type] = []

    def query(index: search.SearchIndex) -> list[str]:
        calls.append(type(index))
        if isinstance(index, index_store.StoredIndex):
            raise sqlite3.DatabaseError("database disk image is malformed")
        return [h.project.id for h in index.search("ohjaus")]

    got, notes = index_store.answer(None, query)
    assert got == want
    assert calls == [index_store.StoredIndex, search.SearchIndex]
    assert notes and "damaged" in notes[-1]
    assert not list(tmp_path.rglob("bundled-*.sqlite"))  # the damaged store is gone; the next run writes it again


def test_writing_the_bundled_store_removes_only_the_temporaries_of_killed_builds(tmp_path: Path) -> None:
    current = index_store.fingerprint()
    bundled = _store(tmp_path, f"bundled-0000-{current}.sqlite", 0)
    old_store = _store(tmp_path, f"index-{'b' * 64}-0123456789abcdef.sqlite", 2 * 86400)
    killed = _store(tmp_path, ".index-abc.tmp", 7200)
    building = _store(tmp_path, ".index-def.tmp", 5)
    assert index_store.prune_cache(bundled, prune_stores=False) == [killed]
    assert all(p.exists() for p in (bundled, old_store, building))


def test_the_folders_of_killed_builds_for_a_run_are_removed(tmp_path: Path) -> None:
    killed, running = tmp_path / "hankkeet-index-old", tmp_path / "hankkeet-index-new"
    for folder in (killed, running):
        folder.mkdir()
        (folder / "index.sqlite").write_bytes(b"x")
    when = time.time() - 7200
    os.utime(killed, (when, when))
    other = _store(tmp_path, "hankkeet-index-file", 7200)  # not a folder of ours
    index_store._remove_stale_run_folders(tmp_path)
    assert not killed.exists() and running.exists() and other.exists()


def test_sigterm_and_sighup_raise_system_exit_while_held(tmp_path: Path) -> None:
    import signal

    import pytest

    from hankkeet.fileio import signals_raise

    for signum in (signal.SIGTERM, signal.SIGHUP):
        with pytest.raises(SystemExit) as leaving, signals_raise():
            os.kill(os.getpid(), signum)
            time.sleep(1)
        assert leaving.value.code == 128 + signum
        assert signal.getsignal(signum) == signal.SIG_DFL


def test_a_large_store_is_checked_whole_once_per_change_of_the_file(tmp_path: Path, monkeypatch) -> None:
    import pytest

    from hankkeet import model

    monkeypatch.setattr(index_store, "CHECK_WHOLE_UP_TO", 4096)  # every store here is "large"
    store = tmp_path / "index-x.sqlite"
    index_store.write_store(model.load().projects[:3], store, identity="a")
    mark = index_store._whole_mark(store)
    assert not mark.exists()
    index_store.StoredIndex(store, "a").close()  # checked in full, then marked whole
    assert mark.read_text() == index_store._file_state(store.stat())
    checked = []
    real = index_store._store_checksum
    monkeypatch.setattr(index_store, "_store_checksum", lambda data: checked.append(1) or real(data))
    index_store.StoredIndex(store, "a").close()
    assert checked == []  # unchanged: the mark is enough
    index_store._touch(store)  # a run marks its use: the status-change time moves, and the mark with it
    index_store.StoredIndex(store, "a").close()
    assert checked == []
    data = bytearray(store.read_bytes())
    at = data.index(b"Eksote")  # a letter of a stored record: SQLite itself would not notice
    data[at] = ord("X")
    times = store.stat()
    with open(store, "r+b") as handle:
        handle.write(bytes(data))
    os.utime(store, ns=(times.st_atime_ns, times.st_mtime_ns))  # even with the old times put back
    with pytest.raises(ValueError, match="checksum"):
        index_store.StoredIndex(store, "a")
    assert checked == [1]


def test_the_mark_of_a_removed_store_goes_with_it(tmp_path: Path) -> None:
    current = index_store.fingerprint()
    keep = _store(tmp_path, f"index-{'a' * 64}-{current}.sqlite", 0)
    gone = tmp_path / f".index-{'b' * 64}-{current}.sqlite.whole"  # its store was removed
    gone.write_text("x")
    kept = index_store._whole_mark(keep)
    kept.write_text("x")
    assert index_store.prune_cache(keep) == [gone]
    assert kept.exists()
