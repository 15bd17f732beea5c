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

import gc
import json
import os
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import Any, NamedTuple

from hankkeet.errors import DataError, UnknownProject

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


BASES: tuple[Basis, ...] = tuple(Basis)


# The records are NamedTuples, not dataclasses: a command-line run defines and
# builds them on every start, and tuples are several times cheaper at both.


class Coverage(NamedTuple):
    """One municipality a project's area resolves to, and why."""

    code: str
    name: str
    basis: Basis
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "basis": self.basis, "note": self.note}


class Project(NamedTuple):
    """One funded project, every text field NFC with whitespace collapsed.

    ``id`` is a short lowercase ASCII slug, ``number`` the 1-based position in
    the document, ``start``/``end`` ISO dates (null if the document's period has an
    impossible date). ``area`` is the Toiminta-alue cell
    as printed; ``regions`` and ``municipalities`` are what it resolves to.
    """

    id: str
    number: int
    organisation: str
    co_implementers: tuple[str, ...]
    name: str
    start: str | None  # null only when the document's period could not be read
    end: str | None
    area: str
    description: str
    regions: tuple[str, ...] = ()
    municipalities: tuple[Coverage, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        # Key order is part of the output contract: stable for diffs and jq.
        return {
            "id": self.id,
            "number": self.number,
            "organisation": self.organisation,
            "co_implementers": list(self.co_implementers),
            "name": self.name,
            "start": self.start,
            "end": self.end,
            "area": self.area,
            "description": self.description,
            "regions": list(self.regions),
            "municipalities": [c.to_dict() for c in self.municipalities],
        }

    @property
    def period(self) -> str:
        return f"{self.start or '?'} – {self.end or '?'}"


class Source(NamedTuple):
    title: str
    subtitle: str
    file: str
    sha256: str

    def to_dict(self) -> dict[str, str]:
        return {"title": self.title, "subtitle": self.subtitle, "file": self.file, "sha256": self.sha256}


class Snapshot(NamedTuple):
    source: Source
    projects: tuple[Project, ...]
    schema_version: int = SCHEMA_VERSION
    # Not serialised: problems the parser met (unresolved area terms, ...).
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "source": self.source.to_dict(),
            "projects": [p.to_dict() for p in self.projects],
        }

    def get(self, project_id: str) -> Project | None:
        for project in self.projects:
            if project.id == project_id:
                return project
        return None

    def complete_ids(self, incomplete: str) -> list[tuple[str, str]]:
        """Shell completion: (id, project name) for ids starting with ``incomplete``."""
        from hankkeet.textnorm import ascii_slug

        prefix = ascii_slug(incomplete) if incomplete.strip() else ""
        return [(p.id, p.name) for p in self.projects if p.id.startswith(prefix)]

    def find(self, key: str) -> Project:
        """A project by id, by a spelling of its id (``Riihimäki``) or by number.

        Raises UnknownProject naming the closest ids.
        """
        import difflib

        from hankkeet.textnorm import ascii_slug, clean

        key = clean(key)
        slug = ascii_slug(key)
        # A number is ASCII digits, leading zeros allowed (01 is 1); not ٠١ nor a 5,000-digit int().
        number = int(key) if key.isascii() and key.isdigit() and len(key) <= 18 else None
        for project in self.projects:
            if key == project.id or (slug and slug == project.id) or number == project.number:
                return project
        ids = [p.id for p in self.projects]
        close = difflib.get_close_matches(slug or key, ids, n=3, cutoff=0.5)
        shown = key if len(key) <= 60 else key[:57] + "..."
        raise UnknownProject(f"no project with id {shown!r}", close)


def dumps(data: Any) -> str:
    """The one JSON encoder for files and stdout: UTF-8 text, not ASCII-escaped."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def save(snapshot: Snapshot, path: str | os.PathLike[str], *, inputs: Sequence[str | os.PathLike[str]] = ()) -> None:
    """Write the snapshot with the safe writer (atomic for a regular file; see hankkeet.fileio).

    Refuses to write over any of ``inputs``; raises OutputError.
    """
    from hankkeet.fileio import write_file

    write_file(path, dumps(snapshot.to_dict()).encode("utf-8"), inputs=inputs)


def load(path: str | os.PathLike[str] | None = None, *, max_bytes: int | None = None) -> Snapshot:
    """Load the bundled snapshot, or the file at ``path``; raise DataError if bad.

    A file larger than ``max_bytes`` (default: hankkeet.fileio.DEFAULT_MAX_INPUT)
    is refused before it is read (InputTooLarge).
    """
    if path is None:
        from hankkeet.data import read_text

        text = read_text(BUNDLED_SNAPSHOT)
        label = "bundled snapshot"
    else:
        from hankkeet.fileio import DEFAULT_MAX_INPUT, read_limited

        label = str(path)
        if not label:
            raise DataError("the snapshot path is empty")
        try:
            raw = read_limited(path, DEFAULT_MAX_INPUT if max_bytes is None else max_bytes, label)
        except FileNotFoundError:
            raise DataError(f"{label}: no such file") from None
        except IsADirectoryError:
            raise DataError(f"{label}: is a directory, not a snapshot file") from None
        except NotADirectoryError:
            raise DataError(f"{label}: a part of the path is a file, not a folder") from None
        except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
            raise DataError(f"{label}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise DataError(f"{label}: not UTF-8 text; expected a snapshot made by 'hankkeet parse'") from None
    if not text or text.isspace():  # no stripped copy of a large file
        raise DataError(f"{label}: the file is empty")
    # A snapshot is acyclic (tuples and strings, freed by reference counting):
    # the cyclic garbage collector would only rescan it again and again while
    # it is built, a quarter of the load time for a large one.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _decode(text, label)
    finally:
        if collecting:
            gc.enable()


def _decode(text: str, label: str) -> Snapshot:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(f"{label}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise DataError(f"{label}: not valid JSON (nested too deeply)") from None
    try:
        return from_dict(data)
    except _SchemaProblem as problem:
        raise DataError(f"{label}: not a hankkeet snapshot: {problem}") from None


class _SchemaProblem(Exception):
    pass


def _expect(value: Any, kind: type | tuple[type, ...], where: str) -> Any:
    # bool is an int in Python; a JSON true is never a valid number here.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        names = {str: "a string", int: "an integer", list: "an array", dict: "an object"}
        wanted = names.get(kind, str(kind)) if isinstance(kind, type) else "a value of the right type"
        raise _SchemaProblem(f"{where} must be {wanted}")
    return value


def _text(obj: dict[str, Any], key: str, where: str) -> str:
    if key not in obj:
        raise _SchemaProblem(f"{where} is missing '{key}'")
    return _expect(obj[key], str, f"{where}.{key}")


def _iso_date(obj: dict[str, Any], key: str, where: str) -> str | None:
    if key not in obj:
        raise _SchemaProblem(f"{where} is missing '{key}'")
    value = obj[key]
    if value is None:  # a period the parser could not read
        return None
    _expect(value, str, f"{where}.{key}")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise _SchemaProblem(f"{where}.{key} must be an ISO date (YYYY-MM-DD) or null, not {value!r}") from None
    return value


_BASIS_OF: dict[str, Basis] = {b.value: b for b in Basis}
_new_coverage = Coverage._make
_COVERAGE_TYPES = frozenset({(str, str, str), (str, str, type(None))})
_PROJECT_TEXTS = ("id", "organisation", "name", "area", "description")


def _coverage(item: Any, where: str) -> Coverage:
    _expect(item, dict, where)
    basis = _BASIS_OF.get(_text(item, "basis", where))
    if basis is None:
        raise _SchemaProblem(f"{where}.basis must be one of {', '.join(BASES)}, not {item['basis']!r}")
    note = item.get("note")
    if note is not None:
        _expect(note, str, f"{where}.note")
    return Coverage(code=_text(item, "code", where), name=_text(item, "name", where), basis=basis, note=note)


def _project(item: Any, where: str) -> Project:
    # Snapshots can hold thousands of projects and 100,000s of coverage entries:
    # a fast path builds valid ones, the checked path names the first problem.
    if type(item) is dict:
        project = _project_unchecked(item)
        if project is not None:
            return project
    return _project_checked(item, where)


def _is_iso_date(value: Any) -> bool:
    """An ISO date string, or null (a period the parser could not read)."""
    if value is None:
        return True
    if type(value) is not str:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _project_unchecked(item: dict[str, Any]) -> Project | None:
    """The project if ``item`` is plainly valid, else None (no message)."""
    get = item.get
    texts = [get(key) for key in _PROJECT_TEXTS]
    number = get("number")
    co, regions, municipalities = get("co_implementers", []), get("regions", []), get("municipalities", [])
    if (
        any(type(t) is not str for t in texts)
        or not texts[0]
        or type(number) is not int
        or type(co) is not list
        or type(regions) is not list
        or type(municipalities) is not list
        or any(type(c) is not str for c in co)
        or any(type(r) is not str for r in regions)
    ):
        return None
    start, end = get("start"), get("end")
    if not (_is_iso_date(start) and _is_iso_date(end)):
        return None
    coverage = []
    for m in municipalities:
        if type(m) is not dict:
            return None
        basis = m.get("basis")
        values = (m.get("code"), m.get("name"), _BASIS_OF.get(basis) if type(basis) is str else None, m.get("note"))
        if (type(values[0]), type(values[1]), type(values[3])) not in _COVERAGE_TYPES or values[2] is None:
            return None
        coverage.append(_new_coverage(values))
    pid, organisation, name, area, description = texts
    return Project(pid, number, organisation, tuple(co), name, start, end, area, description,
                   tuple(regions), tuple(coverage))


def _project_checked(item: Any, where: str) -> Project:
    _expect(item, dict, where)
    if "number" not in item:
        raise _SchemaProblem(f"{where} is missing 'number'")
    number = _expect(item["number"], int, f"{where}.number")
    co = _expect(item.get("co_implementers", []), list, f"{where}.co_implementers")
    regions = _expect(item.get("regions", []), list, f"{where}.regions")
    municipalities = _expect(item.get("municipalities", []), list, f"{where}.municipalities")
    project_id = _text(item, "id", where)
    if not project_id:
        raise _SchemaProblem(f"{where}.id must not be empty")
    return Project(
        id=project_id,
        number=number,
        organisation=_text(item, "organisation", where),
        co_implementers=tuple(_expect(c, str, f"{where}.co_implementers[{i}]") for i, c in enumerate(co)),
        name=_text(item, "name", where),
        start=_iso_date(item, "start", where),
        end=_iso_date(item, "end", where),
        area=_text(item, "area", where),
        description=_text(item, "description", where),
        regions=tuple(_expect(r, str, f"{where}.regions[{i}]") for i, r in enumerate(regions)),
        municipalities=tuple(
            _coverage(m, f"{where}.municipalities[{i}]") for i, m in enumerate(municipalities)
        ),
    )


def from_dict(data: Any) -> Snapshot:
    """Build a Snapshot from decoded JSON, raising _SchemaProblem on the first problem."""
    _expect(data, dict, "the top level")
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise _SchemaProblem(f"schema_version must be {SCHEMA_VERSION}, not {version!r}")
    source = _expect(data.get("source"), dict, "source")
    projects_raw = data.get("projects")
    if projects_raw is None:
        raise _SchemaProblem("the top level is missing 'projects'")
    _expect(projects_raw, list, "projects")
    projects = tuple(_project(item, f"projects[{i}]") for i, item in enumerate(projects_raw))
    seen: set[str] = set()
    for i, project in enumerate(projects):
        if project.id in seen:
            raise _SchemaProblem(f"projects[{i}].id {project.id!r} is used twice")
        seen.add(project.id)
    return Snapshot(
        source=Source(
            title=_text(source, "title", "source"),
            subtitle=_text(source, "subtitle", "source"),
            file=_text(source, "file", "source"),
            sha256=_text(source, "sha256", "source"),
        ),
        projects=projects,
        schema_version=SCHEMA_VERSION,
    )
