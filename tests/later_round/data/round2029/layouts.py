# -*- coding: utf-8 -*-
import os, subprocess, html, tempfile, shutil
from rows import ROWS, TITLE, SUBTITLE
from common import HERE
import engine
from engine import wrap, para, layout, segments, width

ALL = ["grid", "svg", "narrow", "story", "xelatex"]
HEADER = ["Hankkeen tiedot", "Toiminta-alue", "Toiminnan kuvaus"]
OUT = lambda n: os.path.join(HERE, "2029_%s.pdf" % n)

def esc(s): return html.escape(s, quote=True)

# ---------------------------------------------------------------- SVG -> rsvg-convert
def build_svg():
    """Ministry-like grid, repeated header row, long row split across a page break, footer n(N)."""
    W, H = 595.0, 842.0; size = 9.0; lead = 11.0
    colw = [160, 110, 250]; L = 40
    tl = wrap(para(TITLE, True), 515, 12.5)
    top = 60 + len(tl)*16 + 30
    pages = layout(ROWS, (W, H), (L, 56, 40, 60), colw, size, lead, HEADER, hyphenate=True,
                   split_rows=True, first_top=top, pad=7.0)
    tmp = tempfile.mkdtemp(prefix="svg29_")
    files = []
    N = len(pages)
    for pi, pg in enumerate(pages):
        o = ['<svg xmlns="http://www.w3.org/2000/svg" width="%gpt" height="%gpt" viewBox="0 0 %g %g">' % (W, H, W, H),
             '<rect width="100%" height="100%" fill="white"/>',
             '<g font-family="DejaVu Sans" fill="black">']
        if pi == 0:
            for k, ln in enumerate(tl):
                o.append('<text x="%g" y="%g" font-size="12.5" font-weight="bold" xml:space="preserve">%s</text>'
                         % (L, 60 + k*16, esc(" ".join(t for t, b in ln))))
            o.append('<text x="%g" y="%g" font-size="11" xml:space="preserve">%s</text>' % (L, 60 + len(tl)*16 + 8, esc(SUBTITLE)))
        for (x, y, w, h) in pg["boxes"]:
            o.append('<rect x="%.2f" y="%.2f" width="%.2f" height="%.2f" fill="none" stroke="black" stroke-width="0.6"/>' % (x, y, w, h))
        for (x, y, ln) in pg["texts"]:
            for sx, t, b in segments(ln, size, x):
                o.append('<text x="%.2f" y="%.2f" font-size="%g"%s xml:space="preserve">%s</text>'
                         % (sx, y, size, ' font-weight="bold"' if b else "", esc(t)))
        o.append('<text x="%g" y="%g" font-size="8.5" text-anchor="end">%d(%d)</text>' % (W-40, 30, pi+1, N))
        o.append('</g></svg>')
        fn = os.path.join(tmp, "p%02d.svg" % pi); open(fn, "w", encoding="utf-8").write("\n".join(o)); files.append(fn)
    subprocess.run(["rsvg-convert", "-f", "pdf", "-o", OUT("svg")] + files, check=True)
    shutil.rmtree(tmp)

# ---------------------------------------------------------------- matplotlib
def build_narrow():
    """Portrait, narrow columns, own Finnish hyphenation at line ends, applicant NOT bold, no grid
    (only a rule under the header), header repeated, rows may split across pages."""
    import matplotlib
    matplotlib.use("pdf")
    matplotlib.rcParams["pdf.fonttype"] = 42
    matplotlib.rcParams["svg.hashsalt"] = "x"
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.font_manager import FontProperties
    FP = {False: FontProperties(fname=engine.FONTDIR + "DejaVuSansCondensed.ttf"),
          True: FontProperties(fname=engine.FONTDIR + "DejaVuSansCondensed-Bold.ttf")}
    W, H = 595.0, 842.0; size = 8.5; lead = 10.5
    colw = [122, 92, 200]; L = 100
    tl = wrap(para(TITLE, True), 395, 11, cond=True)
    top = 70 + len(tl)*14 + 26
    pages = layout(ROWS, (W, H), (L, 60, 100, 70), colw, size, lead, HEADER, hyphenate=True,
                   split_rows=True, first_top=top, cond=True, bold_org=False, pad=6.0)
    with PdfPages(OUT("narrow"), metadata={"Creator": "matplotlib", "CreationDate": None}) as pdf:
        for pi, pg in enumerate(pages):
            fig = plt.figure(figsize=(W/72, H/72))
            def T(x, y, s, b=False, sz=size, ha="left"):
                fig.text(x/W, 1 - y/H, s, fontproperties=FP[b], fontsize=sz, ha=ha, va="baseline")
            if pi == 0:
                for k, ln in enumerate(tl): T(L, 70 + k*14, " ".join(t for t, b in ln), True, 11)
                T(L, 70 + len(tl)*14 + 6, SUBTITLE, False, 10)
            for (x, y, ln) in pg["texts"]:
                for sx, t, b in segments(ln, size, x, cond=True): T(sx, y, t, b)
            hr = pg["hrules"][0]
            fig.add_artist(matplotlib.lines.Line2D([L/W, (L+sum(colw))/W], [1-hr/H, 1-hr/H], lw=0.7, color="k"))
            plt.close(fig) if False else None
            pdf.savefig(fig); plt.close(fig)

# ---------------------------------------------------------------- groff + tbl (gropdf)
def build_grid():
    """groff -t -ms -Tpdf: ministry-like full grid (allbox), header row repeated on each page (.TS H/.TH),
    applicant bold, base-14 Times fonts of gropdf."""
    def g(s):  # groff-safe line
        s = s.replace("\\", "\\e")
        return ("\\&" + s) if s[:1] in ".'" else s
    o = [".nr PS 10", ".nr VS 12", ".nr LL 6.3i", ".nr PO 1i", ".nr HM 0.8i", ".nr FM 0.9i",
         ".ds CH", ".ds RH %", ".hy 0",
         ".LP", ".ps 13", ".vs 16", ".B \"" + TITLE + "\"", ".ps 11", ".sp 0.5", SUBTITLE, ".ps 10", ".vs 12", ".sp 1",
         ".TS H", "allbox tab(@);", "lb lb lb", "lw(2.0i) lw(1.25i) lw(2.65i).",
         "@".join(HEADER), ".TH"]
    for r in ROWS:
        c1 = ["\\fB" + g(r["org"]) + "\\fP" + ((" " + r["coline"]) if r["coline"] else ""), g(r["name"]),
              ".sp 0.5", g(r["period"])]
        o.append("T{\n" + "\n.br\n".join(x for x in c1 if x != ".sp 0.5").replace(g(r["period"]), ".sp 0.5\n" + g(r["period"])) +
                 "\nT}@T{\n" + g(r["area"]) + "\nT}@T{\n" + g(r["desc"]) + "\nT}")
    o.append(".TE")
    src = os.path.join(HERE, "2029_grid.ms")
    open(src, "w", encoding="utf-8").write("\n".join(o) + "\n")
    with open(OUT("grid"), "wb") as f:
        subprocess.run(["groff", "-k", "-t", "-ms", "-Tpdf", "-P-pa4", src], stdout=f, check=True)

# ---------------------------------------------------------------- PyMuPDF insert_htmlbox
def build_story():
    """PyMuPDF (MuPDF HTML boxes via page.insert_htmlbox, one box per cell, own pagination): A4 landscape,
    no grid lines at all, header row repeated on each page, running header and footer 'Sivu n / N',
    applicant bold."""
    import pymupdf
    css = ("@font-face {font-family: dv; src: url(DejaVuSans.ttf);}"
           "@font-face {font-family: dv; src: url(DejaVuSans-Bold.ttf); font-weight: bold;}"
           "* {font-family: dv; font-size: 9pt; line-height: 1.25;} b {font-weight: bold;}"
           "p {margin: 0;}")
    arch = pymupdf.Archive(engine.FONTDIR)
    PW, PH = pymupdf.paper_size("a4-l")
    L, T, B = 50, 60, PH - 55
    colx = [(L, L + 230), (L + 245, L + 395), (L + 410, PW - 50)]
    def cells(r):
        c1 = "<b>%s</b>%s<br>%s<br><br>%s" % (esc(r["org"]), (" " + esc(r["coline"])) if r["coline"] else "",
                                             esc(r["name"]), esc(r["period"]))
        return [c1, esc(r["area"]), esc(r["desc"])]
    scratch = pymupdf.open(); sp = scratch.new_page(width=PW, height=3000)
    def height(h, x0, x1):
        spare, _ = sp.insert_htmlbox(pymupdf.Rect(x0, 0, x1, 2000), "<p>%s</p>" % h, css=css, archive=arch, scale_low=1)
        return 2000 - spare
    doc = pymupdf.open()
    def newpage(first):
        pg = doc.new_page(width=PW, height=PH); y = T
        if first:
            s1, _ = pg.insert_htmlbox(pymupdf.Rect(L, y, PW - 50, y + 60),
                "<p style='font-size:13pt'><b>%s</b></p><p style='font-size:11pt'>%s</p>" % (esc(TITLE), esc(SUBTITLE)),
                css=css, archive=arch, scale_low=1)
            y += 60 - s1 + 12
        for (x0, x1), h in zip(colx, HEADER):
            pg.insert_htmlbox(pymupdf.Rect(x0, y, x1, y + 20), "<p><b>%s</b></p>" % esc(h), css=css, archive=arch, scale_low=1)
        return pg, y + 20
    pg, y = newpage(True)
    for r in ROWS:
        cs = cells(r)
        hs = [height(c, x0, x1) for c, (x0, x1) in zip(cs, colx)]
        rh = max(hs) + 2
        if y + rh > B:
            pg, y = newpage(False)
        for c, (x0, x1) in zip(cs, colx):
            pg.insert_htmlbox(pymupdf.Rect(x0, y, x1, y + rh + 5), "<p>%s</p>" % c, css=css, archive=arch, scale_low=1)
        y += rh + 10
    N = doc.page_count
    for i, p in enumerate(doc):
        p.insert_font(fontname="dv", fontfile=engine.FONTDIR + "DejaVuSans.ttf")
        p.insert_text((50, 35), "Työ- ja elinkeinoministeriö – maahanmuuttajien ohjaus ja neuvonta 2029", fontname="dv", fontsize=8)
        p.insert_text((PW - 110, PH - 28), "Sivu %d / %d" % (i + 1, N), fontname="dv", fontsize=8)
    doc.set_metadata({"producer": "PyMuPDF %s" % pymupdf.VersionBind, "title": TITLE, "creationDate": "", "modDate": ""})
    doc.subset_fonts()
    doc.save(OUT("story"), garbage=4, deflate=True, no_new_id=True)
    doc.close()

# ---------------------------------------------------------------- XeLaTeX longtable
def build_xelatex():
    """XeLaTeX (xdvipdfmx) longtable: A4 portrait, DejaVu Serif, horizontal rules only (no vertical lines),
    header row repeated (\\endhead), TeX's own hyphenation, running header (fancyhdr) with short title
    and 'n (N)' page numbers, continuation footer."""
    def tx(s):
        for a, b in [("\\", r"\textbackslash{}"), ("&", r"\&"), ("%", r"\%"), ("$", r"\$"), ("#", r"\#"),
                     ("_", r"\_"), ("{", r"\{"), ("}", r"\}")]:
            s = s.replace(a, b)
        return s
    o = [r"\documentclass[10pt,a4paper]{article}",
         r"\usepackage[margin=2cm,top=2.5cm,headheight=14pt]{geometry}",
         r"\usepackage{fontspec}\setmainfont{DejaVu Serif}",
         r"\usepackage{longtable,array,fancyhdr,lastpage}",
         r"\pagestyle{fancy}\fancyhf{}\lhead{\small TEM -- Yhteenveto rahoitettavista hankkeista 2029}",
         r"\rhead{\small\thepage\ (\pageref{LastPage})}\renewcommand{\headrulewidth}{0.4pt}",
         r"\setlength{\parindent}{0pt}\renewcommand{\arraystretch}{1.15}",
         r"\begin{document}",
         r"{\large\bfseries " + tx(TITLE) + r"\par}\medskip",
         tx(SUBTITLE) + r"\par\bigskip",
         r"\begin{longtable}{>{\raggedright\arraybackslash}p{5.0cm}>{\raggedright\arraybackslash}p{3.3cm}p{8.0cm}}",
         r"\hline \textbf{%s} & \textbf{%s} & \textbf{%s}\\ \hline \endfirsthead" % tuple(HEADER),
         r"\hline \textbf{%s} & \textbf{%s} & \textbf{%s}\\ \hline \endhead" % tuple(HEADER),
         r"\hline \multicolumn{3}{r}{\footnotesize jatkuu seuraavalla sivulla}\\ \endfoot",
         r"\hline \endlastfoot"]
    for r in ROWS:
        c1 = r"\textbf{%s}%s\newline %s\newline\newline %s" % (tx(r["org"]), (" " + tx(r["coline"])) if r["coline"] else "",
                                                              tx(r["name"]), tx(r["period"]))
        o.append(r"%s & %s & %s \\ \hline" % (c1, tx(r["area"]), tx(r["desc"])))
    o += [r"\end{longtable}", r"\end{document}"]
    tmp = tempfile.mkdtemp(prefix="xtx29_")
    open(os.path.join(tmp, "t.tex"), "w", encoding="utf-8").write("\n".join(o) + "\n")
    shutil.copy(os.path.join(tmp, "t.tex"), os.path.join(HERE, "2029_xelatex.tex"))
    env = dict(os.environ, SOURCE_DATE_EPOCH="1861920000", FORCE_SOURCE_DATE="1")
    for _ in range(2):
        subprocess.run(["xelatex", "-interaction=nonstopmode", "t.tex"], cwd=tmp, env=env,
                       stdout=subprocess.DEVNULL, check=True)
    shutil.copy(os.path.join(tmp, "t.pdf"), OUT("xelatex")); shutil.rmtree(tmp)
