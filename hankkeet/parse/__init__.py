"""Turn a source document (the text extraction or the PDF) into a Snapshot."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from hankkeet.errors import SourceError
from hankkeet.fileio import DEFAULT_MAX_INPUT
from hankkeet.model import Project, Snapshot

PDF_MAGIC = b"%PDF-"


def is_pdf(data: bytes) -> bool:
    # The header may follow a little junk; readers accept it within 1 KiB.
    return PDF_MAGIC in data[:1024]


def parse_file(path: str | Path, password: str = "", max_bytes: int = DEFAULT_MAX_INPUT,
               progress: Callable[[int, int], None] | None = None) -> Snapshot:
    """Parse a summary document, detected as PDF by content, else read as text.

    A file larger than ``max_bytes``, or a PDF whose streams inflate past it, is refused.
    ``progress(pages_done, pages_total)`` is called after each page of a PDF.
    """
    from hankkeet.fileio import read_limited

    path = Path(path)
    try:
        data = read_limited(path, max_bytes, str(path))
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise SourceError(f"{path}: is a directory") from None
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return parse_bytes(data, path.name, password=password, label=str(path), max_bytes=max_bytes, progress=progress)


# Text saved as "Unicode" by some editors (Windows Notepad: UTF-16 with its byte-order mark).
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
         (b"\xfe\xff", "utf-16"))


def _decoded_text(data: bytes) -> str:
    """A text document's text: UTF-8 (a BOM skipped), or UTF-16/32 that starts with its byte-order mark."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise SourceError(f"not {encoding.upper()} text, although it starts with its byte-order mark") from None
            if "\x00" in text[:4096]:
                raise SourceError("neither a PDF nor a text file")
            return text
    if b"\x00" in data[:4096]:
        raise SourceError("neither a PDF nor a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SourceError("not UTF-8 text (and not a PDF)") from None


def parse_bytes(data: bytes, file_name: str, password: str = "", label: str | None = None,
                max_bytes: int = DEFAULT_MAX_INPUT, progress: Callable[[int, int], None] | None = None) -> Snapshot:
    label = label or file_name
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        if not data.strip():
            raise SourceError("the file is empty")
        if is_pdf(data):
            from hankkeet.parse.inflate import inflation_limit
            from hankkeet.parse.pdf import parse_pdf

            with inflation_limit(max_bytes):
                result = parse_pdf(data, file_name, sha256, password=password, progress=progress)
        else:
            from hankkeet.kunnat.areas import is_place
            from hankkeet.parse.text import parse_text

            text = _decoded_text(data)
            result = parse_text(text, file_name, sha256, is_place)
        read, unread = _without_misread(result.projects, result.unread)
    except SourceError as exc:
        # The cause, if any, is an unexpected exception under it: --debug shows it.
        raise SourceError(f"{label}: {exc.message}") from exc.__cause__
    from hankkeet.kunnat.registry import REGISTRY_VERSION

    projects, area_warnings = _with_coverage(read)
    source = result.source._replace(year=round_year(result.source.title), period=funding_period(projects))
    return Snapshot(source=source, projects=tuple(projects), registry_version=REGISTRY_VERSION,
                    unread="\n".join(unread) or None, warnings=(*result.warnings, *area_warnings))


def _without_misread(projects: list[Project], unread: list[str]) -> tuple[list[Project], list[str]]:
    """The rows whose cells look like what they are, and the others named among the unread rows."""
    import re

    from hankkeet.parse.records import misread_rows

    misread = misread_rows(projects)
    if not misread:
        return projects, unread
    kept = [p for p in projects if p.number not in misread]
    if not kept:
        number, why = next(iter(misread.items()))
        raise SourceError(f"no row could be read; row {number}: {why}")
    named = [*unread, *(f"row {p.number}: {misread[p.number]} (begins {p.organisation[:60]!r})"
                        for p in projects if p.number in misread)]

    def row_number(line: str) -> int:
        found = re.match(r"row (\d+)", line)
        return int(found.group(1)) if found else 0

    return kept, sorted(named, key=row_number)


def unread_rows(snapshot: Snapshot) -> list[str]:
    """The rows of the document the parser could not read (``row N: why``)."""
    return snapshot.unread_rows


def round_year(title: str) -> int | None:
    """The year a summary's title names last: ``… kehittämiseen (2022)`` -> 2022."""
    import re

    years = re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", title)
    return int(years[-1]) if years else None


def funding_period(projects: list[Project]) -> str | None:
    """The earliest start and the latest end of the projects, or None when no period was read."""
    starts = [p.start for p in projects if p.start]
    ends = [p.end for p in projects if p.end]
    return f"{min(starts)} – {max(ends)}" if starts and ends else None


def resolve_again(snapshot: Snapshot) -> Snapshot:
    """The snapshot with every area resolved again by the current registry and rules."""
    from hankkeet.kunnat.registry import REGISTRY_VERSION

    projects, warnings = _with_coverage(list(snapshot.projects))
    return snapshot._replace(projects=tuple(projects), registry_version=REGISTRY_VERSION, warnings=tuple(warnings))


def _with_coverage(projects: list[Project]) -> tuple[list[Project], list[str]]:
    """Resolve each project's area to regions and municipalities."""
    from hankkeet.kunnat.areas import resolve_area

    out: list[Project] = []
    warnings: list[str] = []
    for project in projects:
        resolution = resolve_area(project.area, start=project.start, end=project.end)
        warnings.extend(f"{project.id}: area term not resolved: {term!r}" for term in resolution.unresolved)
        out.append(project._replace(regions=resolution.regions, municipalities=resolution.municipalities))
    return out, warnings
