"""The project record and the snapshot file: the JSON schema lives here and only here.

A snapshot is one JSON object::

    {
      "schema_version": 1,
      "source": {"title": str, "subtitle": str, "file": str, "sha256": str},
      "projects": [Project, ...]
    }

and a project is the object documented on :class:`Project`. ``load`` validates
a file against this shape and names the first problem it finds.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, NamedTuple

from hankkeet.errors import DataError, HankkeetError

SCHEMA_VERSION = 1
BUNDLED_SNAPSHOT = "projects.json"



class Basis(StrEnum):
    """How a municipality came to be covered by a project, strongest first.

    A ``str`` subclass: it compares equal to, and serialises as, its value.
    """

    LISTED = "listed"  # named in the area's list
    SUBREGION = "subregion"  # a member of a subregion the area names
    REGION = "region"  # a member of a region the area names
    COOPERATION = "cooperation"  # reached by the regional cooperation the area mentions

    # Hashed as its value, as a str is (Enum hashes the member's name, in Python): equal to its
    # value, it now also finds it in a set, and hashing a record that holds one costs no Python call.
    __hash__ = str.__hash__


BASES: tuple[Basis, ...] = tuple(Basis)


# -- the schema's vocabulary -------------------------------------------------
#
# Each field of a record below is declared once, as ``name: Annotated[type,
# Kind]``: the Python type for readers and mypy, the Kind for the JSON. From
# these declarations follow the fast loader (generated code, plain type checks
# inline), the checked loader (which names the first problem), the JSON writer
# (``to_dict``) and the schema table in the README (``schema_markdown``).
# Adding a field to the snapshot is one such line; a field older snapshots lack
# gets a default and OPTIONAL: ``round: Annotated[str | None, Nullable(Text(100)),
# "the funding round", OPTIONAL] = None``.

# Characters no text field may hold: lone surrogates (not Unicode, and no
# UTF-8 output can carry them). Control characters are data like any other:
# tables show them as visible pictures, JSON keeps them escaped.
_BAD_CHARS = re.compile("[\ud800-\udfff]")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class _Problem(Exception):
    """A value that breaks the schema; the message says what it must be."""


class Kind:
    """What a JSON value must be. ``check`` returns the record's value or raises _Problem;
    ``fast`` is a Python expression over ``v`` that is true exactly when ``check`` passes."""

    json: str = "value"

    def check(self, value: Any, clean: bool = False) -> Any:
        raise NotImplementedError

    def fast(self, v: str, env: dict[str, Any]) -> str:
        name = f"_k{len(env)}"
        env[name] = self
        return f"_ok({name}, {v}, clean)"

    def describe(self) -> str:
        return self.json


class Text(Kind):
    json = "string"

    def __init__(self, max_length: int = 10_000, *, pattern: str | None = None, min_length: int = 0,
                 hint: str = "") -> None:
        self.max_length, self.min_length = max_length, min_length
        self.pattern = re.compile(pattern) if pattern else None
        self.hint = hint

    def check(self, value: Any, clean: bool = False) -> Any:
        if type(value) is not str:
            raise _Problem("must be a string")
        if not self.min_length <= len(value) <= self.max_length:
            if len(value) < self.min_length:
                raise _Problem("must not be empty")
            raise _Problem(f"must be at most {self.max_length:,} characters, not {len(value):,}")
        if self.pattern is not None and self.pattern.fullmatch(value) is None:
            raise _Problem(f"must be {self.hint or 'of the form ' + self.pattern.pattern}, not {_shown(value)}")
        if not clean and _BAD_CHARS.search(value):
            raise _Problem("must not contain lone surrogates (text that is not Unicode)")
        return value

    def fast(self, v: str, env: dict[str, Any]) -> str:
        tests = [f"type({v}) is str", f"{self.min_length} <= len({v}) <= {self.max_length}"]
        if self.pattern is not None:
            name = f"_re{len(env)}"
            env[name] = self.pattern.fullmatch
            tests.append(f"{name}({v}) is not None")
        tests.append(f"(clean or _bad({v}) is None)")
        return "(" + " and ".join(tests) + ")"

    def describe(self) -> str:
        parts = ["string"]
        if self.hint:
            parts.append(self.hint)
        elif self.min_length:
            parts.append("not empty")
        parts.append(f"at most {self.max_length:,} characters")
        return ", ".join(parts)


class Int(Kind):
    json = "integer"

    def __init__(self, minimum: int, maximum: int) -> None:
        self.minimum, self.maximum = minimum, maximum

    def check(self, value: Any, clean: bool = False) -> Any:
        if type(value) is not int:  # not bool, not 1.0
            raise _Problem("must be an integer")
        if not self.minimum <= value <= self.maximum:
            raise _Problem(f"must be from {self.minimum:,} to {self.maximum:,}, not {_shown(value)}")
        return value

    def fast(self, v: str, env: dict[str, Any]) -> str:
        return f"(type({v}) is int and {self.minimum} <= {v} <= {self.maximum})"

    def describe(self) -> str:
        return f"integer, {self.minimum:,} to {self.maximum:,}"


class Const(Kind):
    json = "integer"

    def __init__(self, value: int) -> None:
        self.value = value

    def check(self, value: Any, clean: bool = False) -> Any:
        if type(value) is not int or value != self.value:
            raise _Problem(f"must be {self.value}, not {_shown(value)}")
        return value

    def fast(self, v: str, env: dict[str, Any]) -> str:
        return f"(type({v}) is int and {v} == {self.value!r})"

    def describe(self) -> str:
        return f"integer, always {self.value}"


class OneOf(Kind):
    """One of a StrEnum's values; the record holds the enum member."""

    json = "string"

    def __init__(self, vocabulary: type[StrEnum]) -> None:
        self.values = tuple(member.value for member in vocabulary)
        self.members: dict[str, StrEnum] = {member.value: member for member in vocabulary}

    def check(self, value: Any, clean: bool = False) -> Any:
        if type(value) is not str:
            raise _Problem("must be a string")
        member = self.members.get(value)
        if member is None:
            raise _Problem(f"must be one of {', '.join(self.values)}, not {_shown(value)}")
        return member

    def fast(self, v: str, env: dict[str, Any]) -> str:
        name = f"_set{len(env)}"
        env[name] = self.members
        return f"(type({v}) is str and {v} in {name})"

    def describe(self) -> str:
        return "string: " + ", ".join(f"`{v}`" for v in self.values)


class Date(Kind):
    """An ISO date, strictly ``YYYY-MM-DD`` and a real day, or null."""

    json = "string or null"

    def check(self, value: Any, clean: bool = False) -> Any:
        if value is None:
            return None
        if type(value) is not str or not _is_date(value):
            raise _Problem(f"must be an ISO date (YYYY-MM-DD) or null, not {_shown(value)}")
        return value

    def fast(self, v: str, env: dict[str, Any]) -> str:
        return f"({v} is None or (type({v}) is str and ({v} in _dates or _is_date({v}))))"

    def describe(self) -> str:
        return "string `YYYY-MM-DD` (a real date) or null"


class Nullable(Kind):
    def __init__(self, inner: Kind) -> None:
        self.inner = inner
        self.json = f"{inner.json} or null"

    def check(self, value: Any, clean: bool = False) -> Any:
        return None if value is None else self.inner.check(value, clean)

    def fast(self, v: str, env: dict[str, Any]) -> str:
        return f"({v} is None or {self.inner.fast(v, env)})"

    def describe(self) -> str:
        return f"{self.inner.describe()}; or null"


class ListOf(Kind):
    """An array; ``unique`` names fields of its records that no two items may share."""

    def __init__(self, item: Kind, max_items: int, *, unique: tuple[str, ...] = ()) -> None:
        self.item, self.max_items, self.unique = item, max_items, unique
        self.json = f"array of {'objects' if isinstance(item, Nested) else item.json + 's'}"

    def check(self, value: Any, clean: bool = False) -> Any:
        if type(value) is not list:
            raise _Problem("must be an array")
        if len(value) > self.max_items:
            raise _Problem(f"must have at most {self.max_items:,} items, not {len(value):,}")
        out = []
        seen = self.seen()
        for i, item in enumerate(value):
            try:
                record = self.item.check(item, clean)
            except _Problem as problem:
                raise _at(f"[{i}]", problem) from None
            if seen:
                self.check_unique(i, record, seen)
            out.append(record)
        return tuple(out)

    def seen(self) -> dict[str, set[Any]]:
        return {name: set() for name in self.unique}

    def check_unique(self, i: int, record: Any, seen: dict[str, set[Any]]) -> None:
        """Item ``i`` shares none of the ``unique`` fields with an earlier item (``seen``, updated)."""
        for name, values in seen.items():
            value = getattr(record, name)
            if value in values:
                raise _Problem(f"[{i}].{name} {value!r} is used twice")
            values.add(value)

    def describe(self) -> str:
        inner = self.item.describe()
        return f"array (at most {self.max_items:,}) of {inner}"


class Nested(Kind):
    json = "object"

    def __init__(self, record: type) -> None:
        self.record = record

    def check(self, value: Any, clean: bool = False) -> Any:
        return _schema(self.record).checked(value, clean)

    def describe(self) -> str:
        return f"object ({self.record.__name__})"


class _Marker:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


# In a field's Annotated metadata: the key may be absent (the record's default is used). Only for scalars.
OPTIONAL = _Marker("OPTIONAL")
_MISSING = _Marker("MISSING")


def _at(where: str, problem: _Problem) -> _Problem:
    """The problem, placed under ``where`` (``.projects``, ``[3]``)."""
    text = str(problem)
    return _Problem(f"{where}{text}" if text.startswith(("[", ".")) else f"{where} {text}")


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


_VALID_DATES: set[str] = set()  # a snapshot repeats a few dates thousands of times


def _is_date(value: str) -> bool:
    if value in _VALID_DATES:
        return True
    if _ISO_DATE.fullmatch(value) is None:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    if len(_VALID_DATES) < 4096:
        _VALID_DATES.add(value)
    return True


def _ok(kind: Kind, value: Any, clean: bool) -> bool:
    try:
        kind.check(value, clean)
    except _Problem:
        return False
    return True


# -- the records ---------------------------------------------------------------
# The records are NamedTuples, not dataclasses: a command-line run defines and
# builds them on every start, and tuples are several times cheaper at both.
# Their JSON keys are their fields, in this order; fields without a Kind are
# not serialised.

_NAME = Text(10_000)
_SLUG = "a lowercase ASCII slug (a-z, 0-9 and single inner hyphens)"


class Coverage(NamedTuple):
    """One municipality a project's area resolves to, and why."""

    code: Annotated[str, Text(3, pattern="[0-9]{3}", hint="three ASCII digits"), "the municipality code (`091`)"]
    name: Annotated[str, Text(200), "its Finnish name"]
    basis: Annotated[Basis, OneOf(Basis), "why it is covered (see Municipalities)"]
    note: Annotated[str | None, Nullable(Text(1_000)), "a remark (`written 'Uki' in the area`), else null"] = None

    def to_dict(self) -> dict[str, Any]:
        return _schema(Coverage).dump(self)


class Project(NamedTuple):
    """One funded project, every text field NFC with whitespace collapsed.

    ``id`` is a short lowercase ASCII slug, ``number`` the 1-based position in
    the document, ``start``/``end`` ISO dates (null if the document's period has an
    impossible date). ``area`` is the Toiminta-alue cell
    as printed; ``regions`` and ``municipalities`` are what it resolves to.
    """

    id: Annotated[str, Text(64, pattern="[a-z0-9]+(?:-[a-z0-9]+)*", hint=_SLUG),
                  "short, stable: the municipality (`riihimaki`) or the joint authority's acronym (`eksote`); unique"]
    number: Annotated[int, Int(1, 1_000_000), "1-based position in the document; unique"]
    organisation: Annotated[str, _NAME, "the applicant as printed, without the co-implementer parenthesis"]
    co_implementers: Annotated[tuple[str, ...], ListOf(Text(1_000), 100),
                               "co-implementers named in that parenthesis (`[\"Kouvolan kaupunki\"]`), else `[]`"]
    name: Annotated[str, _NAME, "the project's name"]
    start: Annotated[str | None, Date(), "the project period's first day; null only where the document's period has an "
                     "impossible date (`31.2.2020`), which `parse` reports as a warning"]
    end: Annotated[str | None, Date(), "the period's last day (null likewise)"]
    area: Annotated[str, Text(100_000), "the *Toiminta-alue* cell as printed"]
    description: Annotated[str, Text(100_000), "the *Toiminnan kuvaus* cell"]
    regions: Annotated[tuple[str, ...], ListOf(Text(200), 100), "the regions (maakunnat) the area touches"] = ()
    municipalities: Annotated[tuple[Coverage, ...], ListOf(Nested(Coverage), 1_000),
                              "the municipalities the area resolves to"] = ()

    def to_dict(self) -> dict[str, Any]:
        # Key order is part of the output contract: stable for diffs and jq.
        return _schema(Project).dump(self)

    @property
    def period(self) -> str:
        return f"{self.start or '?'} – {self.end or '?'}"


class Source(NamedTuple):
    title: Annotated[str, _NAME, "the document's title"]
    subtitle: Annotated[str, _NAME, "its subtitle"]
    file: Annotated[str, _NAME, "the file name it was parsed from"]
    sha256: Annotated[str, Text(128), "the SHA-256 of that file, hexadecimal"]
    year: Annotated[int | None, Nullable(Int(1900, 2200)),
                    "the round's year, from the title's `(2020)`; null when the title has none", OPTIONAL] = None
    period: Annotated[str | None, Nullable(Text(40)),
                      "the round's funding period: the earliest start and the latest end of its projects "
                      "(`2020-09-01 – 2021-08-31`), else null", OPTIONAL] = None

    def to_dict(self) -> dict[str, Any]:
        return _schema(Source).dump(self)


class Snapshot(NamedTuple):
    source: Annotated[Source, Nested(Source), "the document it was parsed from"]
    projects: Annotated[tuple[Project, ...], ListOf(Nested(Project), 1_000_000, unique=("id", "number")),
                        "the projects, in document order"]
    schema_version: Annotated[int, Const(SCHEMA_VERSION), "the version of this schema"] = SCHEMA_VERSION
    registry_version: Annotated[str | None, Nullable(Text(100)),
                                "the municipality registry and area rules the coverage was resolved with "
                                "(`hankkeet parse --resolve` redoes it with the current ones)", OPTIONAL] = None
    unread: Annotated[str | None, Nullable(Text(1_000_000)),
                      "the rows of the document that could not be read, one line each (`row 7: …`); null when "
                      "every row was read", OPTIONAL] = None
    # Not serialised: problems the parser met (unresolved area terms, ...).
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return _schema(Snapshot).dump(self)

    # (The version comes first in the file, but a NamedTuple's defaults come last: see _JSON_FIRST.)

    @property
    def unread_rows(self) -> list[str]:
        """The document's rows the parser could not read (``row N: why``)."""
        return self.unread.splitlines() if self.unread else []

    def get(self, project_id: str) -> Project | None:
        for project in self.projects:
            if project.id == project_id:
                return project
        return None

    def complete_ids(self, incomplete: str) -> list[tuple[str, str]]:
        """Shell completion: (id, project name) for ids starting with ``incomplete``."""
        return complete_ids(self.projects, incomplete)

    def find(self, key: str) -> Project:
        """A project by what people remember of it; see :func:`hankkeet.find.find_project`."""
        from hankkeet.find import find_project

        return find_project(self.projects, key)


def complete_ids(projects: Iterable[Project], incomplete: str) -> list[tuple[str, str]]:
    """Shell completion: (id, project name) for ids starting with ``incomplete`` (a stream is fine)."""
    from hankkeet.textnorm import ascii_slug

    prefix = ascii_slug(incomplete) if incomplete.strip() else ""
    return [(p.id, p.name) for p in projects if p.id.startswith(prefix)]


def dumps(data: Any) -> str:
    """The one JSON encoder for files and stdout: UTF-8 text, not ASCII-escaped."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def save(snapshot: Snapshot, path: str | os.PathLike[str], *, inputs: Sequence[str | os.PathLike[str]] = ()) -> None:
    """Write the snapshot with the safe writer (atomic for a regular file; see hankkeet.fileio).

    Refuses to write over any of ``inputs``; raises OutputError.
    """
    from hankkeet.fileio import write_file

    write_file(path, dumps(checked_dict(snapshot, str(path))).encode("utf-8"), inputs=inputs)


def checked_dict(snapshot: Snapshot, where: str) -> dict[str, Any]:
    """The snapshot as a dict, or DataError if load would refuse it (a document can make a text
    too long, ...): nothing is written, to a file or stdout, that cannot be read back."""
    data = snapshot.to_dict()
    try:
        from_dict(data)
    except _Problem as problem:
        raise DataError(f"{where}: the snapshot would break the schema: {problem}") from None
    return data


def load(path: str | os.PathLike[str] | None = None, *, max_bytes: int | None = None) -> Snapshot:
    """Load the bundled snapshot, or the file at ``path``; raise DataError if bad.

    A file larger than ``max_bytes`` (default: hankkeet.fileio.DEFAULT_MAX_SNAPSHOT)
    is refused before it is read (InputTooLarge).
    """
    return SnapshotFile(path, max_bytes=max_bytes).load()


class SnapshotFile:
    """A snapshot file read one project at a time (see :meth:`projects`).

    The file is decoded in chunks, so the memory a pass needs is that of one
    project and a chunk, not of the file; :meth:`load` keeps every project.
    Both follow the schema exactly as :func:`from_dict` does, through the same
    record loaders, and refuse what it refuses. A key given twice in any object
    (the snapshot, a project, a municipality entry, the source) is refused too,
    however it is spelt (``"id"`` or ``"\\u0069d"``): a JSON decoder would
    silently keep the last.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, max_bytes: int | None = None) -> None:
        self.path = path
        if max_bytes is None and path is not None:  # (fileio is not imported for the bundled snapshot)
            from hankkeet.fileio import DEFAULT_MAX_SNAPSHOT

            max_bytes = DEFAULT_MAX_SNAPSHOT
        self.max_bytes = max_bytes or 0
        self.label = "bundled snapshot" if path is None else str(path)
        if path is not None and not self.label:
            raise DataError("the snapshot path is empty")
        self.header: Snapshot | None = None  # set by a complete pass of projects()
        self.count = 0  # projects read by the last complete pass
        self._fd: int | None = None
        self._waits = False
        self._read = 0  # bytes read by this pass
        self._identity: tuple[int, ...] | None = None
        self.size = 0
        if path is not None:
            self._open()

    def _open(self) -> None:
        import stat

        from hankkeet.fileio import note_read, open_input, too_large, waits

        label = self.label
        try:
            fd = open_input(self.path)  # type: ignore[arg-type]  # a FIFO: no waiting for a writer here
        except FileNotFoundError:
            raise DataError(f"{label}: no such file") from None
        except NotADirectoryError:
            raise DataError(f"{label}: a part of the path is a file, not a folder") from None
        except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
            raise DataError(f"{label}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
        info = os.fstat(fd)
        note_read(info)
        if stat.S_ISDIR(info.st_mode):
            os.close(fd)
            raise DataError(f"{label}: is a directory, not a snapshot file")
        if stat.S_ISREG(info.st_mode):
            if info.st_size > self.max_bytes:
                os.close(fd)
                raise too_large(label, self.max_bytes)
            self._identity = _identity(info)
            self.size = info.st_size
        self._waits = waits(fd, info)  # a FIFO, a pipe, a device: each read within the wait limit
        self._fd = fd

    @property
    def rereadable(self) -> bool:
        """Whether a second pass can read the file again (a regular file; not a pipe)."""
        return self.path is None or self._identity is not None

    @property
    def bytes_read(self) -> int:
        """The bytes read so far by the current pass (a progress estimate: reading runs a little ahead)."""
        return self._read

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __del__(self) -> None:
        if getattr(self, "_fd", None) is not None:
            self.close()

    def _chunks(self) -> Iterator[str]:
        """The text in pieces of about a MiB, decoded from UTF-8 (a BOM is skipped); DataError if not UTF-8."""
        import codecs

        if self.path is None:
            from hankkeet.data import read_text

            yield read_text(BUNDLED_SNAPSHOT)
            return
        from hankkeet.fileio import too_large

        fd = self._fd
        if fd is None:
            raise DataError(f"{self.label}: cannot read: the file is closed")
        if self._identity is not None:
            self._unchanged()  # a second pass reads what the first one checked, or nothing
            os.lseek(fd, 0, os.SEEK_SET)
        decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self._read = 0
        while True:
            block = self._block()
            if self._read > self.max_bytes:
                raise too_large(self.label, self.max_bytes)
            try:
                text = decoder.decode(block, final=not block)
            except UnicodeDecodeError:
                raise _NotUtf8 from None
            if text:
                yield text
            if not block:
                break
        if self._identity is not None:
            self._unchanged()

    def _unchanged(self) -> None:
        """DataError if the file was written since it was opened: its size, its modification time
        or its change time differ (a write, however it puts back the modification time, sets the
        change time, which no program can set back)."""
        assert self._fd is not None
        if _identity(os.fstat(self._fd)) != self._identity:
            raise DataError(f"{self.label}: changed while it was read; try again")

    def _block(self) -> bytes:
        assert self._fd is not None
        try:
            if self._waits:
                from hankkeet.fileio import read_some

                block = read_some(self._fd, _READ_BLOCK, self.label, True)
            else:
                block = os.read(self._fd, _READ_BLOCK)
        except OSError as exc:
            raise DataError(f"{self.label}: cannot read: {exc.strerror or exc}") from None
        self._read += len(block)
        return block

    def _refuse(self, message: str) -> HankkeetError:
        """The problem, unless a pipe or a device holds more than the limit: that is named first, as
        the size of a regular file is (a stream is read on, and dropped, up to the limit)."""
        if self.path is not None and self._identity is None and self._fd is not None:
            from hankkeet.fileio import too_large

            while self._read <= self.max_bytes and self._block():
                pass
            if self._read > self.max_bytes:
                return too_large(self.label, self.max_bytes)
        return DataError(message)

    def projects(self) -> Iterator[Project]:
        """Every project in file order, each checked as it is read; DataError at the first problem.

        A complete pass checks the rest of the file too (the header, which may stand
        after the projects, unknown keys, ids and numbers used twice) and then sets
        :attr:`header`, the snapshot without its projects."""
        if self._fd is None and self.path is not None:
            raise DataError(f"{self.label}: cannot read: the file is closed")
        if self.count and not self.rereadable:
            raise DataError(f"{self.label}: can be read only once (not a regular file)")
        try:
            scan = _Scan(self._chunks(), self.label, check_nfc=self.path is not None)  # (the bundled one is NFC)
            count = 0
            for project in _snapshot_items(scan):
                count += 1
                yield project
            self.header = scan.header
            self.count = count
        except _Problem as problem:
            raise self._refuse(f"{self.label}: not a hankkeet snapshot: {_top_level(problem)}") from None
        except _BadJson as bad:
            raise self._refuse(f"{self.label}: not valid JSON ({bad})") from None
        except _NotUtf8:
            raise self._refuse(f"{self.label}: not UTF-8 text; expected a snapshot made by 'hankkeet parse'") from None
        except _Empty:
            raise self._refuse(f"{self.label}: the file is empty") from None

    def load(self) -> Snapshot:
        """The whole snapshot, every project kept."""
        # A snapshot is acyclic (tuples and strings, freed by reference counting):
        # the cyclic garbage collector would only rescan it again and again while
        # it is built, a quarter of the load time for a large one.
        collecting = gc.isenabled()
        gc.disable()
        try:
            projects = tuple(self.projects())
        finally:
            if collecting:
                gc.enable()
            self.close()
        assert self.header is not None
        return self.header._replace(projects=projects)


def _identity(info: os.stat_result) -> tuple[int, ...]:
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev


_READ_BLOCK = 1 << 20
# The longest JSON text of one value (a project, a header field) a snapshot may hold: the schema's bounds
# allow at most about 2.5 million characters in a project, six JSON characters each when escaped.
MAX_VALUE_CHARS = 16 << 20
# A value that ends, or a decoding error found, this close to the end of what has been read may only
# look so because the text is cut there: read on and decode again.
_MARGIN = 64
_WS = re.compile(r"[ \t\n\r]*")


class _BadJson(Exception):
    """Text that is not JSON; the message gives the line and column."""


class _Scan:
    """JSON text read in chunks: one value at a time, and positions in the whole text."""

    def __init__(self, chunks: Iterator[str], label: str, *, check_nfc: bool = True) -> None:
        self.chunks = chunks
        self.is_normalized: Any = None  # values not in NFC are made so (see value())
        if check_nfc:
            import unicodedata

            self.is_normalized = unicodedata.is_normalized
        self.label = label
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.base = 0  # offset of buf[0] in the text
        self.lines = 0  # line breaks before buf[0]
        self.last_break = -1  # offset of the last line break before buf[0]
        # Every object is checked for a key given twice (json keeps the last in silence).
        self.decode = json.JSONDecoder(object_pairs_hook=_unique_keys).raw_decode
        self.header: Snapshot | None = None
        self._grow()

    def _grow(self) -> None:
        """Drop what was read, then read as much again as is left (at least a chunk)."""
        if self.eof:
            return
        buf, pos = self.buf, self.pos
        if pos:
            breaks = buf.count("\n", 0, pos)
            if breaks:
                self.lines += breaks
                self.last_break = self.base + buf.rindex("\n", 0, pos)
            self.base += pos
            buf = buf[pos:]
            self.pos = 0
        # A value of MAX_VALUE_CHARS fits in the largest buffer; one that does not decode there is longer.
        cap = MAX_VALUE_CHARS + _MARGIN + 1
        if len(buf) >= cap:
            raise _TooLong
        want = min(max(_READ_BLOCK, len(buf)), cap - len(buf))
        parts = [buf]
        size = 0
        while size < want:
            chunk = next(self.chunks, None)
            if chunk is None:
                self.eof = True
                break
            parts.append(chunk)
            size += len(chunk)
        self.buf = "".join(parts)

    def bad(self, message: str, pos: int) -> _BadJson:
        buf = self.buf
        breaks = buf.count("\n", 0, pos)
        line = self.lines + breaks + 1
        column = pos - buf.rindex("\n", 0, pos) if breaks else self.base + pos - self.last_break
        return _BadJson(f"line {line}, column {column}: {message}")

    def char(self) -> str:
        """The next character after white space ('' at the end), not consumed."""
        while True:
            self.pos = _WS.match(self.buf, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buf) or self.eof:
                return self.buf[self.pos : self.pos + 1]
            self._grow()

    def expect(self, allowed: str, message: str) -> str:
        found = self.char()
        if not found or found not in allowed:
            raise self.bad(message, self.pos)
        self.pos += 1
        return found

    def value(self) -> tuple[Any, bool]:
        """The next JSON value, and whether its text is free of escapes that could make a surrogate."""
        self.char()
        while True:
            start = self.pos
            try:
                value, end = self.decode(self.buf, start)
            except json.JSONDecodeError as exc:
                if not self.eof and (exc.pos >= len(self.buf) - _MARGIN or exc.msg.startswith("Unterminated")):
                    self._grow()
                    continue
                raise self.bad(exc.msg, exc.pos) from None
            except _KeyTwice as twice:
                raise _Problem(f"has the key {_shown(twice.key)} twice") from None
            except RecursionError:
                raise _BadJson("nested too deeply") from None
            except ValueError:  # int() refuses a number of thousands of digits
                raise _BadJson("a number with more than 4,300 digits") from None
            if end >= len(self.buf) - _MARGIN and not self.eof:
                self._grow()
                continue
            self.pos = end
            if self.is_normalized is not None and (_NON_ASCII_ESCAPES.search(self.buf, start, end)
                                                   or not self.is_normalized("NFC", self.buf[start:end])):
                try:  # text in NFD (or escapes that may be): the program's texts are NFC, so the snapshot's are
                    value = _nfc(value)
                except RecursionError:
                    raise _BadJson("nested too deeply") from None
            return value, _RISKY_ESCAPES.search(self.buf, start, end) is None


# An escape of a character beyond ASCII (``\u0308``, a combining mark) may leave a JSON string
# in NFD although the text itself is ASCII.
_NON_ASCII_ESCAPES = re.compile(r"\\u(?!00[0-7])")


def _nfc(value: Any) -> Any:
    """A decoded JSON value with every string, keys included, in NFC."""
    import unicodedata

    if type(value) is str:
        return unicodedata.normalize("NFC", value)
    if type(value) is list:
        return [_nfc(item) for item in value]
    if type(value) is dict:
        return {_nfc(key): _nfc(item) for key, item in value.items()}
    return value


class _NotUtf8(Exception):
    """Bytes that are not UTF-8."""


class _KeyTwice(Exception):
    """An object of the text has a key twice (raised while decoding)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """The object of these key-value pairs; _KeyTwice if a key comes twice (the same key however
    it is spelt: the text's escapes are decoded before this)."""
    record = dict(pairs)
    if len(record) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _KeyTwice(key)
            seen.add(key)
    return record


class _Empty(Exception):
    """Nothing but white space."""


class _TooLong(Exception):
    """A value longer than MAX_VALUE_CHARS."""


def _snapshot_items(scan: _Scan) -> Iterator[Project]:
    """The projects of the snapshot object being scanned, checked; then ``scan.header``."""
    schema = _schema(Snapshot)
    first = scan.char()
    if first != "{":
        if not first:
            raise _Empty
        _whole_value(scan)
        raise _Problem("must be an object")  # valid JSON, but not an object
    scan.pos += 1
    header: dict[str, Any] = {}
    unknown: set[str] = set()  # the unknown keys' names (their values are dropped)
    clean = True
    seen_projects = False
    key = ""
    try:
        if scan.char() == "}":
            scan.pos += 1
        else:
            while True:
                if scan.char() != '"':
                    raise scan.bad("Expecting property name enclosed in double quotes", scan.pos)
                key, _ = scan.value()
                scan.expect(":", "Expecting ':' delimiter")
                if key in header or key in unknown or (key == "projects" and seen_projects):
                    raise _Problem(f"has the key {_shown(key)} twice")
                if key == "projects":
                    seen_projects = True
                    _precheck(header, clean)
                    yield from _project_items(scan)
                else:
                    try:
                        value, plain = scan.value()
                    except _Problem as problem:  # a key given twice inside the value
                        raise _at(f".{key}", problem) from None
                    if key in schema.keys:
                        header[key] = value
                        clean = clean and plain
                    else:  # not kept: only the first, as the checked path names it
                        unknown.add(key)
                if scan.expect(",}", "Expecting ',' delimiter") == "}":
                    break
        if scan.char():
            raise scan.bad("Extra data", scan.pos)
    except _TooLong:
        raise _Problem(f".{key} is longer than {MAX_VALUE_CHARS:,} characters of JSON") from None
    if seen_projects:
        header["projects"] = []
    # The rest of the schema, in its order, exactly as from_dict checks it.
    if "schema_version" in header:
        try:
            Const(SCHEMA_VERSION).check(header["schema_version"])
        except _Problem as problem:
            raise _at(".schema_version", problem) from None
    scan.header = schema.checked(header, clean)
    if unknown:
        raise _Problem(f"has an unknown key {_shown(min(unknown))}")


def _whole_value(scan: _Scan) -> None:
    """Decode the rest of the text as one value (a JSON error if it is not one)."""
    try:
        scan.value()
    except _TooLong:
        raise _Problem("must be an object") from None
    if scan.char():
        raise scan.bad("Extra data", scan.pos)


def _precheck(header: dict[str, Any], clean: bool) -> None:
    """What the schema checks before the projects, of the keys read so far (the version first)."""
    if "schema_version" in header:
        try:
            Const(SCHEMA_VERSION).check(header["schema_version"])
        except _Problem as problem:
            raise _at(".schema_version", problem) from None
    for name, kind, _ in _schema(Snapshot).fields:
        if name == "projects":
            break
        if name in header:
            try:
                kind.check(header[name], clean)
            except _Problem as problem:
                raise _at(f".{name}", problem) from None


def _project_items(scan: _Scan) -> Iterator[Project]:
    kind = next(k for name, k, _ in _schema(Snapshot).fields if name == "projects")
    assert isinstance(kind, ListOf)
    if scan.char() != "[":
        with contextlib.suppress(_TooLong):
            scan.value()
        raise _Problem(".projects must be an array")  # as ListOf names it
    scan.pos += 1
    if scan.char() == "]":
        scan.pos += 1
        return
    record = _schema(Project)
    seen = kind.seen()
    i = 0
    while True:
        if i >= kind.max_items:
            raise _Problem(f".projects must have at most {kind.max_items:,} items, not more")
        try:
            value, clean = scan.value()
        except _TooLong:
            raise _Problem(f".projects[{i}] is longer than {MAX_VALUE_CHARS:,} characters of JSON") from None
        except _Problem as problem:  # a key given twice inside the project
            raise _at(f".projects[{i}]", problem) from None
        try:
            project = record.load(value, clean) if i >= _FAST_FROM else record.checked(value, clean)
            kind.check_unique(i, project, seen)
        except _Problem as problem:
            raise _at(".projects", problem) if str(problem).startswith("[") else _at(f".projects[{i}]", problem) \
                from None
        yield project
        i += 1
        if scan.expect(",]", "Expecting ',' delimiter") == "]":
            return


def _top_level(problem: _Problem) -> str:
    text = str(problem)
    return text[1:] if text.startswith(".") else f"the top level {text}"


# -- the loaders and the writer, derived from the declarations ---------------------

# Inside JSON strings a surrogate can only be written as an escape
# (``\ud800``; UTF-8 text cannot hold one); a file without such an escape has
# no surrogate anywhere, and its texts need no scan for them.
_RISKY_ESCAPES = re.compile(r"\\u[dD][89a-fA-F]")


def _no_escapes(text: str) -> bool:
    return _RISKY_ESCAPES.search(text) is None


class _RecordSchema:
    """One record's fields (name, Kind, meaning), in JSON order, and what follows from them."""

    def __init__(self, cls: type) -> None:
        import typing

        hints = typing.get_type_hints(cls, include_extras=True)
        declared: dict[str, tuple[Kind, str]] = {}
        self.optional: dict[str, Any] = {}  # key -> the record's default when the key is absent
        for name, hint in hints.items():
            meta = getattr(hint, "__metadata__", ())
            if meta and isinstance(meta[0], Kind):
                declared[name] = (meta[0], meta[1] if len(meta) > 1 else "")
                if OPTIONAL in meta:
                    assert not isinstance(meta[0], (ListOf, Nested)), "only a scalar field may be optional"
                    self.optional[name] = cls._field_defaults[name]  # type: ignore[attr-defined]
        first = _JSON_FIRST.get(cls.__name__, ())
        order = (*first, *(name for name in declared if name not in first))
        self.cls = cls
        self.fields: list[tuple[str, Kind, str]] = [(name, *declared[name]) for name in order]
        self.keys = frozenset(declared)
        self._fast: Any = None
        self._dump: Any = None

    # The checked path: names the first problem.
    def checked(self, value: Any, clean: bool = False) -> Any:
        if type(value) is not dict:
            raise _Problem("must be an object")
        values = {}
        for name, kind, _ in self.fields:  # in order: the first problem is named
            if name not in value:
                if name in self.optional:
                    continue  # the record's default
                raise _Problem(f"is missing '{name}'")
            try:
                values[name] = kind.check(value[name], clean)
            except _Problem as problem:
                raise _at(f".{name}", problem) from None
        extra = sorted(str(k) for k in value if k not in self.keys) if len(value) != len(values) else []
        if extra:
            raise _Problem(f"has an unknown key {_shown(extra[0])}")
        record = self.cls(**values)
        return _share(record) if self.cls.__name__ in _SHARED else record

    # The fast path: generated from the same Kinds; None for anything the checked path would refuse.
    def fast(self) -> Any:
        if self._fast is None:
            env: dict[str, Any] = {"_bad": _BAD_CHARS.search, "_is_date": _is_date, "_dates": _VALID_DATES,
                                   "_ok": _ok, "_share": _share}
            lines = ["def fast(item, clean):", *self._emit("item", "record", "    ", env), "    return record"]
            exec("\n".join(lines), env)  # our own code, generated from the declarations
            self._fast = env["fast"]
        return self._fast

    def _emit(self, item: str, out: str, pad: str, env: dict[str, Any]) -> list[str]:
        """Lines that set ``out`` to the record built from ``item``, or return None; nested records inline."""
        tag = f"_{len(env)}"
        env[f"_cls{tag}"] = self.cls
        names = [f"v{tag}_{i}" for i in range(len(self.fields))]
        # Exactly these keys: as many keys as fields present, and each required field's key present.
        required = len(self.fields) - len(self.optional)
        size = f"len({item}) != {required}" if not self.optional else "False"
        reads = [f"{pad}    {v} = {item}[{name!r}]" for v, (name, _, _) in zip(names, self.fields, strict=True)
                 if name not in self.optional]
        lines = [f"{pad}if type({item}) is not dict or {size}:", f"{pad}    return None",
                 f"{pad}try:", *reads, f"{pad}except KeyError:", f"{pad}    return None"]
        if self.optional:
            env["_missing"] = _MISSING
            lines.append(f"{pad}n{tag} = {required}")
        built = {}
        for v, (name, kind, _) in zip(names, self.fields, strict=True):
            if name in self.optional:
                default = f"_default{len(env)}"
                env[default] = self.optional[name]
                lines += [f"{pad}{v} = {item}.get({name!r}, _missing)", f"{pad}if {v} is _missing:",
                          f"{pad}    {v} = {default}", f"{pad}else:", f"{pad}    n{tag} += 1",
                          f"{pad}    if not {kind.fast(v, env)}:", f"{pad}        return None"]
                if isinstance(kind, OneOf):
                    members = f"_members{len(env)}"
                    env[members] = kind.members
                    lines.append(f"{pad}    {v} = {members}[{v}]")
                built[name] = v
            elif isinstance(kind, ListOf) and isinstance(kind.item, Nested):
                x, r = f"x{tag}", f"r{tag}"
                lines += [f"{pad}if type({v}) is not list or len({v}) > {kind.max_items}:", f"{pad}    return None",
                          f"{pad}out{v} = []", f"{pad}for {x} in {v}:",
                          *_schema(kind.item.record)._emit(x, r, pad + "    ", env),
                          f"{pad}    out{v}.append({_shared_expr(kind.item.record, r)})"]
                for unique in kind.unique:  # a field used twice: the checked path names the item
                    lines += [f"{pad}if len({{{x}.{unique} for {x} in out{v}}}) != len(out{v}):",
                              f"{pad}    return None"]
                built[name] = f"tuple(out{v})"
            elif isinstance(kind, Nested):
                lines += _schema(kind.record)._emit(v, f"rec{v}", pad, env)
                built[name] = f"rec{v}"
            elif isinstance(kind, ListOf):
                test = kind.item.fast(f"x{tag}", env)
                lines += [f"{pad}if not (type({v}) is list and len({v}) <= {kind.max_items}"
                          f" and all({test} for x{tag} in {v})):", f"{pad}    return None"]
                built[name] = f"tuple({v})"
            elif isinstance(kind, OneOf):  # the value becomes its enum member
                members = f"_members{len(env)}"
                env[members] = kind.members
                lines += [f"{pad}{v} = {members}.get({v}) if type({v}) is str else None",
                          f"{pad}if {v} is None:", f"{pad}    return None"]
                built[name] = v
            else:
                lines += [f"{pad}if not {kind.fast(v, env)}:", f"{pad}    return None"]
                built[name] = v
        if self.optional:
            lines += [f"{pad}if len({item}) != n{tag}:", f"{pad}    return None"]
        fields = [f for f in self.cls._fields if f in built]  # type: ignore[attr-defined]
        lines.append(f"{pad}{out} = _cls{tag}({', '.join(built[f] for f in fields)})")
        return lines

    def load(self, value: Any, clean: bool) -> Any:
        """The record: the fast path, and the checked path for a message when it refuses."""
        record = self.fast()(value, clean)
        return record if record is not None else self.checked(value, clean)

    # The writer: the JSON object of a record, keys in schema order.
    def dump(self, record: Any) -> dict[str, Any]:
        if self._dump is None:
            parts = []
            for name, kind, _ in self.fields:
                ref = f"r.{name}"
                if isinstance(kind, ListOf) and isinstance(kind.item, Nested):
                    parts.append(f"{name!r}: [x.to_dict() for x in {ref}]")
                elif isinstance(kind, ListOf):
                    parts.append(f"{name!r}: list({ref})")
                elif isinstance(kind, Nested):
                    parts.append(f"{name!r}: {ref}.to_dict()")
                elif isinstance(kind, OneOf):  # the enum member's plain value
                    parts.append(f"{name!r}: str({ref})")
                else:
                    parts.append(f"{name!r}: {ref}")
            env: dict[str, Any] = {}
            exec(f"def dump(r):\n    return {{{', '.join(parts)}}}", env)  # generated as above
            self._dump = env["dump"]
        return self._dump(record)  # type: ignore[no-any-return]


_SCHEMAS: dict[type, _RecordSchema] = {}
# Keys that come first in a record's JSON object, before the others in field order.
_JSON_FIRST = {"Snapshot": ("schema_version",)}
# Small records that many projects hold alike (a municipality covered on a basis): one object for
# each distinct value, so that 100,000 projects do not hold a million copies of a few thousand values.
_SHARED = frozenset({"Coverage"})
_SHARED_VALUES: dict[Any, Any] = {}
_MAX_SHARED = 100_000  # distinct values kept for sharing; past them, records are kept as they come


def _shared_expr(cls: type, name: str) -> str:
    """Generated code: the record ``name``, shared when its class is one of _SHARED."""
    return f"_share({name})" if cls.__name__ in _SHARED else name


def _share(record: Any) -> Any:
    found = _SHARED_VALUES.get(record)
    if found is None:
        if len(_SHARED_VALUES) < _MAX_SHARED:
            _SHARED_VALUES[record] = record
        return record
    return found


def _schema(cls: type) -> _RecordSchema:
    schema = _SCHEMAS.get(cls)
    if schema is None:
        schema = _SCHEMAS[cls] = _RecordSchema(cls)
    return schema


# Below this many projects the checked path alone is as quick as generating the fast one (about 2 ms).
_FAST_FROM = 200


def from_dict(data: Any, *, clean: bool = False, checked_only: bool = False, fast: bool | None = None) -> Snapshot:
    """Build a Snapshot from decoded JSON; raise _Problem naming the first problem.

    ``clean``: the JSON text had no escape that could make a surrogate (see
    ``_no_escapes``), so texts are not scanned for them. The fast path is used
    for a large snapshot (``fast=None``), always (``fast=True``) or never
    (``checked_only``); both give the same answer (the tests compare them).
    """
    schema = _schema(Snapshot)
    try:
        if type(data) is not dict:
            raise _Problem("must be an object")
        if "schema_version" in data:  # the version first: another version's shape differs anyway
            try:
                Const(SCHEMA_VERSION).check(data["schema_version"])
            except _Problem as problem:
                raise _at(".schema_version", problem) from None
        if fast is None:
            projects = data.get("projects")
            fast = type(projects) is list and len(projects) >= _FAST_FROM
        snapshot = schema.load(data, clean) if fast and not checked_only else schema.checked(data, clean)
    except _Problem as problem:
        text = str(problem)
        raise _Problem(text[1:] if text.startswith(".") else f"the top level {text}") from None
    return snapshot  # type: ignore[no-any-return]


def schema_markdown() -> str:
    """The snapshot's schema as Markdown tables, for the README (a test keeps them equal)."""
    out = []
    for cls, title in ((Snapshot, "The snapshot object"), (Source, "`source`"), (Project, "A project"),
                       (Coverage, "An entry of `municipalities`")):
        out += [f"{title}:", "", "| key | type | meaning |", "|---|---|---|"]
        schema = _schema(cls)
        for name, kind, doc in schema.fields:
            optional = f"; optional (default {json.dumps(schema.optional[name])})" if name in schema.optional else ""
            out.append(f"| `{name}` | {kind.describe()}{optional} | {doc} |")
        out.append("")
    out.append("Every key not marked optional is required, and no other key is allowed. No text holds a lone "
               "surrogate (which is not Unicode); `id` and `number` are unique across the projects.")
    return "\n".join(out)
