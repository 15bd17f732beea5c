#!/bin/sh
# Produce the three text extractions for every 2029_*.pdf
cd "$(dirname "$0")"
for f in 2029_*.pdf; do b=${f%.pdf}
  pdftotext "$f" "$b.pdftotext.txt"
  pdftotext -layout "$f" "$b.pdftotext-layout.txt"
  /root/blind6/.venv/bin/python -c "import sys,pdfminer.high_level as h; open(sys.argv[2],'w',encoding='utf-8').write(h.extract_text(sys.argv[1]))" "$f" "$b.pdfminer.txt"
done
