"""A self-contained HTML report: the map with tooltips, the headline figures,
the region table and the projects with their areas. No scripts, no external
files, nothing fetched: it opens offline and can be sent on as one file."""

from __future__ import annotations

from html import escape as _escape

from hankkeet.coverage import headline, percent, region_summary
from hankkeet.maps.svg import render_svg
from hankkeet.maps.view import COLOURS, LABELS, NOT_COVERED, MapView
from hankkeet.model import BASES, Snapshot


def escape(value: str) -> str:
    """Markup text of ``value``: control and bidirectional characters shown as the tables show them
    (XML allows no C0 control at all, and none should reach a terminal the file is printed on), then
    escaped."""
    from hankkeet.render import visible

    return _escape(visible(value))


def _num(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")


def render_html(snapshot: Snapshot, view: MapView) -> str:
    rows = region_summary(view.projects)
    svg = render_svg(view, standalone=False)
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        f"<title>{escape(view.title)}</title>\n",
        "<style>\n"
        "body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;margin:24px;color:#1a1a1a;max-width:1100px}\n"
        "h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px}\n"
        ".headline{font-size:16px;font-weight:bold;margin:12px 0}\n"
        "table{border-collapse:collapse;font-size:13px}th,td{padding:3px 8px;text-align:left;"
        "border-bottom:1px solid #ddd;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
        ".swatch{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}\n"
        "figure{margin:0}figcaption{font-size:11px;color:#555}\n"
        "</style>\n</head>\n<body>\n",
        f"<h1>{escape(view.title)}</h1>\n<p>{escape(snapshot.source.subtitle)}</p>\n",
        f"<p class=\"headline\" id=\"headline\">{escape(headline(view.projects))}</p>\n",
        f"<p>{escape(view.subtitle)}. Hover over a municipality for its name, population and projects.</p>\n",
        f"<figure id=\"map\">{svg}</figure>\n",
        "<h2>Coverage by region</h2>\n",
        "<p>Direct: named in a project's area, or in a subregion or region named there. "
        "Cooperation only: reached through another municipality's regional cooperation.</p>\n",
        "<table id=\"regions\"><thead><tr><th>region</th><th>municipalities</th><th>direct</th>"
        "<th>cooperation only</th><th>population</th><th>population covered directly</th>"
        "<th>incl. cooperation</th></tr></thead><tbody>\n",
    ]
    for r in rows:
        parts.append(
            f"<tr><td>{escape(r.region)}</td><td class=n>{r.municipalities}</td><td class=n>{r.direct}</td>"
            f"<td class=n>{r.covered - r.direct}</td><td class=n>{_num(r.population)}</td>"
            f"<td class=n>{percent(r.population_share_direct)}</td>"
            f"<td class=n>{percent(r.population_share)}</td></tr>\n"
        )
    parts.append("</tbody></table>\n<h2>Projects</h2>\n<table id=\"projects\"><thead><tr><th>id</th>"
                 "<th>organisation</th><th>project</th><th>area</th><th>municipalities</th></tr></thead><tbody>\n")
    for p in view.projects:
        parts.append(
            f"<tr><td>{escape(p.id)}</td><td>{escape(p.organisation)}</td><td>{escape(p.name)}</td>"
            f"<td>{escape(p.area)}</td><td class=n>{len(p.municipalities)}</td></tr>\n"
        )
    parts.append("</tbody></table>\n<h2>Legend</h2>\n<p>")
    parts.append(" ".join(
        f"<span class=swatch style=\"background:{COLOURS[c]}\"></span>{escape(LABELS[c])}"
        for c in (*BASES, NOT_COVERED)
    ))
    parts.append(f"</p>\n<p><small>Source: {escape(snapshot.source.file)} (sha256 "
                 f"{escape(snapshot.source.sha256[:12])}…). Made with hankkeet.</small></p>\n</body>\n</html>\n")
    return "".join(parts)
