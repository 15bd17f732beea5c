# -*- coding: utf-8 -*-
"""Tiny deterministic table layout engine (own line breaking) used by the matplotlib and SVG layouts."""
import re
from fontTools.ttLib import TTFont
FONTDIR = "/usr/share/fonts/truetype/dejavu/"
_F = {}
SPLIT = []  # organisations of rows that were split across a page break (diagnostics)
def _font(bold, cond=False):
    key = (bold, cond)
    if key not in _F:
        fn = "DejaVuSans%s%s.ttf" % ("Condensed" if cond else "", "-Bold" if bold else "")
        f = TTFont(FONTDIR + fn); cmap = f.getBestCmap(); hm = f["hmtx"].metrics
        _F[key] = (cmap, hm, f["head"].unitsPerEm)
    return _F[key]

def width(s, size, bold=False, cond=False):
    cmap, hm, upm = _font(bold, cond)
    return sum(hm[cmap.get(ord(c), cmap[ord("?")])][0] for c in s) * size / upm

VOW = set("aeiouyäöåAEIOUYÄÖÅ")
def hyph_points(w):
    """Candidate split positions: after a genuine hyphen, or Finnish-style before consonant+vowel."""
    pts = []
    for i in range(1, len(w)):
        if w[i-1] == "-" and i >= 3 and len(w) - i >= 2: pts.append((i, False))
        elif (i >= 2 and len(w) - i >= 3 and w[i].isalpha() and w[i] not in VOW and
              i + 1 < len(w) and w[i+1] in VOW and w[i-1].isalpha() and "-" not in w[i-1:i+2]):
            pts.append((i, True))
    return pts

def wrap(words, maxw, size, hyphenate=False, cond=False):
    """words: list of (text, bold). Returns lines: list of list of (text, bold) words."""
    lines, cur, curw = [], [], 0.0
    sp = width(" ", size, False, cond)
    queue = list(words)
    while queue:
        t, b = queue.pop(0)
        ww = width(t, size, b, cond)
        add = ww + (sp if cur else 0)
        if curw + add <= maxw:
            cur.append((t, b)); curw += add; continue
        if hyphenate and len(t) >= 8:
            best = None
            for i, soft in hyph_points(t):
                head = t[:i] + ("-" if soft else "")
                if curw + (sp if cur else 0) + width(head, size, b, cond) <= maxw: best = (i, head)
            if best:
                cur.append((best[1], b)); lines.append(cur); cur, curw = [], 0.0
                queue.insert(0, (t[best[0]:], b)); continue
        if cur:
            lines.append(cur); cur, curw = [], 0.0; queue.insert(0, (t, b)); continue
        cur = [(t, b)]; curw = ww  # overlong word alone
    if cur: lines.append(cur)
    return lines

def para(text, bold=False):
    return [(w, bold) for w in text.split()]

def cell1(r, bold_org=True):
    p1 = para(r["org"], bold_org) + (para(r["coline"]) if r["coline"] else [])
    return [p1, para(r["name"]), [], para(r["period"].replace(" ", "\u00a0") if False else r["period"])]

def layout(rows, page, margins, colw, size, lead, header, hyphenate=False, split_rows=True,
           pad=3.0, first_top=None, cond=False, bold_org=True, head_repeat=True):
    """Returns pages: list of dict(lines=[(x,y,[(t,b)])], rules=[...], cells=[(x,y,w,h)])."""
    W, H = page; L, T, R, B = margins
    xs = [L]
    for w in colw[:-1]: xs.append(xs[-1] + w)
    pages = []
    def newpage(first):
        pg = dict(texts=[], boxes=[], hrules=[])
        pages.append(pg)
        y = first_top if (first and first_top) else T
        if head_repeat or first:
            hl = [wrap(para(h, True), colw[i] - 2*pad, size, False, cond) for i, h in enumerate(header)]
            n = max(len(x) for x in hl); hh = n*lead + 2*pad
            for i, ls in enumerate(hl):
                for k, ln in enumerate(ls):
                    pg["texts"].append((xs[i]+pad, y+pad+(k+0.8)*lead, ln))
                pg["boxes"].append((xs[i], y, colw[i], hh))
            pg["hrules"].append(y+hh)
            y += hh
        return pg, y
    pg, y = newpage(True)
    for r in rows:
        cols = []
        c1 = []
        for p in cell1(r, bold_org):
            c1 += wrap(p, colw[0]-2*pad, size, hyphenate, cond) if p else [[]]
        cols.append(c1)
        cols.append(wrap(para(r["area"]), colw[1]-2*pad, size, hyphenate, cond))
        cols.append(wrap(para(r["desc"]), colw[2]-2*pad, size, hyphenate, cond))
        start = [0, 0, 0]
        while True:
            avail = H - B - y - 2*pad
            nfit = int(avail // lead)
            remaining = max(len(c) - s for c, s in zip(cols, start))
            if remaining > nfit and (not split_rows or nfit < 3 or remaining <= 4):
                if y > T + 40:  # move whole (rest of) row to next page
                    pg, y = newpage(False); continue
            take = min(nfit, remaining)
            rh = take*lead + 2*pad
            for i, c in enumerate(cols):
                for k, ln in enumerate(c[start[i]:start[i]+take]):
                    pg["texts"].append((xs[i]+pad, y+pad+(k+0.8)*lead, ln))
                pg["boxes"].append((xs[i], y, colw[i], rh))
                start[i] += take
            pg["hrules"].append(y+rh)
            y += rh
            if all(s >= len(c) for c, s in zip(cols, start)): break
            SPLIT.append(r['org']); pg, y = newpage(False)
    return pages

def segments(ln, size, x0, cond=False):
    """Merge a line's words into same-weight segments with x positions."""
    segs, x = [], x0
    sp = width(" ", size, False, cond)
    cur_t, cur_b, cur_x = None, None, x0
    for t, b in ln:
        if cur_t is None: cur_t, cur_b, cur_x = t, b, x
        elif b == cur_b: cur_t += " " + t
        else:
            segs.append((cur_x, cur_t, cur_b)); x = cur_x + width(cur_t, size, cur_b, cond) + sp
            cur_t, cur_b, cur_x = t, b, x
    if cur_t is not None: segs.append((cur_x, cur_t, cur_b))
    return segs
