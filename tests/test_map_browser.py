"""The HTML report as a person sees it: rendered by headless Chromium, checked by pixel colour.

Chromium comes from Debian's ``chromium`` package (``.ci/run`` installs it);
Playwright drives it. Without a browser the test is skipped, except in CI,
where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import struct
import zlib

import pytest

from hankkeet.maps.report import render_html
from hankkeet.maps.view import COLOURS, build_view

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

# One municipality per basis, read off the 2020 document.
SAMPLES = {"091": "listed", "834": "subregion", "536": "region", "749": "cooperation", "890": "none"}

# In the page: a point inside the path's fill that the path itself is drawn at (found by the
# browser's own geometry, not by our code) with 3 px of the same path around it, in page coordinates.
FIND_POINT = """code => {
  const path = document.getElementById('kunta-' + code);
  const box = path.getBBox(), svg = path.ownerSVGElement, m = path.getScreenCTM();
  for (let i = 1; i < 40; i++) for (let j = 1; j < 40; j++) {
    const p = svg.createSVGPoint();
    p.x = box.x + box.width * i / 40; p.y = box.y + box.height * j / 40;
    if (!path.isPointInFill(p)) continue;
    const s = p.matrixTransform(m);
    const hit = (dx, dy) => document.elementFromPoint(s.x + dx, s.y + dy) === path;
    if (hit(0, 0) && hit(3, 0) && hit(-3, 0) && hit(0, 3) && hit(0, -3))
      return [s.x + window.scrollX, s.y + window.scrollY];
  }
  return null;
}"""


def _decode_png(data: bytes) -> tuple[int, int, list[bytes], int]:
    """Width, height, unfiltered rows and bytes per pixel of an 8-bit RGB(A) PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    height = bpp = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, rows, bpp


def _hex(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="no chromium here (CI installs it)")
def test_report_shows_the_right_colours_in_chromium(snapshot, tmp_path) -> None:
    assert CHROMIUM is not None, "CI must have chromium: .ci/run installs Debian's chromium package"
    from playwright.sync_api import sync_playwright

    page_file = tmp_path / "report.html"
    page_file.write_text(render_html(snapshot, build_view(snapshot)), encoding="utf-8")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 3200})
            page.goto(page_file.as_uri())
            points = {code: page.evaluate(FIND_POINT, code) for code in SAMPLES}
            headline = page.locator("#headline").inner_text()
            png = page.screenshot(full_page=True)
        finally:
            browser.close()
    assert headline.startswith("127 of 309 municipalities")
    _width, _, rows, bpp = _decode_png(png)
    seen = {}
    for code, basis in SAMPLES.items():
        assert points[code] is not None, f"no visible point of {code} in the page"
        x, y = (round(v) for v in points[code])
        pixel = tuple(rows[y][x * bpp : x * bpp + 3])
        seen[code] = pixel
        expected = _hex(COLOURS[basis])
        assert max(abs(p - e) for p, e in zip(pixel, expected, strict=True)) <= 12, (code, basis, pixel, expected)
    # A covered municipality and an uncovered one look different.
    assert seen["091"] != seen["890"]
