"""The map command's core: choose a format, build the view, draw it, write it."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from hankkeet.errors import HankkeetError
from hankkeet.maps.view import MapView, build_view
from hankkeet.model import Project, Snapshot, SnapshotFile


class MapFormat(StrEnum):
    """What ``hankkeet map`` draws."""

    SVG = "svg"
    HTML = "html"
    TEXT = "text"  # coloured blocks on the terminal


FORMATS: tuple[MapFormat, ...] = tuple(MapFormat)
_SUFFIXES = {".svg": MapFormat.SVG, ".html": MapFormat.HTML, ".htm": MapFormat.HTML}


def choose_format(fmt: str | None, output: Path | None, *, stdout_is_terminal: bool) -> MapFormat:
    """The drawing to make: ``--format`` wins, then the file suffix, then where stdout goes."""
    if fmt is not None:
        chosen = fmt.strip().lower()
        if chosen not in FORMATS:
            raise HankkeetError(f"unknown map format {fmt!r}; choose one of: {', '.join(FORMATS)}")
        if chosen == MapFormat.TEXT and output is not None:
            raise HankkeetError("--format text draws on the terminal; use svg or html with -o")
        return MapFormat(chosen)
    if output is not None:
        suffix = output.suffix.lower()
        if suffix not in _SUFFIXES:
            raise HankkeetError(
                f"{output}: cannot tell the format from the suffix; use .svg or .html, or --format svg|html"
            )
        return _SUFFIXES[suffix]
    return MapFormat.TEXT if stdout_is_terminal else MapFormat.SVG


def map_snapshot(stream: SnapshotFile) -> Snapshot:
    """The snapshot as far as a map draws it, read one project at a time: every project
    without its description and co-implementers (never drawn; most of a snapshot's text),
    so a large snapshot is not held whole."""
    import gc

    # As in SnapshotFile.load: the records are acyclic, and the cyclic collector would only rescan them.
    collecting = gc.isenabled()
    gc.disable()
    try:
        projects = tuple(_drawn(p) for p in stream.projects())
    finally:
        if collecting:
            gc.enable()
    assert stream.header is not None  # set by the complete pass above
    return stream.header._replace(projects=projects)


def _drawn(project: Project) -> Project:
    return project._replace(description="", co_implementers=())


def view_for(snapshot: Snapshot, *, project: str | None, maakunta: str | None, kunta: str | None) -> MapView:
    """Resolve the names a person typed, then build the view (unknown names raise HankkeetError)."""
    from hankkeet.kunnat.lookup import lookup, lookup_region

    chosen = snapshot.find(project) if project is not None else None
    region = lookup_region(maakunta).region if maakunta is not None else None
    code = lookup(kunta).municipality.code if kunta is not None else None
    return build_view(snapshot, project=chosen, region=region, kunta=code)


def draw(snapshot: Snapshot, view: MapView, fmt: MapFormat) -> str:
    if fmt == MapFormat.HTML:
        from hankkeet.maps.report import render_html

        return render_html(snapshot, view)
    from hankkeet.maps.svg import render_svg

    return render_svg(view)


def summary(view: MapView) -> str:
    counts = view.counts()
    shown = len(view.shown())
    return f"{shown} municipalities, {shown - counts['none']} covered"


def write_file(path: Path, text: str) -> None:
    """Write with the project's one safe writer (atomic for a regular file; see hankkeet.fileio)."""
    from hankkeet.fileio import write_file as write

    write(path, text.encode("utf-8"))
