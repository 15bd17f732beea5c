#!/usr/bin/env python3
"""The 2027 round (data/round2027.py) typeset by typst and by WeasyPrint, writers other than fpdf2.

Usage:  python generate_2027.py OUTDIR
Needs the PyPI packages ``typst`` (0.15) and ``weasyprint`` (70), pdfminer.six, fpdf2 (for
generate.py's helpers) and the pdftotext binary; not project dependencies, e.g.
``uv run --with typst --with weasyprint --with fpdf2 python generate_2027.py OUT``.

Writes round2027.expected.json and, for each layout, the PDF and its three extractor texts:

* ``round2027_typst``: A4 portrait, DejaVu Sans 9 pt, columns 30/18/52 %, no gutter and a
  2 pt inset (the cells' text runs close together), justified, Finnish hyphenation,
  horizontal rules, the header repeated on every page, a running header and ``Sivu n / N``.
* ``round2027_typstwide``: A4 landscape, DejaVu Serif 10 pt, columns 22/24/54 % with a
  12 pt gutter, ragged right, no hyphenation, rows split across pages.
* ``round2027_weasy``: WeasyPrint, A4 portrait, DejaVu Sans Condensed 8.5 pt, a full grid,
  zebra rows, ragged right, its own Finnish hyphenation (pyphen), page numbers at the bottom.

In every layout the applicant is bold and the co-implementer parenthesis follows it in
regular type; the project name and the period are on lines of their own.
"""
import html
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "data"))
import generate  # noqa: E402  (Ref, build_expected, co_text, extract)
import round2027  # noqa: E402

SHY = "\u00ad"
FONTDIRS = ["/usr/share/fonts/truetype/dejavu"]


def plain(text):
    return text.replace(SHY, "")


def typst_escape(text):
    out = []
    for ch in text:
        if ch in "\\#*_[]$<>@`=~/\"'":
            out.append("\\" + ch)
        elif ch == SHY:
            out.append("\\u{ad}")
        else:
            out.append(ch)
    return "".join(out)


def typst_source(rows, wide):
    if wide:
        page = ('#set page(paper: "a4", flipped: true, margin: (x: 1.6cm, y: 1.8cm))\n'
                '#set text(font: "DejaVu Serif", size: 10pt, lang: "fi", hyphenate: false)\n'
                "#set par(justify: false, leading: 0.55em)\n")
        table = ("#table(columns: (22%, 24%, 54%), column-gutter: 12pt, inset: (x: 0pt, y: 4pt),\n"
                 "  stroke: none,\n")
    else:
        page = ('#set page(paper: "a4", margin: (x: 1.8cm, top: 2.3cm, bottom: 2cm),\n'
                '  header: [#set text(8pt); Työ- ja elinkeinoministeriö #h(1fr) Ohjaus- ja neuvontapalvelut 2027],\n'
                '  footer: context [#set text(8pt); #h(1fr) Sivu #counter(page).display() / '
                "#counter(page).final().first()])\n"
                '#set text(font: "DejaVu Sans", size: 9pt, lang: "fi", hyphenate: true)\n'
                "#set par(justify: true, leading: 0.5em)\n")
        table = ("#table(columns: (30%, 18%, 52%), column-gutter: 0pt, inset: (x: 2pt, y: 4pt),\n"
                 "  stroke: (x, y) => (top: 0.4pt, bottom: 0.4pt, left: none, right: none),\n")
    out = ['#set document(title: "Yhteenveto 2027", date: none)\n', page,
           "#text(13pt, weight: \"bold\")[%s]\n\n#text(11pt)[%s]\n#v(6pt)\n" % (
               typst_escape(round2027.TITLE_2027), typst_escape(generate.rounds.SUBTITLE)),
           table, "  table.header(repeat: true, [*Hankkeen tiedot*], [*Toiminta-alue*], [*Toiminnan kuvaus*]),\n"]
    for r in rows:
        co = generate.co_text(r["co"])
        first = "#strong[%s]" % typst_escape(r["org"]) + (" " + typst_escape(co) if co else "")
        info = "%s \\ %s \\ #v(2pt) %s" % (first, typst_escape(r["name"]), typst_escape(r["period"]))
        out.append("  [%s], [%s], [%s],\n" % (info, typst_escape(r["area"]), typst_escape(r["desc"])))
    out.append(")\n")
    return "".join(out)


def typst_pdf(rows, pdf, wide):
    import typst
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "round.typ")
        with open(src, "w", encoding="utf-8") as f:
            f.write(typst_source(rows, wide))
        typst.compile(src, output=pdf, font_paths=FONTDIRS)


def weasy_html(rows):
    def esc(text):
        # WeasyPrint 70 breaks a line with a soft hyphen only there: its own hyphenation instead.
        return html.escape(plain(text))

    body = []
    for r in rows:
        co = generate.co_text(r["co"])
        first = "<b>%s</b>" % esc(r["org"]) + (" " + esc(co) if co else "")
        body.append("<tr><td>%s<br>%s<br><span class=p>%s</span></td><td>%s</td><td>%s</td></tr>" % (
            first, esc(r["name"]), esc(r["period"]), esc(r["area"]), esc(r["desc"])))
    return """<!doctype html><html lang=fi><head><meta charset=utf-8><style>
@page { size: A4; margin: 18mm 16mm 20mm 16mm; @bottom-center { content: counter(page); font: 8pt 'DejaVu Sans'; } }
body { font-family: 'DejaVu Sans Condensed', 'DejaVu Sans'; font-size: 8.5pt; }
h1 { font-size: 13pt; } p.sub { font-size: 11pt; }
table { border-collapse: collapse; width: 100%%; }
td, th { border: 0.5pt solid #000; vertical-align: top; padding: 2pt 3pt; text-align: left; hyphens: auto; }
th { background: #ddd; } tr:nth-child(even) td { background: #eee; }
.p { display: block; margin-top: 3pt; } tr { page-break-inside: avoid; }
col.a { width: 34%%; } col.b { width: 20%%; } col.c { width: 46%%; }
</style></head><body><h1>%s</h1><p class=sub>%s</p>
<table><colgroup><col class=a><col class=b><col class=c></colgroup>
<thead><tr><th>Hankkeen tiedot</th><th>Toiminta-alue</th><th>Toiminnan kuvaus</th></tr></thead>
<tbody>%s</tbody></table></body></html>""" % (esc(round2027.TITLE_2027), esc(generate.rounds.SUBTITLE),
                                               "\n".join(body))


def weasy_pdf(rows, pdf):
    import weasyprint
    weasyprint.HTML(string=weasy_html(rows)).write_pdf(pdf)


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: python generate_2027.py OUTDIR")
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    rows = [{k: (plain(v) if isinstance(v, str) and k != "desc" else v) for k, v in r.items()}
            for r in round2027.ROWS_2027]
    expected_rows = [{**r, "desc": plain(r["desc"])} for r in rows]
    exp = generate.build_expected(2027, round2027.TITLE_2027, expected_rows, generate.Ref())
    with open(os.path.join(outdir, "round2027.expected.json"), "w", encoding="utf-8") as f:
        json.dump(exp, f, ensure_ascii=False, indent=2)
        f.write("\n")
    for name, make in (("round2027_typst", lambda p: typst_pdf(rows, p, wide=False)),
                       ("round2027_typstwide", lambda p: typst_pdf(rows, p, wide=True)),
                       ("round2027_weasy", lambda p: weasy_pdf(rows, p))):
        pdf = os.path.join(outdir, name + ".pdf")
        make(pdf)
        generate.extract(pdf)
    subprocess.run(["pdfinfo", os.path.join(outdir, "round2027_typst.pdf")], check=True, stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    main()
