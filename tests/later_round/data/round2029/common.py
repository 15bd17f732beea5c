# -*- coding: utf-8 -*-
import csv, json, re, unicodedata, os, datetime
from rows import ROWS, TITLE, SUBTITLE, YEAR
HERE = os.path.dirname(os.path.abspath(__file__))
KUNNAT = "/work/shared/reference/kunnat/kunnat.csv"
KARTTA = "/work/shared/reference/kartta/finland-hva-2021.topo.json"

def load_munis():
    with open(KUNNAT, encoding="utf-8") as f:
        return list(csv.DictReader(f))

def load_hva():
    d = json.load(open(KARTTA, encoding="utf-8"))
    m = {}
    for g in d["objects"]["munis"]["geometries"]:
        p = g["properties"]
        m.setdefault(p["hva_id"], []).append("%03d" % int(p["id"]))
    return m

def parse_period(s):
    m = re.fullmatch(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*[–—-]\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*", s)
    a = datetime.date(int(m[3]), int(m[2]), int(m[1])); b = datetime.date(int(m[6]), int(m[5]), int(m[4]))
    return a.isoformat(), b.isoformat()

def nfc(s): return unicodedata.normalize("NFC", re.sub(r"\s+", " ", s).strip())

def expected():
    munis = load_munis(); hva = load_hva()
    byname = {}
    for r in munis:
        byname[r["name_fi"]] = r["code"]; byname[r["name_sv"]] = r["code"]
    projects = []
    for i, r in enumerate(ROWS, 1):
        codes = set()
        for kind, val in r["res"]:
            if kind == "muni": codes.add(byname[val])
            elif kind == "region":
                c = [m["code"] for m in munis if m["maakunta_fi"] == val]; assert c, val; codes |= set(c)
            elif kind == "sub":
                c = [m["code"] for m in munis if m["seutukunta_fi"] == val]; assert c, val; codes |= set(c)
            elif kind == "hva": codes |= set(hva[val])
        for v in r["vague"]: assert v in r["area"]
        s, e = parse_period(r["period"])
        projects.append(dict(number=i, organisation=nfc(r["org"]), co_implementers=[nfc(c) for c in r["co"]],
            name=nfc(r["name"]), start=s, end=e, area=nfc(r["area"]), description=nfc(r["desc"]),
            expected_municipalities=sorted(codes), expected_vague=bool(r["vague"]),
            vague_terms=list(r["vague"])))
    return dict(title=nfc(TITLE), subtitle=nfc(SUBTITLE), year=YEAR, projects=projects)

def first_cell_lines(r):
    """Lines of column 1 as authored (before wrapping): org, coline, name, blank, period."""
    out = [r["org"]]
    if r["coline"]: out.append(r["coline"])
    return out
