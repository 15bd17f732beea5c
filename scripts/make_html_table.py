"""Write the 21-project table as HTML in a few print layouts, for a browser's print-to-PDF.

    python scripts/make_html_table.py OUTDIR

Standard library only. Writes OUTDIR/<variant>.html for each variant below;
print each to PDF with an HTML engine, e.g. headless Chromium:

    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --user-data-dir="$(mktemp -d)" --print-to-pdf=OUT.pdf FILE.html

or WeasyPrint (`uv run --with weasyprint weasyprint FILE.html OUT.pdf`).
The PDFs made this way are described in tests/fixtures/README.md.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "hankkeet" / "data" / "projects.json"

BASE_CSS = """
body { font-family: "DejaVu Sans", "Liberation Sans", sans-serif; font-size: 9.5pt; }
h1 { font-size: 13pt; font-weight: normal; margin: 0 0 6pt 0; }
h2 { font-size: 11pt; font-weight: normal; margin: 0 0 14pt 0; }
table { border-collapse: collapse; width: 100%; }
th { text-align: left; font-weight: bold; }
th, td { padding: 3pt 5pt; vertical-align: top; }
td p { margin: 0; }
"""

VARIANTS: dict[str, str] = {
    # A4 portrait, grid, the browser's own Finnish hyphenation (soft breaks).
    "grid_hyph": """
@page { size: A4 portrait; margin: 18mm 16mm; }
th, td { border: 0.5pt solid #000; }
th { background: #ddd; }
td { hyphens: auto; -webkit-hyphens: auto; }
col.info { width: 30%; } col.area { width: 20%; } col.desc { width: 50%; }
tr { break-inside: avoid; }
""",
    # No borders, cells centred vertically, rows may split across pages.
    "plain_middle": """
@page { size: A4 portrait; margin: 20mm 18mm; }
th, td { vertical-align: middle; padding: 5pt 6pt; }
col.info { width: 34%; } col.area { width: 18%; } col.desc { width: 48%; }
tr { break-inside: auto; }
""",
    # Landscape, serif, other widths, horizontal rules only, page numbers in @page margin boxes.
    "landscape_serif": """
@page { size: A4 landscape; margin: 15mm 20mm 18mm 20mm;
        @top-right { content: counter(page) "(" counter(pages) ")"; font-size: 9pt; } }
body { font-family: "DejaVu Serif", "Liberation Serif", serif; font-size: 10.5pt; }
th, td { border-top: 0.75pt solid #000; border-bottom: 0.75pt solid #000; }
col.info { width: 24%; } col.area { width: 14%; } col.desc { width: 62%; }
tr { break-inside: auto; }
""",
    # Narrow info column with hyphenation, rows split, page numbers bottom centre.
    "narrow_split": """
@page { size: A4 portrait; margin: 15mm 15mm 20mm 15mm;
        @bottom-center { content: "Sivu " counter(page) "(" counter(pages) ")"; font-size: 8pt; } }
body { font-size: 10pt; }
th, td { border: 0.5pt solid #444; }
td { hyphens: auto; -webkit-hyphens: auto; }
col.info { width: 22%; } col.area { width: 17%; } col.desc { width: 61%; }
tr { break-inside: auto; }
""",
    # No borders, zebra-striped rows (background fills, no rules), top-aligned, rows split.
    "striped": """
@page { size: A4 portrait; margin: 16mm; }
body { font-family: "Liberation Sans", sans-serif; font-size: 9pt; }
thead th { border-bottom: 1.5pt solid #000; }
tbody tr:nth-child(odd) td { background: #e8eef4; }
col.info { width: 28%; } col.area { width: 22%; } col.desc { width: 50%; }
tr { break-inside: auto; }
""",
    # Line breaks instead of paragraphs, no blank line before the period, underlined rows only.
    "compact_br": """
@page { size: A4 portrait; margin: 12mm 14mm; }
body { font-family: "Liberation Serif", serif; font-size: 10pt; }
td { border-bottom: 0.5pt solid #888; padding: 2pt 4pt; }
col.info { width: 38%; } col.area { width: 16%; } col.desc { width: 46%; }
tr { break-inside: auto; }
""",
    # Cells aligned to the bottom, justified text, an upper-case letter-spaced header, running footer.
    "bottom_justify": """
@page { size: A4 portrait; margin: 15mm 15mm 22mm 15mm;
        @bottom-left { content: "Työ- ja elinkeinoministeriö"; font-size: 8pt; }
        @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; } }
th { text-transform: uppercase; letter-spacing: 0.6pt; font-size: 8pt; border-bottom: 1pt solid #000; }
td { vertical-align: bottom; text-align: justify; padding: 6pt 5pt; }
col.info { width: 31%; } col.area { width: 19%; } col.desc { width: 50%; }
tr { break-inside: avoid; }
""",
}

# Variants whose info cell uses <br> between its parts and no empty line before the period.
COMPACT = {"compact_br"}


# Browsers here have no Finnish hyphenation dictionary (Chromium fetches them
# at run time, pyphen has none), so these variants carry soft hyphens (U+00AD)
# at Finnish syllable boundaries and the engine breaks at them.
SOFT_HYPHENS = {"grid_hyph", "narrow_split"}
_VOWELS = "aeiouyäöå"
_WORD = re.compile(r"[^\W\d_]+")


def syllabify(word: str) -> str:
    """Soft hyphens before each consonant that starts a syllable (consonant + vowel), 3+ letters each side."""
    out = []
    for i, ch in enumerate(word):
        if (
            3 <= i <= len(word) - 3
            and ch.lower() not in _VOWELS
            and word[i + 1].lower() in _VOWELS
            and any(c.lower() in _VOWELS for c in word[:i])
        ):
            out.append("\u00ad")
        out.append(ch)
    return "".join(out)


def soft(text: str, on: bool) -> str:
    return _WORD.sub(lambda m: syllabify(m.group()), text) if on else text


def finnish_date(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{int(day)}.{int(month)}.{year}"


def applicant(project: dict, shy: bool) -> str:
    out = f"<b>{soft(html.escape(project['organisation']), shy)}</b>"
    co = project["co_implementers"]
    if co:
        # The records keep the parenthesis' content; the document words it like this.
        label = "osatoteuttajana" if len(co) == 1 else "osatoteuttajina"
        out += soft(f" ({label} {html.escape(' ja '.join(co))})", shy)
    return out


def document(css: str, shy: bool = False, compact: bool = False) -> str:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    rows = []
    for p in data["projects"]:
        period = f"{finnish_date(p['start'])}–{finnish_date(p['end'])}"
        name = soft(html.escape(p["name"]), shy)
        if compact:
            info = f"{applicant(p, shy)}<br>{name}<br>{period}"
        else:
            info = f"<p>{applicant(p, shy)}</p><p>{name}</p><p>&nbsp;</p><p>{period}</p>"
        area, description = soft(html.escape(p["area"]), shy), soft(html.escape(p["description"]), shy)
        rows.append(f"<tr><td>{info}</td><td>{area}</td><td>{description}</td></tr>")
    source = data["source"]
    return f"""<!DOCTYPE html>
<html lang="fi"><head><meta charset="utf-8"><title>{html.escape(source['subtitle'])}</title>
<style>{BASE_CSS}{css}</style></head><body>
<h1>{html.escape(source['title'])}</h1>
<h2>{html.escape(source['subtitle'])}</h2>
<table>
<colgroup><col class="info"><col class="area"><col class="desc"></colgroup>
<thead><tr><th>Hankkeen tiedot</th><th>Toiminta-alue</th><th>Toiminnan kuvaus</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table>
</body></html>
"""


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for name, css in VARIANTS.items():
        (out / f"{name}.html").write_text(document(css, name in SOFT_HYPHENS, name in COMPACT), encoding="utf-8")
        print(out / f"{name}.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
