#!/usr/bin/env python3
"""The 2024 round typeset by reportlab Platypus, a writer other than fpdf2.

Usage:  uv run --with reportlab python generate_reportlab.py OUTDIR
Needs reportlab (5.x; not a project dependency), fpdf2 (for generate.py's helpers),
pdfminer.six and the pdftotext binary.

Writes round2024_reportlab.pdf and its three extractor texts: A4 portrait, DejaVu Sans
9 pt (embedded), a Platypus Table with a grid and the header row repeated on every page
(repeatRows=1), Paragraph cells (the applicant in <b>), rows kept whole. Every word
carries soft hyphens at its Finnish syllable boundaries and the paragraphs split there
(embeddedHyphenation): reportlab ends such a line with a hyphen-minus (U+002D), the same
character as a compound's own hyphen (``Etelä-Karjalan``, ``kasvatus- ja``), which it
also breaks after. A bare page number is centred in the footer of every page.
"""
import os
import sys

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "data"))
import generate  # noqa: E402  (break_points, co_text, norm, extract)
import round2024  # noqa: E402

SHY = "\u00ad"


def shy(text):
    """Soft hyphens at the Finnish syllable boundaries of every word (none inside a period)."""
    out = []
    for word in generate.norm(text).split(" "):
        points = [pos for pos, kind in generate.break_points(word) if kind == "ins"]
        for pos in reversed(points):
            word = word[:pos] + SHY + word[pos:]
        out.append(word)
    return " ".join(out)


def main():
    outdir = sys.argv[1]
    fonts = os.path.join(HERE, "fonts")
    pdfmetrics.registerFont(TTFont("DejaVuSans", os.path.join(fonts, "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", os.path.join(fonts, "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily("DejaVuSans", normal="DejaVuSans", bold="DejaVuSans-Bold")
    cell = ParagraphStyle("cell", fontName="DejaVuSans", fontSize=9, leading=11.5, embeddedHyphenation=1,
                          hyphenationLang="fi_FI", uriWasteReduce=0.3)
    head = ParagraphStyle("head", parent=cell, fontName="DejaVuSans-Bold")
    title = ParagraphStyle("title", fontName="DejaVuSans-Bold", fontSize=13, leading=16, spaceAfter=6)
    subtitle = ParagraphStyle("subtitle", fontName="DejaVuSans", fontSize=11, leading=14, spaceAfter=10)
    data = [[Paragraph(h, head) for h in generate.HEADER]]
    for r in round2024.ROWS_2024:
        first = "<b>%s</b>" % shy(r["org"]) + (" " + shy(generate.co_text(r["co"])) if r["co"] else "")
        info = "%s<br/>%s<br/><br/>%s" % (first, shy(r["name"]), generate.norm(r["period"]))
        data.append([Paragraph(info, cell), Paragraph(shy(r["area"]), cell), Paragraph(shy(r["desc"]), cell)])
    table = Table(data, colWidths=[48 * mm, 34 * mm, 88 * mm], repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dddddd")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont("DejaVuSans", 8)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, "%d" % doc.page)
        canvas.restoreState()

    path = os.path.join(outdir, "round2024_reportlab.pdf")
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                            bottomMargin=20 * mm, invariant=1, creator="later_round/generate_reportlab.py")
    doc.build([Paragraph(shy(round2024.TITLE_2024), title), Paragraph(generate.norm("Yhteenveto rahoitettavista "
               "hankkeista"), subtitle), Spacer(1, 4), table], onFirstPage=footer, onLaterPages=footer)
    generate.extract(path)


if __name__ == "__main__":
    main()
