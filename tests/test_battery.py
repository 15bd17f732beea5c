"""The reliability battery (scripts/battery.py) holds every case, run as in CI."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.mark.slow
def test_battery_holds_every_case():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "battery.py")], capture_output=True, text=True,
                          cwd=ROOT, timeout=1200)
    failed = [line for line in done.stdout.splitlines() if line.startswith("FAIL")]
    assert done.returncode == 0 and not failed, "\n".join(failed) or done.stdout[-2000:] + done.stderr[-2000:]
    assert done.stdout.splitlines()[-1].startswith("held ")
