# -*- coding: utf-8 -*-
"""Deterministic generator: expected.json + five PDFs. Run with /root/blind6/.venv/bin/python generate.py [layout...]"""
import json, sys, os
os.environ.setdefault("SOURCE_DATE_EPOCH", "1861920000")  # 2029-01-01, fixed dates for groff/cairo/xetex
os.environ.setdefault("FORCE_SOURCE_DATE", "1")
from common import expected, HERE
import layouts

def main(argv):
    exp = expected()
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(exp, f, ensure_ascii=False, indent=1)
    todo = argv or layouts.ALL
    for name in todo:
        getattr(layouts, "build_" + name)()

if __name__ == "__main__":
    main(sys.argv[1:])
