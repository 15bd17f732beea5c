"""The coverage map: decoding, projection, what each municipality shows, and the drawings."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from hankkeet.coverage import headline, region_summary, total_coverage
from hankkeet.kunnat.registry import registry
from hankkeet.maps.report import render_html
from hankkeet.maps.svg import MAP_BOX, render_svg
from hankkeet.maps.terminal import rasterise, render_blocks
from hankkeet.maps.topology import atlas
from hankkeet.maps.view import COLOURS, build_view

from conftest import invoke

SVG = "{http://www.w3.org/2000/svg}"
MAP_FILE = Path(__file__).resolve().parent.parent / "hankkeet" / "data" / "finland-hva-2021.topo.json"

# Facts read off the 2020 document, one per basis (independent of the code).
EXPECTED = {
    "091": "listed",  # Helsinki: its own project
    "433": "listed",  # Loppi: named in Riihimäki's area
    "834": "subregion",  # Tammela: in Forssan seutukunta (FSHKY)
    "536": "region",  # Nokia: Pirkanmaa (Tampere)
    "749": "cooperation",  # Siilinjärvi: Kuopio's regional cooperation
    "890": "none",  # Utsjoki: no project in Lapland
    "148": "none",  # Inari
}


def test_the_map_has_the_registry_municipalities() -> None:
    shapes = atlas().shapes
    assert len(shapes) == 309
    names = {m.code: m.name for m in registry().municipalities}
    assert {s.code: s.name for s in shapes} == names
    # The reference README's total for the end of 2020.
    assert sum(s.population for s in shapes) == 5_533_793


def test_projection_keeps_finland_in_shape() -> None:
    minx, miny, maxx, maxy = atlas().bbox()
    # Finland is about 1,150 km from north to south and about 650 km wide at TM35FIN.
    assert 1100 < maxy - miny < 1200
    assert 600 < maxx - minx < 700
    helsinki = atlas().by_code()["091"].interior_point()
    # Helsinki lies near E 385 km, N 6672 km in ETRS-TM35FIN.
    assert abs(helsinki[0] - 385) < 25 and abs(helsinki[1] - 6672) < 25


def test_every_municipality_has_an_inside_point() -> None:
    outside = [s.code for s in atlas().shapes if not s.contains(s.interior_point())]
    assert outside == []


def test_each_municipality_takes_its_strongest_basis(snapshot) -> None:
    cells = {c.code: c for c in build_view(snapshot).cells}
    assert {code: cells[code].category for code in EXPECTED} == EXPECTED
    assert sum(build_view(snapshot).counts().values()) == 309


def _paths(svg: str) -> dict[str, ET.Element]:
    root = ET.fromstring(svg.split("?>", 1)[1])
    return {p.get("data-code"): p for p in root.iter(f"{SVG}path") if (p.get("id") or "").startswith("kunta-")}


def test_svg_has_every_municipality_with_code_title_and_colour(snapshot) -> None:
    svg = render_svg(build_view(snapshot))
    paths = _paths(svg)
    assert len(paths) == 309
    for code, basis in EXPECTED.items():
        path = paths[code]
        assert path.get("id") == f"kunta-{code}"
        assert path.get("fill") == COLOURS[basis]
        title = path.find(f"{SVG}title")
        assert title is not None and title.text
        name = registry().by_code(code).name
        assert title.text.startswith(name)
    helsinki = paths["091"].find(f"{SVG}title").text
    assert "656 920" in helsinki and "helsinki (listed)" in helsinki
    assert "Statistics Finland, CC BY 4.0" in svg and "Yle" in svg
    assert "(2020)" in svg and "Okabe–Ito" in svg


def test_svg_legend_counts_add_up(snapshot) -> None:
    svg = render_svg(build_view(snapshot))
    counts = [int(n) for n in re.findall(r"</rect><text[^>]*>[^<]*: (\d+)</text>", svg.replace("/>", "></rect>"))]
    assert len(counts) == 5 and sum(counts) == 309


def test_project_map_colours_only_its_area(snapshot) -> None:
    view = build_view(snapshot, project=snapshot.find("riihimaki"))
    coloured = {code for code, p in _paths(render_svg(view)).items() if p.get("fill") != COLOURS["none"]}
    assert coloured == {"694", "086", "433"}  # Riihimäki, Hausjärvi, Loppi


def _coordinates(path: ET.Element) -> list[tuple[float, float]]:
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path.get("d") or "")]
    return list(zip(numbers[::2], numbers[1::2], strict=True))


def test_region_zoom_frames_the_region(snapshot) -> None:
    view = build_view(snapshot, region="Pirkanmaa")
    paths = _paths(render_svg(view))
    points = [pt for m in registry().in_region("Pirkanmaa") for pt in _coordinates(paths[m.code])]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    bx, by, bw, bh = MAP_BOX
    # The region fills most of the map area in one direction and stays inside it.
    assert max((max(xs) - min(xs)) / bw, (max(ys) - min(ys)) / bh) > 0.8
    assert bx <= min(xs) and max(xs) <= bx + bw and by <= min(ys) and max(ys) <= by + bh
    assert sum(view.counts().values()) == len(registry().in_region("Pirkanmaa"))


def test_marked_municipality_is_outlined(snapshot) -> None:
    svg = render_svg(build_view(snapshot, kunta="433"))
    assert re.search(r'<path class="marked" data-code="433"', svg)


def test_html_report_is_self_contained(snapshot) -> None:
    page = render_html(snapshot, build_view(snapshot))
    for forbidden in ("<script", "<link", "<img", "src=", "url(http", "@import"):
        assert forbidden not in page
    assert re.findall(r"https?://[^\"' ]+", page) == ["http://www.w3.org/2000/svg"]
    assert page.count('id="kunta-') == 309
    assert page.count("<tr><td>") == 19 + 21  # regions, projects


def test_population_figures_add_up_against_the_reference(snapshot) -> None:
    rows, total = region_summary(snapshot.projects), total_coverage(snapshot.projects)
    assert sum(r.population for r in rows) == total.population == 5_533_793
    assert sum(r.population_covered for r in rows) == total.population_covered
    assert sum(r.population_direct for r in rows) == total.population_direct < total.population_covered
    # Independently: the people in municipalities some project covers, from the raw map file.
    raw = json.loads(MAP_FILE.read_text(encoding="utf-8"))
    people = {str(g["properties"]["id"]).zfill(3): g["properties"]["population"]
              for g in raw["objects"]["munis"]["geometries"]}
    covered = {c.code for p in snapshot.projects for c in p.municipalities}
    expected = round(100 * sum(people[c] for c in covered) / sum(people.values()))
    line = headline(snapshot.projects)
    assert line.startswith(f"{len(covered)} of 309 municipalities")
    assert f"· {expected} % of the population" in line


def test_rasterised_map_finds_large_municipalities() -> None:
    geo = atlas()
    grid = rasterise(geo, 36)
    minx, _miny, maxx, maxy = geo.bbox()
    size = (maxx - minx) / 36
    for code in ("148", "890", "698"):  # Inari, Utsjoki, Rovaniemi
        x, y = geo.by_code()[code].interior_point()
        assert grid[int((maxy - y) / size)][int((x - minx) / size)] == code


def test_terminal_map_fits_80_columns(snapshot) -> None:
    from rich.console import Console

    console = Console(width=80, record=True, color_system=None, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(render_blocks(build_view(snapshot), colour=False))
    lines = console.export_text().splitlines()
    assert 25 < len(lines) < 45
    assert all(len(line) <= 80 for line in lines)
    text = "\n".join(lines)
    assert "█" in text and "·" in text and "not covered: 182" in text


def test_cli_writes_svg_and_html(runner, tmp_path) -> None:
    svg = tmp_path / "coverage.svg"
    result = invoke(runner, "map", "-o", str(svg))
    assert result.exit_code == 0, result.stderr
    assert len(_paths(svg.read_text(encoding="utf-8"))) == 309
    assert result.stdout == ""
    assert "wrote" in result.stderr and "127 covered" in result.stderr
    html = tmp_path / "report.html"
    assert invoke(runner, "map", "-o", str(html)).exit_code == 0
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_pipes_svg_and_draws_text(runner) -> None:
    piped = invoke(runner, "map")
    assert piped.exit_code == 0 and piped.stdout.startswith("<?xml")
    text = invoke(runner, "map", "--format", "text", COLUMNS="80")
    assert text.exit_code == 0 and "not covered" in text.stdout and "<svg" not in text.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "map.png"], "cannot tell the format"),
        (["--format", "pdf"], "unknown map format"),
        (["--project", "nope"], "no project"),
        (["--maakunta", "Atlantis"], "region"),
        (["--kunta", "Atlantis"], "municipality"),
    ],
)
def test_cli_bad_map_options(runner, tmp_path, args, message) -> None:
    result = invoke(runner, "map", *[a.replace("map.png", str(tmp_path / "map.png")) for a in args])
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "map.png").exists()


def test_map_with_another_snapshot(runner, tmp_path, snapshot) -> None:
    data = snapshot.to_dict()
    data["projects"] = [p for p in data["projects"] if p["id"] == "helsinki"]
    path = tmp_path / "one.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "one.svg"
    assert invoke(runner, "--data", str(path), "map", "-o", str(out)).exit_code == 0
    coloured = [c for c, p in _paths(out.read_text(encoding="utf-8")).items() if p.get("fill") != COLOURS["none"]]
    assert coloured == ["091"]


def test_the_map_names_the_round_of_the_snapshot(snapshot) -> None:
    later = snapshot._replace(source=snapshot.source._replace(
        title="Erityisavustus hyvinvointialueille (2023)", year=2023, period="2023-01-01 – 2023-12-31"))
    svg = render_svg(build_view(later))
    assert "round 2023 (2023-01-01 – 2023-12-31)" in svg and "Erityisavustus hyvinvointialueille (2023)" in svg
    untitled = snapshot._replace(source=snapshot.source._replace(title="Yhteenveto", year=None, period=None))
    assert "round unknown" in render_svg(build_view(untitled))


def test_the_map_of_a_streamed_snapshot_is_the_map_of_the_whole_one() -> None:
    from hankkeet import model
    from hankkeet.maps import drawing

    whole = model.load()
    drawn = drawing.map_snapshot(model.SnapshotFile())
    assert all(p.description == "" for p in drawn.projects)  # the texts a map never draws are not kept
    for options in ({"project": None}, {"project": "riihimaki"}):
        views = [drawing.view_for(s, maakunta=None, kunta="Loppi", **options) for s in (whole, drawn)]
        for fmt in (drawing.MapFormat.SVG, drawing.MapFormat.HTML):
            assert drawing.draw(drawn, views[1], fmt) == drawing.draw(whole, views[0], fmt)


def test_control_and_bidi_characters_in_the_data_leave_svg_and_html_well_formed(snapshot) -> None:
    nasty = "A\x00B\x1b[31mC\u202eD\x85E"
    first = snapshot.projects[0]._replace(name=nasty, organisation=nasty, area=f"{snapshot.projects[0].area} {nasty}")
    odd = snapshot._replace(projects=(first, *snapshot.projects[1:]),
                            source=snapshot.source._replace(title=nasty, subtitle=nasty))
    view = build_view(odd)
    svg = render_svg(view)
    html = render_html(odd, view)
    ET.fromstring(svg)  # well-formed: XML allows no NUL or ESC
    for text in (svg, html):
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text)
    assert "A\u2400B\u241b[31mC" in html
