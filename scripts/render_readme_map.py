"""Render the default coverage map to docs/coverage-map.png for the README.

    uv run python scripts/render_readme_map.py

Needs Debian's chromium (headless); draws with `hankkeet map`, so the picture
is exactly what the tool makes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "coverage-map.png"


def main() -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("render_readme_map: chromium not found (apt-get install chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        svg = Path(tmp) / "coverage.svg"
        subprocess.run([sys.executable, "-m", "hankkeet", "map", "-o", str(svg)], check=True)
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp}/profile", f"--screenshot={OUT}", "--window-size=800,956",
             "--hide-scrollbars", svg.as_uri()],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
