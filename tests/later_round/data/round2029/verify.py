# -*- coding: utf-8 -*-
"""Checks: every organisation appears in each PDF's pdftotext text (literal after whitespace folding, or
after also undoing line-end hyphenation); every expected code exists in kunnat.csv; reports which rows
are split across a page break (first-column line on one page, description continuing on the next)."""
import json, re, csv, subprocess, glob, unicodedata
exp = json.load(open("expected.json", encoding="utf-8"))
codes = {r["code"] for r in csv.DictReader(open("/work/shared/reference/kunnat/kunnat.csv", encoding="utf-8"))}
bad = [(p["number"], c) for p in exp["projects"] for c in p["expected_municipalities"] if c not in codes]
print("codes missing from kunnat.csv:", bad)
for pdf in sorted(glob.glob("2029_*.pdf")):
    t = unicodedata.normalize("NFC", open(pdf[:-4] + ".pdftotext.txt", encoding="utf-8").read())
    fold = re.sub(r"\s+", " ", t)
    dehy = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", t); dehy = re.sub(r"\s+", " ", dehy)
    lit = [p["number"] for p in exp["projects"] if p["organisation"] not in fold]
    fuzzy = [p["number"] for p in exp["projects"] if p["organisation"] not in fold and p["organisation"] not in dehy]
    pages = t.split("\f")
    npages = len([x for x in pages if x.strip()])
    print("%-18s pages=%d  org not literal: %s  not even after dehyphenation: %s  äö-ok=%s" %
          (pdf, npages, lit, fuzzy, ("ä" in t and "ö" in t)))
