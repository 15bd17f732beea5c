"""A snapshot as an SQLite database of plain tables, for Datasette, sqlite3 or any SQL tool.

The schema is declared once, in :data:`TABLES` and :data:`VIEWS` (with what
each column means); the SQL, the README's schema section
(:func:`schema_markdown`, a test keeps them equal) and the tests follow from
it. Lists of a project are child tables, not JSON strings; every reference is
a foreign key, with an index; the municipalities and regions are the
registry's. :func:`build` fills an open connection (a test can use
``:memory:``); :func:`export_sqlite` writes a file through the safe writer
(:func:`hankkeet.fileio.building`: built in a temporary file next to the
target, fsynced, renamed over it), so a reader sees the old database or the
new one, never a part.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from hankkeet import __version__
from hankkeet.errors import DataError, HankkeetError, OutputError
from hankkeet.kunnat.registry import REGISTRY_VERSION, Registry
from hankkeet.model import BASES, SCHEMA_VERSION, Basis, Project, Snapshot

# The version of the database's layout, also in PRAGMA user_version: changed when a table or column changes.
EXPORT_VERSION = 1
FTS_TABLE = "projects_fts"
FTS_COLUMNS = ("name", "organisation", "area", "description")
BATCH = 2_000  # projects per executemany: bounded memory, few round trips


class Column(NamedTuple):
    name: str
    sql: str  # the declaration after the name: "TEXT NOT NULL REFERENCES regions(code)"
    meaning: str


class Table(NamedTuple):
    name: str
    meaning: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()  # a primary key of several columns
    indexes: tuple[str, ...] = ()  # indexed columns ("a" or "a, b"): every foreign key leads one

    def create(self) -> str:
        """The CREATE TABLE statement, each column's meaning in a comment (SQLite keeps it: ``.schema``
        and Datasette's table pages show it)."""
        parts = [(f"{c.name} {c.sql}".rstrip(), c.meaning) for c in self.columns]
        if self.key:
            parts.append((f"PRIMARY KEY ({', '.join(self.key)})", ""))
        lines = [f"-- {self.meaning}"]
        for i, (declaration, meaning) in enumerate(parts):
            comma = "," if i < len(parts) - 1 else ""
            comment = f"  -- {meaning}".replace("\n", " ") if meaning else ""
            lines.append(f"  {declaration}{comma}{comment}")
        return f"CREATE TABLE {self.name} (\n" + "\n".join(lines) + "\n)"

    def create_indexes(self) -> list[str]:
        return [f"CREATE INDEX {self.name}_{columns.split(',')[0]} ON {self.name} ({columns})"
                for columns in self.indexes]

    def insert(self) -> str:
        names = [c.name for c in self.columns]
        return f"INSERT INTO {self.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"


def _c(name: str, sql: str, meaning: str) -> Column:
    return Column(name, sql, meaning)


_BASIS_MEANINGS = {
    Basis.LISTED: "named in the project's area",
    Basis.SUBREGION: "a member of a subregion the area names",
    Basis.REGION: "a member of a region the area names",
    Basis.COOPERATION: "reached only through the regional cooperation the area mentions",
}

TABLES: tuple[Table, ...] = (
    Table("metadata", "what the database was made from and with: one row per key", (
        _c("key", "TEXT PRIMARY KEY", "`title`, `subtitle`, `file`, `sha256` (the source document's), `year`, "
           "`period`, `unread`, `snapshot` (the snapshot file, or `bundled`), `snapshot_sha256` (null when it was "
           "read from a pipe), `schema_version`, "
           "`snapshot_registry_version` (what the coverage was resolved with), `registry_version` (the "
           "municipality tables'), `hankkeet_version`, `export_version`, `projects`, `fts`"),
        _c("value", "", "text or integer; null where the snapshot has none"),
    )),
    Table("regions", "the 19 regions (maakunnat) of the registry", (
        _c("code", "TEXT PRIMARY KEY", "the region code (`01`)"),
        _c("name", "TEXT NOT NULL UNIQUE", "its Finnish name (`Uusimaa`)"),
    )),
    Table("subregions", "the subregions (seutukunnat)", (
        _c("code", "TEXT PRIMARY KEY", "the subregion code (`011`)"),
        _c("name", "TEXT NOT NULL", "its Finnish name"),
        _c("region_code", "TEXT NOT NULL REFERENCES regions(code)", "its region"),
    ), indexes=("region_code",)),
    Table("counties", "the 21 wellbeing services counties (hyvinvointialueet, since 2023)", (
        _c("id", "TEXT PRIMARY KEY", "two letters (`PK`)"),
        _c("name", "TEXT NOT NULL UNIQUE", "the Finnish name (`Pohjois-Karjalan hyvinvointialue`)"),
        _c("name_sv", "TEXT NOT NULL", "the Swedish name"),
        _c("short_name", "TEXT NOT NULL", "the short Finnish name (`Pohjois-Karjala`)"),
        _c("short_name_sv", "TEXT NOT NULL", "the short Swedish name"),
    )),
    Table("municipalities", "the municipalities of the registry (309, the classification of 2021-01-01)", (
        _c("code", "TEXT PRIMARY KEY", "the municipality code (`091`)"),
        _c("name", "TEXT NOT NULL", "the Finnish name"),
        _c("name_sv", "TEXT NOT NULL", "the Swedish name"),
        _c("region_code", "TEXT NOT NULL REFERENCES regions(code)", "its region"),
        _c("subregion_code", "TEXT NOT NULL REFERENCES subregions(code)", "its subregion"),
        _c("county_id", "TEXT REFERENCES counties(id)", "its wellbeing services county; null for Helsinki "
           "and Åland"),
        _c("population", "INTEGER NOT NULL", "inhabitants at the end of 2020"),
    ), indexes=("region_code", "subregion_code", "county_id")),
    Table("bases", "how a project covers a municipality, strongest first", (
        _c("basis", "TEXT PRIMARY KEY", "`listed`, `subregion`, `region` or `cooperation`"),
        _c("rank", "INTEGER NOT NULL UNIQUE", "1 for the strongest"),
        _c("meaning", "TEXT NOT NULL", "what it means"),
    )),
    Table("projects", "one row per project, in document order; every field of the snapshot's project "
          "except its lists, which are the tables below", (
        _c("id", "TEXT NOT NULL UNIQUE", "the project's id (`riihimaki`), as `hankkeet show` takes it"),
        _c("number", "INTEGER PRIMARY KEY", "the 1-based position in the document; also the row id that "
           f"`{FTS_TABLE}` refers to"),
        _c("organisation", "TEXT NOT NULL", "the applicant"),
        _c("name", "TEXT NOT NULL", "the project's name"),
        _c("start", "TEXT", "the first day, `YYYY-MM-DD`; null where the document's date is impossible"),
        _c("end", "TEXT", "the last day, likewise"),
        _c("area", "TEXT NOT NULL", "the *Toiminta-alue* cell as printed"),
        _c("description", "TEXT NOT NULL", "the *Toiminnan kuvaus* cell"),
    )),
    Table("co_implementers", "the co-implementers of a project, in the document's order", (
        _c("project_id", "TEXT NOT NULL REFERENCES projects(id)", "the project"),
        _c("position", "INTEGER NOT NULL", "1, 2, … within the project"),
        _c("name", "TEXT NOT NULL", "the co-implementer as printed"),
    ), key=("project_id", "position")),
    Table("project_regions", "the regions a project's area touches, in the snapshot's order", (
        _c("project_id", "TEXT NOT NULL REFERENCES projects(id)", "the project"),
        _c("position", "INTEGER NOT NULL", "1, 2, … within the project"),
        _c("region_code", "TEXT NOT NULL REFERENCES regions(code)", "the region"),
    ), key=("project_id", "position"), indexes=("region_code",)),
    Table("project_municipalities", "the municipalities a project's area resolves to, and why", (
        _c("project_id", "TEXT NOT NULL REFERENCES projects(id)", "the project"),
        _c("municipality_code", "TEXT NOT NULL REFERENCES municipalities(code)", "the municipality (its name is "
           "`municipalities.name`, the registry's)"),
        _c("basis", "TEXT NOT NULL REFERENCES bases(basis)", "why it is covered"),
        _c("note", "TEXT", "a remark (`written 'Uki' in the area`), else null"),
        _c("position", "INTEGER NOT NULL", "1, 2, … within the project, the snapshot's order"),
    ), key=("project_id", "municipality_code"),
        # Leading with the municipality and holding the basis and the project, the index answers the
        # coverage views by itself (a tenth of the time of reading the rows at 100,000 projects).
        indexes=("municipality_code, basis, project_id", "basis")),
)

_TABLE = {t.name: t for t in TABLES}


class View(NamedTuple):
    name: str
    meaning: str
    columns: tuple[tuple[str, str], ...]  # (name, meaning)
    select: str


def _with_ranks(select: str) -> str:
    """``select`` with the bases' ranks written out: ``CASE min(CASE basis WHEN 'listed' THEN 1 …) WHEN 1
    THEN 'listed' …``, the strongest basis without a join per row."""
    ranks = " ".join(f"WHEN '{b}' THEN {rank}" for rank, b in enumerate(BASES, start=1))
    names = " ".join(f"WHEN {rank} THEN '{b}'" for rank, b in enumerate(BASES, start=1))
    return select.replace("{_RANKS}", ranks).replace("{_NAMES}", names)


VIEWS: tuple[View, ...] = (
    View("coverage", "one row per municipality (code order): how many projects cover it, and how", (
        ("code", "the municipality code"),
        ("name", "its Finnish name"),
        ("name_sv", "its Swedish name"),
        ("region", "its region's name"),
        ("county", "its wellbeing services county's name, or null"),
        ("population", "inhabitants at the end of 2020"),
        ("projects", "projects covering it"),
        ("direct", "of those, projects covering it directly (basis `listed`, `subregion` or `region`)"),
        ("cooperation", "projects reaching it only through regional cooperation"),
        ("basis", "the strongest basis it is covered on; null when no project covers it"),
    ), _with_ranks("""SELECT m.code, m.name, m.name_sv, r.name AS region, c.name AS county, m.population,
  count(pm.basis) AS projects,
  count(CASE WHEN pm.basis <> 'cooperation' THEN 1 END) AS direct,
  count(CASE WHEN pm.basis = 'cooperation' THEN 1 END) AS cooperation,
  CASE min(CASE pm.basis {_RANKS} END) {_NAMES} END AS basis
FROM municipalities AS m
JOIN regions AS r ON r.code = m.region_code
LEFT JOIN counties AS c ON c.id = m.county_id
LEFT JOIN project_municipalities AS pm ON pm.municipality_code = m.code
GROUP BY m.code
ORDER BY m.code""")),
    View("region_coverage", "one row per region (code order): its municipalities and people, and how many of them "
         "projects cover", (
        ("code", "the region code"),
        ("region", "its name"),
        ("municipalities", "its municipalities"),
        ("covered", "of those, covered by some project"),
        ("direct", "of those, covered directly (not only through cooperation)"),
        ("population", "its inhabitants at the end of 2020"),
        ("population_covered", "of those, living in a covered municipality"),
        ("population_direct", "of those, living in a directly covered municipality"),
        ("projects", "projects covering at least one of its municipalities"),
    ), """SELECT r.code, r.name AS region, count(*) AS municipalities,
  count(CASE WHEN c.projects > 0 THEN 1 END) AS covered,
  count(CASE WHEN c.direct > 0 THEN 1 END) AS direct,
  sum(c.population) AS population,
  sum(CASE WHEN c.projects > 0 THEN c.population ELSE 0 END) AS population_covered,
  sum(CASE WHEN c.direct > 0 THEN c.population ELSE 0 END) AS population_direct,
  (SELECT count(DISTINCT pm.project_id) FROM project_municipalities AS pm
   JOIN municipalities AS x ON x.code = pm.municipality_code WHERE x.region_code = r.code) AS projects
FROM regions AS r
JOIN municipalities AS m ON m.region_code = r.code
JOIN coverage AS c ON c.code = m.code
GROUP BY r.code
ORDER BY r.code"""),
)

FTS_MEANING = (f"full-text index (FTS5) over the projects' {', '.join(FTS_COLUMNS)}; its content is the "
               "`projects` table (`rowid` = `projects.number`), folded for case and diacritics (`unicode61 "
               "remove_diacritics 2`); triggers keep it in step with `projects`")


def _fts_sql() -> list[str]:
    cols = ", ".join(FTS_COLUMNS)
    new = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
    old = ", ".join(f"old.{c}" for c in FTS_COLUMNS)
    remove = f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, {cols}) VALUES ('delete', old.number, {old});"
    add = f"INSERT INTO {FTS_TABLE} (rowid, {cols}) VALUES (new.number, {new});"
    return [
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({cols}, content=\"projects\", content_rowid=\"number\", "
        "tokenize=\"unicode61 remove_diacritics 2\")",
        f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('rebuild')",
        f"CREATE TRIGGER projects_ai AFTER INSERT ON projects BEGIN {add} END",
        f"CREATE TRIGGER projects_ad AFTER DELETE ON projects BEGIN {remove} END",
        f"CREATE TRIGGER projects_au AFTER UPDATE ON projects BEGIN {remove} {add} END",
    ]


def schema_sql(*, fts: bool = True) -> str:
    """The whole schema as SQL statements (what ``sqlite3 FILE .schema`` shows, near enough)."""
    statements = [t.create() for t in TABLES]
    statements += [f"CREATE VIEW {v.name} AS\n{v.select}" for v in VIEWS]
    statements += [index for t in TABLES for index in t.create_indexes()]
    if fts:
        statements.append(_fts_sql()[0])
    return ";\n".join(statements) + ";\n"


def schema_markdown() -> str:
    """The database's tables as Markdown, for the README (a test keeps them equal)."""
    out = []
    for table in TABLES:
        key = f"; primary key ({', '.join(table.key)})" if table.key else ""
        out += [f"`{table.name}`: {table.meaning}{key}.", "", "| column | type | meaning |", "|---|---|---|"]
        out += [f"| `{c.name}` | {c.sql or 'any'} | {c.meaning} |" for c in table.columns]
        out.append("")
    for view in VIEWS:
        out += [f"`{view.name}` (a view): {view.meaning}.", "", "| column | meaning |", "|---|---|"]
        out += [f"| `{name}` | {meaning} |" for name, meaning in view.columns]
        out.append("")
    out.append(f"`{FTS_TABLE}` (a virtual table): {FTS_MEANING}.")
    indexed = ", ".join(f"`{t.name}({c})`" for t in TABLES for c in t.indexes)
    out += ["", f"Indexes: every primary key and unique column, and {indexed}."]
    return "\n".join(out)


# -- building ------------------------------------------------------------------


class Summary(NamedTuple):
    """What an export wrote."""

    projects: int
    municipalities: int
    covered: int
    fts: bool


def fts5_available() -> bool:
    """Whether this Python's SQLite has the FTS5 extension."""
    con = sqlite3.connect(":memory:")
    try:
        con.execute("CREATE VIRTUAL TABLE probe USING fts5(x)")
    except sqlite3.Error:
        return False
    finally:
        con.close()
    return True


def no_fts5_message() -> str:
    return (f"this Python's SQLite ({sqlite3.sqlite_version}) lacks the FTS5 extension; "
            "add --no-fts to export without the full-text table")


def _regular(path: str | os.PathLike[str]) -> bool:
    """A regular file, which can be read twice (a pipe or a device would be used up by a first pass)."""
    import stat

    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def snapshot_digest(path: str | os.PathLike[str] | None) -> str | None:
    """The sha256 of the snapshot file (``None``: the bundled one), read in blocks; None for a pipe or a
    device, which only the export itself may read."""
    digest = hashlib.sha256()
    if path is None:
        from hankkeet.data import read_text
        from hankkeet.model import BUNDLED_SNAPSHOT

        digest.update(read_text(BUNDLED_SNAPSHOT).encode("utf-8"))
        return digest.hexdigest()
    if not _regular(path):
        return None
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return digest.hexdigest()


class Stream(NamedTuple):
    """Projects read one at a time, for a snapshot too large to hold: ``header()`` gives the
    snapshot without its projects once they have all been read, ``total`` (if known) is for
    the progress display."""

    projects: Iterable[Project]
    header: Callable[[], Snapshot]
    total: int | None = None


def stream_file(path: str | os.PathLike[str] | None, *, max_bytes: int | None = None,
                count: bool = False) -> Stream:
    """The snapshot at ``path`` (None: the bundled one) as a Stream, read one project at a time.

    ``count``: estimate the number of projects first, for a progress display
    (one quick pass over the bytes: a ``"number"`` key can only be a
    project's, since a quote inside a JSON string is escaped).
    """
    from hankkeet.model import SnapshotFile

    source = SnapshotFile(path, max_bytes=max_bytes)

    def header() -> Snapshot:
        if source.header is None:  # pragma: no cover - asked for before every project was read
            raise AssertionError("the snapshot's header is known once its projects have been read")
        return source.header

    return Stream(source.projects(), header, _count_projects(path) if count else None)


def _count_projects(path: str | os.PathLike[str] | None) -> int | None:
    if path is None:
        from hankkeet.data import read_text
        from hankkeet.model import BUNDLED_SNAPSHOT

        return read_text(BUNDLED_SNAPSHOT).count('"number"')
    if not _regular(path):
        return None
    total, tail = 0, b""
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                total += (tail + block).count(b'"number"') - tail.count(b'"number"')
                tail = block[-7:]
    except OSError:
        return None  # the reading proper says what is wrong
    return total


def _as_stream(snapshot: Snapshot | Stream) -> Stream:
    if isinstance(snapshot, Stream):
        return snapshot
    return Stream(snapshot.projects, lambda: snapshot, len(snapshot.projects))


def build(
    con: sqlite3.Connection,
    snapshot: Snapshot | Stream,
    registry: Registry,
    *,
    fts: bool = True,
    about: dict[str, Any] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Summary:
    """Create the schema in the empty database ``con`` and fill it from ``snapshot`` and ``registry``.

    The projects are read once, in order, and inserted in batches of BATCH, so
    a :class:`Stream` is never held whole.

    ``about``: further metadata (``snapshot``, ``snapshot_sha256``). Raises
    DataError when the snapshot names a municipality code or a region the
    registry lacks, or one municipality twice in a project; HankkeetError when
    ``fts`` and SQLite has no FTS5.
    """
    if fts and not fts5_available():
        raise HankkeetError(no_fts5_message())
    con.isolation_level = None  # transactions are begun and committed here
    con.execute("PRAGMA foreign_keys = OFF")  # checked once at the end, all rows at once
    con.execute("BEGIN")
    try:
        for table in TABLES:
            con.execute(table.create())
        for view in VIEWS:
            con.execute(f"CREATE VIEW {view.name} AS\n{view.select}")
        region_codes = _insert_registry(con, registry)
        stream = _as_stream(snapshot)
        counts = _insert_projects(con, stream, registry, region_codes, progress)
        _insert_metadata(con, stream.header(), counts[0], fts, about or {})
        for table in TABLES:
            for index in table.create_indexes():
                con.execute(index)
        if fts:
            for statement in _fts_sql():
                con.execute(statement)
        broken = con.execute("PRAGMA foreign_key_check").fetchone()
        if broken is not None:  # the checks above name every case a snapshot can cause
            raise AssertionError(f"foreign key broken in {broken[0]} row {broken[1]}")
        con.execute(f"PRAGMA user_version = {EXPORT_VERSION}")
        con.execute("ANALYZE")
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise
    return Summary(counts[0], len(registry.municipalities), counts[1], fts)


def _insert_registry(con: sqlite3.Connection, registry: Registry) -> dict[str, str]:
    regions: dict[str, str] = {}
    subregions: dict[str, tuple[str, str]] = {}
    for m in sorted(registry.municipalities, key=lambda m: m.code):
        regions.setdefault(m.region_code, m.region)
        subregions.setdefault(m.subregion_code, (m.subregion, m.region_code))
    con.executemany(_TABLE["regions"].insert(), sorted(regions.items()))
    con.executemany(_TABLE["subregions"].insert(), sorted((code, *rest) for code, rest in subregions.items()))
    con.executemany(_TABLE["counties"].insert(), sorted(registry.counties))
    county_ids = {c.name: c.id for c in registry.counties}
    con.executemany(_TABLE["municipalities"].insert(), (
        (m.code, m.name, m.name_sv, m.region_code, m.subregion_code, county_ids.get(m.county), m.population)
        for m in sorted(registry.municipalities, key=lambda m: m.code)
    ))
    con.executemany(_TABLE["bases"].insert(), ((str(b), rank, _BASIS_MEANINGS[b])
                                               for rank, b in enumerate(BASES, start=1)))
    return {name: code for code, name in regions.items()}


def _insert_projects(con: sqlite3.Connection, stream: Stream, registry: Registry, region_codes: dict[str, str],
                     progress: Callable[[int, int], None] | None) -> tuple[int, int]:
    """Every project and its lists, in batches; (projects, municipalities covered)."""
    known = {m.code for m in registry.municipalities}
    inserts = [_TABLE[name].insert() for name in ("projects", "co_implementers", "project_regions",
                                                  "project_municipalities")]
    batches: list[list[Sequence[Any]]] = [[], [], [], []]
    covered: set[str] = set()
    total = stream.total or 0
    if stream.total is None:
        progress = None  # nothing to show a share of
    done = 0

    def flush() -> None:
        for sql, rows in zip(inserts, batches, strict=True):
            if rows:
                con.executemany(sql, rows)
                rows.clear()

    if progress is not None:
        progress(0, total)
    projects, co, regions, places = batches
    for p in stream.projects:
        projects.append((p.id, p.number, p.organisation, p.name, p.start, p.end, p.area, p.description))
        co.extend((p.id, i, name) for i, name in enumerate(p.co_implementers, start=1))
        for i, region in enumerate(p.regions, start=1):
            code = region_codes.get(region)
            if code is None:
                raise DataError(f"project {p.id}: region {region!r} is not in the registry "
                                f"({REGISTRY_VERSION}); resolve the areas again: hankkeet parse --resolve")
            regions.append((p.id, i, code))
        seen: set[str] = set()
        for i, c in enumerate(p.municipalities, start=1):
            if c.code not in known:
                raise DataError(f"project {p.id}: municipality code {c.code} ({c.name}) is not in the registry "
                                f"({REGISTRY_VERSION}); resolve the areas again: hankkeet parse --resolve")
            if c.code in seen:
                raise DataError(f"project {p.id}: municipality {c.code} ({c.name}) is listed twice")
            seen.add(c.code)
            places.append((p.id, c.code, str(c.basis), c.note, i))
        covered |= seen
        done += 1
        if done % BATCH == 0:
            flush()
            if progress is not None:
                progress(min(done, total), total)
    flush()
    if progress is not None:
        progress(done, done)
    return done, len(covered)


def _insert_metadata(con: sqlite3.Connection, snapshot: Snapshot, projects: int, fts: bool,
                     about: dict[str, Any]) -> None:
    source = snapshot.source
    rows: dict[str, Any] = {
        "title": source.title, "subtitle": source.subtitle, "file": source.file, "sha256": source.sha256,
        "year": source.year, "period": source.period, "unread": snapshot.unread,
        "snapshot": about.get("snapshot"), "snapshot_sha256": about.get("snapshot_sha256"),
        "schema_version": SCHEMA_VERSION, "snapshot_registry_version": snapshot.registry_version,
        "registry_version": REGISTRY_VERSION, "hankkeet_version": __version__, "export_version": EXPORT_VERSION,
        "projects": projects, "fts": int(fts),
    }
    con.executemany(_TABLE["metadata"].insert(), rows.items())


# -- writing a file --------------------------------------------------------------


def check_request(target: str | os.PathLike[str], *, fts: bool) -> None:
    """What can be refused before a snapshot is loaded: ``-`` or an empty name, and FTS5 missing."""
    label = str(target)
    if label == "-":
        raise OutputError("--sqlite -: a database cannot be written to stdout; give a file name")
    if not label:
        raise OutputError("--sqlite: the file name is empty")
    if fts and not fts5_available():
        raise HankkeetError(no_fts5_message())


def export_sqlite(
    snapshot: Snapshot | Stream,
    registry: Registry,
    target: str | os.PathLike[str],
    *,
    inputs: Iterable[str | os.PathLike[str]] = (),
    fts: bool = True,
    about: dict[str, Any] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Summary:
    """Write the database to ``target`` with the safe writer (see :func:`hankkeet.fileio.building`).

    ``-`` is refused (a database is a file, not a stream), so are the
    ``inputs``; an existing file is replaced atomically and keeps its mode.
    Raises OutputError when the file cannot be written (nothing is left
    behind), DataError and HankkeetError as :func:`build`.
    """
    from hankkeet.fileio import building

    check_request(target, fts=fts)
    label = str(target)
    with building(target, inputs=inputs, what="database") as tmp:
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA journal_mode = OFF")  # a fresh temporary file: nothing to roll back to
            con.execute("PRAGMA synchronous = OFF")  # fsynced once, as a whole, when it is complete
            summary = build(con, snapshot, registry, fts=fts, about=about, progress=progress)
        except sqlite3.Error as exc:
            raise OutputError(f"{label}: cannot write the database: {exc}") from None
        finally:
            con.close()
    return summary


def bundled_path() -> Path:
    """The bundled snapshot's file (an input an export must not overwrite)."""
    from hankkeet.model import BUNDLED_SNAPSHOT

    return Path(__file__).with_name("data") / BUNDLED_SNAPSHOT
