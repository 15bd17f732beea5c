"""The bundled TopoJSON map of the 309 municipalities of 2021, decoded and projected.

The file (``hankkeet/data/finland-hva-2021.topo.json``) is Yle's copy of
Statistics Finland's municipality boundaries; see ``hankkeet/data/README.md``.
It is decoded with the standard library only, and only by the commands that
draw. Coordinates are projected to ETRS-TM35FIN (EPSG:3067), the national
grid, in kilometres, so that Finland keeps its shape: x grows east, y grows
north.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any, NamedTuple

MAP_FILE = "finland-hva-2021.topo.json"
CREDITS = "Municipal boundaries: Statistics Finland, CC BY 4.0; TopoJSON by Yle (Yleisradio/geodata)"

Point = tuple[float, float]
Ring = tuple[Point, ...]


class Shape(NamedTuple):
    """One municipality on the map: its polygons' rings (outline first, then holes)."""

    code: str
    name: str
    name_sv: str
    population: int
    hva_id: str
    polygons: tuple[tuple[Ring, ...], ...]
    arcs: frozenset[int]  # indices of the arcs its outline uses

    def bbox(self) -> tuple[float, float, float, float]:
        xs = [x for poly in self.polygons for ring in poly for x, _ in ring]
        ys = [y for poly in self.polygons for ring in poly for _, y in ring]
        return min(xs), min(ys), max(xs), max(ys)

    def contains(self, point: Point) -> bool:
        """Even-odd point-in-polygon over all rings (holes included)."""
        inside = False
        px, py = point
        for poly in self.polygons:
            for ring in poly:
                j = len(ring) - 1
                for i in range(len(ring)):
                    (xi, yi), (xj, yj) = ring[i], ring[j]
                    if (yi > py) != (yj > py) and px < (xj - xi) * (py - yi) / (yj - yi) + xi:
                        inside = not inside
                    j = i
        return inside

    def interior_point(self) -> Point:
        """A point inside the shape (for labels and tests): the middle of the widest
        horizontal chord through the largest polygon, near its vertical middle."""
        polygon = max(self.polygons, key=lambda poly: abs(ring_area(poly[0])))
        outline = polygon[0]
        ys = [y for _, y in outline]
        best: tuple[float, Point] | None = None
        for step in range(1, 20):
            y = min(ys) + (max(ys) - min(ys)) * step / 20
            for left, right in _chords(polygon, y):
                if best is None or right - left > best[0]:
                    best = (right - left, ((left + right) / 2, y))
        if best is None or not self.contains(best[1]):
            return outline[0]
        return best[1]


class Atlas(NamedTuple):
    shapes: tuple[Shape, ...]
    arcs: tuple[tuple[Point, ...], ...]  # every arc, projected

    def by_code(self) -> dict[str, Shape]:
        return {s.code: s for s in self.shapes}

    def bbox(self, codes: Sequence[str] | None = None) -> tuple[float, float, float, float]:
        chosen = [s for s in self.shapes if codes is None or s.code in codes]
        boxes = [s.bbox() for s in chosen]
        return (min(b[0] for b in boxes), min(b[1] for b in boxes),
                max(b[2] for b in boxes), max(b[3] for b in boxes))

    def border_arcs(self, group_of: dict[str, str]) -> list[int]:
        """Arcs that separate two groups (e.g. regions) or lie on the outer edge."""
        users: dict[int, set[str]] = {}
        count: dict[int, int] = {}
        for shape in self.shapes:
            for arc in shape.arcs:
                users.setdefault(arc, set()).add(group_of.get(shape.code, ""))
                count[arc] = count.get(arc, 0) + 1
        return sorted(a for a, groups in users.items() if len(groups) > 1 or count[a] == 1)


def ring_area(ring: Sequence[Point]) -> float:
    """Signed area (shoelace)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, (*ring[1:], ring[0]), strict=True)) / 2


def _chords(rings: Sequence[Ring], y: float) -> Iterator[tuple[float, float]]:
    """The inside spans of a horizontal line through a polygon (holes excluded)."""
    xs = []
    for ring in rings:
        for (x0, y0), (x1, y1) in zip(ring, (*ring[1:], ring[0]), strict=True):
            if (y0 > y) != (y1 > y):
                xs.append(x0 + (y - y0) * (x1 - x0) / (y1 - y0))
    xs.sort()
    for i in range(0, len(xs) - 1, 2):
        yield xs[i], xs[i + 1]


# -- projection -------------------------------------------------------------
# ETRS-TM35FIN: transverse Mercator on GRS80, central meridian 27° E, scale
# 0.9996, false easting 500 km (the Krüger series of JHS 154).
_A = 6378137.0
_F = 1 / 298.257222101
_N = _F / (2 - _F)
_E = math.sqrt(_F * (2 - _F))
_A1 = _A / (1 + _N) * (1 + _N**2 / 4 + _N**4 / 64)
_H = (
    _N / 2 - 2 / 3 * _N**2 + 5 / 16 * _N**3 + 41 / 180 * _N**4,
    13 / 48 * _N**2 - 3 / 5 * _N**3 + 557 / 1440 * _N**4,
    61 / 240 * _N**3 - 103 / 140 * _N**4,
    49561 / 161280 * _N**4,
)
_K0 = 0.9996
_LON0 = math.radians(27)


def project(lon: float, lat: float) -> Point:
    """WGS-84/ETRS89 degrees to ETRS-TM35FIN kilometres (easting, northing)."""
    phi, lam = math.radians(lat), math.radians(lon) - _LON0
    q = math.asinh(math.tan(phi)) - _E * math.atanh(_E * math.sin(phi))
    beta = math.atan(math.sinh(q))
    eta0 = math.atanh(math.cos(beta) * math.sin(lam))
    xi0 = math.asin(math.sin(beta) * math.cosh(eta0))
    xi, eta = xi0, eta0
    for j, h in enumerate(_H, start=1):
        xi += h * math.sin(2 * j * xi0) * math.cosh(2 * j * eta0)
        eta += h * math.cos(2 * j * xi0) * math.sinh(2 * j * eta0)
    return (_A1 * _K0 * eta + 500_000) / 1000, _A1 * _K0 * xi / 1000


# -- decoding ---------------------------------------------------------------


def decode(data: dict[str, Any]) -> Atlas:
    """A TopoJSON topology with a ``munis`` layer, projected."""
    (sx, sy), (tx, ty) = data["transform"]["scale"], data["transform"]["translate"]
    arcs: list[tuple[Point, ...]] = []
    for arc in data["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append(project(x * sx + tx, y * sy + ty))
        arcs.append(tuple(points))

    def ring(indices: list[int]) -> Ring:
        points: list[Point] = []
        for i in indices:
            part = arcs[i] if i >= 0 else arcs[~i][::-1]
            # Consecutive arcs share their joining point.
            points.extend(part[1:] if points else part)
        return tuple(points)

    shapes = []
    for geometry in data["objects"]["munis"]["geometries"]:
        props = geometry["properties"]
        parts = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        used = frozenset(i if i >= 0 else ~i for polygon in parts for r in polygon for i in r)
        shapes.append(Shape(
            code=str(props["id"]).zfill(3),
            name=props["name_fi"],
            name_sv=props["name_sv"],
            population=int(props["population"]),
            hva_id=props.get("hva_id") or "",
            polygons=tuple(tuple(ring(r) for r in polygon) for polygon in parts),
            arcs=used,
        ))
    return Atlas(shapes=tuple(sorted(shapes, key=lambda s: s.code)), arcs=tuple(arcs))


@cache
def atlas() -> Atlas:
    """The bundled map, decoded once per process."""
    from hankkeet.data import read_text

    return decode(json.loads(read_text(MAP_FILE)))
