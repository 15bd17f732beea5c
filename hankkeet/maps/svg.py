"""The coverage map as a standalone SVG document.

Every municipality is one ``<path id="kunta-091" data-code="091">`` with a
``<title>`` (a browser shows it on hover). Region borders and the outer edge
are drawn over the municipalities with a heavier stroke.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape as _escape

from hankkeet.maps.topology import CREDITS, Atlas, Point, atlas
from hankkeet.maps.view import CATEGORIES, COLOURS, LABELS, PALETTE_NAME, MapView, tooltip


def escape(value: str) -> str:
    """Markup text of ``value``: control and bidirectional characters shown as the tables show them
    (XML allows no C0 control at all, and none should reach a terminal the file is printed on), then
    escaped."""
    from hankkeet.render import visible

    return _escape(visible(value))

WIDTH = 800
MAP_BOX = (20.0, 96.0, 470.0, 820.0)  # x, y, width, height of the map area
LEGEND_X = 500.0


class Frame:
    """Map kilometres to SVG pixels: fit a bounding box into the map area, north up."""

    def __init__(self, bbox: tuple[float, float, float, float], box: tuple[float, float, float, float]) -> None:
        minx, miny, maxx, maxy = bbox
        pad = 0.04 * max(maxx - minx, maxy - miny)
        minx, miny, maxx, maxy = minx - pad, miny - pad, maxx + pad, maxy + pad
        bx, by, bw, bh = box
        self.scale = min(bw / (maxx - minx), bh / (maxy - miny))
        # Centre the fitted box in the map area.
        self.ox = bx + (bw - (maxx - minx) * self.scale) / 2 - minx * self.scale
        self.oy = by + (bh - (maxy - miny) * self.scale) / 2 + maxy * self.scale

    def __call__(self, point: Point) -> tuple[float, float]:
        return self.ox + point[0] * self.scale, self.oy - point[1] * self.scale


def _path(rings: Iterable[Iterable[Point]], frame: Frame) -> str:
    parts = []
    for ring in rings:
        coords = [frame(p) for p in ring]
        parts.append("M" + " ".join(f"{x:.1f} {y:.1f}" for x, y in coords) + "Z")
    return "".join(parts)


def _lines(arcs: Iterable[Iterable[Point]], frame: Frame) -> str:
    parts = []
    for arc in arcs:
        coords = [frame(p) for p in arc]
        parts.append("M" + " ".join(f"{x:.1f} {y:.1f}" for x, y in coords))
    return "".join(parts)


def render_svg(view: MapView, *, standalone: bool = True, geo: Atlas | None = None) -> str:
    """The SVG text; ``standalone`` adds the XML declaration (off for inline HTML)."""
    geo = geo or atlas()
    shapes = geo.by_code()
    frame = Frame(geo.bbox(view.focus or None), MAP_BOX)
    height = MAP_BOX[1] + MAP_BOX[3] + 40
    counts = view.counts()
    out: list[str] = []
    if standalone:
        out.append('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.append(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'width="{WIDTH}" height="{height:.0f}" role="img" aria-labelledby="map-title" '
        'font-family="DejaVu Sans, Verdana, Arial, sans-serif">\n'
    )
    out.append(f'<title id="map-title">{escape(view.title)} — {escape(view.subtitle)}</title>\n')
    out.append(
        "<style>"
        ".kunta{stroke:#ffffff;stroke-width:0.4;stroke-linejoin:round}"
        ".kunta:hover{stroke:#000000;stroke-width:1.2}"
        ".faded{opacity:0.35}"
        ".borders{fill:none;stroke:#303030;stroke-width:1.1;stroke-linejoin:round;pointer-events:none}"
        ".marked{fill:none;stroke:#000000;stroke-width:2.6;pointer-events:none}"
        "</style>\n"
    )
    out.append(f'<rect x="0" y="0" width="{WIDTH}" height="{height:.0f}" fill="#ffffff"/>\n')
    y = 26
    for line in _wrap(view.title, 88)[:2]:
        out.append(f'<text x="20" y="{y}" font-size="15" font-weight="bold">{escape(line)}</text>\n')
        y += 20
    out.append(f'<text x="20" y="{y + 4}" font-size="12">{escape(_clip(view.subtitle, 125))}</text>\n')
    bx, by, bw, bh = MAP_BOX
    out.append(f'<clipPath id="map-area"><rect x="{bx}" y="{by}" width="{bw}" height="{bh}"/></clipPath>\n')
    out.append('<g clip-path="url(#map-area)">\n<g id="municipalities">\n')
    focus = set(view.focus)
    for cell in view.cells:
        shape = shapes[cell.code]
        rings = [ring for polygon in shape.polygons for ring in polygon]
        faded = " faded" if focus and cell.code not in focus else ""
        out.append(
            f'<path id="kunta-{cell.code}" class="kunta{faded}" data-code="{cell.code}" '
            f'data-basis="{cell.category}" fill="{COLOURS[cell.category]}" fill-rule="evenodd" '
            f'd="{_path(rings, frame)}"><title>{escape(tooltip(cell))}</title></path>\n'
        )
    out.append("</g>\n")
    region_of = {cell.code: cell.region for cell in view.cells}
    borders = [geo.arcs[i] for i in geo.border_arcs(region_of)]
    out.append(f'<path class="borders" d="{_lines(borders, frame)}"/>\n')
    if view.marked and view.marked in shapes:
        marked = shapes[view.marked]
        rings = [ring for polygon in marked.polygons for ring in polygon]
        out.append(f'<path class="marked" data-code="{marked.code}" d="{_path(rings, frame)}"/>\n')
    out.append("</g>\n")
    out.append(_legend(counts, len(view.shown())))
    out.append(
        f'<text x="20" y="{height - 16:.0f}" font-size="10" fill="#404040">{escape(CREDITS)}. '
        f'Colours: {escape(PALETTE_NAME)} palette.</text>\n'
    )
    out.append("</svg>\n")
    return "".join(out)


def _legend(counts: dict[str, int], total: int) -> str:
    y = 130.0
    rows = [f'<g id="legend" font-size="12"><text x="{LEGEND_X}" y="{y - 14:.0f}" font-weight="bold">'
            f"{total} municipalities, by basis</text>"]
    for category in CATEGORIES:
        rows.append(
            f'<rect x="{LEGEND_X}" y="{y:.0f}" width="16" height="16" fill="{COLOURS[category]}" '
            f'stroke="#606060" stroke-width="0.5" data-category="{category}"/>'
            f'<text x="{LEGEND_X + 24}" y="{y + 12:.0f}">{escape(LABELS[category])}: {counts[category]}</text>'
        )
        y += 24
    rows.append(
        f'<line x1="{LEGEND_X}" y1="{y + 8:.0f}" x2="{LEGEND_X + 16}" y2="{y + 8:.0f}" stroke="#303030" '
        f'stroke-width="1.6"/><text x="{LEGEND_X + 24}" y="{y + 12:.0f}">region border</text>'
    )
    rows.append("</g>\n")
    return "".join(rows)


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters, broken at spaces only."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

