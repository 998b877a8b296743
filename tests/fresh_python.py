"""Running a snippet in a fresh interpreter: what start-up imports can only be seen from there."""

from __future__ import annotations

import subprocess
import sys


def run_fresh(code: str) -> str:
    """Standard output of ``code`` run by a new Python (offscreen Qt), stripped; fails loudly."""
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    return out.stdout.strip()
