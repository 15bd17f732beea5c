"""A coarse coverage map for the terminal: coloured half blocks, two pixels per cell.

Each character cell shows two square-ish pixels (upper and lower half block,
``▀`` with a foreground and a background colour). Pixels on a region border
are drawn darker, so regions stay visible at 80 columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hankkeet.maps.topology import Atlas, atlas
from hankkeet.maps.view import CATEGORIES, COLOURS, LABELS, NOT_COVERED, MapView
from hankkeet.model import Basis

if TYPE_CHECKING:
    from rich.console import RenderableType

# Without colour, one character per category, densest for the strongest basis.
SHADES = {Basis.LISTED: "█", Basis.SUBREGION: "▓", Basis.REGION: "▒", Basis.COOPERATION: "░", NOT_COVERED: "·"}

Grid = list[list[str | None]]  # municipality code per pixel, None = sea or abroad


def rasterise(geo: Atlas, columns: int, codes: tuple[str, ...] = ()) -> Grid:
    """Municipality codes on a grid ``columns`` pixels wide, square pixels, north up."""
    minx, miny, maxx, maxy = geo.bbox(codes or None)
    size = (maxx - minx) / columns
    rows = max(2, round((maxy - miny) / size))
    rows += rows % 2  # whole character cells
    grid: Grid = [[None] * columns for _ in range(rows)]
    for shape in geo.shapes:
        sx0, sy0, sx1, sy1 = shape.bbox()
        if sx1 < minx or sx0 > maxx or sy1 < miny or sy0 > maxy:
            continue
        edges = [
            (ring[i - 1], ring[i]) for polygon in shape.polygons for ring in polygon for i in range(len(ring))
        ]
        first = max(0, int((maxy - sy1) / size))
        last = min(rows - 1, int((maxy - sy0) / size) + 1)
        for row in range(first, last + 1):
            y = maxy - (row + 0.5) * size
            xs = sorted(
                x0 + (y - y0) * (x1 - x0) / (y1 - y0)
                for (x0, y0), (x1, y1) in edges
                if (y0 > y) != (y1 > y)
            )
            for left, right in zip(xs[::2], xs[1::2], strict=False):
                c0 = max(0, round((left - minx) / size - 0.5))
                c1 = min(columns - 1, round((right - minx) / size - 0.5))
                for col in range(c0, c1 + 1):
                    grid[row][col] = shape.code
            if not any(grid[row][c] == shape.code for c in range(columns)):
                # A municipality narrower than a pixel still shows up.
                for left in xs[:1]:
                    col = min(columns - 1, max(0, int((left - minx) / size)))
                    if grid[row][col] is None:
                        grid[row][col] = shape.code
    return grid


def _darker(colour: str) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"#{int(r * 0.7):02x}{int(g * 0.7):02x}{int(b * 0.7):02x}"


def pixel_colours(view: MapView, grid: Grid) -> list[list[str | None]]:
    """The colour of every pixel: its category's, darker on a region border."""
    cells = {c.code: c for c in view.cells}
    colours: list[list[str | None]] = []
    for r, row in enumerate(grid):
        out: list[str | None] = []
        for c, code in enumerate(row):
            if code is None:
                out.append(None)
                continue
            cell = cells[code]
            colour = COLOURS[cell.category]
            for nr, nc in ((r, c + 1), (r + 1, c), (r, c - 1), (r - 1, c)):
                if 0 <= nr < len(grid) and 0 <= nc < len(row):
                    other = grid[nr][nc]
                    if other is not None and cells[other].region != cell.region:
                        colour = _darker(colour)
                        break
            out.append(colour)
        colours.append(out)
    return colours


def render_blocks(view: MapView, *, columns: int = 36, colour: bool = True,
                  geo: Atlas | None = None) -> RenderableType:
    """The map beside its legend, as a Rich renderable."""
    from rich.table import Table
    from rich.text import Text

    geo = geo or atlas()
    grid = rasterise(geo, columns, view.focus)
    picture = Text(no_wrap=True, overflow="crop")
    if colour:
        pixels = pixel_colours(view, grid)
        for top, bottom in zip(pixels[::2], pixels[1::2], strict=True):
            for upper, lower in zip(top, bottom, strict=True):
                if upper is None and lower is None:
                    picture.append(" ")
                elif lower is None:
                    picture.append("▀", style=f"{upper}")
                elif upper is None:
                    picture.append("▄", style=f"{lower}")
                else:
                    picture.append("▀", style=f"{upper} on {lower}")
            picture.append("\n")
    else:
        category_of = {c.code: c.category for c in view.cells}
        for top, bottom in zip(grid[::2], grid[1::2], strict=True):
            for upper, lower in zip(top, bottom, strict=True):
                code = upper or lower
                picture.append(SHADES[category_of[code]] if code else " ")
            picture.append("\n")
    picture.rstrip()
    legend = Text(no_wrap=False)
    legend.append(view.subtitle + "\n\n")
    counts = view.counts()
    for category in CATEGORIES:
        if colour:
            legend.append("██", style=COLOURS[category])
        else:
            legend.append(SHADES[category] * 2)
        legend.append(f" {LABELS[category]}: {counts[category]}\n")
    if colour:
        legend.append("\nDarker pixels: region borders.")
    layout = Table.grid(padding=(0, 2))
    layout.add_column(no_wrap=True)
    layout.add_column(max_width=40)
    layout.add_row(picture, legend)
    return layout
