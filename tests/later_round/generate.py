#!/usr/bin/env python3
"""Deterministic generator of fictional TEM summary tables, rounds 2022 and 2023.

Usage:  python generate.py OUTDIR
Needs fpdf2 and pdfminer.six (see README.md) and the pdftotext binary (poppler-utils).

For each round it writes
  roundYYYY.expected.json          ground truth
  roundYYYY_original.pdf           ministry-like: A4 portrait, grid, header on every page, rows whole
  roundYYYY_reflowed.pdf           other widths, no grid, rows split at page breaks, hyphenation,
                                   header on the first page only
  roundYYYY_landscape.pdf          A4 landscape, other font/size, footer + page numbers
  NAME.pdftotext.txt, NAME.pdftotext-layout.txt, NAME.pdfminer.txt   extractor outputs
  NAME.layout.json                 what the layout did (page of each row, split rows, line-end breaks)
  coverage.md                      which row exercises which point of the brief
"""
import csv
import datetime as dt
import json
import os
import re
import subprocess
import sys
import unicodedata

from fpdf import FPDF

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "data"))
import round2024  # noqa: E402
import rounds  # noqa: E402

FONTS = os.path.join(HERE, "fonts")
REF = os.path.join(HERE, "data", "ref")
FIXED_DATE = dt.datetime(2023, 6, 30, 12, 0, 0, tzinfo=dt.timezone.utc)


def norm(s):
    return " ".join(unicodedata.normalize("NFC", s).split())


# ---------------------------------------------------------------- reference data
class Ref:
    def __init__(self):
        with open(os.path.join(REF, "kunnat.csv"), encoding="utf-8") as f:
            self.rows = list(csv.DictReader(f))
        self.by_fi = {r["name_fi"]: r["code"] for r in self.rows}
        self.by_sv = {}
        for r in self.rows:
            self.by_sv.setdefault(r["name_sv"], []).append(r["code"])
        with open(os.path.join(REF, "finland-hva-2021.topo.json"), encoding="utf-8") as f:
            topo = json.load(f)
        self.hva = {}
        for g in topo["objects"]["munis"]["geometries"]:
            p = g["properties"]
            self.hva.setdefault(p["hva_id"], []).append(str(p["id"]).zfill(3))

    def resolve(self, spec):
        kind, _, val = spec.partition(":")
        if kind == "muni":
            return [self.by_fi[val]]
        if kind == "sv":
            codes = self.by_sv[val]
            assert len(codes) == 1, spec
            return codes
        if kind == "region":
            out = [r["code"] for r in self.rows if r["maakunta_fi"] == val]
        elif kind == "sub":
            out = [r["code"] for r in self.rows if r["seutukunta_fi"] == val]
        elif kind == "hva":
            out = list(self.hva[val])
        else:
            raise ValueError(spec)
        assert out, spec
        return out


# ---------------------------------------------------------------- expected json
PERIOD_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})\s*[-–—]\s*(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def co_text(co):
    if not co:
        return ""
    if len(co) == 1:
        return "(osatoteuttajana %s)" % co[0]
    return "(osatoteuttajina %s ja %s)" % (", ".join(co[:-1]), co[-1])


def build_expected(year, title, rows, ref):
    projects = []
    for i, r in enumerate(rows, 1):
        m = PERIOD_RE.match(r["period"])
        assert m, r["period"]
        d1, m1, y1, d2, m2, y2 = map(int, m.groups())
        start = dt.date(y1, m1, d1).isoformat()
        end = dt.date(y2, m2, d2).isoformat()
        assert (start, end) == (r["start"], r["end"]), (r["period"], r["start"], r["end"])
        codes = set()
        for spec in r["covers"]:
            codes.update(ref.resolve(spec))
        for v in r["vague"]:
            assert v in r["area"], (v, r["area"])
        projects.append({
            "number": i,
            "organisation": norm(r["org"]),
            "co_implementers": [norm(c) for c in r["co"]],
            "name": norm(r["name"]),
            "start": start,
            "end": end,
            "area": norm(r["area"]),
            "description": norm(r["desc"]),
            "expected_municipalities": sorted(codes),
            "expected_vague": bool(r["vague"]),
            "vague_terms": [norm(v) for v in r["vague"]],
        })
    return {"title": norm(title), "subtitle": norm(rounds.SUBTITLE), "year": year,
            "projects": projects}


# ---------------------------------------------------------------- hyphenation
VOWELS = set("aeiouyäöåAEIOUYÄÖÅ")


def is_cons(c):
    return c.isalpha() and c not in VOWELS


def break_points(word):
    """Candidate line-break positions inside one space-free token.

    Returns a list of (pos, kind): the line may end with word[:pos] (+ '-' when kind == 'ins').
    kind 'own' = after a hyphen that is part of the word (Etelä-|Pohjanmaa), nothing inserted.
    kind 'ins' = Finnish syllable boundary before a consonant+vowel pair; a hyphen is inserted.
    """
    out = []
    n = len(word)
    for i in range(1, n - 1):
        if word[i - 1] == "-" and word[i].isalpha() and i >= 3 and word[i - 2].isalpha():
            out.append((i, "own"))
    # alphabetic segments
    for m in re.finditer(r"[^\W\d_]+", word):
        seg = m.group()
        s0 = m.start()
        if any(c.isupper() for c in seg[1:]):  # acronyms, CamelCase brands
            continue
        for j in range(2, len(seg) - 2):
            if is_cons(seg[j]) and seg[j + 1] in VOWELS and len(seg) - j >= 3:
                out.append((s0 + j, "ins"))
    return sorted(set(out))


# ---------------------------------------------------------------- line breaking
class Typesetter:
    def __init__(self, pdf, family, size, hyphenate):
        self.pdf, self.family, self.size, self.hyphenate = pdf, family, size, hyphenate
        self._cache = {}

    def width(self, text, style):
        key = (text, style)
        if key not in self._cache:
            self.pdf.set_font(self.family, style, self.size)
            self._cache[key] = self.pdf.get_string_width(text)
        return self._cache[key]

    def split(self, word, style, avail, allow_ins):
        # a word's own hyphen is the preferred break; syllable breaks come second
        cands = break_points(word)
        order = [c for c in reversed(cands) if c[1] == "own"] + \
                [c for c in reversed(cands) if c[1] == "ins"]
        for pos, kind in order:
            if kind == "ins" and not allow_ins:
                continue
            head = word[:pos] + ("-" if kind == "ins" else "")
            if self.width(head, style) <= avail:
                return head, word[pos:], kind
        return None

    def wrap(self, tokens, maxw, events, nobreak=False):
        """tokens: list of (word, style). Returns lines: list of lists of (word, style)."""
        if nobreak:
            return [tokens]
        lines, cur, cur_w = [], [], 0.0
        queue = list(tokens)
        while queue:
            word, st = queue.pop(0)
            w = self.width(word, st)
            sp = self.width(" ", cur[-1][1]) if cur else 0.0
            if cur_w + sp + w <= maxw:
                cur.append((word, st))
                cur_w += sp + w
                continue
            avail = maxw - cur_w - sp
            res = None
            if self.hyphenate and avail > self.size * 1.2:
                res = self.split(word, st, avail, True)
            if res is None and not cur and w > maxw:  # emergency: word longer than the line
                res = self.split(word, st, maxw, True)
                if res is None:  # cut anywhere
                    k = len(word) - 1
                    while k > 1 and self.width(word[:k] + "-", st) > maxw:
                        k -= 1
                    res = (word[:k] + "-", word[k:], "ins")
            if res is not None:
                head, tail, kind = res
                cur.append((head, st))
                lines.append(cur)
                events.append({"kind": "inserted-hyphen" if kind == "ins" else "own-hyphen",
                               "word": word, "line_end": head, "next_line_start": tail})
                cur, cur_w = [], 0.0
                queue.insert(0, (tail, st))
                continue
            lines.append(cur)
            cur, cur_w = [], 0.0
            queue.insert(0, (word, st))
        if cur:
            lines.append(cur)
        return lines

    def paragraphs(self, paras, maxw, events):
        """paras: list of dicts {tokens, nobreak} or None for an empty line."""
        out = []
        for p in paras:
            if p is None:
                out.append([])
            else:
                lines = self.wrap(p["tokens"], maxw, events, p.get("nobreak", False))
                if lines:
                    lines[-1] = LastLine(lines[-1])
                out.extend(lines)
        return out


class LastLine(list):
    """The last line of a paragraph: never justified (compares equal to a plain list)."""


def toks(text, style=""):
    return [(w, style) for w in norm(text).split(" ")]


def cell_paragraphs(r):
    first = toks(r["org"], "B") + (toks(co_text(r["co"])) if r["co"] else [])
    return [
        [{"tokens": first}, {"tokens": toks(r["name"])}, None,
         {"tokens": [(norm(r["period"]), "")], "nobreak": True}],
        [{"tokens": toks(r["area"])}],
        [{"tokens": toks(r["desc"])}],
    ]


HEADER = ["Hankkeen tiedot", "Toiminta-alue", "Toiminnan kuvaus"]


# ---------------------------------------------------------------- PDF writer
class Doc(FPDF):
    def __init__(self, orientation, family):
        super().__init__(orientation=orientation, unit="pt", format="A4")
        self.set_auto_page_break(False)
        self.set_margins(0, 0, 0)
        self.add_font("DejaVuSans", "", os.path.join(FONTS, "DejaVuSans.ttf"))
        self.add_font("DejaVuSans", "B", os.path.join(FONTS, "DejaVuSans-Bold.ttf"))
        self.add_font("DejaVuSerif", "", os.path.join(FONTS, "DejaVuSerif.ttf"))
        self.add_font("DejaVuSerif", "B", os.path.join(FONTS, "DejaVuSerif-Bold.ttf"))
        self.family_name = family
        self.creation_date = FIXED_DATE
        self.set_creator("later_round/generate.py")
        self.set_producer("fpdf2")

    def draw_justified(self, x, y_base, runs, size, width, intra_gap, counter):
        """Each word placed on its own (no space glyphs), the line filled to ``width``;
        every third long word of a widely spaced line gets a small gap inside it, as an
        office suite's glyph positioning leaves in justified text."""
        widths = []
        for w, st in runs:
            self.set_font(self.family_name, st, size)
            widths.append(self.get_string_width(w))
        extra = (width - sum(widths)) / (len(runs) - 1)
        for (w, st), ww in zip(runs, widths):
            self.set_font(self.family_name, st, size)
            letters = [k for k, ch in enumerate(w) if ch.isalpha()]
            if intra_gap and extra > 0.55 * size and len(letters) >= 9 and not w[-1] == "-":
                counter[0] += 1
                if counter[0] % 3 == 0:
                    cut = len(w) // 2 + 1
                    self.text(x, y_base, w[:cut])
                    x2 = x + self.get_string_width(w[:cut]) + intra_gap * size
                    self.text(x2, y_base, w[cut:])
                    x += ww + intra_gap * size + extra
                    continue
            self.text(x, y_base, w)
            x += ww + extra

    def draw_line_runs(self, x, y_base, runs, size):
        """runs: list of (word, style); words of the same style are drawn in one text op."""
        groups = []
        for k, (w, st) in enumerate(runs):
            txt = w + (" " if k < len(runs) - 1 else "")
            if groups and groups[-1][1] == st:
                groups[-1][0] += txt
            else:
                groups.append([txt, st])
        for txt, st in groups:
            self.set_font(self.family_name, st, size)
            self.text(x, y_base, txt)
            x += self.get_string_width(txt)


MM = 72 / 25.4


def layout_round(exp_rows, title, style, out_pdf, meta):
    """style: dict with layout parameters. Returns layout info for NAME.layout.json."""
    landscape = style["orientation"] == "L"
    pdf = Doc(style["orientation"], style["family"])
    pw, ph = (842, 595) if landscape else (595, 842)
    pw, ph = pdf.w, pdf.h
    size = style["size"]
    lh = size * style["leading"]
    pad = style["pad"]
    left = style["margin_lr"] * MM
    top = style["margin_top"] * MM
    bottom = ph - style["margin_bottom"] * MM
    widths = [w * MM for w in style["cols"]]
    xs = [left]
    for w in widths[:-1]:
        xs.append(xs[-1] + w)
    table_w = sum(widths)
    ts = Typesetter(pdf, style["family"], size, style["hyphenate"])
    ts_title = Typesetter(pdf, style["family"], style["title_size"], style["hyphenate"])
    events = []
    info = {"pdf": os.path.basename(out_pdf), "rows": [], "line_breaks": events}

    # ---- prepare all rows
    prepared = []
    for i, r in enumerate(exp_rows, 1):
        cells = cell_paragraphs(r)
        ev0 = len(events)
        lines = [ts.paragraphs(cells[c], widths[c] - 2 * pad, events) for c in range(3)]
        for e in events[ev0:]:
            e["row"] = i
        prepared.append(lines)

    ts_header = ts if style.get("hyphenate_header", True) else Typesetter(pdf, style["family"], size, False)
    header_lines = [ts_header.paragraphs([{"tokens": toks(h, "B")}], widths[c] - 2 * pad, [])
                    for c, h in enumerate(HEADER)]
    header_h = max(len(x) for x in header_lines) * lh + 2 * pad

    pages = []  # list of list of draw ops, built first so the page count is known

    def new_page():
        pages.append([])
        return pages[-1]

    # ---- title block
    ops = new_page()
    y = top
    title_lines = ts_title.paragraphs([{"tokens": toks(title, "B")}], table_w, events)
    for ln in title_lines:
        ops.append(("line", left, y + style["title_size"], ln, style["title_size"]))
        y += style["title_size"] * 1.3
    y += style["title_size"] * 0.6
    ops.append(("line", left, y + style["sub_size"], toks(rounds.SUBTITLE), style["sub_size"]))
    y += style["sub_size"] * 1.3 + 10

    def put_header(ops, y):
        if style["grid"]:
            ops.append(("fill", left, y, table_w, header_h))
        for c in range(3):
            for k, ln in enumerate(header_lines[c]):
                ops.append(("line", xs[c] + pad, y + pad + (k + 1) * lh - lh * 0.22, ln, size))
        if style["grid"]:
            ops.append(("grid", y, header_h))
        elif style.get("rules"):
            ops.append(("rule", y + header_h))
        return y + header_h

    def body_line(x, yb, ln, avail):
        if style.get("justify") and len(ln) > 1 and not isinstance(ln, LastLine):
            return ("jline", x, yb, ln, size, avail)
        return ("line", x, yb, ln, size)

    y = put_header(ops, y)
    page_of_row = []
    for i, lines in enumerate(prepared, 1):
        nlines = max(len(c) for c in lines)
        row_h = nlines * lh + 2 * pad
        if style["split_rows"]:
            pos = [0, 0, 0]
            parts = []
            while True:
                remaining = [len(lines[c]) - pos[c] for c in range(3)]
                need = max(remaining) * lh + 2 * pad
                room = int((bottom - y - 2 * pad) // lh)
                if need <= bottom - y:
                    take = remaining
                elif room >= 2:
                    take = [min(room, remaining[c]) for c in range(3)]
                else:
                    ops = new_page()
                    y = top
                    if style["header_every_page"]:
                        y = put_header(ops, y)
                    continue
                for c in range(3):
                    for k in range(take[c]):
                        ln = lines[c][pos[c] + k]
                        ops.append(body_line(xs[c] + pad, y + pad + (k + 1) * lh - lh * 0.22, ln, widths[c] - 2 * pad))
                h = max(take) * lh + 2 * pad
                parts.append({"page": len(pages), "lines": take})
                pos = [pos[c] + take[c] for c in range(3)]
                y += h
                if all(pos[c] >= len(lines[c]) for c in range(3)):
                    break
                ops = new_page()
                y = top
                if style["header_every_page"]:
                    y = put_header(ops, y)
            info["rows"].append({"number": i, "pages": sorted({p["page"] for p in parts}),
                                 "split": len(parts) > 1, "parts": parts})
        else:
            if y + row_h > bottom:
                assert top + header_h + row_h <= bottom, "row %d taller than a page" % i
                ops = new_page()
                y = top
                if style["header_every_page"]:
                    y = put_header(ops, y)
            for c in range(3):
                for k, ln in enumerate(lines[c]):
                    ops.append(body_line(xs[c] + pad, y + pad + (k + 1) * lh - lh * 0.22, ln, widths[c] - 2 * pad))
            if style["grid"]:
                ops.append(("grid", y, row_h))
            elif style.get("rules"):
                ops.append(("rule", y + row_h))
            info["rows"].append({"number": i, "pages": [len(pages)], "split": False})
            y += row_h

    # ---- draw
    total = len(pages)
    counter = [0]
    for pno, ops in enumerate(pages, 1):
        pdf.add_page()
        pdf.set_draw_color(0)
        pdf.set_line_width(0.5)
        for op in ops:
            if op[0] == "line":
                _, x, yb, ln, sz = op
                pdf.draw_line_runs(x, yb, ln, sz)
            elif op[0] == "jline":
                _, x, yb, ln, sz, avail = op
                pdf.draw_justified(x, yb, ln, sz, avail, style.get("intra_gap", 0.0), counter)
            elif op[0] == "fill":
                _, x, yy, w, h = op
                pdf.set_fill_color(220, 220, 220)
                pdf.rect(x, yy, w, h, style="F")
            elif op[0] == "grid":
                _, yy, h = op
                pdf.rect(left, yy, table_w, h)
                for x in xs[1:]:
                    pdf.line(x, yy, x, yy + h)
            elif op[0] == "rule":
                pdf.set_line_width(0.3)
                pdf.line(left, op[1], left + table_w, op[1])
        if style.get("page_no_top"):
            pdf.set_font(style["family"], "", size)
            s = "%d(%d)" % (pno, total)
            pdf.text(left + table_w - pdf.get_string_width(s), top - 18, s)
        if style.get("footer"):
            pdf.set_font(style["family"], "", size - 1)
            fy = ph - style["margin_bottom"] * MM + 22
            pdf.set_line_width(0.3)
            pdf.line(left, fy - 12, left + table_w, fy - 12)
            pdf.text(left, fy, "Työ- ja elinkeinoministeriö")
            s = "Sivu %d/%d" % (pno, total)
            pdf.text(left + table_w - pdf.get_string_width(s), fy, s)
        if style.get("running_header"):
            pdf.set_font(style["family"], "", size - 1)
            hy = style["margin_top"] * MM - 14
            pdf.text(left, hy, "Työ- ja elinkeinoministeriö")
            s = "Erityisavustus %d – sivu %d (%d)" % (meta["year"], pno, total)
            pdf.text(left + table_w - pdf.get_string_width(s), hy, s)
        if style.get("centred_number"):
            pdf.set_font(style["family"], "", size - 1)
            s = "%d" % pno
            pdf.text(left + (table_w - pdf.get_string_width(s)) / 2, ph - style["margin_bottom"] * MM + 24, s)
    pdf.output(out_pdf)
    info["pages"] = total
    info.update(meta)
    return info


STYLES = {
    "original": dict(orientation="P", family="DejaVuSans", size=9.5, leading=1.22, pad=6,
                     cols=[50, 38, 82], margin_lr=20, margin_top=22, margin_bottom=18,
                     title_size=12, sub_size=11, hyphenate=True, grid=True,
                     header_every_page=True, split_rows=False, page_no_top=True),
    "reflowed": dict(orientation="P", family="DejaVuSans", size=9, leading=1.25, pad=5,
                     cols=[62, 27, 83], margin_lr=19, margin_top=20, margin_bottom=20,
                     title_size=13, sub_size=11, hyphenate=True, grid=False,
                     header_every_page=False, split_rows=True),
    "landscape": dict(orientation="L", family="DejaVuSerif", size=11, leading=1.2, pad=5,
                      cols=[80, 62, 125], margin_lr=15, margin_top=15, margin_bottom=22,
                      title_size=14, sub_size=12, hyphenate=False, grid=False, rules=True,
                      header_every_page=True, split_rows=False, footer=True),
}


# The 2024 round adds layouts for what extractors and parsers get wrong on office-suite
# output: columns set a single space apart in -layout text (narrow gutters, justified
# lines that reach the cell's edge), gaps inside words of justified lines, applicant
# names that wrap and hyphenate in a narrow first column, and a long document whose
# running header ends in a right-aligned page number (its left edge moves at page 10).
STYLES_2024 = {
    "narrow": dict(orientation="L", family="DejaVuSans", size=9, leading=1.2, pad=1.6,
                   cols=[46, 56, 165], margin_lr=15, margin_top=15, margin_bottom=15,
                   title_size=13, sub_size=11, hyphenate=True, grid=False, rules=True,
                   header_every_page=True, split_rows=False, justify=True),
    "justified": dict(orientation="P", family="DejaVuSerif", size=10, leading=1.25, pad=4,
                      cols=[40, 36, 94], margin_lr=20, margin_top=20, margin_bottom=20,
                      title_size=13, sub_size=11, hyphenate=True, grid=True,
                      header_every_page=True, split_rows=False, page_no_top=True,
                      justify=True, intra_gap=0.2),
    "long": dict(orientation="P", family="DejaVuSerif", size=14, leading=1.7, pad=8,
                 cols=[50, 46, 74], margin_lr=20, margin_top=25, margin_bottom=22,
                 title_size=14, sub_size=12, hyphenate=True, grid=False, rules=True,
                 header_every_page=True, split_rows=True, running_header=True, hyphenate_header=False,
                 centred_number=True),
}


def extract(pdf_path):
    base = pdf_path[:-4]
    subprocess.run(["pdftotext", pdf_path, base + ".pdftotext.txt"], check=True)
    subprocess.run(["pdftotext", "-layout", pdf_path, base + ".pdftotext-layout.txt"], check=True)
    from pdfminer.high_level import extract_text
    with open(base + ".pdfminer.txt", "w", encoding="utf-8") as f:
        f.write(extract_text(pdf_path))


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: python generate.py OUTDIR [YEAR ...]")
    outdir = sys.argv[1]
    only = {int(y) for y in sys.argv[2:]}
    os.makedirs(outdir, exist_ok=True)
    ref = Ref()
    cov = ["| round | # | organisation | exercises |", "|---|---|---|---|"]
    for year, title, rows in [(2022, rounds.TITLE_2022, rounds.ROWS_2022),
                              (2023, rounds.TITLE_2023, rounds.ROWS_2023),
                              (2024, round2024.TITLE_2024, round2024.ROWS_2024)]:
        if only and year not in only:
            continue
        exp = build_expected(year, title, rows, ref)
        with open(os.path.join(outdir, "round%d.expected.json" % year), "w", encoding="utf-8") as f:
            json.dump(exp, f, ensure_ascii=False, indent=2)
            f.write("\n")
        for i, r in enumerate(rows, 1):
            cov.append("| %d | %d | %s | %s |" % (year, i, r["org"], "; ".join(r["ex"])))
        for kind, style in {**STYLES, **(STYLES_2024 if year >= 2024 else {})}.items():
            name = "round%d_%s" % (year, kind)
            pdf_path = os.path.join(outdir, name + ".pdf")
            info = layout_round(rows, title, style, pdf_path, {"style": kind, "year": year})
            with open(os.path.join(outdir, name + ".layout.json"), "w", encoding="utf-8") as f:
                json.dump(info, f, ensure_ascii=False, indent=1)
                f.write("\n")
            if kind == "reflowed":
                assert any(r["split"] for r in info["rows"]), "no split row in " + name
                kinds = {e["kind"] for e in info["line_breaks"]}
                assert {"inserted-hyphen", "own-hyphen"} <= kinds, (name, kinds)
            if kind != "reflowed" and not style["split_rows"]:
                assert not any(r["split"] for r in info["rows"])
            if kind == "long":
                assert info["pages"] >= 10, info["pages"]
            extract(pdf_path)
    with open(os.path.join(outdir, "coverage.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(cov) + "\n")


if __name__ == "__main__":
    main()
