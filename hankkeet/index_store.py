"""The search index of a snapshot, built once and stored in SQLite.

Building the index analyses every word of every text; for a snapshot of
thousands of projects that is most of a search's time, in every process. So
for a snapshot file of ``STORE_FROM_BYTES`` or more, :func:`open_index` builds
the index once, stores it in the user's cache directory (``$XDG_CACHE_HOME``
or ``~/.cache``, then ``hankkeet/``) under the snapshot's sha256 and the
program's fingerprint (version and the source of the matching code), and
later runs read only what a query touches:

- the occurrences of a word, by key;
- precomputed maps that turn the index's vocabulary scans into lookups: stem ->
  keys, compound-part stem -> compounds, Snowball stem -> keys, and the typo
  forms by first letter, compared in C (rapidfuzz ``process.extract`` with a
  score cutoff);
- what ranking needs per project (number, name words, acronyms);
- full project records, decoded only for the hits that are shown.

The build (:func:`write_store`) streams the snapshot (``model.SnapshotFile``)
and writes the occurrences in batches, then works out the maps a slice of the
vocabulary at a time, so its memory is that of the vocabulary's word lists, not
of the snapshot. A word's occurrences and a form's keys may so span several
rows, read back in the order they were written.

The maps give a superset of the keys the scans in :mod:`hankkeet.search`
would accept (``same_lemma`` and ``in_compound`` need a shared candidate
stem), and the same tests then run on them, so results are the same as an
in-memory index's. When the cache cannot be written, the index is built in
memory and :func:`open_index` says why in its note (shown under ``--debug``).
The bundled snapshot is stored too (:func:`open_bundled_index`, once per
program version): opening the store costs less than analysing its texts and
working out word families in every run. Snapshot files under
``STORE_FROM_BYTES`` are indexed in memory: the in-memory index does work that
grows with the number of distinct words on every run, and this size bounds
that number (even a text of nothing but distinct random words costs a tenth of
a second more than start-up), while trying small files out does not fill the
cache.
"""

from __future__ import annotations

import bisect
import json
import marshal
import os
import sqlite3
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from hankkeet import __version__, finnish, model, search
from hankkeet.errors import DataError, HankkeetError
from hankkeet.model import Project
from hankkeet.search import FIELDS, Occurrence, SearchIndex, field_text, indexed_words, project_acronyms

STORE_FROM_BYTES = 64 << 10  # see the module's docstring
CHECK_WHOLE_UP_TO = 8 << 20  # a store this small is checked whole (its checksum) every time it is opened
_T = TypeVar("_T")
_NO_CACHE = "no cache folder (neither XDG_CACHE_HOME nor HOME is an absolute path)"
_FORMAT = 3
_KINDS = tuple(finnish.WordKind)


def cache_dir() -> Path | None:
    """``$XDG_CACHE_HOME/hankkeet``, else ``~/.cache/hankkeet``; None when neither is an absolute
    path (a relative one, as the XDG specification says, is ignored: it would put the cache in
    whatever folder the command runs in)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(base):
        return Path(base) / "hankkeet"
    home = os.environ.get("HOME")
    if home is None:  # unset: the password database's entry, as ~ would be
        try:
            home = os.path.expanduser("~")
        except (KeyError, RuntimeError):
            return None
    return Path(home) / ".cache" / "hankkeet" if os.path.isabs(home) else None


def _checksum(chunks: Iterable[bytes]) -> str:
    """CRC-32 and Adler-32 of the chunks, 16 hex digits: a cache key, cheap
    on every run (zlib is loaded anyway; hashlib would load OpenSSL)."""
    crc, adler = 0, 1
    for chunk in chunks:
        crc, adler = zlib.crc32(chunk, crc), zlib.adler32(chunk, adler)
    return f"{crc:08x}{adler:08x}"


def fingerprint() -> str:
    """The program version and the source of the code that builds and reads the index."""
    here = Path(__file__).parent

    def sources() -> Iterator[bytes]:
        yield f"{__version__}/{_FORMAT}".encode()
        for name in ("search.py", "finnish.py", "glossary.py", "textnorm.py", "index_store.py", "model.py"):
            try:
                yield (here / name).read_bytes()
            except OSError:
                yield name.encode()

    return _checksum(sources())


def open_bundled_index() -> tuple[SearchIndex, str | None]:
    """The search index of the bundled snapshot, stored like a large one's.

    Every run of ``hankkeet search`` on the bundled data would otherwise
    analyse its texts again (and work out the word families and compound
    parts a query needs), which costs more than opening the store; the store is
    written once per program version. Where the package is not plain files
    (a zip import), the index is built in memory.
    """
    from hankkeet.data import __file__ as data_init

    file = Path(data_init).with_name(model.BUNDLED_SNAPSHOT)
    try:
        key = _checksum([file.read_bytes()])
    except OSError:
        from hankkeet.search import index_for

        return index_for(model.load()), None
    folder = cache_dir()
    if folder is None:
        from hankkeet.search import index_for

        return index_for(model.load()), f"{_NO_CACHE}; built in memory"
    store = folder / f"bundled-{key}-{fingerprint()}.sqlite"
    if not store.exists():
        # The stores of other versions go once unused for a day: two versions sharing a cache
        # (a virtual environment and an installed tool) would otherwise remove each other's
        # store on every run and build their own again.
        import time

        now = time.time()
        try:
            for old in store.parent.glob("bundled-*.sqlite"):
                info = old.stat()
                if now - max(info.st_atime, info.st_mtime) > _STALE_VERSION:
                    old.unlink(missing_ok=True)
        except OSError:
            pass  # not ours to remove, or no cache at all: the store is written or not below
    return _open_stored(model.SnapshotFile(), store, None, f"bundled {key}")


def open_index(
    path: str | os.PathLike[str],
    progress: Callable[[int, int], None] | None = None,
    *,
    max_bytes: int | None = None,
) -> tuple[SearchIndex, str | None]:
    """The search index of the snapshot at ``path`` and a note for --debug (None if all went well).

    Small snapshots are indexed in memory. Raises DataError for a bad snapshot and
    InputTooLarge for one larger than ``max_bytes`` (default: the snapshot limit of
    hankkeet.fileio), whether or not its index is stored already.
    """
    from hankkeet.search import index_for

    stream = model.SnapshotFile(path, max_bytes=max_bytes)
    if stream.size < STORE_FROM_BYTES:  # (a pipe or a device has no size: read once, in memory)
        return index_for(stream.load()), None
    folder = cache_dir()
    if folder is None:
        index, where = _built_for_this_run(stream, progress)
        return index, f"{_NO_CACHE}; built {where}"
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    key = digest.hexdigest()
    return _open_stored(stream, folder / f"index-{key}-{fingerprint()}.sqlite", progress, f"snapshot {key}")


# Damage to a stored index surfaces as any of these while it is read (SQLite finds a malformed
# page; marshal or json meet bytes that are not theirs; a record fails the schema).
_DAMAGE = (sqlite3.Error, OSError, ValueError, EOFError, KeyError, IndexError, TypeError, AttributeError,
           OverflowError, MemoryError, DataError)


def _open_stored(
    stream: model.SnapshotFile, store: Path, progress: Callable[[int, int], None] | None, identity: str
) -> tuple[SearchIndex, str | None]:
    """The index stored at ``store``, written there from the snapshot ``stream`` first if need be.

    A store is used only when it can be trusted and is whole: a regular file (not a FIFO, a
    folder or a symlink) owned by this user and writable by no one else, in a folder likewise,
    recording the snapshot and program it was built for (``identity``), and, up to
    ``CHECK_WHOLE_UP_TO`` bytes (the bundled snapshot's store), matching the checksum written with
    it. Anything else is built again; when that cannot be stored, for this run only (see
    :func:`_built_for_this_run`).
    """
    note = None
    folder_problem = _untrusted(store.parent)
    problem = _untrusted(store) if folder_problem is None else folder_problem
    if problem is None:
        try:
            index = StoredIndex(store, identity)
            _touch(store)
            stream.close()
            return index, None
        except _DAMAGE as exc:
            note = f"stored index {store} unreadable ({exc}); rebuilt"
    elif problem != "missing":
        note = f"stored index {store} not used ({problem}); rebuilt"
    try:
        if folder_problem not in (None, "missing"):
            raise PermissionError(f"the folder is {folder_problem}")
        write_store(stream, store, progress, identity=identity)
        index = StoredIndex(store, identity)
    except _DAMAGE as exc:
        # (A bad snapshot fails the same way again, and is reported as such.)
        apart, where = _built_for_this_run(stream, progress)
        return apart, f"cannot store the search index in {store.parent} ({exc}); built {where}"
    stream.close()
    prune_cache(store, prune_stores=store.name.startswith("index-"))  # the bundled store: temporaries only
    return index, note


def _untrusted(path: Path) -> str | None:
    """Why the store (a ``.sqlite`` file) or the cache folder at ``path`` is not to be used, or
    None: "missing"; not a regular file (a folder, a FIFO or a symlink at a store's name) or not a
    folder; someone else's; a store writable by group or others (stores are written 0600), a folder
    writable by anyone without the sticky bit."""
    import stat

    try:
        info = os.lstat(path)
    except OSError:
        return "missing"
    store = path.suffix == ".sqlite"
    if store and not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    try:
        if not store and not stat.S_ISDIR(os.stat(path).st_mode):
            return "not a folder"
    except OSError:
        return "missing"
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        return f"owned by another user (uid {info.st_uid})"
    if store and info.st_mode & 0o022:
        return "writable by others"
    if not store and info.st_mode & 0o002 and not info.st_mode & stat.S_ISVTX:
        return "writable by anyone"
    return None


def answer(
    data: str | os.PathLike[str] | None, query: Callable[[SearchIndex], _T],
    progress: Callable[[int, int], None] | None = None, *, max_bytes: int | None = None,
) -> tuple[_T, list[str]]:
    """``query`` run on the search index of the snapshot at ``data`` (None: the bundled one), and
    notes for --debug.

    A stored index is a cache: when reading it fails part way (a page damaged on disk that
    opening did not touch), it is removed and ``query`` runs again on an index built in memory,
    so a damaged cache never changes an answer or ends a run.
    """
    index, note = open_index(data, progress, max_bytes=max_bytes) if data is not None else open_bundled_index()
    notes = [note] if note else []
    if not isinstance(index, StoredIndex):
        return query(index), notes
    try:
        return query(index), notes
    except _DAMAGE as exc:
        import contextlib

        index.close()
        with contextlib.suppress(OSError):
            index.path.unlink()
        stream = model.SnapshotFile(data, max_bytes=max_bytes)
        rebuilt, where = _built_for_this_run(stream, progress) if data is not None else _in_memory(stream)
        damage = f"{type(exc).__name__}: {exc}"
        notes.append(f"the stored index {index.path} is damaged ({damage}); searched an index built {where}")
        return query(rebuilt), notes


def _built_for_this_run(
    stream: model.SnapshotFile, progress: Callable[[int, int], None] | None
) -> tuple[SearchIndex, str]:
    """The index of a snapshot whose index cannot be stored in the cache, and where it was built.

    Built in memory, a large snapshot's index takes several times the snapshot (gigabytes at
    100,000 projects); written to a temporary file with the same streamed build as a stored one,
    it takes what a stored index takes. The file is removed as soon as it is open (where the
    system allows that; otherwise when the run ends). Where no temporary file can be written
    either, or the snapshot is small, the index is built in memory.
    """
    if stream.size < STORE_FROM_BYTES:
        return _in_memory(stream)
    import shutil
    import tempfile

    _remove_stale_run_folders(Path(tempfile.gettempdir()))
    try:
        folder = Path(tempfile.mkdtemp(prefix="hankkeet-index-"))
    except OSError:
        return _in_memory(stream)
    try:
        store = folder / "index.sqlite"
        write_store(stream, store, progress, identity="this run")
        index = StoredIndex(store, "this run")
    except DataError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    except _DAMAGE:
        shutil.rmtree(folder, ignore_errors=True)
        return _in_memory(stream)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    try:  # the open connection keeps reading the file
        shutil.rmtree(folder)
    except OSError:
        import atexit

        atexit.register(shutil.rmtree, folder, True)
    stream.close()
    return index, "in a temporary file for this run"


def _remove_stale_run_folders(tmp: Path) -> None:
    """The folders of builds for a run that were killed (SIGKILL) before they removed theirs: this
    user's ``hankkeet-index-*`` in ``tmp`` older than an hour."""
    import shutil
    import stat
    import time

    now = time.time()
    try:
        entries = [p for p in tmp.iterdir() if p.name.startswith("hankkeet-index-")]
    except OSError:
        return
    for folder in entries:
        try:
            info = folder.lstat()
        except OSError:
            continue
        if stat.S_ISDIR(info.st_mode) and info.st_uid == os.geteuid() and now - info.st_mtime > _STALE_TEMPORARY:
            shutil.rmtree(folder, ignore_errors=True)


def _in_memory(stream: model.SnapshotFile) -> tuple[SearchIndex, str]:
    from hankkeet.search import index_for

    return index_for(stream.load()), "in memory"


# The stored indexes of --data snapshots kept: the most recently used.
MAX_STORES = 8
# A store of another program version unused this long is removed (a version in use elsewhere keeps its own).
_STALE_VERSION = 24 * 3600  # seconds
_STALE_TEMPORARY = 3600  # seconds: a temporary file this old was left by a build that was killed


def _touch(store: Path) -> None:
    """Mark a store as just used: its access time orders the cache (set here, whatever the mount's
    atime policy; the modification time stays that of the build)."""
    import contextlib
    import time

    with contextlib.suppress(OSError):
        os.utime(store, ns=(time.time_ns(), store.stat().st_mtime_ns))
    _write_mark(store)  # (setting the access time changed the status-change time)


def prune_cache(keep: Path, *, max_stores: int = MAX_STORES, prune_stores: bool = True) -> list[Path]:
    """After ``keep`` was written: remove temporaries of killed builds and, with ``prune_stores``, the
    stores of other program versions unused for a day and the least recently used stores beyond
    ``max_stores`` (``keep`` counted). Returns what was removed; what cannot be removed stays
    (another process may be using the cache, and a store removed while open stays readable by it)."""
    import time

    current = f"-{fingerprint()}.sqlite"
    removed: list[Path] = []
    stores: list[tuple[float, Path]] = []
    try:
        entries = list(keep.parent.iterdir())
    except OSError:
        return removed
    now = time.time()
    for path in entries:
        name = path.name
        try:
            info = path.stat()
        except OSError:
            continue
        used = max(info.st_atime, info.st_mtime)
        if name.endswith(".sqlite.whole"):  # the mark of a store: removed with it, or when it is gone
            if not path.with_name(name[1 : -len(".whole")]).exists():
                removed += _remove(path)
            continue
        if name.startswith("index-") and name.endswith(".sqlite") and not prune_stores:
            continue
        if name.startswith("index-") and name.endswith(".sqlite"):
            if name.endswith(current) or now - used < _STALE_VERSION:
                if path != keep:
                    stores.append((used, path))
                continue
        elif not (name.startswith(".index-") and name.endswith(".tmp") and now - info.st_mtime > _STALE_TEMPORARY):
            continue
        removed += _remove(path)
    stores.sort(reverse=True)
    for _, path in stores[max(0, max_stores - 1):]:
        removed += _remove(path)
    return removed


def _remove(path: Path) -> list[Path]:
    try:
        path.unlink()
    except OSError:
        return []
    if path.suffix == ".sqlite":
        import contextlib

        with contextlib.suppress(OSError):  # a mark that stays matches no later file (another inode, time)
            _whole_mark(path).unlink(missing_ok=True)
    return [path]


# -- writing ---------------------------------------------------------------


def write_store(
    projects: Iterable[Project] | model.SnapshotFile,
    target: Path,
    progress: Callable[[int, int], None] | None = None,
    *,
    identity: str = "",
) -> None:
    """Build the index of ``projects`` and write it to ``target`` atomically.

    The projects are read one at a time (from a :class:`~hankkeet.model.SnapshotFile`,
    a file is streamed) and their occurrences written in batches, so the memory
    the build needs is that of the vocabulary, not of the snapshot. Raises
    DataError for a bad snapshot (nothing is written then).

    The store records ``identity`` (what it was built from; :class:`StoredIndex` checks it) and,
    in the header's user_version, a CRC-32 of its bytes (see :func:`_store_checksum`).
    """
    import tempfile

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".index-", suffix=".tmp")
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        try:
            _Build(con, progress).run(projects)
            con.execute("INSERT INTO blob VALUES ('identity', ?)", (marshal.dumps(identity),))
            con.commit()
        finally:
            con.close()
        _seal(Path(tmp))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _store_checksum(data: bytes) -> int:
    """CRC-32 of a store's bytes, leaving out the header fields that writing the checksum changes
    (the change counter at 24, user_version at 60, version-valid-for at 92)."""
    crc = zlib.crc32(data[:24])
    crc = zlib.crc32(data[28:60], crc)
    crc = zlib.crc32(data[64:92], crc)
    return zlib.crc32(memoryview(data)[96:], crc)


def _seal(path: Path) -> None:
    """Write the store's checksum into its header (user_version), the last change to the file."""
    import struct

    with open(path, "rb") as handle:  # in blocks: a large store is never read whole
        head = handle.read(1 << 20)
        crc = _store_checksum(head)
        for block in iter(lambda: handle.read(1 << 20), b""):
            crc = zlib.crc32(block, crc)
    con = sqlite3.connect(path)
    try:
        con.execute(f"PRAGMA user_version = {struct.unpack('>i', struct.pack('>I', crc))[0]}")
        con.commit()
    finally:
        con.close()


def _check_whole(path: Path) -> None:
    """ValueError unless the store has its checksum. A store of up to CHECK_WHOLE_UP_TO bytes is
    checked every time; a larger one when the file changed in any way since it was last found
    whole (see :func:`_whole_mark`), which a store unchanged costs one stat and a small read."""
    with open(path, "rb") as handle:
        info = os.fstat(handle.fileno())
        if info.st_size > CHECK_WHOLE_UP_TO:
            if _read_mark(path) == _file_state(info):
                return
            head = handle.read(1 << 20)
            crc = _store_checksum(head)
            for block in iter(lambda: handle.read(1 << 20), b""):
                crc = zlib.crc32(block, crc)
            if int.from_bytes(head[60:64], "big") != crc:
                raise ValueError("its checksum does not match: the file was changed after it was written")
            _write_mark(path)
            return
        data = handle.read(CHECK_WHOLE_UP_TO + 1)
    if len(data) < 100:
        raise ValueError("shorter than an SQLite header")
    if int.from_bytes(data[60:64], "big") != _store_checksum(data):
        raise ValueError("its checksum does not match: the file was changed after it was written")


def _whole_mark(store: Path) -> Path:
    """``.NAME.whole`` beside a store larger than CHECK_WHOLE_UP_TO: the state of the file (device,
    inode, size, modification and status-change times) when it was last found whole. Any change to
    the file through the file system changes its status-change time, which no program can set back,
    so a store whose state is the recorded one has not changed since its checksum matched."""
    return store.with_name(f".{store.name}.whole")


def _file_state(info: os.stat_result) -> str:
    return f"{info.st_dev} {info.st_ino} {info.st_size} {info.st_mtime_ns} {info.st_ctime_ns}\n"


def _read_mark(store: Path) -> str:
    import stat

    mark = _whole_mark(store)
    try:
        info = os.lstat(mark)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid() or info.st_size > 200:
            return ""
        return mark.read_text(encoding="ascii")
    except (OSError, ValueError):
        return ""


def _write_mark(store: Path) -> None:
    """Record the store's state as whole (after its checksum matched, or after this run, which found
    it whole, set its access time); a mark that cannot be written only costs a check next time."""
    import contextlib

    with contextlib.suppress(OSError):
        info = os.stat(store)
        if info.st_size <= CHECK_WHOLE_UP_TO:
            return
        mark = _whole_mark(store)
        tmp = mark.with_name(f"{mark.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            os.write(fd, _file_state(info).encode("ascii"))
        finally:
            os.close(fd)
        os.replace(tmp, mark)


_SCHEMA = """
    PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
    CREATE TABLE blob (name TEXT PRIMARY KEY, data BLOB) WITHOUT ROWID;
    CREATE TABLE occ (key TEXT, data BLOB);
    CREATE TABLE map (kind TEXT, form TEXT, keys BLOB);
    CREATE TABLE typo (letter TEXT, forms BLOB);
    CREATE TABLE project (idx INTEGER PRIMARY KEY, json TEXT);
"""
# The most distinct words a stored index holds: the build's memory and time grow with them (distinct
# random words: 385,000 took 34 s and 215 MB, 797,000 69 s and 357 MB); real texts of 100,000 projects
# have about 200,000, and 256 MiB of them (the snapshot limit) about 400,000.
MAX_WORDS = 600_000


class TooManyWords(HankkeetError):
    """A snapshot with more distinct words than a search index holds (not a damaged cache)."""


# Occurrences are written in batches of about this many (their records are the build's memory).
_BATCH_OCCURRENCES = 120_000
# Bits of a key's state in _Build.keys: what kinds of occurrence it has (see SearchIndex's
# typo_keys, compound_keys and _family_words), below the order of its first occurrence.
_TYPO, _COMPOUND, _FAMILY = 1, 2, 4
_FLAG_BITS = 3
_FIELD_SHIFT = 58  # the field of the first occurrence, above its sequence number


def _flags(kind: finnish.WordKind, proper: bool) -> int:
    bits = 0
    if kind != finnish.WordKind.EXPANSION:
        bits |= _TYPO
        if not proper:
            bits |= _COMPOUND
    if kind in (finnish.WordKind.WORD, finnish.WordKind.PART) and not proper:
        bits |= _FAMILY
    return bits


class _Build:
    """One pass over the projects, then the per-word maps (see write_store)."""

    def __init__(self, con: sqlite3.Connection, progress: Callable[[int, int], None] | None) -> None:
        self.con = con
        self.progress = progress
        # key -> field of its first occurrence (fields in FIELDS order, as SearchIndex
        # visits them), the sequence number of that occurrence, and its flags.
        self.keys: dict[str, int] = {}
        self.seq = 0
        self.text_ids: dict[bytes, int] = {}
        # The project of each distinct text, and for a text several projects have, all of them.
        self.text_first = array("i")
        self.text_more: dict[int, list[int]] = {}
        self.numbers: list[int] = []
        self.name_keys: list[str] = []  # each project's, joined with _SEP
        self.acronyms: list[str] = []
        self.batch: dict[str, list[tuple[int, int, int, int, int, int, bool]]] = {}
        self.pending = 0
        self.rows: list[tuple[int, str]] = []
        self.label = "the snapshot"

    def run(self, source: Iterable[Project] | model.SnapshotFile) -> None:
        import gc

        self.con.executescript(_SCHEMA)
        self.label = source.label if isinstance(source, model.SnapshotFile) else "the snapshot"
        if isinstance(source, model.SnapshotFile):
            projects: Iterable[Project] = source.projects()
            size = source.size
        else:
            projects = source if isinstance(source, (tuple, list)) else tuple(source)
            size = 0
        total = len(projects) if isinstance(projects, (tuple, list)) else 0
        report = self.progress
        # The records made here are acyclic (freed by reference counting): the
        # cyclic collector would only rescan the growing vocabulary again and again.
        collecting = gc.isenabled()
        gc.disable()
        try:
            count = 0
            for count, project in enumerate(projects, 1):
                self._add(count - 1, project)
                if self.pending >= _BATCH_OCCURRENCES:
                    self._flush()
                if report is not None and count % 500 == 0:
                    if size:  # a file: the projects in it estimated from the share read
                        read = source.bytes_read if isinstance(source, model.SnapshotFile) else 0
                        total = max(count + 1, round(count * size / max(read, 1)))
                    report(count, total * 2)
            total = count
            self.text_ids = {}
            self._flush()
            if report is not None:
                report(total, total * 2)
            self._finish(total)
        finally:
            if collecting:
                gc.enable()
        if report is not None:
            report(total * 2, total * 2)

    def _add(self, index: int, project: Project) -> None:
        from hashlib import blake2b  # (a cached import: hashlib is loaded only when an index is built)

        keys, batch = self.keys, self.batch
        self.numbers.append(project.number)
        self.name_keys.append(_SEP.join(finnish.query_words(project.name, limit=10_000)))
        self.acronyms.append(_SEP.join(sorted(project_acronyms(project))))
        self.rows.append((index, json.dumps(project.to_dict(), ensure_ascii=False)))
        for field_no, field in enumerate(FIELDS):
            if not project[_POSITIONS[field_no]]:
                continue
            text = field_text(project, field)
            digest = blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16, salt=_SALTS[field_no]).digest()
            text_id = self.text_ids.get(digest)
            if text_id is not None:
                more = self.text_more.get(text_id)
                if more is None:
                    self.text_more[text_id] = [self.text_first[text_id], index]
                else:
                    more.append(index)
                continue
            text_id = self.text_ids[digest] = len(self.text_first)
            self.text_first.append(index)
            top = field_no << _FIELD_SHIFT
            found = indexed_words(field, text)
            self.pending += len(found)
            for key, start, end, position, word_kind, proper in found:
                kind = _KIND_NO[word_kind]
                record = (text_id, field_no, start, end, position, kind, proper)
                occs = batch.get(key)
                if occs is None:
                    batch[key] = [record]
                else:
                    occs.append(record)
                bits = _FLAG_TABLE[kind][proper]
                state = keys.get(key)
                if state is None and len(keys) >= MAX_WORDS:
                    raise TooManyWords(
                        f"{self.label}: more than {MAX_WORDS:,} distinct words, the most a search index holds "
                        "(real texts of 100,000 projects have about 200,000)"
                    )
                if state is None or state >> _FIELD_SHIFT > field_no:
                    keys[key] = top | (self.seq << _FLAG_BITS) | bits | (0 if state is None else state & 7)
                    self.seq += 1
                elif state & bits != bits:
                    keys[key] = state | bits

    def _flush(self) -> None:
        if self.batch:
            self.con.executemany(
                "INSERT INTO occ VALUES (?, ?)", ((key, marshal.dumps(occs)) for key, occs in self.batch.items())
            )
        if self.rows:
            self.con.executemany("INSERT INTO project VALUES (?, ?)", self.rows)
        self.batch, self.rows, self.pending = {}, [], 0

    def _finish(self, total: int) -> None:
        con, keys = self.con, self.keys
        con.execute("CREATE INDEX occ_key ON occ (key)")
        vocabulary = sorted(keys, key=keys.__getitem__)
        typo_keys = tuple(k for k in vocabulary if keys[k] & _TYPO)
        compound_keys = tuple(k for k in vocabulary if keys[k] & _COMPOUND)
        self.keys = {}
        blobs: dict[str, Any] = {
            "text_first": self.text_first.tobytes(),
            "text_more": self.text_more,
            "numbers": self.numbers,
            "name_keys": self.name_keys,
            "acronyms": self.acronyms,
            "vocabulary": vocabulary,
            "typo_keys": list(typo_keys),
            "compound_keys": list(compound_keys),
        }
        con.executemany("INSERT INTO blob VALUES (?, ?)", ((k, marshal.dumps(v)) for k, v in blobs.items()))
        del blobs
        # Everything worked out per word is written a slice of the vocabulary at a time, so that
        # its memory is the slice's, and a form met in several slices has a row for each (read
        # back in vocabulary order). See _slice_rows.
        slices = [vocabulary[start : start + _MAP_SLICE] for start in range(0, len(vocabulary), _MAP_SLICE)]
        for done, (typo_rows, map_rows) in enumerate(_slices_rows(slices, keys)):
            if self.progress is not None and total:  # the second half of the bar: the vocabulary's share done
                self.progress(total + total * done // len(slices), total * 2)
            con.executemany("INSERT INTO typo VALUES (?, ?)", typo_rows)
            con.executemany("INSERT INTO map VALUES (?, ?, ?)", map_rows)
        del keys
        con.execute("CREATE INDEX map_form ON map (kind, form)")
        con.execute("CREATE INDEX typo_letter ON typo (letter)")


_Rows = tuple[list[tuple[str, bytes]], list[tuple[str, str, bytes]]]


def _slice_rows(keys_slice: Sequence[str], keys: Mapping[str, int]) -> _Rows:
    """The rows of the typo and map tables for one slice of the vocabulary (``keys``: each key's
    flags, see _Build.keys).

    Each word is analysed once, by the rules SearchIndex's own tables are made by
    (search.typo_sources, typo_source_forms, family_parts), and its entries are appended in
    vocabulary order, as SearchIndex's per-letter scans append them; a slice is small enough that
    the analyses a word's entries share (its stems, its compound parts' stems) are still in
    finnish's caches. Snowball stems are not stored: StoredIndex looks them up by prefix.
    """
    stems, parts_of, tails_of = finnish.stems, finnish.compound_parts, finnish.compound_tails
    family_keys, family_parts = finnish.family_keys, search.family_parts
    typo_sources, typo_source_forms = search.typo_sources, search.typo_source_forms
    stem_map: dict[str, list[str]] = {}
    part_map: dict[str, list[str]] = {}
    typo: dict[str, list[tuple[str, str]]] = {}
    family: dict[str, dict[str, list[str]]] = {}
    added: set[tuple[str, str]] = set()
    for key in keys_slice:
        for form in {key, *stems(key)}:
            forms = stem_map.get(form)
            if forms is None:
                stem_map[form] = [key]
            else:
                forms.append(key)
        flags = keys[key]
        if flags & _COMPOUND:
            part_forms: set[str] = set()
            for part in {*parts_of(key), *tails_of(key)}:
                part_forms.add(part)
                part_forms.update(stems(part))
            for form in part_forms:
                part_map.setdefault(form, []).append(key)
        if flags & _TYPO:
            for source in typo_sources(key, bool(flags & _COMPOUND)):
                typo.setdefault(source[0], []).extend((form, key) for form in typo_source_forms(source))
        if flags & _FAMILY:
            by_root = family.setdefault(key[0], {})
            for family_key in family_keys(key):
                by_root.setdefault(family_key, []).append(key)
            for part in family_parts(key):
                by_root = family.setdefault(part[0], {})
                for family_key in family_keys(part, part=True):
                    if (family_key, key) not in added:
                        added.add((family_key, key))
                        by_root.setdefault(search.PART_ROOT + family_key, []).append(key)
    dumps = marshal.dumps
    maps = {"stem": stem_map, "part": part_map, **{f"family:{k}": v for k, v in family.items()}}
    return (
        [(letter, dumps(forms)) for letter, forms in typo.items()],
        [(kind, form, dumps(found)) for kind, by_form in maps.items() for form, found in by_form.items()],
    )


# A vocabulary of this many slices or more is shared with a worker process (where there is a second
# CPU): starting one costs about a tenth of a second, a slice some tenths of a second.
_WORKER_FROM_SLICES = 4


def _slices_rows(slices: Sequence[Sequence[str]], keys: Mapping[str, int]) -> Iterator[_Rows]:
    """The rows of each slice (see _slice_rows), in order.

    The slices are independent: with a second CPU, a worker process works out every other one and
    sends its rows back through a pipe, while this process works out the rest and writes them all
    in order. If the worker cannot be started or fails, its slices are worked out here."""
    worker = _start_slices_worker(slices[1::2], keys) if len(slices) >= _WORKER_FROM_SLICES else None
    if worker is None:
        for keys_slice in slices:
            yield _slice_rows(keys_slice, keys)
        return
    process, reader = worker
    try:
        for number, keys_slice in enumerate(slices):
            rows = None
            if number % 2 and reader is not None:
                rows = _read_rows(reader)
                if rows is None:  # the worker failed: the rest is worked out here
                    reader.close()
                    reader = None
            yield _slice_rows(keys_slice, keys) if rows is None else rows
    finally:
        if reader is not None:
            reader.close()
        process.kill()  # done (or failed) by now, or not needed any more
        process.wait()


def _start_slices_worker(slices: Sequence[Sequence[str]], keys: Mapping[str, int]) -> tuple[Any, Any] | None:
    """(process, pipe to read from) of a worker process writing the rows of ``slices``, each as
    an 8-byte length and its marshal; None where there is no second CPU or no process to start.

    The worker is a fresh interpreter given only its slices (a forked copy of this process would
    soon hold a private copy of most of its memory: reading an object writes its reference count)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    if cpus < 2:
        return None
    import subprocess
    import sys

    package_root = str(Path(__file__).resolve().parent.parent)
    path = os.environ.get("PYTHONPATH")
    env = {**os.environ, "PYTHONPATH": package_root + (os.pathsep + path if path else "")}
    payload = marshal.dumps([(list(keys_slice), [keys[k] for k in keys_slice]) for keys_slice in slices])
    try:
        process = subprocess.Popen(
            [sys.executable, "-c", "from hankkeet.index_store import _slices_worker; _slices_worker()"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
        )
    except (OSError, ValueError, subprocess.SubprocessError):
        return None
    try:
        assert process.stdin is not None
        process.stdin.write(payload)
        process.stdin.close()
    except OSError:  # it ended at once: no worker
        process.kill()
        process.wait()
        return None
    return process, process.stdout


def _slices_worker() -> None:
    """The worker of _start_slices_worker: slices and their keys' flags on stdin, rows on stdout."""
    import gc
    import sys

    gc.disable()  # (acyclic records, as in _Build.run)
    out = sys.stdout.buffer
    for keys_slice, flags in marshal.loads(sys.stdin.buffer.read()):
        data = marshal.dumps(_slice_rows(keys_slice, dict(zip(keys_slice, flags, strict=True))))
        out.write(len(data).to_bytes(8, "little"))
        out.write(data)
    out.flush()


def _read_rows(reader: Any) -> _Rows | None:
    """The next slice's rows from the worker, or None if it ended without them."""
    try:
        head = reader.read(8)
        if len(head) < 8:
            return None
        size = int.from_bytes(head, "little")
        data = reader.read(size)
        if len(data) < size:
            return None
        rows: _Rows = marshal.loads(data)
        return rows
    except (OSError, ValueError, EOFError):
        return None


_SEP = "\x1f"  # between the words of a name: folded words never hold a control character
_MAP_SLICE = 4096  # vocabulary keys (compound_parts keeps 8192)
_POSITIONS = tuple(Project._fields.index(field) for field in FIELDS)
_SALTS = tuple(bytes([i]) for i in range(len(FIELDS)))
_KIND_NO = {kind: i for i, kind in enumerate(_KINDS)}
_FLAG_TABLE = tuple((_flags(kind, False), _flags(kind, True)) for kind in _KINDS)


# -- reading ---------------------------------------------------------------


class Occurrences(Mapping[str, list[Occurrence]]):
    """Occurrences by key, read from the store on first use of each key."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self._con = con
        self._cache: dict[str, list[Occurrence] | None] = {}

    def _get(self, key: str) -> list[Occurrence] | None:
        if key in self._cache:
            return self._cache[key]
        rows = self._con.execute("SELECT data FROM occ WHERE key = ? ORDER BY rowid", (key,)).fetchall()
        found = None
        if rows:
            word, occ = finnish.Word, Occurrence
            found = [
                occ(text, FIELDS[f], word(key, start, end, position, _KINDS[kind], proper))
                for (data,) in rows
                for text, f, start, end, position, kind, proper in marshal.loads(data)
            ]
        self._cache[key] = found
        return found

    def __getitem__(self, key: str) -> list[Occurrence]:
        found = self._get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._get(key) is not None

    def __iter__(self) -> Iterator[str]:
        return (row[0] for row in self._con.execute("SELECT DISTINCT key FROM occ"))

    def __len__(self) -> int:
        return int(self._con.execute("SELECT count(DISTINCT key) FROM occ").fetchone()[0])


_DECODE_ALL_UP_TO = 200  # projects


class _Projects:
    """Project records by index, decoded on demand."""

    def __init__(self, con: sqlite3.Connection, count: int) -> None:
        self._con = con
        self._count = count
        self._cache: dict[int, Project] = {}

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: int) -> Project:
        project = self._cache.get(index)
        if project is None:
            if not self._cache and self._count <= _DECODE_ALL_UP_TO:
                # A small snapshot (the bundled one): one decoding for all, since
                # most of its projects are hits of a common word.
                rows = self._con.execute("SELECT idx, json FROM project ORDER BY idx").fetchall()
                self._cache.update(zip((i for i, _ in rows), self._decode([r for _, r in rows]), strict=True))
                project = self._cache.get(index)
                if project is None:
                    raise IndexError(index)
                return project
            row = self._con.execute("SELECT json FROM project WHERE idx = ?", (index,)).fetchone()
            if row is None:
                raise IndexError(index)
            project = self._cache[index] = self._decode([row[0]])[0]
        return project

    @staticmethod
    def _decode(texts: list[str]) -> tuple[Project, ...]:
        data = {"schema_version": model.SCHEMA_VERSION,
                "source": {"title": "", "subtitle": "", "file": "", "sha256": ""},
                "projects": [json.loads(text) for text in texts]}
        return model.from_dict(data).projects


def _read_only_uri(path: Path) -> str:
    """An SQLite URI opening ``path`` read-only, whatever characters it holds (``?``, ``#`` and ``%``
    would otherwise be read as the URI's query, fragment and escapes)."""
    name = os.fspath(os.path.abspath(path))
    for char, escape in (("%", "%25"), ("?", "%3f"), ("#", "%23")):
        name = name.replace(char, escape)
    return f"file:{name}?mode=ro"


class _TextProjects:
    """The projects of each distinct text: one for most, stored apart for the texts several share."""

    def __init__(self, first: bytes, more: dict[int, list[int]]) -> None:
        self._first = array("i")
        self._first.frombytes(first)
        self._more = more

    def __getitem__(self, text: int) -> Sequence[int]:
        return self._more.get(text) or (self._first[text],)

    def __len__(self) -> int:
        return len(self._first)


class StoredIndex(SearchIndex):
    """A SearchIndex read from a store written by :func:`write_store`."""

    def __init__(self, path: Path, identity: str | None = None) -> None:  # SearchIndex.__init__ builds; this reads
        """Open the store at ``path``; with ``identity``, ValueError unless it was built for that
        (see :func:`write_store`) and, if small, is whole (its checksum)."""
        # Whatever per-index state SearchIndex keeps (memos, caches) starts as
        # an empty index's; the data itself is read from the store.
        from hankkeet.model import Snapshot, Source

        empty = SearchIndex(Snapshot(Source("", "", "", ""), ()))
        self.__dict__.update({k: v for k, v in vars(empty).items() if k != "vocabulary"})
        self.path = path
        if identity is not None:
            _check_whole(path)
        self._con = sqlite3.connect(_read_only_uri(path), uri=True)
        if identity is not None and self._blob("identity") != identity:
            self._con.close()
            raise ValueError("built for another snapshot or program")
        numbers = self._blob("numbers")
        self.projects = _Projects(self._con, len(numbers))  # type: ignore[assignment]
        self._numbers: list[int] = numbers
        self.occurrences = Occurrences(self._con)  # type: ignore[assignment]
        self.text_projects = _TextProjects(self._blob("text_first"), self._blob("text_more"))  # type: ignore[assignment]
        self._acronyms = {}
        self._name_keys = {}
        self._typo_forms = {}
        self._words = {}
        self._stored_names: list[str] | None = None
        self._stored_acronyms: list[str] | None = None
        self._maps: dict[tuple[str, str], list[str]] = {}
        self._sorted_vocabulary: list[str] | None = None
        self._typo_key_set: set[str] | None = None
        self._typo_order: dict[str, int] | None = None

    def close(self) -> None:
        self._con.close()

    def _blob(self, name: str) -> Any:
        row = self._con.execute("SELECT data FROM blob WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise KeyError(name)
        return marshal.loads(row[0])

    @property
    def vocabulary(self) -> tuple[str, ...]:  # type: ignore[override]
        return tuple(self._blob("vocabulary"))

    @property
    def typo_keys(self) -> tuple[str, ...]:
        return tuple(self._blob("typo_keys"))

    @property
    def compound_keys(self) -> tuple[str, ...]:
        return tuple(self._blob("compound_keys"))

    def _map(self, kind: str, forms: Iterable[str]) -> list[str]:
        found: dict[str, None] = {}
        for form in forms:
            keys = self._maps.get((kind, form))
            if keys is None:
                rows = self._con.execute(
                    "SELECT keys FROM map WHERE kind = ? AND form = ? ORDER BY rowid", (kind, form)
                ).fetchall()
                keys = self._maps[(kind, form)] = [key for (data,) in rows for key in marshal.loads(data)]
            found.update(dict.fromkeys(keys))
        return list(found)

    def family_index(self, letter: str) -> Mapping[str, list[str]]:  # type: ignore[override]
        return _MapView(self, f"family:{letter}")

    def family_part_index(self, letter: str) -> Mapping[str, list[str]]:  # type: ignore[override]
        return self.family_index(letter)  # stored with the compound parts' roots

    def name_keys(self, index: int) -> list[str]:
        if self._stored_names is None:
            self._stored_names = self._blob("name_keys")
        joined = self._stored_names[index]
        return joined.split(_SEP) if joined else []

    def acronyms(self, index: int) -> set[str]:
        if self._stored_acronyms is None:
            self._stored_acronyms = self._blob("acronyms")
        joined = self._stored_acronyms[index]
        return set(joined.split(_SEP)) if joined else set()

    def _number(self, index: int) -> int:
        return self._numbers[index]

    def typo_forms(self, letter: str) -> list[tuple[str, str]]:
        forms = self._typo_forms.get(letter)
        if forms is None:
            rows = self._con.execute("SELECT forms FROM typo WHERE letter = ? ORDER BY rowid", (letter,)).fetchall()
            forms = self._typo_forms[letter] = [tuple(f) for (data,) in rows for f in marshal.loads(data)]
        return forms

    # -- lookups instead of scans -----------------------------------------

    def _lemma_candidates(self, word: str) -> Iterable[str]:
        return self._map("stem", {word, *finnish.stems(word)})

    def _typo_lemma_candidates(self, word: str) -> Iterable[str]:
        if self._typo_key_set is None:
            self._typo_key_set = set(self._blob("typo_keys"))
        typo = self._typo_key_set
        return [k for k in self._lemma_candidates(word) if k in typo]

    def _prefix_candidates(self, prefixes: tuple[str, ...]) -> Iterable[str]:
        if self._sorted_vocabulary is None:
            self._sorted_vocabulary = sorted(self._blob("vocabulary"))
        vocabulary = self._sorted_vocabulary
        found: list[str] = []
        for prefix in prefixes:
            i = bisect.bisect_left(vocabulary, prefix)
            while i < len(vocabulary) and vocabulary[i].startswith(prefix):
                found.append(vocabulary[i])
                i += 1
        return found

    def _compound_candidates(self, word: str) -> Iterable[str]:
        return self._map("part", {word, *finnish.stems(word)})

    def _snowball_candidates(self, word: str) -> Iterable[str]:
        # Rarely needed (a word nothing else matched), so not stored: the typo keys that start
        # as a word with this stem must, in vocabulary order.
        stem = finnish.matching_snowball(word)
        if stem is None:
            return []  # snowball_match accepts no key
        if self._typo_order is None:
            self._typo_order = {key: i for i, key in enumerate(self._blob("typo_keys"))}
        order = self._typo_order
        found = {k for k in self._prefix_candidates(tuple(finnish.snowball_prefixes(stem))) if k in order}
        return sorted((k for k in found if finnish.snowball(k) == stem), key=order.__getitem__)

    def _typo_candidates(self, query: str, probes: list[tuple[str, int]]) -> Iterable[tuple[str, str]]:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        forms = self.typo_forms(query[0])
        choices = [form for form, _ in forms]
        chosen: set[int] = set()
        for typed, cutoff in probes:
            if cutoff < 0:
                continue
            for _, _, i in process.extract(typed, choices, scorer=OSA.distance, score_cutoff=cutoff, limit=None):
                chosen.add(i)
        return [forms[i] for i in sorted(chosen)]


class _MapView(Mapping[str, list[str]]):
    """One of the stored maps, read by key on demand."""

    def __init__(self, index: StoredIndex, kind: str) -> None:
        self._index = index
        self._kind = kind

    def __getitem__(self, form: str) -> list[str]:
        keys = self._index._map(self._kind, [form])
        if not keys:
            raise KeyError(form)
        return keys

    def __iter__(self) -> Iterator[str]:
        rows = self._index._con.execute("SELECT DISTINCT form FROM map WHERE kind = ?", (self._kind,))
        return (row[0] for row in rows)

    def __len__(self) -> int:
        count = "SELECT count(DISTINCT form) FROM map WHERE kind = ?"
        return int(self._index._con.execute(count, (self._kind,)).fetchone()[0])
