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
